import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.models import Article, ArticleSlugHistory
from tests.articles.factories import ArticleFactory, ArticleImageFactory, CategoryFactory
from tests.articles.roles import form_data

pytestmark = pytest.mark.django_db


def test_a_changed_slug_leaves_a_permanent_redirect_behind(client):
    article = ArticleFactory(slug="first-name")
    old_url = article.get_absolute_url()
    article.slug = "better-name"
    article.save()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_going_back_to_an_old_slug_makes_it_live_again(client):
    article = ArticleFactory(slug="one")
    article.slug = "two"
    article.save()
    article.slug = "one"
    article.save()
    assert list(ArticleSlugHistory.objects.values_list("slug", flat=True)) == ["two"]
    assert client.get(article.get_absolute_url()).status_code == 200


def test_an_article_under_the_wrong_category_path_redirects_to_its_own(client):
    article = ArticleFactory(slug="roaming")
    other = CategoryFactory(slug="elsewhere")
    response = client.get(f"/{other.path}/roaming/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_unknown_paths_are_404_in_the_site_design(client):
    response = client.get("/no-such-section/no-such-story/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_a_draft_is_404_for_readers_and_a_marked_preview_for_staff(client, admin_user):
    article = ArticleFactory(draft=True)
    assert client.get(article.get_absolute_url()).status_code == 404
    client.force_login(admin_user)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Preview" in response.content.decode()


def test_an_image_placeholder_becomes_a_responsive_figure(client):
    image = ArticleImageFactory(caption="Seen up close", credit="Jane Doe")
    article = image.article
    other = ArticleImageFactory()
    placed = f"<p>[[image:{image.image_id}]]</p><p>[[image:{other.image_id}]]</p>"
    article.body = f"<p>Intro.</p>{placed}"
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.count("<figure") == 1
    assert f'alt="{image.alt}"' in html
    assert 'width="1600" height="900"' in html
    assert "480w" in html and "800w" in html and "1200w" in html
    assert "Seen up close" in html and "Jane Doe" in html
    assert "[[image:" not in html


# -- an old slug belongs to the article that had it ---------------------------------
@pytest.fixture
def renamed():
    """A published article whose first slug still redirects to it."""
    article = ArticleFactory(slug="chip-rumour")
    old_url = article.get_absolute_url()
    article.slug = "chip-confirmed"
    article.save()
    return article, old_url


def test_an_editor_cannot_give_an_article_a_slug_that_still_redirects_to_another(
    staff_client, renamed
):
    article, old_url = renamed
    draft = ArticleFactory(draft=True, slug="my-draft", category=article.category)
    change = reverse("admin:articles_article_change", args=[draft.pk])
    data = form_data(staff_client.get(change), "article_form")
    data["slug"] = ["chip-rumour"]

    response = staff_client.post(change, data)

    assert response.status_code == 200
    assert "its old links still lead there" in response.content.decode()
    draft.refresh_from_db()
    assert draft.slug == "my-draft"
    staff_client.logout()
    response = staff_client.get(old_url)
    assert (response.status_code, response["Location"]) == (301, article.get_absolute_url())


def test_a_new_article_cannot_take_a_slug_that_still_redirects(staff_client, renamed):
    article, _ = renamed
    data = form_data(staff_client.get(reverse("admin:articles_article_add")), "article_form")
    data.update(title=["Copycat"], slug=["chip-rumour"], category=[str(article.category.pk)],
                lead=["A lead."])  # fmt: skip
    response = staff_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert "its old links still lead there" in response.content.decode()
    assert not Article.objects.filter(title="Copycat").exists()


@pytest.mark.parametrize("other", ["existing", "new"])
def test_saving_an_article_in_code_never_takes_over_another_articles_old_slug(
    client, renamed, other
):
    article, old_url = renamed
    intruder = ArticleFactory.build(slug="chip-rumour", category=article.category)
    if other == "existing":
        intruder = ArticleFactory(slug="intruder", category=article.category)
        intruder.slug = "chip-rumour"
    with pytest.raises(ValidationError) as excinfo:
        intruder.save()
    assert "slug" in excinfo.value.message_dict
    with pytest.raises(ValidationError):
        intruder.full_clean()
    assert list(article.old_slugs.values_list("slug", flat=True)) == ["chip-rumour"]
    assert not Article.objects.filter(slug="chip-rumour").exists()
    response = client.get(old_url)
    assert (response.status_code, response["Location"]) == (301, article.get_absolute_url())
