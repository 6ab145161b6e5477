"""The moderators' view of comments: one readable status, filters by article and
status, what each comment answers, and the latest comments on the article's page."""

import pytest
from django.urls import reverse
from django.utils import timezone
from django_comments.models import CommentFlag

from comments.models import Comment, CommentStatus
from tests.articles.factories import ArticleFactory, UserFactory
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:comments_comment_changelist")


def change_url(comment) -> str:
    return reverse("admin:comments_comment_change", args=[comment.pk])


@pytest.fixture
def four_states(article):
    published = CommentFactory(article=article, comment="Published words.")
    held = CommentFactory(article=article, comment="Held words.", is_public=False)
    hidden = CommentFactory(article=article, comment="Hidden words.", is_public=False)
    Comment.objects.filter(pk=hidden.pk).update(reviewed_at=timezone.now())
    reported = CommentFactory(article=article, comment="Reported words.", is_public=False)
    CommentFlag.objects.create(
        comment=reported, user=UserFactory(), flag=CommentFlag.SUGGEST_REMOVAL
    )
    removed = CommentFactory(article=article, comment="Removed words.", is_removed=True)
    return {"published": published, "held": held, "hidden": hidden, "reported": reported,
            "removed": removed}  # fmt: skip


def test_each_comment_has_one_status_in_the_list_and_in_the_database(four_states):
    expected = {"published": CommentStatus.PUBLISHED, "held": CommentStatus.HELD,
                "hidden": CommentStatus.HIDDEN, "reported": CommentStatus.HIDDEN,
                "removed": CommentStatus.REMOVED}  # fmt: skip
    for name, status in expected.items():
        comment = Comment.objects.get(pk=four_states[name].pk)
        assert comment.status() == status, name
        assert set(Comment.objects.with_status(status)) >= {comment}, name
    for status in CommentStatus.values:
        chosen = Comment.objects.with_status(status)
        others = Comment.objects.exclude(pk__in=chosen.values("pk"))
        assert all(comment.status() != status for comment in others)


def test_an_approved_comment_changed_by_its_author_is_held_again(article):
    comment = CommentFactory(article=article, is_public=False)
    Comment.objects.filter(pk=comment.pk).update(
        reviewed_at=timezone.now() - timezone.timedelta(hours=1), edited_at=timezone.now()
    )
    comment.refresh_from_db()
    assert comment.status() == CommentStatus.HELD
    assert list(Comment.objects.with_status(CommentStatus.HELD)) == [comment]


@pytest.mark.parametrize(
    ("status", "shown", "not_shown"),
    [
        ("published", "Published words.", "Held words."),
        ("held", "Held words.", "Hidden words."),
        ("hidden", "Reported words.", "Held words."),
        ("removed", "Removed words.", "Published words."),
    ],
)
def test_the_list_filters_by_status(staff_client, four_states, status, shown, not_shown):
    html = staff_client.get(CHANGELIST, {"status": status}).content.decode()
    assert shown in html and not_shown not in html


def test_the_list_names_one_readable_status_and_no_internal_flags(staff_client, four_states):
    html = staff_client.get(CHANGELIST).content.decode()
    for label in ("Published", "Held for review", "Hidden", "Removed"):
        assert f'<td class="field-status">{label}</td>' in html
    page = staff_client.get(change_url(four_states["held"])).content.decode()
    assert "Parent id" not in page and "Is public" not in page and "Is removed" not in page
    assert "Held for review" in page


def test_the_list_filters_by_article(staff_client, article):
    other = ArticleFactory(title="Another story entirely")
    CommentFactory(article=article, comment="On the first story.")
    CommentFactory(article=other, comment="On the other story.")
    html = staff_client.get(CHANGELIST, {"article": other.pk}).content.decode()
    assert "On the other story." in html and "On the first story." not in html
    assert "Another story entirely" in html  # offered in the filter
    for bad in ("x", "99999999999999999999", "-1"):
        response = staff_client.get(CHANGELIST, {"article": bad})
        assert response.status_code in (200, 302)


def test_each_row_shows_the_comment_it_answers(staff_client, article):
    question = CommentFactory(article=article, user_name="Quentin", comment="Does it fold?")
    CommentFactory(article=article, parent=question, comment="It does.")
    html = staff_client.get(CHANGELIST).content.decode()
    assert "Quentin: Does it fold?" in html
    assert change_url(question) in html


