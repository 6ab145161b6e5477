"""Demo content for `manage.py seed_demo`: a believable site, built idempotently."""

import hashlib
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from articles.models import (
    Article,
    ArticleDailyViews,
    ArticleImage,
    ArticleStatus,
    Category,
    Image,
    Source,
    SourceKind,
)

from . import content as content
from .images import illustration
from .sections import german_section


def _categories() -> dict[str, Category]:
    by_path = {category.path: category for category in Category.objects.all()}
    for path, name, description in content.CATEGORIES:
        if path in by_path:
            continue
        parent_path, _, slug = path.rpartition("/")
        category = Category(
            name=name,
            slug=slug,
            description=description,
            parent=by_path.get(parent_path),
            # Born with its German name, so that no German path is given up at once.
            **german_section(path),
        )
        category.save()
        by_path[path] = category
    return by_path


def _authors() -> dict:
    User = get_user_model()
    users = {}
    for username, first_name, last_name in content.AUTHORS:
        users[username], _ = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@newsroom.example",
                "is_staff": True,
            },
        )
    return users


def body_html(data: dict, images: list[ArticleImage]) -> str:
    # "feedback": paragraph index -> passage id, the paragraphs open for readers' comments.
    feedback = data.get("feedback", {})
    paragraphs = [
        f'<p data-passage="{feedback[n]}">{escape(text)}</p>' if n in feedback
        else f"<p>{escape(text)}</p>"
        for n, text in enumerate(data["paragraphs"])
    ]  # fmt: skip
    if data.get("subheading"):
        paragraphs.insert(2, f"<h2>{escape(data['subheading'])}</h2>")
    # Spread the placeholders between paragraphs, the first after the opening one.
    for image, slot in reversed(list(zip(images, (1, 4, 7), strict=False))):
        paragraphs.insert(min(slot, len(paragraphs)), f"<p>{image.placeholder}</p>")
    return "\n".join(paragraphs)


def _article(data: dict, *, categories, authors, now) -> Article:
    article = Article.objects.filter(slug=data["slug"]).first()
    if article is not None:
        return article
    published_at = now - timedelta(days=data["days_ago"], hours=(len(data["slug"]) % 9))
    article = Article.objects.create(
        slug=data["slug"],
        title=data["title"],
        lead=data["lead"],
        category=categories[data["category"]],
        status=ArticleStatus.PUBLISHED,
        published_at=published_at,
        seo_description=data["lead"][:300],
    )
    article.authors.set(authors[username] for username in data["authors"])
    article.tags.set(data["tags"])
    outlets = content.SOURCE_OUTLETS
    Source.objects.create(
        article=article, name=outlets[data["source"]][0], url=outlets[data["source"]][1],
        kind=SourceKind.BASED_ON, order=0,
    )  # fmt: skip
    Source.objects.create(
        article=article, name=outlets[data["mention"]][0], url=outlets[data["mention"]][1],
        kind=SourceKind.MENTION, order=1,
    )  # fmt: skip
    images = []
    for order, spec in enumerate(data["images"]):
        picture = Image(alt=spec["alt"], caption=spec["caption"], credit=spec["credit"])
        label = f"{data['title']} {order}"
        picture.file.save(f"{slugify(data['slug'])[:60]}-{order + 1}.jpg",
                          ContentFile(illustration(label)), save=False)  # fmt: skip
        picture.save()
        images.append(ArticleImage.objects.create(
            article=article, image=picture, alt=spec["alt"], caption=spec["caption"],
            credit=spec["credit"], order=order,
        ))  # fmt: skip
    if images:
        first = images[0]
        featured = Image(alt=first.alt, caption=first.caption, credit=first.credit)
        featured.file.save(
            f"{slugify(data['slug'])[:60]}-featured.jpg",
            ContentFile(illustration(data["title"])),
            save=False,
        )
        featured.save()
        article.featured_image = featured
        article.featured_image_alt = first.alt
    article.body = body_html(data, images)
    # Keep the publish time as "last modified" too: the demo has no later edits.
    article.save()
    Article.objects.filter(pk=article.pk).update(updated_at=published_at)
    return article


def reads(articles: dict[str, Article], *, today) -> int:
    """A week of page views, so that "Popular now" has something to show from the start;
    an article that has any is left alone."""
    counted = set(
        ArticleDailyViews.objects.filter(article__in=articles.values()).values_list(
            "article_id", flat=True
        )
    )
    rows = []
    for slug, article in articles.items():
        if article.pk in counted:
            continue
        weight = int(hashlib.sha256(slug.encode()).hexdigest()[:4], 16) % 400
        for days_ago in range(7):
            views = max(0, weight - days_ago * 35)
            if views:
                rows.append(
                    ArticleDailyViews(
                        article=article, day=today - timedelta(days=days_ago), views=views
                    )
                )
    ArticleDailyViews.objects.bulk_create(rows)
    return len(rows)


@transaction.atomic
def seed(stdout) -> None:
    now = timezone.now()
    categories = _categories()
    authors = _authors()
    articles = {
        data["slug"]: _article(data, categories=categories, authors=authors, now=now)
        for data in content.ARTICLES
    }
    for data in content.ARTICLES:
        article = articles[data["slug"]]
        if not article.read_also.exists():
            article.read_also.set(articles[slug] for slug in data["read_also"] if slug in articles)
    reads(articles, today=timezone.localdate())
    stdout.write(f"articles: {len(categories)} categories, {len(articles)} articles")
