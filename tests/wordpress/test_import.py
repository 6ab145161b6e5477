"""The WordPress import on a small export written for these tests (data/site.xml)."""

import io
from datetime import UTC, datetime

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import translation

from articles.models import Article, ArticleImage, ArticleStatus, Category, Image, Tag
from comments.models import Comment
from pages.models import Page
from wordpress.models import ImportedItem, LegacyRedirect

from .conftest import (
    DATA,
    EXPORT_HEAD,
    attachment_item,
    big_export,
    post_item,
    run_import,
    write_export,
)

pytestmark = pytest.mark.django_db


def article(slug: str) -> Article:
    return Article.objects.get(slug=slug)


def test_nested_categories_become_the_section_tree_with_their_names_and_slugs(imported):
    hardware = Category.objects.get(slug_en="hardware")
    assert hardware.path == "news/it-news/hardware"
    assert hardware.parent.name == "IT & News"
    assert hardware.parent.parent.description == "What happened"
    assert Category.objects.count() == 4


def test_authors_become_accounts_that_cannot_log_in_and_keep_their_bylines(imported):
    alice = get_user_model().objects.get(username="alice")
    assert (alice.first_name, alice.last_name, alice.email) == (
        "Alice",
        "Writer",
        "alice@old.example",
    )
    assert not alice.has_usable_password()
    assert not alice.is_staff and not alice.is_superuser
    assert list(article("first-chips").authors.all()) == [alice]
    bob = get_user_model().objects.get(username="bob")
    assert bob.first_name == "Bob Bold"  # the display name, as text


def test_tags_become_tags_of_the_edition(imported):
    assert set(article("first-chips").tags.values_list("slug_en", flat=True)) == {"chips", "laser"}
    assert Tag.objects.get(slug_en="chips").name == "Chips"


@pytest.mark.parametrize(
    ("slug", "status", "published_at"),
    [
        ("first-chips", ArticleStatus.PUBLISHED, datetime(2024, 5, 17, 8, 30, tzinfo=UTC)),
        ("block-post", ArticleStatus.PUBLISHED, datetime(2030, 1, 2, 8, 0, tzinfo=UTC)),
        ("a-draft", ArticleStatus.DRAFT, None),
        ("pending-review", ArticleStatus.DRAFT, None),
        ("private-notes", ArticleStatus.UNPUBLISHED, datetime(2024, 5, 22, 7, 0, tzinfo=UTC)),
        (
            "members-only",
            ArticleStatus.UNPUBLISHED,
            datetime(2023, 5, 23, 7, 0, tzinfo=UTC).replace(year=2024),
        ),
    ],
)
def test_each_wordpress_status_has_its_state_here(imported, slug, status, published_at):
    found = article(slug)
    assert (found.status, found.published_at) == (status, published_at)


def test_only_published_posts_whose_time_has_come_are_public(imported):
    public = set(Article.objects.published().values_list("slug", flat=True))
    assert public == {"first-chips", "hostile"}
    assert article("block-post").is_scheduled
    assert not Article.objects.filter(title="Thrown away").exists()


def test_the_excerpt_is_the_lead_else_the_first_paragraph(imported):
    assert article("first-chips").lead == "The lead written as an excerpt."
    assert article("block-post").lead == "The block post begins here."


def test_classic_content_gets_paragraphs_and_line_breaks(imported):
    body = article("first-chips").body
    assert "<p>The first paragraph of a classic post.<br>It has a line break.</p>" in body
    assert "<p>A second paragraph with <strong>bold</strong> text and a  form.</p>" in body
    assert "<h2>A big heading</h2>" in body  # h1 is the page's title: level 2 here
    assert 'href="https://www.youtube.com/watch?v=abc123"' in body  # an embed, as a link


def test_block_content_becomes_paragraphs_headings_lists_quotes_and_links(imported):
    body = article("block-post").body
    assert "<!--" not in body
    for part in ("<p>The block post begins here.</p>", "<h3>A block heading</h3>",
                 "<li>One</li>", "<blockquote>", "<p>A quoted line.</p>",
                 '<a href="https://twitter.com/someone/status/1"'):  # fmt: skip
        assert part in body
    assert "gallery" not in body


