import json
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from lxml import html

from articles.models import SourceKind
from core.dates import machine_datetime
from tests.articles.factories import (
    ArticleDailyViewsFactory,
    ArticleFactory,
    ArticleImageFactory,
    CategoryFactory,
    SourceFactory,
    UserFactory,
)
from tests.reader.helpers import uncached, without_other_apps_blocks  # noqa: F401

pytestmark = pytest.mark.django_db


def page(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    return html.fromstring(response.content.decode())


def texts(tree, xpath: str) -> list[str]:
    return [" ".join(node.text_content().split()) for node in tree.xpath(xpath)]


@pytest.fixture
def story():
    news = CategoryFactory(name="News", slug="news")
    it_news = CategoryFactory(name="IT news", slug="it-news", parent=news)
    author = UserFactory(first_name="Ada", last_name="Lovelace")
    article = ArticleFactory(
        category=it_news,
        title="Chip maker ships a new chip",
        lead="The lead sums it up.",
        tags=["chips", "servers"],
        authors=[author],
        published_at=timezone.now() - timedelta(minutes=5),
    )
    SourceFactory(article=article, name="Engadget", url="https://engadget.example/a")
    return article


def test_the_page_shows_its_parts_in_the_reference_order(client, story):
    tree = page(client, story.get_absolute_url())
    main = tree.get_element_by_id("main")
    order = [
        main.find_class("breadcrumbs")[0],
        main.xpath(".//h1")[0],
        main.find_class("article__byline")[0],
        main.find_class("article__lead")[0],
        main.find_class("article__body")[0],
        main.find_class("article__tags")[0],
        main.find_class("article__sources")[0],
    ]
    positions = [list(main.iter()).index(node) for node in order]
    assert positions == sorted(positions)
    assert len(tree.xpath("//h1")) == 1
    assert texts(tree, "//nav[@class='breadcrumbs']//li") == ["Home", "News", "IT news"]
    assert tree.xpath("//nav[@class='breadcrumbs']//a/@href") == ["/", "/news/", "/news/it-news/"]


def test_the_byline_links_authors_and_gives_a_machine_readable_date(client, story):
    tree = page(client, story.get_absolute_url())
    byline = tree.find_class("article__byline")[0]
    assert "Ada Lovelace" in byline.text_content()
    (link,) = byline.xpath(".//a[@rel='author']")
    assert client.get(link.get("href")).status_code == 200
    (time,) = byline.xpath(".//time")
    assert time.get("datetime") == machine_datetime(story.published_at)
    assert "Updated" not in byline.text_content()


def test_an_article_edited_well_after_publishing_says_updated(client, story):
    story.published_at = timezone.now() - timedelta(days=2)
    story.save()
    tree = page(client, story.get_absolute_url())
    assert "Updated" in tree.find_class("article__byline")[0].text_content()


def test_the_source_line_links_with_noopener_and_mentions_are_linked_in_the_text(client, story):
    story.body = "<p>Sales doubled, according to Business Insider, in May.</p>"
    story.save()
    SourceFactory(
        article=story, name="Business Insider", url="https://bi.example/x", kind=SourceKind.MENTION
    )
    tree = page(client, story.get_absolute_url())
    (line,) = tree.find_class("article__sources")
    assert " ".join(line.text_content().split()) == "Source: Engadget"
    assert line.xpath(".//a/@rel") == ["noopener"]
    (mention,) = tree.xpath("//div[@class='article__body']//a")
    assert mention.text == "Business Insider"
    assert mention.get("href") == "https://bi.example/x" and mention.get("rel") == "noopener"


def test_tags_link_to_their_pages(client, story):
    tree = page(client, story.get_absolute_url())
    hrefs = tree.xpath("//ul[@class='article__tags']//a/@href")
    assert sorted(hrefs) == ["/tag/chips/", "/tag/servers/"]
    assert story.title in client.get("/tag/chips/").content.decode()


def test_read_also_puts_the_editors_picks_first_then_shared_tags_then_the_category(client, story):
    elsewhere = CategoryFactory()
    pick = ArticleFactory(category=elsewhere, title="Picked by the editor")
    draft_pick = ArticleFactory(draft=True, title="Draft pick")
    two_tags = ArticleFactory(category=elsewhere, tags=["chips", "servers"], title="Two tags")
    one_tag = ArticleFactory(category=elsewhere, tags=["chips"], title="One tag")
    same_section = ArticleFactory(category=story.category, title="Same section")
    ArticleFactory(category=elsewhere, title="Unrelated")
    story.read_also.set([pick, draft_pick])

    tree = page(client, story.get_absolute_url())
    titles = texts(tree, "//section[@class='read-also']//h3")
    assert titles == [pick.title, two_tags.title, one_tag.title, same_section.title]


def test_read_also_ranks_only_the_newest_related_articles_but_keeps_older_picks(
    client, story, monkeypatch
):
    # The window keeps the page's cost flat however large the archive grows.
    monkeypatch.setattr("reader.selectors.RELATED_CANDIDATES", 2)
    days_ago = lambda days: timezone.now() - timedelta(days=days)  # noqa: E731
    old_pick = ArticleFactory(published_at=days_ago(400), title="An old pick")
    oldest_related = ArticleFactory(tags=["chips", "servers"], published_at=days_ago(30),
                                    title="Older, sharing both tags")  # fmt: skip
    newer = [ArticleFactory(tags=["chips"], published_at=days_ago(n), title=f"Newer {n}")
             for n in (1, 2)]  # fmt: skip
    story.read_also.set([old_pick])

    tree = page(client, story.get_absolute_url())
    titles = texts(tree, "//section[@class='read-also']//h3")
    assert titles == [old_pick.title, newer[0].title, newer[1].title]
    assert oldest_related.title not in titles


def test_other_articles_are_the_latest_of_the_category_without_repeats(client, story):
    older = ArticleFactory(
        category=story.category, published_at=timezone.now() - timedelta(days=3), title="Older"
    )
    newer = ArticleFactory(
        category=story.category, published_at=timezone.now() - timedelta(minutes=5), title="Newer"
    )
    elsewhere = ArticleFactory.create_batch(3)
    story.read_also.set([older, *elsewhere])  # four picks: no fallback to the section
    ArticleFactory(category=story.category, draft=True, title="Draft in section")
    ArticleFactory(title="Other section")
    tree = page(client, story.get_absolute_url())
    # The older one is already in "Read also", so it is not repeated.
    assert texts(tree, "//section[@class='other-articles']//h3") == [newer.title]


def test_popular_now_lists_the_most_read_of_the_last_seven_days(client, story):
    today = timezone.localdate()
    hit = ArticleFactory(title="Most read")
    ArticleDailyViewsFactory(article=hit, day=today, views=50)
    runner_up = ArticleFactory(title="Second")
    ArticleDailyViewsFactory(article=runner_up, day=today - timedelta(days=6), views=30)
    stale = ArticleFactory(title="Read long ago")
    ArticleDailyViewsFactory(article=stale, day=today - timedelta(days=7), views=900)
    hidden = ArticleFactory(draft=True, title="Unpublished but read")
    ArticleDailyViewsFactory(article=hidden, day=today, views=999)

    tree = page(client, story.get_absolute_url())
    assert texts(tree, "//section[@class='popular']//h3") == [hit.title, runner_up.title]


def test_the_comment_and_newsletter_slots_come_after_read_also_and_in_the_sidebar(settings):
    source = (settings.BASE_DIR / "templates/reader/article_detail.html").read_text()
    read_also = source.index('class="read-also"')
    comments = source.index('{% include "comments/includes/article_comments.html" %}')
    other = source.index('class="other-articles"')
    aside = source.index('class="layout__aside"')
    newsletter = source.index('{% include "newsletter/includes/subscribe_box.html" %}')
    popular = source.index('{% include "reader/includes/popular.html" %}')
    assert read_also < comments < other < aside < newsletter < popular


def test_metadata_names_the_canonical_url_and_describes_the_page(client, story):
    tree = page(client, uncached(story.get_absolute_url()))
    canonical = f"http://127.0.0.1:8000{story.get_absolute_url()}"
    assert tree.xpath("//link[@rel='canonical']/@href") == [canonical]
    assert tree.xpath("//title")[0].text == f"{story.title} – Newsroom"
    assert tree.xpath("//meta[@name='description']/@content") == [story.lead]
    assert tree.xpath("//meta[@property='og:type']/@content") == ["article"]
    assert tree.xpath("//meta[@property='og:title']/@content") == [story.title]
    assert tree.xpath("//meta[@name='twitter:card']/@content") == ["summary"]
    feeds = tree.xpath("//link[@rel='alternate']/@href")
    assert "/feeds/rss/" in feeds and "/feeds/atom/" in feeds
    assert "/feeds/rss/news/it-news/" in feeds


def test_json_ld_describes_the_news_article_and_its_breadcrumbs(client, story):
    image = ArticleImageFactory(article=story)
    tree = page(client, story.get_absolute_url())
    blocks = [json.loads(s) for s in tree.xpath("//script[@type='application/ld+json']/text()")]
    by_type = {block["@type"]: block for block in blocks}
    news = by_type["NewsArticle"]
    assert news["headline"] == story.title
    assert news["datePublished"] == machine_datetime(story.published_at)
    assert news["dateModified"]
    assert news["author"] == [
        {"@type": "Person", "name": "Ada Lovelace", "url": news["author"][0]["url"]}
    ]
    assert news["publisher"]["name"] == "Newsroom"
    assert news["image"] == [f"http://127.0.0.1:8000{image.file.url}"]
    crumbs = by_type["BreadcrumbList"]["itemListElement"]
    assert [item["name"] for item in crumbs] == ["Home", "News", "IT news", story.title]
    assert [item["position"] for item in crumbs] == [1, 2, 3, 4]


def test_json_ld_cannot_be_broken_out_of_by_a_title(client):
    article = ArticleFactory(title="</script><script>alert(1)</script>")
    body = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in body
    tree = html.fromstring(body)
    blocks = [json.loads(s) for s in tree.xpath("//script[@type='application/ld+json']/text()")]
    assert blocks[0]["headline"] == article.title


def test_drafts_and_scheduled_articles_are_404_for_readers(client):
    draft = ArticleFactory(draft=True)
    scheduled = ArticleFactory(published_at=timezone.now() + timedelta(hours=2))
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(scheduled.get_absolute_url()).status_code == 404


def test_a_staff_preview_is_marked_and_kept_out_of_every_cache(staff_client):
    draft = ArticleFactory(draft=True)
    response = staff_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    tree = html.fromstring(response.content.decode())
    assert tree.xpath("//meta[@name='robots']/@content") == ["noindex, nofollow"]


@pytest.mark.usefixtures("without_other_apps_blocks")
def test_the_page_costs_a_fixed_number_of_queries(client, django_assert_num_queries, story):
    def enrich(article, n):
        for i in range(n):
            ArticleImageFactory(article=article, image__file__width=800, image__file__height=450)
            SourceFactory(article=article, name=f"Outlet {i}")
            article.authors.add(UserFactory())
            article.tags.add(f"tag-{i}")
            related = ArticleFactory(category=article.category, tags=[f"tag-{i}"])
            article.read_also.add(related)
            ArticleDailyViewsFactory(article=related, views=i + 1)
        article.body = "".join(f"<p>{image.placeholder}</p>" for image in article.images.all())
        article.save()

    enrich(story, 1)
    big = ArticleFactory(category=story.category)
    enrich(big, 6)

    for article in (story, big):
        cache.clear()
        # On a cold cache: the next scheduled publish time (it ends the cache generation),
        # article + category, images, sources, tags, authors (prefetches), category tree,
        # read also (its picks' ids, its candidates' ids, their ranking), other articles,
        # popular now, the story's published translations (the language switcher and
        # hreflang), the footer's static pages.
        with django_assert_num_queries(14):
            client.get(article.get_absolute_url())
        # Tree, popular list, read also, other articles, the published translations and
        # the article's tags and authors are kept now (for this generation): the
        # article's own three (article + category, images, sources), read afresh so that
        # its body and source line show even a change made without signals
        # (test_body_cache.py).
        with django_assert_num_queries(3):
            client.get(uncached(article.get_absolute_url()))
        # And the page itself is cached for the next anonymous reader.
        with django_assert_num_queries(0):
            client.get(article.get_absolute_url())


def test_the_page_reads_as_german_with_german_dates_and_labels(client, story):
    story.language = "de"
    story.published_at = timezone.now() - timedelta(days=400)
    story.save()
    other = ArticleFactory(category=story.category, title="Ein anderer Artikel", language="de",
                           published_at=timezone.now() - timedelta(days=380))  # fmt: skip
    ArticleDailyViewsFactory(article=other, views=3)
    story.read_also.set([other])
    assert story.get_absolute_url().startswith("/de/")
    tree = page(client, story.get_absolute_url())
    assert tree.get("lang") == "de"
    assert texts(tree, "//nav[@class='breadcrumbs']//li")[0] == "Startseite"
    assert texts(tree, "//section[@class='read-also']//h2") == ["Lesen Sie auch"]
    assert texts(tree, "//section[@class='popular']//h2") == ["Beliebt jetzt"]
    assert " ".join(tree.find_class("article__sources")[0].text_content().split()) == (
        "Quelle: Engadget"
    )
    assert tree.find_class("article__byline")[0].text_content().split()[0] == "Von"
    byline_date = tree.xpath("//p[@class='article__byline']/time")[0].text
    assert str(story.published_at.year) in byline_date and "." in byline_date
    relative = tree.xpath("//section[@class='read-also']//time")[0].text
    assert relative.replace("\xa0", " ") == "vor 1 Jahr"
    assert texts(tree, "//a[@class='skip-link']") == ["Zum Inhalt springen"]


def test_german_plurals_follow_the_count(client, story):
    story.language = "de"
    story.save()
    SourceFactory(article=story, name="Heise", url="https://heise.example/")
    older = ArticleFactory(
        category=story.category, language="de", published_at=timezone.now() - timedelta(days=800)
    )
    ArticleFactory(
        category=story.category, language="de", published_at=timezone.now() - timedelta(days=3)
    )
    ArticleFactory(category=story.category.parent, title="Elsewhere in News", language="de")
    story.read_also.set([older])
    tree = page(client, story.get_absolute_url())
    sources = " ".join(tree.find_class("article__sources")[0].text_content().split())
    assert sources == "Quellen: Engadget, Heise"
    times = [t.text.replace("\xa0", " ") for t in tree.xpath("//main//section//time")]
    assert "vor 2 Jahren" in times and "vor 3 Tagen" in times
    assert "Andere Artikel" in texts(tree, "//h2")
    assert "Elsewhere in News" in texts(tree, "//section[@class='other-articles']//h3")
