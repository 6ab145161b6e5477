"""Markup checks on the reader pages that a browser, a screen reader or a validator notices."""

from collections import Counter

import pytest
from lxml import html as lxml_html

from tests.articles.factories import ArticleFactory, ArticleImageFactory, UserFactory
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    image = ArticleImageFactory()
    article = image.article
    article.body = f"<p>Intro.</p><p>[[image:{image.image_id}]]</p>"
    article.save()
    article.tags.set(["chips"])
    article.authors.set([UserFactory()])
    comment = CommentFactory(article=article)
    CommentFactory(article=article, parent=comment)
    ArticleFactory(category=article.category)
    return {
        "home": "/",
        "article": article.get_absolute_url(),
        "article replying": f"{article.get_absolute_url()}?reply={comment.pk}",
        "category": article.category.get_absolute_url(),
        "tag": "/tag/chips/",
        "search": "/search/?q=story",
        "newsletter": "/newsletter/",
        "login": "/accounts/login/",
        "signup": "/accounts/signup/",
        "not found": "/no/such/page/",
    }


def problems(document) -> list[str]:
    found = []
    ids = Counter(document.xpath("//@id"))
    found += [f"duplicate id {name!r}" for name, count in ids.items() if count > 1]
    if len(document.xpath("//h1")) != 1:
        found.append(f"{len(document.xpath('//h1'))} <h1> elements")
    if not document.xpath("/html/@lang"):
        found.append("no lang on <html>")
    found += [f"<img> without alt: {img.get('src')}" for img in document.xpath("//img[not(@alt)]")]
    labelled = set(document.xpath("//label/@for"))
    for field in document.xpath("//input[not(@type='hidden')]|//textarea|//select"):
        if field.get("type") in {"submit", "button"}:
            continue
        nested = field.xpath("ancestor::label")
        if field.get("id") not in labelled and not nested and not field.get("aria-label"):
            found.append(f"field without a label: {field.get('name')}")
    if not document.xpath("//main") or not document.xpath("//a[@href='#main']"):
        found.append("no <main> landmark with a skip link")
    return found


def test_reader_pages_have_valid_accessible_markup(client, pages):
    report = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code in (200, 404), (name, response.status_code)
        issues = problems(lxml_html.fromstring(response.content))
        if issues:
            report[name] = issues
    assert report == {}