def test_shortcodes_are_dropped_and_never_run(imported):
    body = article("first-chips").body + article("hostile").body
    assert "contact-form-7" not in body and "evil_shortcode" not in body
    assert "inside" in article("hostile").body  # what stood between the tags stays, as text


def test_body_images_become_placeholders_with_alt_text_and_caption(imported):
    first = article("first-chips")
    (image,) = first.images.all()
    assert f"<p>{image.placeholder}</p>" in first.body
    assert image.alt == "A cat on a chip"
    assert image.caption == "The cat inspects the wafer"
    assert image.width == 40


def test_the_featured_image_is_a_library_image_and_a_missing_image_is_reported(imported):
    first = article("first-chips")
    assert first.featured_image.file.name.endswith(".png")
    assert first.featured_image.alt == "A wafer in the light"
    assert first.featured_image_alt == "A wafer in the light"
    block = article("block-post")
    assert "Not there" not in block.body and "Lost caption" not in block.body
    assert block.images.count() == 1  # the cat, present; the missing one is left out
    assert "missing.png is not in the media folder" in imported


def test_a_media_path_outside_the_media_folder_is_never_read(imported):
    # Attachment 102 names ../../../etc/passwd as its file.
    assert "passwd" not in "".join(Image.objects.values_list("file", flat=True))


def test_comments_keep_their_thread_author_and_approval(imported):
    comments = {c.comment: c for c in Comment.objects.filter(article=article("first-chips"))}
    top = comments["Great chips."]
    assert (top.user_name, top.user_email, top.user_url) == (
        "Carol",
        "carol@reader.example",
        "https://carol.example/",
    )
    assert top.submit_date == datetime(2024, 5, 17, 9, 0, tzinfo=UTC)
    assert comments["I disagree."].parent_id == top.pk
    assert comments["Because of the price."].level == settings.COMMENTS_XTD_MAX_THREAD_LEVEL
    deep = comments["Deep in the thread."]
    # Deeper than our limit: at the deepest level, still in reply to the one it answered.
    assert deep.level == settings.COMMENTS_XTD_MAX_THREAD_LEVEL
    assert deep.replied_to == comments["Because of the price."]
    assert deep.parent_id == comments["Because of the price."].parent_id
    assert not comments["Waiting for approval."].is_public
    assert not comments["Cheap pills"].is_public
    visible = set(Comment.objects.visible().filter(article=article("first-chips"))
                  .values_list("comment", flat=True))  # fmt: skip
    assert "Cheap pills" not in visible and "Waiting for approval." not in visible


def test_pingbacks_and_trackbacks_are_skipped_and_counted(imported):
    assert "pingback: 2 skipped" in imported
    assert not Comment.objects.filter(user_name__in=["Other blog", "Third blog"]).exists()


def test_pages_become_static_pages(imported):
    about = Page.objects.get(slug="about")
    assert about.is_published and about.language == "en"
    assert about.body == "<p>We write about chips.</p>\n<p>Write to us.</p>"
    assert Page.objects.get(slug="team").body == "<p>Alice and Bob.</p>"
    assert not Page.objects.get(slug="legal").is_published


def test_the_report_counts_what_was_imported(imported):
    for line in ("author: 2 imported", "category: 4 imported", "post: 7 imported, 1 skipped",
                 "page: 3 imported", "tag: 2 imported", "comment: 8 imported",
                 "featured image: 1 imported"):  # fmt: skip
        assert line in imported, imported
    assert "Author “nobody-known” is not in the export." in imported


def snapshot():
    models = (Article, Category, Tag, Comment, Page, ArticleImage, Image, LegacyRedirect,
              ImportedItem, get_user_model())  # fmt: skip
    rows = {}
    for model in models:
        fields = [f.attname for f in model._meta.concrete_fields
                  if f.attname not in {"imported_at", "last_login"}]  # fmt: skip
        rows[model.__name__] = sorted(map(repr, model.objects.values_list(*fields)))
    return rows


def test_a_second_import_changes_nothing(imported, media_dir):
    before = snapshot()
    again = run_import(DATA / "site.xml", "--media-dir", str(media_dir))
    assert snapshot() == before
    assert "post: 7 unchanged, 1 skipped" in again
    assert "comment: 8 unchanged" in again


