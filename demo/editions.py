"""The German edition of the demo: sections and tags named in German, German
translations of a share of the English articles, and one translation left as a draft
with numbers that do not match its original's, for the admin's number check to catch.

Each translation is a row of its own (articles.models.Article): language "de", the
original's translation_key, translation_of the original, its own slug, text, sources,
images (the original's library pictures, with German texts) and state.
Idempotent like the rest of the demo: a story with a German row already is left alone.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from articles.models import Article, ArticleImage, ArticleStatus, Source

from . import content_de
from .articles import body_html, reads
from .sections import GERMAN, has_german_edition, name_sections, name_tags


def _copy_sources(original: Article, translation: Article) -> None:
    Source.objects.bulk_create(
        Source(article=translation, name=source.name, url=source.url, kind=source.kind,
               order=source.order)
        for source in original.sources.all()
    )  # fmt: skip


def _copy_images(data: dict, original: Article, translation: Article) -> list[ArticleImage]:
    """The original's images in the same order, with German alt texts and captions."""
    originals = list(original.images.order_by("order", "pk"))
    if len(originals) != len(data["images"]):
        raise ValueError(f"{data['slug']}: {len(data['images'])} image texts for "
                         f"{len(originals)} images")  # fmt: skip
    copies = []
    for source, spec in zip(originals, data["images"], strict=True):
        # The same library picture (it has no words in it), with German texts.
        copy = ArticleImage.objects.create(
            article=translation, image_id=source.image_id, alt=spec["alt"],
            caption=spec["caption"], credit=content_de.CREDIT if source.credit else "",
            order=source.order,
        )  # fmt: skip
        copies.append(copy)
    if original.featured_image_id:
        # The same library picture, described in German.
        translation.featured_image_id = original.featured_image_id
        translation.featured_image_alt = copies[0].alt if copies else ""
    return copies


def _translation(data: dict, originals: dict[str, Article], now) -> Article | None:
    original = originals.get(data["original"])
    if original is None:
        return None
    existing = Article.objects.filter(
        translation_key=original.translation_key, language=GERMAN
    ).first()
    if existing is not None:
        return existing
    draft = data.get("draft", False)
    published_at = None
    if not draft:
        # Translated a little after the original went out, never in the future.
        published_at = min(original.published_at + timedelta(minutes=data["minutes_later"]), now)
    translation = Article.objects.create(
        language=GERMAN,
        translation_key=original.translation_key,
        translation_of=original,
        slug=data["slug"],
        title=data["title"],
        lead=data["lead"],
        category=original.category,
        status=ArticleStatus.DRAFT if draft else ArticleStatus.PUBLISHED,
        published_at=published_at,
        seo_description=data["lead"][:300],
    )
    translation.authors.set(original.authors.all())
    translation.tags.set(list(original.tags.all()))
    _copy_sources(original, translation)
    images = _copy_images(data, original, translation)
    translation.body = body_html(data, images)
    translation.save()
    # Saved once, as the original was: "last modified" is the publish time.
    Article.objects.filter(pk=translation.pk).update(
        updated_at=published_at or original.updated_at + timedelta(minutes=data["minutes_later"])
    )
    return translation


def _read_also(translations: dict[str, Article]) -> None:
    """A translation's picks are the German versions of its original's picks; where
    too few of those exist, the newest German stories of its section tree fill in."""
    by_key = {article.translation_key: article for article in translations.values()}
    published = [article for article in translations.values() if article.is_published]
    for translation in translations.values():
        if translation.read_also.exists():
            continue
        picks = [
            by_key[pick.translation_key]
            for pick in translation.translation_of.read_also.all()
            if pick.translation_key in by_key
        ]
        for other in sorted(published, key=lambda a: a.published_at, reverse=True):
            if len(picks) >= 2:
                break
            if other != translation and other not in picks:
                picks.append(other)
        translation.read_also.set([pick for pick in picks if pick.is_published][:2])


@transaction.atomic
def seed(stdout) -> None:
    if not has_german_edition():
        stdout.write("editions: no German edition in EDITIONS; nothing to translate")
        return
    now = timezone.now()
    sections, tags = name_sections(), name_tags()
    slugs = {data["original"] for data in content_de.ARTICLES}
    originals = {
        article.slug: article
        for article in Article.objects.filter(slug__in=slugs)
        .exclude(language=GERMAN)
        .select_related("category")
    }
    translations = {}
    for data in content_de.ARTICLES:
        translation = _translation(data, originals, now)
        if translation is not None:
            translations[data["slug"]] = translation
    _read_also(translations)
    reads(
        {slug: article for slug, article in translations.items() if article.is_published},
        today=timezone.localdate(),
    )
    stdout.write(
        f"editions: {sections} sections and {tags} tags newly named in German, "
        f"{len(translations)} German translations"
    )
