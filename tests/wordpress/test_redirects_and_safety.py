"""Old WordPress URLs answer 301; nothing in an export can run code on our pages."""

import time

import pytest

from articles.models import Article, Category
from comments.models import Comment
from pages.models import Page

from .conftest import run_import

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/2024/05/17/first-chips/", "/news/it-news/hardware/first-chips/"),  # <link>
        ("/2024/05/first-chips/", "/news/it-news/hardware/first-chips/"),
        ("/?p=10", "/news/it-news/hardware/first-chips/"),
        ("/first-chips/", "/news/it-news/hardware/first-chips/"),
        ("/about/", "/page/about/"),
        ("/about/team/", "/page/team/"),
        ("/?page_id=20", "/page/about/"),
        ("/?cat=3", "/news/it-news/"),
        ("/category/news/it-news/hardware/", "/news/it-news/hardware/"),
        ("/category/hardware/", "/news/it-news/hardware/"),
    ],
)
def test_old_urls_answer_301_with_the_new_one(imported, client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new


def test_a_redirect_follows_a_later_slug_change_and_move(imported, client):
    post = Article.objects.get(slug="first-chips")
    post.slug = "chips-renamed"
    post.category = Category.objects.get(slug_en="news")
    post.save()
    assert client.get("/?p=10")["Location"] == "/news/chips-renamed/"


def test_no_old_url_leads_to_what_readers_may_not_see(imported, client):
    assert client.get("/2024/05/22/private-notes/").status_code == 404
    assert client.get("/?page_id=22").status_code == 200  # the home page, as without it


def test_the_home_page_and_pages_that_exist_cost_no_lookup(
    imported, client, django_assert_num_queries
):
    client.get("/")  # fills the caches
    client.get("/news/")
    with django_assert_num_queries(0):
        assert client.get("/").status_code == 200
    with django_assert_num_queries(0):
        assert client.get("/news/").status_code == 200


def test_an_unknown_old_address_is_still_a_404(imported, client):
    assert client.get("/2099/01/01/nothing/").status_code == 404
    assert client.get("/?p=999").status_code == 200
    assert client.get("/nothing%00here/").status_code == 404


def test_an_old_query_with_a_number_of_thousands_of_digits_is_an_ordinary_page(imported, client):
    huge = "9" * 5000
    assert client.get("/", {"p": huge}).status_code == 200
    assert client.get("/no/such/page/", {"page_id": huge}).status_code == 404


def test_nothing_in_the_export_puts_a_script_into_a_page(imported, client):
    hostile = Article.objects.get(slug="hostile")
    stored = " ".join([hostile.title, hostile.lead, hostile.body]).lower()
    for part in ("<script", "onclick", "onerror", "onload", "javascript:", "data:text", "<svg",
                 "<iframe", "<style", "style="):  # fmt: skip
        assert part not in stored
    page = client.get(hostile.get_absolute_url()).content.decode().lower()
    assert "alert(" not in page and "javascript:" not in page
    comment = Comment.objects.get(article=hostile)
    assert "<" not in comment.comment and comment.user_url == "" and comment.ip_address is None
    assert "<script" not in comment.user_name
    assert all("<script" not in page.body for page in Page.objects.all())


def test_a_placeholder_written_in_the_export_is_text_not_an_image(imported):
    assert "[[image:" not in Article.objects.get(slug="hostile").body


def test_an_entity_in_the_export_reads_no_file(db, tmp_path):
    export = tmp_path / "xxe.xml"
    export.write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>'
        '<rss xmlns:wp="http://wordpress.org/export/1.2/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>s</wp:category_nicename>"
        "<wp:cat_name>S</wp:cat_name></wp:category>"
        "<item><title>T &secret;</title><content:encoded>x &secret;</content:encoded>"
        "<wp:post_id>1</wp:post_id><wp:post_name>t</wp:post_name><wp:status>publish</wp:status>"
        "<wp:post_type>post</wp:post_type></item></channel></rss>"
    )
    run_import(export)
    post = Article.objects.get(slug="t")
    hostname = open("/etc/hostname").read().strip()  # noqa: SIM115
    assert hostname not in post.title + post.body


def _big_export(path, posts: int) -> None:
    head = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">'
        "<channel><link>https://big.example</link>"
        "<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>bulk</wp:category_nicename>"
        "<wp:cat_name>Bulk</wp:cat_name></wp:category>"
    )
    paragraph = "Words of a long archive post, repeated to make the export big. " * 40
    with open(path, "w") as out:
        out.write(head)
        for n in range(posts):
            body = "\n\n".join([paragraph] * 10)
            out.write(
                f"<item><title>Post {n}</title><link>https://big.example/post-{n}/</link>"
                f"<content:encoded><![CDATA[{body}]]></content:encoded>"
                f"<wp:post_id>{n + 1}</wp:post_id><wp:post_date>2020-01-01 00:00:00</wp:post_date>"
                f"<wp:post_name>post-{n}</wp:post_name><wp:status>publish</wp:status>"
                f'<wp:post_type>post</wp:post_type><category domain="category" nicename="bulk">'
                f"Bulk</category>"
                f"<wp:comment><wp:comment_id>{n + 1}</wp:comment_id>"
                "<wp:comment_author>R</wp:comment_author>"
                f"<wp:comment_content>Reply {n}</wp:comment_content><wp:comment_approved>1"
                f"</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment></item>"
            )
        out.write("</channel></rss>")


def test_an_export_of_a_few_megabytes_imports_whole(db, tmp_path):
    export = tmp_path / "big.xml"
    _big_export(export, posts=120)
    assert export.stat().st_size > 3_000_000
    started = time.monotonic()
    report = run_import(export)
    assert "post: 120 imported" in report and "comment: 120 imported" in report
    assert Article.objects.count() == 120
    assert time.monotonic() - started < 120
    assert run_import(export).count("unchanged") >= 2
