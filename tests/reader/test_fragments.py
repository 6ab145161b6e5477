"""The boxes of teasers ("Read also", "Other articles", "Popular now") are rendered once
and then served from the shared cache, and a change to an article they show is on the
very next page."""

from datetime import timedelta

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.utils import timezone
from lxml import html

from tests.articles.factories import ArticleDailyViewsFactory, ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db

TEASERS = {"reader/includes/teaser.html", "reader/includes/teaser_compact.html"}


@pytest.fixture
def story():
    news = CategoryFactory(name="News", slug="news")
    article = ArticleFactory(category=news, title="The story", tags=["chips"])
    neighbour = ArticleFactory(
        category=news, title="A neighbour", published_at=timezone.now() - timedelta(hours=1)
    )
    ArticleDailyViewsFactory(article=neighbour, day=timezone.localdate(), views=40)
    return article, neighbour


def boxes(response) -> dict[str, list[str]]:
    tree = html.fromstring(response.content.decode())
    return {
        box: [
            " ".join(h.text_content().split()) for h in tree.xpath(f"//section[@class='{box}']//h3")
        ]
        for box in ("read-also", "other-articles", "popular")
    }


def test_the_second_reader_gets_the_same_boxes_without_their_teasers_being_rendered(client, story):
    article, neighbour = story
    # ?sort= keeps the page itself out of the page cache: only the boxes are kept.
    first = client.get(f"{article.get_absolute_url()}?sort=newest")
    second = client.get(f"{article.get_absolute_url()}?sort=oldest")
    assert boxes(first) == boxes(second)
    assert boxes(second)["popular"] == [neighbour.title]
    assert neighbour.title in boxes(second)["read-also"] + boxes(second)["other-articles"]
    assert TEASERS & {t.name for t in first.templates}
    assert not TEASERS & {t.name for t in second.templates}


def test_an_edited_title_shows_in_every_box_on_the_next_page(client, story):
    article, neighbour = story
    client.get(f"{article.get_absolute_url()}?sort=newest")
    neighbour.title = "A neighbour, renamed"
    neighbour.save()
    shown = boxes(client.get(f"{article.get_absolute_url()}?sort=newest"))
    assert shown["popular"] == ["A neighbour, renamed"]
    assert "A neighbour, renamed" in shown["read-also"] + shown["other-articles"]


def test_an_unpublished_article_leaves_the_boxes_on_the_next_page(client, story):
    article, neighbour = story
    client.get(f"{article.get_absolute_url()}?sort=newest")
    neighbour.status = "draft"
    neighbour.save()
    shown = boxes(client.get(f"{article.get_absolute_url()}?sort=newest"))
    assert neighbour.title not in sum(shown.values(), [])


def test_a_fragment_without_a_key_is_rendered_each_time_and_never_shared():
    template = Template("{% load reader %}{% fragment box.fragment_key %}{{ n }}{% endfragment %}")
    assert template.render(Context({"box": [], "n": 1})) == "1"
    assert template.render(Context({"box": [], "n": 2})) == "2"
    with pytest.raises(TemplateSyntaxError):
        Template("{% load reader %}{% fragment %}x{% endfragment %}")
