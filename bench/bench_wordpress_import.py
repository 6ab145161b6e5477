"""Benchmark: `import_wordpress` on generated exports of growing size, in bounded memory.

    .venv/bin/python bench/bench_wordpress_import.py [--sizes 5,50]

Each size (in MB) is imported in a process of its own, on a throwaway database (a
temporary SQLite file, or with BENCH_DATABASE_URL=postgres://… a fresh test database
on that server). The export is written here: posts of 25 kB of text in two sections,
with two tags and two comments each (one a reply). Reports the time, posts per second
and the memory: the resident set after Django's start, its highest value while
importing (sampled as the file is read) and the peak the kernel recorded. Writes them
to bench/results/wordpress_import-<database>.txt as well.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Run as a script, so bench/ itself is on the path.
from common import database_url, database_version, setup_django, write_result  # noqa: I001

POST_BYTES = 25_000
HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
    'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">'
    "<channel><link>https://big.example</link><wp:wxr_version>1.2</wp:wxr_version>"
    "<wp:author><wp:author_login>writer</wp:author_login><wp:author_email>w@big.example"
    "</wp:author_email><wp:author_display_name>A Writer</wp:author_display_name></wp:author>"
    "<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>news</wp:category_nicename>"
    "<wp:cat_name>News</wp:cat_name></wp:category>"
    "<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>local</wp:category_nicename>"
    "<wp:category_parent>news</wp:category_parent><wp:cat_name>Local</wp:cat_name></wp:category>"
)
SENTENCE = "A sentence of an archive story, long enough to be like the real ones we import. "


def write_export(path: Path, megabytes: int) -> int:
    """An export of about `megabytes` MB; returns its number of posts."""
    paragraphs = "\n\n".join([SENTENCE * 6] * (POST_BYTES // (len(SENTENCE) * 6)))
    posts = megabytes * 1_000_000 // POST_BYTES
    with path.open("w") as out:
        out.write(HEAD)
        for n in range(1, posts + 1):
            comments = "".join(
                f"<wp:comment><wp:comment_id>{2 * n + k}</wp:comment_id>"
                f"<wp:comment_author>Reader {k}</wp:comment_author>"
                f"<wp:comment_date_gmt>2020-01-01 10:00:00</wp:comment_date_gmt>"
                f"<wp:comment_content>Comment {k} on post {n}.</wp:comment_content>"
                f"<wp:comment_approved>1</wp:comment_approved>"
                f"<wp:comment_parent>{2 * n if k else 0}</wp:comment_parent></wp:comment>"
                for k in (0, 1)
            )
            out.write(
                f"<item><title>Archive story {n}</title>"
                f"<link>https://big.example/2020/01/01/story-{n}/</link>"
                f"<dc:creator>writer</dc:creator>"
                f"<content:encoded><![CDATA[{paragraphs}]]></content:encoded>"
                f"<wp:post_id>{n}</wp:post_id><wp:post_date>2020-01-01 10:00:00</wp:post_date>"
                f"<wp:post_date_gmt>2020-01-01 09:00:00</wp:post_date_gmt>"
                f"<wp:post_name>story-{n}</wp:post_name><wp:status>publish</wp:status>"
                f"<wp:post_type>post</wp:post_type>"
                f'<category domain="category" nicename="{"local" if n % 2 else "news"}">x'
                f'</category><category domain="post_tag" nicename="tag-{n % 7}">Tag {n % 7}'
                f"</category>{comments}</item>"
            )
        out.write("</channel></rss>")
    return posts


def rss() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def child(megabytes: int) -> None:
    """One import, in this process: prints its figures as JSON."""
    with tempfile.TemporaryDirectory() as folder:
        os.environ["MEDIA_ROOT"] = str(Path(folder) / "media")
        sqlite_file = Path(folder) / "bench.db"
        setup_django(url=database_url(sqlite_file), sqlite_file=sqlite_file)
        from django.db import connection

        from articles.models import Article
        from comments.models import Comment
        from wordpress.services import WordPressImport

        test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            export = Path(folder) / "export.xml"
            posts = write_export(export, megabytes)
            baseline = rss()
            highest = baseline

            def sample(_number, _done, _total):
                nonlocal highest
                highest = max(highest, rss())

            started = time.perf_counter()
            report = WordPressImport(
                path=str(export), language="en", download=False, progress=sample
            ).run()
            seconds = time.perf_counter() - started
            figures = {
                "megabytes": export.stat().st_size / 1_000_000,
                "posts": posts,
                "articles": Article.objects.count(),
                "comments": Comment.objects.count(),
                "problems": len(report.problems),
                "seconds": seconds,
                "baseline": baseline,
                "highest": highest,
                "maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                "vendor": connection.vendor,
                "db_version": database_version(connection),
            }
        finally:
            connection.creation.destroy_test_db(test_name, verbosity=0)
    print(json.dumps(figures))


def run(sizes: list[int]) -> str:
    rows = []
    for megabytes in sizes:
        done = subprocess.run(  # noqa: S603
            [sys.executable, __file__, "--child", str(megabytes)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    mb = 1_000_000
    lines = [
        "import_wordpress: generated exports (posts of 25 kB, 2 comments each), no images",
        f"database: {rows[0]['vendor']} {rows[0]['db_version']}; Python "
        f"{platform.python_version()}; {os.cpu_count()} CPUs; {time.strftime('%Y-%m-%d')}",
        "",
        f"{'export':>9} {'posts':>7} {'comments':>9} {'time':>8} {'posts/s':>8} "
        f"{'RSS at start':>13} {'RSS highest':>12} {'growth':>8} {'peak (kernel)':>14}",
    ]
    for row in rows:
        assert row["articles"] == row["posts"], row
        lines.append(
            f"{row['megabytes']:>6.1f} MB {row['posts']:>7,} {row['comments']:>9,} "
            f"{row['seconds']:>6.1f} s {row['posts'] / row['seconds']:>8.0f} "
            f"{row['baseline'] / mb:>10.0f} MB {row['highest'] / mb:>9.0f} MB "
            f"{(row['highest'] - row['baseline']) / mb:>5.0f} MB {row['maxrss'] / mb:>11.0f} MB"
        )
    small, large = rows[0], rows[-1]
    lines += [
        "",
        f"{large['megabytes'] / small['megabytes']:.0f}× the export, "
        f"{large['maxrss'] / small['maxrss']:.2f}× the peak memory",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="5,50", help="export sizes in MB, comma-separated")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    write_result("wordpress_import", run([int(size) for size in args.sizes.split(",")]))


if __name__ == "__main__":
    main()
