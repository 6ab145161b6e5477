import pytest
from django.urls import reverse

from articles.models import Article
from tests.articles.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db

HOSTILE = (
    "<p>Intro <script>alert('x')</script>"
    '<img src="x.png" onerror="alert(1)">'
    '<a href="javascript:alert(1)">click</a> '
    '<a href=" JaVaScRiPt:alert(2)">again</a> '
    '<a href="https://example.com/" onclick="steal()">fine link</a>'
    '<iframe src="https://evil.example/"></iframe>'
    "<strong>bold</strong></p>"
)


def assert_clean(html: str) -> None:
    lowered = html.lower()
    for needle in ("<script", "onerror", "onclick", "javascript:", "<iframe", "<img"):
        assert needle not in lowered, needle


def test_a_hostile_body_saved_through_the_orm_is_stored_clean():
    article = ArticleFactory(body=HOSTILE)
    stored = Article.objects.values_list("body", flat=True).get(pk=article.pk)
    assert_clean(stored)
    # What the editor meant survives.
    assert '<a href="https://example.com/"' in stored
    assert "<strong>bold</strong>" in stored


def test_a_hostile_body_posted_through_the_admin_is_stored_clean(staff_client):
    category = CategoryFactory()
    response = staff_client.post(
        reverse("admin:articles_article_add"),
        {
            "title": "Hostile",
            "slug": "hostile",
            "category": category.pk,
            "lead": "Lead.",
            "body": HOSTILE,
            "status": "draft",
            "tags": "",
            "allow_comments": "on",
            "sources-TOTAL_FORMS": "0",
            "sources-INITIAL_FORMS": "0",
            "images-TOTAL_FORMS": "0",
            "images-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert_clean(Article.objects.get(slug="hostile").body)


def test_the_article_page_never_renders_markup_from_title_or_lead(client):
    article = ArticleFactory(title="<b>Bold</b> claim", lead="<script>x()</script>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt; claim" in html
    assert "<script>x()" not in html
