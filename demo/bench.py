"""Large datasets for the benchmarks (`manage.py seed_bench`), made fast: rows go in with
bulk inserts in batches, and each comment thread's tree (xtd's thread, order, level and
nested counts) is worked out once in memory instead of by one save per comment.

Besides the bulk, one benchmark article as a busy story looks: 200 threaded comments on
levels 0 to 3 with votes, 3 images placed in the body, 3 sources, 5 tags, 3 "read also".
"""

from __future__ import annotations

import random
import secrets
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from django_comments.models import Comment as BaseComment
from django_comments_xtd.models import XtdComment

from articles.models import (
    Article,
    ArticleImage,
    ArticleStatus,
    Category,
    CategoryArticle,
    Image,
    Source,
    SourceKind,
    Tag,
    listing_copies,
)  # fmt: skip
from comments.models import Comment, CommentVote
from core.editions import default_edition
from core.progress import Progress
from reader.cache import purge_site

from .images import illustration

BENCH_SLUG = "bench-long-discussion"
SECTIONS = ("Bench news", "Bench reviews", "Bench science", "Bench business", "Bench culture")
SUBSECTIONS = 3
TAGS = 50
AUTHORS = 20
BATCH = 2000
PARAGRAPH = (
    "The benchmark needs a body of the usual length: several paragraphs of plain prose, "
    "a few links and images between them, as a real story has. "
)


# ------------------------------------------------------------------------------
# Comment trees, worked out in memory
# ------------------------------------------------------------------------------
@dataclass
class Node:
    parent: Node | None
    level: int
    index: int  # position among the article's comments (their submit order)
    children: list[Node] = field(default_factory=list)
    order: int = 0  # xtd's order: position in the thread, depth first
    nested: int = 0  # descendants

    @property
    def root(self) -> Node:
        node = self
        while node.parent is not None:
            node = node.parent
        return node


def comment_tree(count: int, rng: random.Random, *, max_level: int) -> list[Node]:
    """`count` comments: about a third start a thread, the rest answer an earlier one,
    never deeper than `max_level`; with xtd's order and nested counts filled in."""
    nodes: list[Node] = []
    for index in range(count):
        parent = None if index < 3 or rng.random() < 0.35 else rng.choice(nodes)
        while parent is not None and parent.level >= max_level:
            parent = parent.parent
        node = Node(parent=parent, level=parent.level + 1 if parent else 0, index=index)
        if parent:
            parent.children.append(node)
        nodes.append(node)
    for root in (node for node in nodes if node.parent is None):
        order = 0
        stack = [root]
        while stack:
            node = stack.pop()
            order += 1
            node.order = order
            stack.extend(reversed(node.children))
        for node in _descendants_first(root):
            node.nested = sum(1 + child.nested for child in node.children)
    return nodes


def _descendants_first(root: Node) -> list[Node]:
    found, stack = [], [root]
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(node.children)
    return found[::-1]


