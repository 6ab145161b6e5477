"""The body editor's side of internal links: the search behind the link button (who
finds what), the sanitizer's and the save's checks of what is stored, and the editor
carrying the button."""

import json

import pytest
from django.urls import reverse

from articles.models import ArticleStatus
from articles.placeholders import link_placeholder
from articles.sanitize import sanitize_html
from pages.models import Page
from tests.articles.factories import ArticleFactory, CategoryFactory, TagFactory, UserFactory
from tests.articles.roles import form_data, make_author

pytestmark = pytest.mark.django_db

SEARCH = reverse("admin:articles_article_link_search")


def found(client, term: str, **params) -> list[tuple[str, str]]:
    response = client.get(SEARCH, {"q": term, **params})
    assert response.status_code == 200
    return [(row["kind"], row["label"]) for row in response.json()["results"]]


def test_the_search_finds_each_kind_by_name_with_the_link_to_store(editor_client):
    article = ArticleFactory(title="Harbor chips ship")
    CategoryFactory(name="Harbor news")
    TagFactory(name_en="Byte Harbor")
    ArticleFactory(authors=[UserFactory(first_name="Hal", last_name="Harborough")])
    Page.objects.create(title="Harbor office", slug="office", is_published=True)
    response = editor_client.get(SEARCH, {"q": "harbor"})
    rows = response.json()["results"]
    assert {(row["kind"], row["label"]) for row in rows} == {
        ("article", "Harbor chips ship"),
        ("category", "Harbor news"),
        ("tag", "Byte Harbor"),
        ("author", "Hal Harborough"),
        ("page", "Harbor office"),
    }
    first = next(row for row in rows if row["kind"] == "article")
    assert first["href"] == f"[[link:article:{article.pk}]]"
    assert first["kindLabel"] == "Articles"


def test_drafts_are_found_only_by_those_who_may_edit_them(editor_client):
    author = make_author()
    ArticleFactory(title="Draft of mine", draft=True, authors=[author])
    ArticleFactory(title="Draft of someone else", status=ArticleStatus.REVIEW, published_at=None)
    ArticleFactory(title="Draft published already")
    assert len(found(editor_client, "draft")) == 3
    editor_client.force_login(author)  # the same client, now the author's
    assert sorted(found(editor_client, "draft")) == [
        ("article", "Draft of mine"),
        ("article", "Draft published already"),
    ]


def test_unpublished_pages_are_for_those_who_may_see_them(staff_client, editor):
    Page.objects.create(title="Hidden imprint", slug="imprint")
    assert found(staff_client, "imprint") == [("page", "Hidden imprint")]  # may see pages
    staff_client.force_login(editor)  # may not: the editors' group has no page rights
    assert found(staff_client, "imprint") == []


def test_the_search_is_for_staff_who_write(client):
    ArticleFactory(title="Anything")
    assert client.get(SEARCH, {"q": "anything"}).status_code == 302  # to the login
    client.force_login(UserFactory(is_staff=True))  # staff, but no right to write
    response = client.get(SEARCH, {"q": "anything"})
    assert response.status_code == 403
    assert response.json()["results"] == []


def test_names_are_shown_as_the_articles_edition_names_them(editor_client):
    TagFactory(name_en="Robots", name_de="Roboter")
    assert found(editor_client, "robot", language="de") == [("tag", "Roboter")]
    assert found(editor_client, "roboter") == [("tag", "Robots")]


@pytest.mark.parametrize(
    "params",
    [{"q": ""}, {"q": "   "}, {"q": "x" * 5000}, {"q": "a", "language": "xx"},
     {"q": "a", "kind": "nonsense"}, {"q": "%_\\'\""}],
)  # fmt: skip
def test_odd_searches_answer_with_a_list(editor_client, params):
    response = editor_client.get(SEARCH, params)
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)


def test_the_sanitizer_keeps_exact_internal_links_and_drops_half_formed_ones():
    kept = sanitize_html('<p><a href="[[link:tag:7]]">Byte Harbor</a></p>')
    assert 'href="[[link:tag:7]]"' in kept
    for href in ("[[link:tag:07]]", "[[link:user:7]]", "[[link:tag:7]] x", "[[link:tag:]]",
                 "[[image:3]]", "[[link:tag:7]]]"):  # fmt: skip
        cleaned = sanitize_html(f'<p><a href="{href}">Text</a></p>')
        assert "href" not in cleaned and "Text" in cleaned, href


def test_a_link_to_something_that_does_not_exist_is_refused_on_save(editor_client):
    article = ArticleFactory()
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(editor_client.get(url), "article_form")
    target = ArticleFactory()
    data["body"] = [f'<p><a href="{link_placeholder("article", target.pk)}">it</a></p>']
    assert editor_client.post(url, data).status_code == 302
    missing = f"[[link:tag:{10**9}]]"
    data["body"] = [f'<p><a href="{missing}">gone</a></p>']
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "leads to something that no longer exists" in response.content.decode()
    assert missing in response.content.decode()
    article.refresh_from_db()
    assert link_placeholder("article", target.pk) in article.body


def test_the_body_editor_carries_the_link_button_with_its_search(editor_client, settings):
    page = editor_client.get(reverse("admin:articles_article_add")).content.decode()
    marker = 'data-django-prose-editor-configurable="'
    start = page.index(marker) + len(marker)
    config = json.loads(page[start : page.index('"', start)].replace("&quot;", '"'))
    options = config["extensions"]["InternalLink"]
    assert options["searchUrl"] == SEARCH
    assert options["labels"]["button"] == "Link to the site"
    modules = config["js_modules"]
    assert any(module.endswith("articles/admin/internal_link.js") for module in modules)


def test_the_link_button_speaks_german(editor_client, settings):
    settings.LANGUAGE_CODE = "de"
    page = editor_client.get(reverse("admin:articles_article_add"), HTTP_ACCEPT_LANGUAGE="de")
    assert "Interner Link" in page.content.decode()