def test_an_updated_export_updates_what_changed_and_adds_what_is_new(imported, media_dir, tmp_path):
    text = (DATA / "site.xml").read_text()
    text = text.replace("First chips of the year", "First chips of the year, updated")
    text = text.replace("<wp:comment_id>6</wp:comment_id>", "<wp:comment_id>6</wp:comment_id>", 1)
    text = text.replace(
        "<![CDATA[Waiting for approval.]]></wp:comment_content><wp:comment_approved><![CDATA[0]]>",
        "<![CDATA[Waiting for approval.]]></wp:comment_content><wp:comment_approved><![CDATA[1]]>",
    )
    new_post = (
        "<item><title>Brand new</title><link>https://old.example/2024/07/01/brand-new/</link>"
        "<dc:creator>alice</dc:creator><content:encoded>New text.</content:encoded>"
        "<wp:post_id>40</wp:post_id><wp:post_date>2024-07-01 09:00:00</wp:post_date>"
        "<wp:post_date_gmt>2024-07-01 07:00:00</wp:post_date_gmt>"
        "<wp:post_name>brand-new</wp:post_name>"
        "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
        '<category domain="category" nicename="news">News</category></item>'
    )
    text = text.replace("</channel>", new_post + "</channel>")
    updated = tmp_path / "updated.xml"
    updated.write_text(text)
    report = run_import(updated, "--media-dir", str(media_dir))
    assert "post: 1 imported, 1 updated, 6 unchanged, 1 skipped" in report, report
    assert "comment: 1 updated, 7 unchanged" in report, report
    assert article("first-chips").title == "First chips of the year, updated"
    assert Comment.objects.get(comment="Waiting for approval.").is_public
    assert Article.objects.filter(slug="brand-new").count() == 1
    assert Article.objects.count() == 8


def test_a_dry_run_reports_and_changes_nothing(db, media_dir):
    report = run_import(DATA / "site.xml", "--media-dir", str(media_dir), "--dry-run")
    assert "Dry run" in report and "post: 7 imported, 1 skipped" in report
    assert not Article.objects.exists() and not Category.objects.exists()
    assert not ImportedItem.objects.exists() and not get_user_model().objects.exists()


def test_posts_of_an_unknown_author_get_the_default_author(db, media_dir):
    editor = get_user_model().objects.create_user("editor", "editor@newsroom.example")
    run_import(DATA / "site.xml", "--media-dir", str(media_dir), "--default-author", "editor")
    assert list(article("hostile").authors.all()) == [editor]


def test_the_other_namespace_and_wxr_1_1_import_alike(db, media_dir):
    report = run_import(DATA / "site-1.1-https.xml")
    assert "post: 1 imported" in report
    post = Article.objects.get(slug="older-format")
    assert post.category.name == "Gadgets" and post.lead == "From WXR 1.1."
    assert Comment.objects.filter(article=post).count() == 1


def test_an_import_into_the_german_edition(db, media_dir):
    run_import(DATA / "site-1.1-https.xml", "--language", "de")
    post = Article.objects.get(slug="older-format")
    assert post.language == "de"
    assert post.get_absolute_url() == "/de/gadgets/older-format/"
    with translation.override("de"):
        assert Category.objects.get(slug_de="gadgets").name == "Gadgets"


def test_a_file_that_is_not_an_export_is_an_error_not_a_crash(db, tmp_path):
    from django.core.management.base import CommandError

    broken = tmp_path / "broken.xml"
    broken.write_text("<rss><channel><item>")
    with pytest.raises(CommandError):
        run_import(broken)


def in_categories(*slugs: str, primary: str = "") -> str:
    extra = "".join(f'<category domain="category" nicename="{s}">{s.title()}</category>'
                    for s in slugs)  # fmt: skip
    if primary:
        extra += ("<wp:postmeta><wp:meta_key>_yoast_wpseo_primary_category</wp:meta_key>"
                  f"<wp:meta_value>{primary}</wp:meta_value></wp:postmeta>")  # fmt: skip
    return extra