def _insert_rows(model, rows: list[dict]) -> None:
    """A multi-table model's own table, in one executemany (bulk_create cannot)."""
    if not rows:
        return
    columns = list(rows[0])
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    marks = ", ".join(["%s"] * len(columns))
    table = quote(model._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY streams the rows in one statement, several times faster than INSERTs.
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row([row[c] for c in columns])
            return
        # Names from the model's meta; the values are parameters.
        sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608
        cursor.executemany(sql, [[row[c] for c in columns] for row in rows])


@dataclass
class CommentBatch:
    """Comments of several articles, inserted into the three tables of the Comment model."""

    content_type_id: int
    rows: list[tuple[Article, Node, dict]] = field(default_factory=list)

    def add(self, article: Article, nodes: list[Node], *, now, rng: random.Random) -> None:
        for node in nodes:
            number = node.index
            self.rows.append((article, node, {
                "user_name": f"Reader {number % 97}",
                "user_email": f"reader{number % 97}@example.com",
                "comment": f"Comment {number}: " + "A thought on the story, in a sentence or "
                           "two, as readers write them. " * rng.randint(1, 5),
                "submit_date": now - timedelta(minutes=len(nodes) - number),
            }))  # fmt: skip

    def __len__(self) -> int:
        return len(self.rows)

    def insert(self) -> dict[int, int]:
        """Insert everything; returns the id of each node (by id(node))."""
        bases = BaseComment.objects.bulk_create(
            BaseComment(
                content_type_id=self.content_type_id, object_pk=str(article.pk),
                site_id=settings.SITE_ID, user_url="", ip_address=None,
                is_public=True, is_removed=False, **values,
            )
            for article, _node, values in self.rows
        )  # fmt: skip
        ids = {id(node): base.pk for (_a, node, _v), base in zip(self.rows, bases, strict=True)}
        xtd, ours = [], []
        for (article, node, _values), base in zip(self.rows, bases, strict=True):
            parent_id = ids[id(node.parent)] if node.parent else base.pk
            xtd.append({
                "comment_ptr_id": base.pk, "thread_id": ids[id(node.root)],
                "parent_id": parent_id, "level": node.level, "order": node.order,
                "followup": False, "nested_count": node.nested,
            })  # fmt: skip
            ours.append({
                "xtdcomment_ptr_id": base.pk, "article_id": article.pk, "score": 0,
                "replied_to_id": ids[id(node.parent)] if node.parent else None,
                "notify_replies": False, "edited_at": None, "reviewed_at": None,
                "passage": "",
            })  # fmt: skip
        _insert_rows(XtdComment, xtd)
        _insert_rows(Comment, ours)
        self.rows = []
        return ids


# ------------------------------------------------------------------------------
# The bulk
# ------------------------------------------------------------------------------
def _sections() -> list[Category]:
    """Five sections with three subsections each; made once (saves keep the tree)."""
    leaves = []
    for number, name in enumerate(SECTIONS):
        slug = f"bench-{number}"
        section = Category.objects.filter(slug=slug, parent=None).first()
        if section is None:
            section = Category(name=name, slug=slug)
            section.save()
        for sub in range(SUBSECTIONS):
            sub_slug = f"{slug}-{sub}"
            child = Category.objects.filter(slug=sub_slug, parent=section).first()
            if child is None:
                child = Category(name=f"{name} {sub + 1}", slug=sub_slug, parent=section)
                child.save()
            leaves.append(child)
    return leaves


def _tags() -> list[Tag]:
    tags = []
    for number in range(TAGS):
        tag, _ = Tag.objects.get_or_create(slug=f"bench-tag-{number}",
                                           defaults={"name": f"Bench tag {number}"})  # fmt: skip
        tags.append(tag)
    return tags


def _authors() -> list:
    user_model = get_user_model()
    wanted = [f"bench-author-{number}" for number in range(AUTHORS)]
    existing = set(
        user_model.objects.filter(username__in=wanted).values_list("username", flat=True)
    )
    user_model.objects.bulk_create(
        user_model(username=name, first_name="Bench", last_name=f"Author {name[-2:]}",
                   email=f"{name}@example.com")
        for name in wanted if name not in existing
    )  # fmt: skip
    return list(user_model.objects.filter(username__in=wanted))


def _batches(total: int, size: int) -> Iterator[tuple[int, int]]:
    for start in range(0, total, size):
        yield start, min(size, total - start)


def seed_articles(*, count: int, categories, tags, authors, rng, now, progress) -> list[int]:
    """`count` published articles in bulk, with their tags and authors; their ids."""
    run = secrets.token_hex(3)
    language = default_edition()
    ids: list[int] = []
    for start, size in _batches(count, BATCH):
        with transaction.atomic():
            made = Article.objects.bulk_create(
                Article(
                    title=f"Bench story {start + n}: what changes for readers this week",
                    slug=f"bench-{run}-{start + n}", category=rng.choice(categories),
                    lead="A lead of a sentence or two, as the listing pages show it.",
                    body="".join(f"<p>{PARAGRAPH * 3}</p>" for _ in range(6)),
                    status=ArticleStatus.PUBLISHED, language=language,
                    translation_key=uuid.uuid4(),
                    published_at=now - timedelta(minutes=5 + (count - start - n) * 7),
                )
                for n in range(size)
            )  # fmt: skip
            tagged = Article.tags.through
            tagged.objects.bulk_create(
                tagged(content_object_id=article.pk, tag_id=tag.pk, **listing_copies(article))
                for article in made for tag in rng.sample(tags, 3)
            )  # fmt: skip
            CategoryArticle.objects.list_again(articles=Article.objects.filter(
                pk__in=[article.pk for article in made]))  # fmt: skip
            written = Article.authors.through
            written.objects.bulk_create(
                written(article_id=article.pk, user_id=rng.choice(authors).pk) for article in made
            )
        ids.extend(article.pk for article in made)
        progress.advance(size)
    return ids


def seed_comments(*, total: int, article_ids: list[int], rng, now, progress) -> None:
    """`total` comments spread over the articles, a few threads each."""
    if not article_ids or total <= 0:
        return
    content_type_id = ContentType.objects.get_for_model(Article).pk
    batch = CommentBatch(content_type_id)
    per_article, extra = divmod(total, len(article_ids))
    articles = Article.objects.filter(pk__in=article_ids).only("pk").iterator()
    for number, article in enumerate(articles):
        count = per_article + (1 if number < extra else 0)
        if not count:
            continue
        batch.add(article, comment_tree(count, rng, max_level=settings.COMMENTS_MAX_DEPTH),
                  now=now, rng=rng)  # fmt: skip
        if len(batch) >= BATCH:
            size = len(batch)
            with transaction.atomic():
                batch.insert()
            progress.advance(size)
    if len(batch):
        size = len(batch)
        with transaction.atomic():
            batch.insert()
        progress.advance(size)


# ------------------------------------------------------------------------------
# The benchmark article
# ------------------------------------------------------------------------------
BENCH_COMMENTS = 200


def seed_bench_article(*, categories, tags, authors, rng, now) -> Article:
    """The article `make bench` reads; made again on every run (the old one deleted)."""
    Article.objects.filter(slug=BENCH_SLUG).delete()
    article = Article.objects.create(
        title="A long discussion: what readers think of the new phones",
        slug=BENCH_SLUG, category=categories[0], language=default_edition(),
        lead="Two hundred readers on battery life, prices and repairs.",
        status=ArticleStatus.PUBLISHED, published_at=now - timedelta(minutes=1),
        seo_description="Two hundred readers on battery life, prices and repairs.",
    )  # fmt: skip
    article.authors.set(authors[:2])
    article.tags.set(tags[:5])
    for order, (name, kind) in enumerate([("The Register of Phones", SourceKind.BASED_ON),
                                          ("Battery Weekly", SourceKind.BASED_ON),
                                          ("Repair Journal", SourceKind.MENTION)]):  # fmt: skip
        Source.objects.create(article=article, name=name, url=f"https://example.org/{order}",
                              kind=kind, order=order)  # fmt: skip
    images = []
    for order in range(3):
        texts = {"alt": f"Illustration {order + 1}", "caption": f"Figure {order + 1}",
                 "credit": "Newsroom"}  # fmt: skip
        picture = Image(**texts)
        picture.file.save(f"bench-{order + 1}.jpg", ContentFile(illustration(f"bench {order}")),
                          save=False)  # fmt: skip
        picture.save()
        images.append(
            ArticleImage.objects.create(article=article, image=picture, order=order, **texts)
        )
    paragraphs = [f"<p>{PARAGRAPH * 3}</p>" for _ in range(9)]
    for image, slot in reversed(list(zip(images, (1, 4, 7), strict=True))):
        paragraphs.insert(slot, f"<p>{image.placeholder}</p>")
    article.body = "\n".join(paragraphs)
    article.save()
    others = list(Article.objects.published().exclude(pk=article.pk).order_by("-pk")[:3])
    article.read_also.set(others)

    nodes = comment_tree(BENCH_COMMENTS, rng, max_level=settings.COMMENTS_MAX_DEPTH)
    batch = CommentBatch(ContentType.objects.get_for_model(Article).pk)
    batch.add(article, nodes, now=now, rng=rng)
    ids = batch.insert()
    votes, scores = [], {}
    for node in nodes:
        for voter in range(int(rng.random() ** 2 * 6)):
            value = 1 if rng.random() < 0.75 else -1
            votes.append(CommentVote(comment_id=ids[id(node)], guest_key=f"bench-{voter}",
                                     value=value))  # fmt: skip
            scores[ids[id(node)]] = scores.get(ids[id(node)], 0) + value
    CommentVote.objects.bulk_create(votes)
    for comment_id, score in scores.items():
        Comment.objects.filter(pk=comment_id).update(score=score)
    return article


def seed(*, articles: int, comments: int, stdout=sys.stdout, seed_value: int = 12) -> Article:
    rng = random.Random(seed_value)  # noqa: S311 - test data
    now = timezone.now()
    categories = _sections()
    tags = _tags()
    authors = _authors()
    progress = Progress(stdout, "articles", articles)
    article_ids = seed_articles(count=articles, categories=categories, tags=tags,
                                authors=authors, rng=rng, now=now, progress=progress)  # fmt: skip
    progress.finish()
    progress = Progress(stdout, "comments", comments)
    seed_comments(total=comments, article_ids=article_ids, rng=rng, now=now, progress=progress)
    progress.finish()
    with transaction.atomic():
        article = seed_bench_article(categories=categories, tags=tags, authors=authors,
                                     rng=rng, now=now)  # fmt: skip
    with connection.cursor() as cursor:
        # The planner's statistics for the new rows; on PostgreSQL VACUUM too, whose
        # visibility map lets the lists' index-only scans skip the table (without it,
        # until autovacuum comes by, a section's count read every article: 0.1 s).
        # (VACUUM cannot run in a transaction, as the tests' seeding does.)
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
    purge_site()  # bulk inserts send no signals
    return article
