"""Moving a category, whichever way an editor or the code does it, moves its whole
subtree: `parent`, the MPTT columns and the stored paths agree afterwards, the
articles' URLs follow, and every URL given up answers 301 to the new one."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import Category
from tests.articles.factories import ArticleFactory, CategoryFactory
from tests.articles.roles import form_data
from tests.articles.tree import assert_tree_intact

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    news = CategoryFactory(name="News", slug="news")
    it = CategoryFactory(name="IT news", slug="it-news", parent=news)
    security = CategoryFactory(name="Security", slug="security", parent=news)
    patches = CategoryFactory(name="Patches", slug="patches", parent=security)
    reviews = CategoryFactory(name="Reviews", slug="reviews")
    phones = CategoryFactory(name="Phones", slug="phones", parent=reviews)
    return {
        "news": news, "it": it, "security": security, "patches": patches,
        "reviews": reviews, "phones": phones,
    }  # fmt: skip


@pytest.fixture
def stories(tree):
    return {
        "flaw": ArticleFactory(category=tree["security"], slug="firmware-flaw"),
        "march": ArticleFactory(category=tree["patches"], slug="march-patches"),
    }


def change_url(category: Category) -> str:
    return reverse("admin:articles_category_change", args=[category.pk])


# -- the ways a category is moved; each puts `node` under `parent` (None: the top level)
def by_change_form(client, node: Category, parent: Category | None) -> None:
    data = form_data(client.get(change_url(node)), "category_form")
    data["parent"] = [str(parent.pk) if parent else ""]
    response = client.post(change_url(node), data)
    assert response.status_code == 302, response.context["errors"]


def by_drag_and_drop(client, node: Category, parent: Category | None) -> None:
    # The changelist's script posts this when a row is dropped onto another; the top
    # level is reached by dropping next to a top-level category.
    if parent is None:
        target, position = Category.objects.get(slug="reviews"), "right"
    else:
        target, position = parent, "last-child"
    response = client.post(
        reverse("admin:articles_category_changelist"),
        {"cmd": "move_node", "cut_item": node.pk, "pasted_on": target.pk, "position": position},
    )
    assert response.content.startswith(b"OK"), response.content


def by_move_to(client, node: Category, parent: Category | None) -> None:
    node.move_to(parent, "last-child")


def by_setting_parent(client, node: Category, parent: Category | None) -> None:
    node.parent = parent
    node.save()


WAYS = [by_change_form, by_drag_and_drop, by_move_to, by_setting_parent]


@pytest.mark.parametrize("move", WAYS, ids=lambda way: way.__name__)
def test_moving_a_category_with_children_and_articles_moves_its_subtree_and_urls(
    staff_client, tree, stories, move
):
    old_category_urls = [tree["security"].get_absolute_url(), tree["patches"].get_absolute_url()]
    old_article_urls = [stories["flaw"].get_absolute_url(), stories["march"].get_absolute_url()]

    move(staff_client, tree["security"], tree["reviews"])

    assert_tree_intact()
    security = Category.objects.get(slug="security")
    assert security.parent == tree["reviews"]
    assert security.path == "reviews/security"
    assert Category.objects.get(slug="patches").path == "reviews/security/patches"
    assert [c.name for c in tree["reviews"].get_children()] == ["Phones", "Security"]
    # The change form shows where the category now is.
    shown = form_data(staff_client.get(change_url(security)), "category_form")
    assert shown["parent"] == [str(tree["reviews"].pk)]

    staff_client.logout()  # as a reader
    for story, old_url in zip(stories.values(), old_article_urls, strict=True):
        story.refresh_from_db()
        assert story.get_absolute_url().startswith("/reviews/security/")
        assert staff_client.get(story.get_absolute_url()).status_code == 200
        response = staff_client.get(old_url)
        assert (response.status_code, response["Location"]) == (301, story.get_absolute_url())
    new_category_urls = ["/reviews/security/", "/reviews/security/patches/"]
    for old_url, new_url in zip(old_category_urls, new_category_urls, strict=True):
        response = staff_client.get(old_url)
        assert (response.status_code, response["Location"]) == (301, new_url)
        assert staff_client.get(new_url).status_code == 200


@pytest.mark.parametrize("move", WAYS, ids=lambda way: way.__name__)
def test_moving_a_category_to_the_top_level_gives_it_a_one_segment_path(
    staff_client, tree, stories, move
):
    old_url = stories["march"].get_absolute_url()

    move(staff_client, tree["security"], None)

    assert_tree_intact()
    security = Category.objects.get(slug="security")
    assert security.parent is None
    assert security.get_absolute_url() == "/security/"
    stories["march"].refresh_from_db()
    assert stories["march"].get_absolute_url() == "/security/patches/march-patches/"
    response = staff_client.get(old_url)
    assert (response.status_code, response["Location"]) == (301, "/security/patches/march-patches/")
    response = staff_client.get("/news/security/")
    assert (response.status_code, response["Location"]) == (301, "/security/")


@pytest.mark.parametrize("move", WAYS, ids=lambda way: way.__name__)
def test_moving_a_top_level_category_under_another_moves_its_whole_tree(
    staff_client, tree, stories, move
):
    move(staff_client, tree["news"], tree["reviews"])

    assert_tree_intact()
    assert Category.objects.get(slug="patches").path == "reviews/news/security/patches"
    stories["march"].refresh_from_db()
    assert staff_client.get(stories["march"].get_absolute_url()).status_code == 200
    response = staff_client.get("/news/it-news/")
    assert (response.status_code, response["Location"]) == (301, "/reviews/news/it-news/")


@pytest.mark.parametrize("position", ["left", "right"])
def test_dropping_a_category_beside_another_takes_that_ones_parent(staff_client, tree, position):
    response = staff_client.post(
        reverse("admin:articles_category_changelist"),
        {"cmd": "move_node", "cut_item": tree["security"].pk,
         "pasted_on": tree["phones"].pk, "position": position},
    )  # fmt: skip
    assert response.content.startswith(b"OK")
    assert_tree_intact()
    expected = ["Security", "Phones"] if position == "left" else ["Phones", "Security"]
    assert [c.name for c in tree["reviews"].get_children()] == expected
    assert Category.objects.get(slug="patches").path == "reviews/security/patches"


def test_old_urls_keep_redirecting_to_the_newest_place_after_later_moves(
    staff_client, tree, stories
):
    first_url = stories["march"].get_absolute_url()
    by_change_form(staff_client, tree["security"], tree["reviews"])
    by_drag_and_drop(staff_client, Category.objects.get(slug="security"), tree["it"])

    assert_tree_intact()
    staff_client.logout()
    now = "/news/it-news/security/patches/"
    for old in ("/news/security/patches/", "/reviews/security/patches/"):
        response = staff_client.get(old)
        assert (response.status_code, response["Location"]) == (301, now)
    response = staff_client.get(first_url)
    assert (response.status_code, response["Location"]) == (301, f"{now}march-patches/")


def test_a_category_at_a_path_given_up_earlier_is_shown_there_instead_of_a_redirect(client, tree):
    tree["security"].move_to(tree["reviews"], "last-child")
    CategoryFactory(name="Security desk", slug="security", parent=tree["news"])
    response = client.get("/news/security/")
    assert response.status_code == 200
    assert "Security desk" in response.content.decode()
    assert_tree_intact()


def test_a_move_takes_the_new_parents_stored_path_not_a_stale_copy(tree):
    it_loaded_earlier = Category.objects.get(pk=tree["it"].pk)
    news = tree["news"]
    news.slug = "headlines"
    news.save()

    security = Category.objects.get(pk=tree["security"].pk)
    security.parent = it_loaded_earlier  # its path still says "news/it-news"
    security.save()

    assert_tree_intact()
    assert Category.objects.get(slug="patches").path == "headlines/it-news/security/patches"


def test_a_renamed_slug_leaves_the_old_category_urls_redirecting(client, tree, stories):
    tree["news"].slug = "headlines"
    tree["news"].save()
    assert_tree_intact()
    response = client.get("/news/security/patches/")
    assert (response.status_code, response["Location"]) == (301, "/headlines/security/patches/")


def test_dropping_a_category_where_a_sibling_has_its_slug_is_refused_with_a_message(
    staff_client, tree
):
    CategoryFactory(name="Security reviews", slug="security", parent=tree["reviews"])
    response = staff_client.post(
        reverse("admin:articles_category_changelist"),
        {"cmd": "move_node", "cut_item": tree["security"].pk,
         "pasted_on": tree["reviews"].pk, "position": "last-child"},
    )  # fmt: skip
    assert response.status_code == 200
    assert response.content.startswith(b"FAIL")
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("slug" in message for message in messages), messages
    assert_tree_intact()
    assert Category.objects.get(pk=tree["security"].pk).path == "news/security"


def test_the_integrity_check_notices_each_kind_of_disagreement(tree):
    assert_tree_intact()
    # `parent` changed behind MPTT's back: the columns tell the old tree.
    Category.objects.filter(pk=tree["security"].pk).update(parent=tree["reviews"])
    with pytest.raises(AssertionError, match="MPTT columns"):
        assert_tree_intact()
    Category.objects.filter(pk=tree["security"].pk).update(parent=tree["news"])
    Category.objects.filter(pk=tree["patches"].pk).update(path="news/patches")
    with pytest.raises(AssertionError, match="stored path"):
        assert_tree_intact()