def test_a_decision_on_the_change_page_goes_through_the_moderation_rules(
    staff_client, four_states, admin_user
):
    held = four_states["held"]
    page = staff_client.get(change_url(held))
    assert page.status_code == 200
    data = {"comment": held.comment, "user_name": held.user_name, "user_url": "",
            "decision": "published",
            "flags-TOTAL_FORMS": "0", "flags-INITIAL_FORMS": "0"}  # fmt: skip
    response = staff_client.post(change_url(held), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    held.refresh_from_db()
    assert held.status() == CommentStatus.PUBLISHED and held.reviewed_at is not None
    assert CommentFlag.objects.filter(
        comment=held, flag=CommentFlag.MODERATOR_APPROVAL, user=admin_user
    ).exists()


def test_the_article_page_in_the_admin_lists_its_latest_comments_to_moderate(staff_client, article):
    CommentFactory(article=article, comment="The oldest of all.",
                   submit_date=timezone.now() - timezone.timedelta(days=3))  # fmt: skip
    recent = [CommentFactory(article=article, comment=f"Recent number {n}.") for n in range(10)]
    CommentFactory(article=ArticleFactory(), comment="Elsewhere entirely.")
    url = reverse("admin:articles_article_change", args=[article.pk])
    html = staff_client.get(url).content.decode()
    assert "Recent number 9." in html and "Recent number 0." in html
    assert "The oldest of all." not in html and "Elsewhere entirely." not in html
    assert change_url(recent[0]) in html
    everything = f"{CHANGELIST}?article={article.pk}"
    assert everything in html
    listed = staff_client.get(everything).content.decode()
    assert "The oldest of all." in listed and "Elsewhere entirely." not in listed


def test_the_list_filters_by_date(staff_client, article):
    old = CommentFactory(article=article, comment="Said last year.",
                         submit_date=timezone.now() - timezone.timedelta(days=400))  # fmt: skip
    CommentFactory(article=article, comment="Said today.")
    listed = staff_client.get(CHANGELIST, {"submit_date__year": str(old.submit_date.year)})
    html = listed.content.decode()
    assert "Said last year." in html and "Said today." not in html
    week = staff_client.get(
        CHANGELIST,
        {"submit_date__gte": (timezone.now() - timezone.timedelta(days=7)).isoformat()},
    ).content.decode()
    assert "Said today." in week and "Said last year." not in week


def moderate_url(comment) -> str:
    return reverse("admin:comments_comment_moderate", args=[comment.pk])


def test_the_article_page_has_a_button_for_each_decision_that_changes_a_comment(
    staff_client, four_states, article
):
    article_url = reverse("admin:articles_article_change", args=[article.pk])
    html = staff_client.get(article_url).content.decode()
    assert 'id="comment-moderation"' in html
    held = four_states["held"]
    for value in ("published", "hidden", "removed"):
        assert f'formaction="{moderate_url(held)}" name="decision" value="{value}"' in html
    published = four_states["published"]
    assert f'formaction="{moderate_url(published)}" name="decision" value="published"' not in html
    response = staff_client.post(moderate_url(held), {"decision": "hidden", "next": article_url})
    assert response.status_code == 302 and response["Location"] == article_url
    held.refresh_from_db()
    assert held.status() == CommentStatus.HIDDEN
    assert "is now hidden" in staff_client.get(article_url).content.decode()


def test_moderating_from_elsewhere_is_a_post_by_a_moderator_only(client, staff_client, article):
    comment = CommentFactory(article=article, is_public=False)
    assert staff_client.get(moderate_url(comment)).status_code == 405
    outside = staff_client.post(
        moderate_url(comment), {"decision": "published", "next": "https://elsewhere.example/"}
    )
    assert outside["Location"] == change_url(comment)  # not to another site
    nonsense = staff_client.post(moderate_url(comment), {"decision": "eaten"}, follow=True)
    assert "Choose publish, hide or remove." in nonsense.content.decode()
    too_large = reverse("admin:comments_comment_moderate", args=["9" * 20])
    assert staff_client.post(too_large, {"decision": "hidden"}).status_code == 404
    client.force_login(UserFactory(is_staff=True))  # no right to change comments
    assert client.post(moderate_url(comment), {"decision": "removed"}).status_code == 403
    comment.refresh_from_db()
    assert comment.status() == CommentStatus.PUBLISHED
