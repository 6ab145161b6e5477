"""Sections and tags are named per edition in the admin; tag suggestions follow the
article's edition."""

import pytest
from django.contrib import admin
from django.urls import reverse
from taggit.models import Tag as TaggitTag

from articles.models import Category, Tag
from tests.articles.factories import ArticleFactory, CategoryFactory, TagFactory

pytestmark = pytest.mark.django_db


def test_a_section_is_named_in_each_edition(staff_client):
    html = staff_client.get(reverse("admin:articles_category_add")).content.decode()
    for field in ("name_en", "name_de", "slug_en", "slug_de", "description_de"):
        assert f'name="{field}"' in html
    response = staff_client.post(
        reverse("admin:articles_category_add"),
        {"name_en": "Science", "slug_en": "science", "name_de": "Wissenschaft",
         "slug_de": "wissenschaft", "is_active": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    category = Category.objects.get(slug_en="science")
    assert (category.name_de, category.path_de) == ("Wissenschaft", "wissenschaft")


def test_a_section_without_a_german_slug_takes_the_english_one(staff_client):
    staff_client.post(
        reverse("admin:articles_category_add"), {"name_en": "Science", "slug_en": "science"}
    )
    assert Category.objects.get(slug_en="science").path_de == "science"


def test_the_section_list_finds_sections_by_their_german_name(staff_client):
    CategoryFactory(name_en="Security", name_de="Sicherheit")
    CategoryFactory(name_en="Gaming", name_de="Spiele")
    html = staff_client.get(reverse("admin:articles_category_changelist"), {"q": "Sicher"})
    assert "Security" in html.content.decode() and "Gaming" not in html.content.decode()


def test_tags_have_their_own_admin_in_place_of_taggits():
    assert admin.site.is_registered(Tag)
    assert not admin.site.is_registered(TaggitTag)


def test_the_tag_list_shows_each_tags_articles_and_finds_it_by_any_editions_name(staff_client):
    tag = TagFactory(name_en="Graphics cards", name_de="Grafikkarten")
    TagFactory(name_en="Phones", name_de="Handys")
    ArticleFactory.create_batch(2, tags=[tag])
    url = reverse("admin:articles_tag_changelist")
    html = staff_client.get(url, {"q": "Grafik"}).content.decode()
    assert "Graphics cards" in html and "Phones" not in html
    assert '<td class="field-article_count">2</td>' in html


def test_a_tag_is_named_and_described_in_each_edition(staff_client):
    tag = TagFactory(name_en="Phones")
    url = reverse("admin:articles_tag_change", args=[tag.pk])
    html = staff_client.get(url).content.decode()
    for field in ("name_en", "name_de", "slug_en", "slug_de", "description_en", "description_de"):
        assert f'name="{field}"' in html
    response = staff_client.post(
        url, {"name_en": "Phones", "slug_en": tag.slug_en, "name_de": "Handys", "slug_de": "handys"}
    )
    assert response.status_code == 302
    tag.refresh_from_db()
    assert (tag.name_de, tag.slug_de) == ("Handys", "handys")


def suggestions(client, term, language=None):
    query = {"q": term} if language is None else {"q": term, "language": language}
    response = client.get(reverse("admin:articles_article_tag_suggestions"), query)
    return response.json()["results"]


def test_tag_suggestions_are_the_names_of_the_articles_edition(staff_client):
    TagFactory(name_en="Graphics cards", name_de="Grafikkarten")
    TagFactory(name_en="Graphene")  # not named in German yet: readers see "Graphene"
    TagFactory(name_en="Handhelds", name_de="Gaming-Handhelds")
    assert suggestions(staff_client, "gra", "en") == ["Graphene", "Graphics cards"]
    assert suggestions(staff_client, "gra", "de") == ["Grafikkarten", "Graphene"]
    assert suggestions(staff_client, "gam", "de") == ["Gaming-Handhelds"]
    # Without a language, or with one that is no edition: the default edition's.
    assert suggestions(staff_client, "gra") == suggestions(staff_client, "gra", "xx")
    assert suggestions(staff_client, "gra") == ["Graphene", "Graphics cards"]


def test_the_tag_field_knows_the_articles_edition(staff_client):
    article = ArticleFactory(language="de")
    html = staff_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert 'data-language="de"' in html.content.decode()
