"""Inline feedback: readers comment on a passage of the body that an editor opened."""

import pytest
from django.urls import reverse
from lxml import html

from articles.sanitize import sanitize_html
from comments.models import Comment
from tests.articles.factories import ArticleFactory

from .conftest import form_data
from .factories import CommentFactory

pytestmark = pytest.mark.django_db

POST_URL = reverse("comments:post")
BODY = (
    '<p data-passage="chipsize">Chips shrink to two nanometres.</p>'
    "<p>A paragraph nobody may comment on.</p>"
    '<p data-passage="heatwall">Heat is the <strong>real</strong> limit.</p>'
)


ARTICLE_PAGE_QUERIES_WITH_PASSAGES = 4


@pytest.fixture
def story(author):
    return ArticleFactory(title="Chips get smaller", authors=[author], body=BODY)


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return html.fromstring(response.content.decode())


def marker(tree, passage):
    (found,) = tree.xpath(f"//p[@id='passage-{passage}']/a[@data-passage-marker='{passage}']")
    return found


def test_each_passage_has_a_marker_with_its_count_of_visible_comments(client, story):
    CommentFactory.create_batch(2, article=story, passage="chipsize")
    CommentFactory(article=story, passage="chipsize", is_public=False)  # held: not counted
    CommentFactory(article=story)  # on the whole article
    tree = page(client, story.get_absolute_url())
    assert marker(tree, "chipsize").text_content() == "2"
    assert marker(tree, "chipsize").get("aria-label") == "2 comments on this passage"
    assert marker(tree, "heatwall").text_content() == "0"
    assert len(tree.xpath("//a[@data-passage-marker]")) == 2
    # Without JavaScript the marker leads to the passage's thread.
    assert marker(tree, "heatwall").get("href") == (
        f"{story.get_absolute_url()}?passage=heatwall#passage-heatwall-thread"
    )
    assert not tree.xpath("//*[@data-passage-thread]")


def test_the_passage_link_shows_its_thread_under_the_passage_with_a_form_for_it(client, story):
    CommentFactory(article=story, passage="heatwall", comment="Cooling is the story.")
    CommentFactory(article=story, passage="chipsize", comment="About the other passage.")
    tree = page(client, f"{story.get_absolute_url()}?passage=heatwall")
    (thread,) = tree.xpath("//p[@id='passage-heatwall']/following-sibling::*[1]")
    assert thread.get("id") == "passage-heatwall-thread"
    assert "Cooling is the story." in thread.text_content()
    assert "About the other passage." not in thread.text_content()
    (form,) = thread.xpath(".//form")
    assert form.xpath(".//input[@name='passage']/@value") == ["heatwall"]
    # Its fields have ids of their own beside the page's main form.
    ids = tree.xpath("//@id")
    assert len(ids) == len(set(ids))


