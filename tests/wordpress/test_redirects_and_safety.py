"""Old WordPress URLs answer 301; nothing in an export can run code on our pages."""

import threading
import time
import tracemalloc
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.management.base import CommandError

from articles.models import Article, ArticleImage, Category, Tag
from comments.models import Comment
from pages.models import Page
from wordpress.models import ImportedItem
from wordpress.services import WordPressImport

from .conftest import (
    EXPORT_HEAD,
    attachment_item,
    big_export,
    png,
    post_item,
    run_import,
    write_export,
)

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
        ("/tag/chips/", "/tag/chips/"),  # ours is the same: no redirect needed, a 200
        ("/tag/laser", "/tag/laser/"),
        # Attachment pages lead to the article the image belongs to.
        ("/?attachment_id=100", "/news/it-news/hardware/first-chips/"),
        ("/2024/05/17/first-chips/cat/", "/news/it-news/hardware/first-chips/"),
        ("/featured/", "/news/it-news/hardware/first-chips/"),
    ],
)
def test_old_urls_answer_301_with_the_new_one(imported, client, old, new):
    response = client.get(old)
    if old == new:
        assert response.status_code == 200
        return
    assert response.status_code == 301
    assert response["Location"] == new


def test_an_old_tag_address_follows_the_tag_to_its_new_slug(imported, client):
    tag = Tag.objects.get(slug_en="chips")
    tag.slug_en = "microchips"
    tag.save()
    response = client.get("/tag/chips/")
    assert (response.status_code, response["Location"]) == (301, "/tag/microchips/")


def test_an_attachment_used_only_in_a_body_leads_to_that_article(db, client, tmp_path):
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    (uploads / "photo.png").write_bytes(png("grey"))
    src = "https://old.example/wp-content/uploads/photo.png"
    export = write_export(
        tmp_path / "export.xml",
        attachment_item(101, src),
        post_item(1, "story", content=f'<img src="{src}" class="wp-image-101" alt="A photo">',
                  extra='<category domain="category" nicename="news">News</category>'),
        attachment_item(102, "https://old.example/wp-content/uploads/unused.png"),
    )  # fmt: skip
    run_import(export, "--media-dir", str(uploads))
    assert client.get("/?attachment_id=101")["Location"] == "/news/story/"
    assert client.get("/?attachment_id=102").status_code == 200  # used nowhere: the home page


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


def test_an_export_of_a_few_megabytes_imports_whole(db, tmp_path):
    export = tmp_path / "big.xml"
    big_export(export, posts=120)
    assert export.stat().st_size > 3_000_000
    started = time.monotonic()
    report = run_import(export)
    assert "post: 120 imported" in report and "comment: 120 imported" in report
    assert Article.objects.count() == 120
    assert time.monotonic() - started < 120
    assert run_import(export).count("unchanged") >= 2


LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE rss ['
    '<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">'
        for n in range(1, 10)
    )
    + "]>"
)


def test_entities_that_would_expand_to_gigabytes_stop_the_import_with_a_message(db, tmp_path):
    export = write_export(
        tmp_path / "laughs.xml",
        post_item(1, "laughs", extra="<excerpt:encoded>&lol9;</excerpt:encoded>"),
        head=LAUGHS + EXPORT_HEAD.split("?>", 1)[1],
    )
    started = time.monotonic()
    with pytest.raises(CommandError, match="Not a readable export: .*amplification"):
        run_import(export)
    assert time.monotonic() - started < 30
    assert not Article.objects.exists() and not Category.objects.exists()


def test_an_external_dtd_or_entity_is_never_fetched(db, tmp_path):
    asked = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            asked.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'<!ENTITY remote "FETCHED">')

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        doctype = (
            f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{url}/dtd" ['
            f'<!ENTITY % outside SYSTEM "{url}/parameter"> %outside;'
            f'<!ENTITY fetched SYSTEM "{url}/entity">]>'
        )
        export = write_export(
            tmp_path / "remote.xml",
            post_item(1, "remote", content="x &fetched; &remote; y"),
            head=doctype + EXPORT_HEAD.split("?>", 1)[1],
        )
        run_import(export)
    finally:
        server.shutdown()
        server.server_close()
    assert asked == []
    assert "FETCHED" not in Article.objects.get(slug="remote").body


def test_comments_nested_deeper_than_python_recurses_are_no_crash(db, tmp_path):
    # libxml2 allows 2048 levels with huge_tree; more than Python's 1000 frames.
    depth = 1500
    nested = "<wp:comment><wp:comment_id>1</wp:comment_id>" * depth + "</wp:comment>" * depth
    export = write_export(tmp_path / "deep.xml", post_item(1, "deep", extra=nested))
    assert "post: 1 imported" in run_import(export)


def test_a_document_deeper_than_libxml2_allows_is_an_error_not_a_crash(db, tmp_path):
    depth = 3000
    nested = "<wp:comment>" * depth + "</wp:comment>" * depth
    export = write_export(tmp_path / "deep.xml", post_item(1, "deep", extra=nested))
    with pytest.raises(CommandError, match="Not a readable export: Excessive depth"):
        run_import(export)


def test_an_svg_with_a_script_in_the_media_folder_is_refused(db, tmp_path):
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    (uploads / "drawing.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
    )
    export = write_export(
        tmp_path / "svg.xml",
        attachment_item(101, "https://old.example/wp-content/uploads/drawing.svg"),
        post_item(
            1,
            "drawing",
            content='<img src="https://old.example/wp-content/uploads/drawing.svg" '
            'class="wp-image-101" alt="A drawing">',
        ),
    )
    report = run_import(export, "--media-dir", str(uploads))
    assert "drawing.svg refused" in report
    assert not ArticleImage.objects.exists()
    assert "svg" not in Article.objects.get(slug="drawing").body


def _import_peak(path) -> int:
    """The peak of Python's allocations while importing `path`."""
    tracemalloc.start()
    try:
        WordPressImport(path=str(path), language="en", download=False).run()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak


def test_memory_does_not_grow_with_the_size_of_the_export(db, tmp_path):
    small, large = tmp_path / "small.xml", tmp_path / "large.xml"
    big_export(small, posts=40)
    big_export(large, posts=200)
    assert small.stat().st_size < 1_100_000 and large.stat().st_size > 5_000_000
    _import_peak(small)  # the first import fills caches that stay: not counted
    Article.objects.all().delete()
    ImportedItem.objects.all().delete()
    small_peak = _import_peak(small)
    Article.objects.all().delete()
    ImportedItem.objects.all().delete()
    large_peak = _import_peak(large)
    assert Article.objects.count() == 200
    # Five times the export (4 MB more), a fraction of it more memory: no post, body or
    # element is kept once imported (what grows is Python's and Django's own bounded
    # caches, which the small import does not fill).
    assert large_peak < 2.5 * small_peak, (small_peak, large_peak)
    # lxml's own memory is not Python's, and the resident set of a process that has run
    # other tests says little: bench/bench_wordpress_import.py measures it in fresh ones.


def test_with_debug_on_the_query_log_does_not_hold_every_post(db, tmp_path, settings):
    from django.db import connection, reset_queries

    settings.DEBUG = True
    export = tmp_path / "export.xml"
    big_export(export, posts=15)
    reset_queries()
    run_import(export)
    assert Article.objects.count() == 15
    # Each post costs dozens of queries; the log keeps those of one item at most.
    assert len(connection.queries) < 60, len(connection.queries)