def test_a_post_in_several_categories_has_one_section_and_the_others_as_tags(db, tmp_path):
    head = EXPORT_HEAD + (
        "<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>sport</wp:category_nicename>"
        "<wp:cat_name>Sport</wp:cat_name></wp:category>"
        "<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>local</wp:category_nicename>"
        "<wp:cat_name>Local</wp:cat_name></wp:category>"
    )
    export = write_export(
        tmp_path / "export.xml",
        post_item(1, "first-listed", extra=in_categories("sport", "news", "local")),
        # Yoast SEO's primary category, where the site used it, is the section.
        post_item(2, "yoast-primary", extra=in_categories("sport", "local", primary="3")),
        post_item(3, "one-only", extra=in_categories("news")),
        head=head,
    )
    report = run_import(export)
    first = article("first-listed")
    assert first.category.slug == "sport"
    assert {(t.slug, t.name) for t in first.tags.all()} == {("news", "News"), ("local", "Local")}
    yoast = article("yoast-primary")
    assert yoast.category.slug == "local"
    assert set(yoast.tags.values_list("slug_en", flat=True)) == {"sport"}
    assert not article("one-only").tags.exists()
    assert Tag.objects.count() == 3  # one tag per category, shared by the posts
    for line in (
        "post 1 “first-listed”: Also in News, Local: kept as tags; its section is Sport.",
        "post 2 “yoast-primary”: Also in Sport: kept as tags; its section is Local.",
    ):
        assert line in report, report
    assert "category as tag: 3 imported" in report, report
    again = run_import(export)
    assert "post: 3 unchanged" in again and "category as tag" not in again, again
    assert Tag.objects.count() == 3


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_sees_a_progress_bar_for_each_pass_over_the_file(db, tmp_path):
    export = tmp_path / "export.xml"
    big_export(export, posts=40)
    out = Terminal()
    call_command("import_wordpress", str(export), "--no-download", stdout=out)
    text = out.getvalue()
    size = export.stat().st_size
    for number in (1, 2):
        frames = [part for part in text.split("\r") if part.startswith(f"Pass {number}/2")]
        assert len(frames) > 3, text
        assert frames[-1].startswith(f"Pass {number}/2  [{'#' * 30}] 100.0% {size:,}/{size:,}")
        # Drawn again only when it changes.
        assert len(frames) == len(set(frames))
    assert "post: 40 imported" in text


def test_without_a_terminal_there_is_no_bar(imported):
    assert "\r" not in imported and "[###" not in imported


PAGE_WITH_IMAGES = (
    "<p>{intro}</p>"
    '<figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/2024/05/'
    'cat.png" alt="Our office cat" class="wp-image-100"/><figcaption>At the door</figcaption>'
    "</figure>"
    '<figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/2024/05/'
    'gone.png" alt="Lost" class="wp-image-101"/></figure>'
)


def import_page_with_images(tmp_path, media_dir, intro: str = "Who we are.") -> str:
    export = write_export(
        tmp_path / "page.xml",
        attachment_item(100, "https://old.example/wp-content/uploads/2024/05/cat.png", parent=5),
        attachment_item(101, "https://old.example/wp-content/uploads/2024/05/gone.png", parent=5),
        post_item(5, "about", kind="page", content=PAGE_WITH_IMAGES.format(intro=intro)),
    )
    return run_import(export, "--media-dir", str(media_dir))


def test_a_pages_images_become_library_images_and_a_missing_one_is_reported(db, tmp_path,
                                                                            media_dir):  # fmt: skip
    report = import_page_with_images(tmp_path, media_dir)
    (cat,) = Image.objects.all()
    assert (cat.alt, cat.caption, cat.width) == ("Our office cat", "At the door", 40)
    about = Page.objects.get(slug="about")
    assert about.body == f"<p>Who we are.</p><p>{cat.placeholder}</p>"
    assert "Lost" not in about.body
    assert "image: 1 imported, 1 missing" in report, report
    assert "page: 1 imported" in report
    line = next(line for line in report.splitlines() if "gone.png" in line)
    assert "page 5 “about”" in line and "is not in the media folder" in line
    assert not ArticleImage.objects.exists()  # a page names the library image itself


def test_an_updated_page_keeps_its_imported_image_and_makes_no_second_copy(db, tmp_path,
                                                                           media_dir):  # fmt: skip
    import_page_with_images(tmp_path, media_dir)
    (cat,) = Image.objects.all()
    report = import_page_with_images(tmp_path, media_dir, intro="Who we are now.")
    assert "page: 1 updated" in report, report
    assert "image: 1 unchanged, 1 missing" in report, report
    assert list(Image.objects.all()) == [cat]
    assert Page.objects.get().body == f"<p>Who we are now.</p><p>{cat.placeholder}</p>"