def test_a_comment_posted_from_a_passage_is_attached_to_it_and_quotes_it(member_client, story):
    client = member_client
    response = client.post(
        POST_URL, form_data(story, passage="heatwall", comment="What about cooling?")
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.passage == "heatwall"
    tree = page(client, story.get_absolute_url())
    assert marker(tree, "heatwall").text_content() == "1"
    (quote,) = tree.xpath(f"//li[@id='c{comment.pk}']//blockquote[@class='comment__passage']")
    assert " ".join(quote.text_content().split()) == "On this passage: Heat is the real limit."
    assert quote.xpath(".//a/@href") == ["#passage-heatwall"]


@pytest.mark.parametrize("passage", ["nosuchone", "<script>", "x" * 40])
def test_a_passage_that_is_not_in_the_body_is_refused_with_a_message(client, story, passage):
    response = client.post(POST_URL, form_data(story, passage=passage, comment="Lost words"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "The passage you commented on is not open for comments any more." in text
    assert "Lost words" in text  # offered again
    assert not Comment.objects.exists()


def test_a_passage_of_another_article_is_refused(client, story):
    other = ArticleFactory(body='<p data-passage="elsewhere">Elsewhere.</p>')
    client.post(POST_URL, form_data(story, passage="elsewhere"))
    client.post(POST_URL, form_data(other, passage="chipsize"))
    assert not Comment.objects.exists()


def test_a_reply_joins_the_passage_of_its_thread(member_client, story):
    first = CommentFactory(article=story, passage="chipsize")
    member_client.post(POST_URL, form_data(story, reply_to=str(first.pk), passage=""))
    reply = Comment.objects.exclude(pk=first.pk).get()
    assert (reply.parent_id, reply.passage) == (first.pk, "chipsize")


def test_the_passage_id_survives_edits_of_other_paragraphs(client, story):
    CommentFactory(article=story, passage="heatwall")
    story.body = "<p>A new opening paragraph.</p>" + BODY.replace(
        "A paragraph nobody may comment on.", "Rewritten."
    ).replace("<strong>real</strong> limit", "hard limit")
    story.save()
    tree = page(client, story.get_absolute_url())
    assert marker(tree, "heatwall").text_content() == "1"


def test_the_counts_cost_one_query_whatever_the_number_of_passages(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for(passages: int) -> int:
        body = "".join(f'<p data-passage="pass{n:04d}">Passage {n}.</p>' for n in range(passages))
        article = ArticleFactory(body=body)
        for n in range(passages):
            CommentFactory.create_batch(2, article=article, passage=f"pass{n:04d}")
        url = f"{article.get_absolute_url()}?sort=oldest"  # past the page cache
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        counts = [q["sql"] for q in captured if '"passage"' in q["sql"] and "COUNT" in q["sql"]]
        assert len(counts) == 1
        return len(captured)

    # The page's own queries (see tests/reader/test_article_page.py; the comment
    # section's counts and comments are kept once the first request read them), and
    # one for the counts of all passages.
    assert queries_for(1) == queries_for(8) == ARTICLE_PAGE_QUERIES_WITH_PASSAGES


def test_an_article_without_passages_asks_nothing_about_them(client, article):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = f"{article.get_absolute_url()}?sort=oldest"
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    assert not [q for q in captured if '"passage"' in q["sql"]]


def test_a_new_comment_on_a_passage_purges_the_cached_page(client, story, member):
    from django.test import Client

    client.get(story.get_absolute_url())
    assert client.get(story.get_absolute_url())["X-Reader-Cache"] == "hit"
    poster = Client()
    poster.force_login(member)
    poster.post(POST_URL, form_data(story, passage="chipsize", comment="Cached no more"))
    response = client.get(story.get_absolute_url())
    assert response["X-Reader-Cache"] == "miss"
    assert marker(html.fromstring(response.content.decode()), "chipsize").text_content() == "1"


def test_the_german_edition_labels_markers_and_threads_in_german(client, author):
    story = ArticleFactory(language="de", body=BODY, authors=[author])
    CommentFactory(article=story, passage="chipsize")
    tree = page(client, f"{story.get_absolute_url()}?passage=chipsize")
    assert marker(tree, "chipsize").get("aria-label") == "1 Kommentar zu dieser Passage"
    assert marker(tree, "heatwall").get("aria-label") == "0 Kommentare zu dieser Passage"
    (heading,) = tree.xpath("//aside[@id='passage-chipsize-thread']/h2")
    assert heading.text_content().strip() == "1 Kommentar zu dieser Passage"


def test_the_comment_admin_shows_the_passage_of_a_comment(staff_client, story):
    on_passage = CommentFactory(article=story, passage="heatwall", comment="On the heat")
    gone = CommentFactory(article=story, passage="vanished", comment="Its passage is gone")
    listing = staff_client.get(reverse("admin:comments_comment_changelist")).content.decode()
    assert "“Heat is the real limit.”" in listing
    detail = staff_client.get(
        reverse("admin:comments_comment_change", args=[on_passage.pk])
    ).content.decode()
    assert "?passage=heatwall#passage-heatwall-thread" in detail
    detail = staff_client.get(reverse("admin:comments_comment_change", args=[gone.pk]))
    assert "(a passage no longer open for feedback)" in detail.content.decode()


# ------------------------------------------------------------------------------
# What the editor stores, through the body sanitizer
# ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ('<p data-passage="abc123">Kept.</p>', '<p data-passage="abc123">Kept.</p>'),
        ('<p data-passage="ABC123">Upper case.</p>', "<p>Upper case.</p>"),
        ('<p data-passage="a&quot;b">Quote.</p>', "<p>Quote.</p>"),
        ('<p data-passage="abc">Too short.</p>', "<p>Too short.</p>"),
        (
            '<p data-passage="abc123" data-other="x">One only.</p>',
            '<p data-passage="abc123">One only.</p>',
        ),
        ('<h2 data-passage="abc123">Not on headings.</h2>', "<h2>Not on headings.</h2>"),
        (
            '<p data-passage="abc123">First.</p><p data-passage="abc123">Pasted copy.</p>',
            '<p data-passage="abc123">First.</p><p>Pasted copy.</p>',
        ),
    ],
)
def test_the_sanitizer_keeps_exactly_valid_passage_ids_once(given, stored):
    assert sanitize_html(given) == stored
    assert sanitize_html(stored) == stored


@pytest.mark.parametrize("asked", ["nosuchone", "<script>alert(1)</script>", ""])
def test_asking_for_a_passage_that_is_not_there_shows_the_page_without_a_thread(
    client, story, asked
):
    response = client.get(story.get_absolute_url(), {"passage": asked})
    tree = html.fromstring(response.content.decode())
    assert response.status_code == 200
    assert not tree.xpath("//*[@data-passage-thread]")
    assert "<script>alert(1)" not in response.content.decode()
