"""Category and tag pages list from rows that copy the articles' columns (TaggedArticle,
CategoryArticle); whatever changes an article or the tree, the pages list what its own
columns say, and pages cost the same queries however many articles a list holds."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from lxml import html

from articles.models import Article, ArticleStatus, CategoryArticle, TaggedArticle
from tests.articles.factories import ArticleFactory, CategoryFactory
from tests.reader.helpers import uncached, without_other_apps_blocks  # noqa: F401

pytestmark = pytest.mark.django_db


def headlines(client, path: str) -> list[str]:
    response = client.get(path)
    assert response.status_code == 200
    tree = html.fromstring(response.content.decode())
    return [" ".join(a.text_content().split()) for a in tree.xpath("//h2[@class='teaser__title']")]


def count_shown(client, path: str) -> str:
    tree = html.fromstring(client.get(path).content.decode())
    return " ".join(tree.xpath("string(//p[@class='page-header__count'])").split())


@pytest.fixture
def tree():
    news = CategoryFactory(name="News", slug="news")
    science = CategoryFactory(name="Science", slug="science", parent=news)
    space = CategoryFactory(name="Space", slug="space", parent=science)
    reviews = CategoryFactory(name="Reviews", slug="reviews")
    return {"news": news, "science": science, "space": space, "reviews": reviews}


def test_an_article_is_in_the_list_of_its_category_and_of_each_ancestor(tree):
    article = ArticleFactory(category=tree["space"])
    listed_in = set(
        CategoryArticle.objects.filter(article=article).values_list("listed_in", flat=True)
    )
    assert listed_in == {tree["space"].pk, tree["science"].pk, tree["news"].pk}


def test_category_and_tag_pages_follow_an_article_that_is_changed_moved_or_taken_down(client, tree):
    now = timezone.now()
    older = ArticleFactory(category=tree["space"], title="Older", tags=["mars"],
                           published_at=now - timedelta(hours=2))  # fmt: skip
    newer = ArticleFactory(category=tree["space"], title="Newer", tags=["mars"],
                           published_at=now - timedelta(hours=1))  # fmt: skip
    assert headlines(client, uncached("/news/")) == ["Newer", "Older"]
    assert headlines(client, uncached("/tag/mars/")) == ["Newer", "Older"]

    older.published_at = now - timedelta(minutes=5)  # re-dated: first now
    older.save()
    assert headlines(client, uncached("/news/")) == ["Older", "Newer"]
    assert headlines(client, uncached("/tag/mars/")) == ["Older", "Newer"]

    older.category = tree["reviews"]  # moved to another section
    older.save()
    assert headlines(client, uncached("/news/")) == ["Newer"]
    assert headlines(client, uncached("/reviews/")) == ["Older"]
    assert headlines(client, uncached("/tag/mars/")) == ["Older", "Newer"]

    newer.status = ArticleStatus.UNPUBLISHED
    newer.save(update_fields=["status"])
    assert headlines(client, uncached("/tag/mars/")) == ["Older"]
    assert "1 article" in count_shown(client, uncached("/tag/mars/"))
    assert client.get(uncached("/news/")).status_code == 200
    assert headlines(client, uncached("/news/")) == []


def test_a_tag_added_later_lists_the_article_under_its_publish_time(client, tree):
    article = ArticleFactory(category=tree["news"], title="Tagged later")
    article.tags.add("jupiter")
    row = TaggedArticle.objects.get(content_object=article)
    assert (row.language, row.status, row.published_at, row.category_id) == (
        article.language, article.status, article.published_at, article.category_id)  # fmt: skip
    assert headlines(client, uncached("/tag/jupiter/")) == ["Tagged later"]


def test_writes_without_a_save_copy_the_columns_again(client, tree):
    article = ArticleFactory(category=tree["news"], title="Updated in bulk", tags=["io"])
    Article.objects.filter(pk=article.pk).update(status=ArticleStatus.UNPUBLISHED)
    TaggedArticle.objects.filter(content_object=article).copy_from_articles()
    CategoryArticle.objects.filter(article=article).copy_from_articles()
    cache.clear()
    assert client.get("/tag/io/").status_code == 404
    assert headlines(client, uncached("/news/")) == []


def test_a_moved_category_takes_its_articles_to_its_new_sections_list(client, tree):
    ArticleFactory(category=tree["space"], title="In space")
    space = tree["space"]
    space.parent = tree["reviews"]
    space.save()
    assert headlines(client, uncached("/reviews/")) == ["In space"]
    assert headlines(client, uncached("/news/")) == []
    assert headlines(client, uncached("/news/science/")) == []


def test_the_count_on_a_list_follows_a_new_article_at_once(client, tree):
    ArticleFactory(category=tree["news"], tags=["venus"])
    assert "1 article" in count_shown(client, uncached("/tag/venus/"))
    ArticleFactory(category=tree["news"], tags=["venus"])
    assert "2 articles" in count_shown(client, uncached("/tag/venus/"))


@pytest.mark.usefixtures("without_other_apps_blocks")
def test_tag_page_costs_the_same_queries_however_many_articles(
    client, django_assert_num_queries, tree
):
    for count in (1, 30):
        for _ in range(count):
            ArticleFactory(category=tree["space"], tags=["saturn"])
        cache.clear()
        # next scheduled publish time, category tree and the footer's static pages (cold
        # cache only), the tag, count, the page's ids, its articles, popular now
        with django_assert_num_queries(8):
            client.get("/tag/saturn/")
        # the tag, the page's ids, its articles: the tree, popular list and count are cached
        with django_assert_num_queries(3):
            client.get(uncached("/tag/saturn/"))
        with django_assert_num_queries(3):
            client.get("/tag/saturn/?page=2" if count > 20 else uncached("/tag/saturn/"))
