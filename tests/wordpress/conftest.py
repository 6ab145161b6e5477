import io
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image

DATA = Path(__file__).resolve().parent / "data"


def png(color: str, size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def media_dir(tmp_path):
    """A copy of wp-content/uploads with two of the export's three images."""
    folder = tmp_path / "uploads" / "2024" / "05"
    folder.mkdir(parents=True)
    (folder / "cat.png").write_bytes(png("grey"))
    (folder / "featured.png").write_bytes(png("navy"))
    return tmp_path / "uploads"


def run_import(path, *args) -> str:
    out = io.StringIO()
    call_command("import_wordpress", str(path), "--no-download", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def imported(db, media_dir):
    return run_import(DATA / "site.xml", "--media-dir", str(media_dir))


EXPORT_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
    'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">'
    "<channel><link>https://old.example</link>"
    "<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>news</wp:category_nicename>"
    "<wp:cat_name>News</wp:cat_name></wp:category>"
)


def post_item(wp_id: int, slug: str, *, content: str = "Text.", kind: str = "post",
              status: str = "publish", extra: str = "") -> str:  # fmt: skip
    """One <item> of an export, as WordPress writes it."""
    return (
        f"<item><title>{slug}</title><link>https://old.example/{slug}/</link>"
        f"<content:encoded><![CDATA[{content}]]></content:encoded>"
        f"<wp:post_id>{wp_id}</wp:post_id><wp:post_date>2024-01-01 10:00:00</wp:post_date>"
        f"<wp:post_date_gmt>2024-01-01 09:00:00</wp:post_date_gmt>"
        f"<wp:post_name>{slug}</wp:post_name><wp:status>{status}</wp:status>"
        f"<wp:post_type>{kind}</wp:post_type>{extra}</item>"
    )


def attachment_item(wp_id: int, url: str, *, parent: int = 0, alt: str = "") -> str:
    return (
        f"<item><title>attachment {wp_id}</title>"
        f"<link>https://old.example/?attachment_id={wp_id}</link>"
        f"<wp:post_id>{wp_id}</wp:post_id><wp:post_name>attachment-{wp_id}</wp:post_name>"
        f"<wp:status>inherit</wp:status><wp:post_parent>{parent}</wp:post_parent>"
        f"<wp:post_type>attachment</wp:post_type>"
        f"<wp:attachment_url><![CDATA[{url}]]></wp:attachment_url>"
        "<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key>"
        f"<wp:meta_value><![CDATA[{alt}]]></wp:meta_value></wp:postmeta></item>"
    )


def write_export(path, *items: str, head: str = EXPORT_HEAD) -> Path:
    path.write_text(head + "".join(items) + "</channel></rss>")
    return path


def big_export(path, posts: int) -> None:
    """An export of `posts` posts of 25 kB each, with a comment each."""
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
