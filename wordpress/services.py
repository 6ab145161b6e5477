"""Importing a WordPress export (wxr.py reads it, content.py converts the text).

Two passes over the file: the first collects what everything else refers to and is
small (categories, tags, authors, attachments' addresses); the second imports posts
and pages, each with its comments, one at a time. Every row made is recorded as an
ImportedItem under its WordPress id with a digest of what the export said, so that a
second run leaves unchanged items alone and updates changed ones.
"""

from __future__ import annotations

import hashlib
import http.client
import ipaddress
import json
import re
import socket
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import reversion
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, reset_queries, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from articles.models import (
    RESERVED_SLUGS,
    Article,
    ArticleImage,
    ArticleSlugHistory,
    ArticleStatus,
    Category,
    Image,
    Tag,
)
from articles.placeholders import image_placeholder
from articles.validators import clean_image_file, validate_image_file
from comments.models import Comment
from comments.services import notifications_suppressed
from pages.models import Page
from reader.cache import purges_held

from . import wxr
from .content import Converted, convert, first_paragraph, plain_text
from .models import ImportedItem, LegacyRedirect

_RESIZED = re.compile(r"-\d+x\d+(?=\.\w+$)")
SKIPPED_POST_STATUSES = {"trash", "auto-draft", "inherit"}


@dataclass
class Report:
    counts: Counter = field(default_factory=Counter)
    problems: list[tuple[str, str]] = field(default_factory=list)

    def count(self, kind: str, outcome: str, number: int = 1) -> None:
        self.counts[(kind, outcome)] += number

    def problem(self, item: str, message: str) -> None:
        self.problems.append((item, message))

    def of(self, kind: str, outcome: str) -> int:
        return self.counts[(kind, outcome)]


class DownloadTooLarge(Exception):
    pass


class DownloadTooSlow(Exception):
    pass


class DownloadRefused(Exception):
    """The address is on this machine or its network: see refuse_private_address."""

    def __init__(self, host: str):
        super().__init__(host)
        self.host = host


def _is_internal(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 scope (%eth0) is no part of it
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_reserved
            or ip.is_multicast or ip.is_unspecified)  # fmt: skip


def refuse_private_address(url: str) -> None:
    """Raise DownloadRefused when the URL's host is, or resolves to, an internal address.

    An export names the URLs the importer fetches, and whoever wrote it must not get
    the server to read its own admin ports or the cloud's metadata service for them.
    Every address the name resolves to is checked, as the connection may use any.
    WORDPRESS_DOWNLOAD_ALLOW_PRIVATE turns this off, for an old site on the intranet.
    """
    if settings.WORDPRESS_DOWNLOAD_ALLOW_PRIVATE:
        return
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    if not found or any(_is_internal(info[4][0]) for info in found):
        raise DownloadRefused(host)


def _vetted_connection(address, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None,
                       *args, **kwargs):  # fmt: skip
    """socket.create_connection, to an address checked at the moment of connecting.

    A name checked by refuse_private_address can resolve to something else a moment
    later, when the connection looks it up again (DNS rebinding: a public address for
    the check, then 127.0.0.1): so the connection resolves once, checks every address
    and connects to those, never to the name.
    """
    host, port = address
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    if not settings.WORDPRESS_DOWNLOAD_ALLOW_PRIVATE and (
        not found or any(_is_internal(info[4][0]) for info in found)
    ):
        raise DownloadRefused(host)
    error = OSError(f"{host} has no address")
    for *_family_type_proto_name, sockaddr in found:
        try:
            return socket.create_connection(sockaddr[:2], timeout, source_address)
        except OSError as exc:
            error = exc
    raise error


class _VettedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _vetted_connection  # set per instance by http.client


class _VettedHTTPSConnection(http.client.HTTPSConnection):
    # TLS is still checked against the host's name: only the address is chosen here.
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _vetted_connection


class _VettedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_VettedHTTPConnection, req)


class _VettedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_VettedHTTPSConnection, req, context=self._context)


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to another http(s) address (urllib would also go to ftp),
    and only to a public one: a public server may redirect to an internal address."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not newurl.startswith(("http://", "https://")):
            raise urllib.error.HTTPError(newurl, code, _("a redirect to %(url)s")
                                         % {"url": newurl}, headers, fp)  # fmt: skip
        refuse_private_address(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(_HttpOnlyRedirects, _VettedHTTPHandler, _VettedHTTPSHandler)


def download(url: str) -> bytes:
    """The file at `url` (http or https), at most ARTICLES_IMAGE_MAX_BYTES of it, within
    WORDPRESS_DOWNLOAD_TIMEOUT seconds in all: the socket's timeout bounds each read
    only, and a server that sends a byte now and then would make it wait for ever.
    Never from an internal address, nor through a redirect to one, nor from a name
    that changes its address between the check and the connection (DownloadRefused)."""
    max_bytes = settings.ARTICLES_IMAGE_MAX_BYTES
    timeout = settings.WORDPRESS_DOWNLOAD_TIMEOUT
    deadline = time.monotonic() + timeout
    refuse_private_address(url)
    request = urllib.request.Request(url, headers={"User-Agent": "newsroom-import"})  # noqa: S310
    with _opener.open(request, timeout=timeout) as response:
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > max_bytes:
            raise DownloadTooLarge
        chunks, size = [], 0
        while chunk := response.read1(64 * 1024):
            size += len(chunk)
            if size > max_bytes:
                raise DownloadTooLarge
            if time.monotonic() > deadline:
                raise DownloadTooSlow
            chunks.append(chunk)
    return b"".join(chunks)


def _digest(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def _wp_datetime(gmt: str, local: str):
    """A post's or comment's time: the GMT one when the export has it."""
    for value, zone in ((gmt, UTC), (local, timezone.get_current_timezone())):
        if value and not value.startswith("0000"):
            try:
                parsed = datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S")
            except ValueError:
                continue
            return parsed.replace(tzinfo=zone)
    return None


def _slug(value: str, fallback: str) -> str:
    slug = slugify(unquote(value or ""))[:200].strip("-")
    return slug or slugify(fallback)[:200].strip("-") or "item"


class WordPressImport:
    def __init__(self, *, path: str, language: str, media_dir: str | None = None,
                 default_author=None, dry_run: bool = False, download: bool = True,
                 progress=None):  # fmt: skip
        self.path = path
        self.language = language
        self.media_dir = Path(media_dir).resolve() if media_dir else None
        self.default_author = default_author
        self.dry_run = dry_run
        self.download = download
        self.progress = progress
        self.report = Report()
        self.base_path = "/"
        self.categories: dict[str, wxr.Record] = {}  # nicename -> record
        self.category_rows: dict[str, Category] = {}
        self.tag_records: dict[str, wxr.Record] = {}
        self.tag_rows: dict[str, Tag] = {}
        self.authors: dict[str, object] = {}  # login -> user
        self.attachments: dict[int, dict] = {}
        self.attachment_by_file: dict[str, int] = {}
        self.types = {
            model: ContentType.objects.get_for_model(model)
            for model in (
                Article,
                Page,
                Category,
                Tag,
                ArticleImage,
                Image,
                Comment,
                get_user_model(),
            )
        }

    # -- the run ----------------------------------------------------------------
    def run(self) -> Report:
        # One transaction, so that a dry run can roll it all back and a failed import
        # leaves nothing half done; the site's caches are purged once, at the end.
        with translation.override(self.language), notifications_suppressed(), purges_held(), \
                transaction.atomic():  # fmt: skip
            self._first_pass()
            self._import_authors()
            self._import_categories()
            self._import_tags()
            self._second_pass()
            self._attachment_redirects()
            if self.dry_run:
                transaction.set_rollback(True)
        return self.report

    def _first_pass(self) -> None:
        authors = []
        for name, record in wxr.read(self.path, self._progress(1)):
            if name in {"wp:base_blog_url", "link"} and record and self.base_path == "/":
                self.base_path = urlsplit(record).path.rstrip("/") + "/"
            elif name == "wp:category":
                slug = record.get("wp:category_nicename")
                if slug:
                    self.categories[slug] = record
            elif name == "wp:tag":
                if record.get("wp:tag_slug"):
                    self.tag_records[record.get("wp:tag_slug")] = record
            elif name == "wp:author":
                authors.append(record)
            elif name == "item":
                self._index_item(record)
        self.author_records = authors

    def _index_item(self, record: wxr.Record) -> None:
        kind = record.get("wp:post_type")
        if kind == "attachment":
            post_id = record.get("wp:post_id")
            if not post_id.isdigit():
                return
            attached = record.meta.get("_wp_attached_file", "")
            url = record.get("wp:attachment_url") or record.get("guid")
            info = {
                "url": url.strip(),
                "file": attached.strip(),
                "alt": plain_text(record.meta.get("_wp_attachment_image_alt", "")),
                "caption": plain_text(record.get("excerpt:encoded")),
                "title": plain_text(record.get("title")),
                # For the attachment's own page: its permalink and ?attachment_id=.
                "link": record.get("link").strip(),
                "parent": record.get("wp:post_parent").strip(),
            }
            self.attachments[int(post_id)] = info
            for name in (attached, urlsplit(url).path):
                if name:
                    self.attachment_by_file[self._uploads_name(name)] = int(post_id)
        # Categories and tags used by posts but missing from the channel's lists.
        for domain, slug, name in record.categories:
            if domain == "category" and slug and slug not in self.categories:
                self.categories[slug] = wxr.Record(
                    fields={"wp:category_nicename": slug, "wp:cat_name": name}
                )
            if domain == "post_tag" and slug and slug not in self.tag_records:
                self.tag_records[slug] = wxr.Record(
                    fields={"wp:tag_slug": slug, "wp:tag_name": name}
                )

    def _second_pass(self) -> None:
        for name, record in wxr.read(self.path, self._progress(2)):
            if name != "item":
                continue
            kind = record.get("wp:post_type")
            label = f"{kind} {record.get('wp:post_id')} “{plain_text(record.get('title'))}”"
            try:
                with transaction.atomic():
                    if kind == "post":
                        self._import_post(record, label)
                    elif kind == "page":
                        self._import_page(record, label)
                    elif kind != "attachment":
                        self.report.count(kind or "item", "skipped")
            except (ValidationError, ValueError, IntegrityError) as error:
                self.report.count(kind, "failed")
                self.report.problem(label, "; ".join(getattr(error, "messages", [str(error)])))
            # With DEBUG on, Django logs the last 9,000 queries with their values: bodies
            # of 25 kB each would be hundreds of megabytes held until the end.
            reset_queries()

    def _progress(self, number: int):
        if self.progress is None:
            return None
        return lambda done, total: self.progress(number, done, total)

    # -- import keys ---------------------------------------------------------------
    def _known(self, kind: str, wp_id) -> ImportedItem | None:
        return ImportedItem.objects.filter(
            language=self.language, kind=kind, wp_id=str(wp_id)
        ).first()

    def _remember(self, kind: str, wp_id, row, digest: str = "") -> None:
        ImportedItem.objects.update_or_create(
            language=self.language, kind=kind, wp_id=str(wp_id),
            defaults={"content_type": self.types[type(row)], "object_id": row.pk, "digest": digest},
        )  # fmt: skip

    def _target(self, known: ImportedItem | None, model):
        if known is None or known.content_type_id != self.types[model].pk:
            return None
        return model.objects.filter(pk=known.object_id).first()

    # -- authors -----------------------------------------------------------------
    def _import_authors(self) -> None:
        User = get_user_model()
        for record in self.author_records:
            login = record.get("wp:author_login").strip()
            if not login:
                continue
            known = self._known("author", login)
            user = self._target(known, User)
            if user is not None:
                self.authors[login] = user
                self.report.count("author", "unchanged")
                continue
            email = record.get("wp:author_email").strip()
            existing = User.objects.filter(username=login[:150]).first()
            if existing is not None and email and existing.email.lower() == email.lower():
                # The same person has an account here already: their bylines join it,
                # and the account is left as it is.
                user = existing
                self.report.count("author", "matched")
            else:
                username = login[:150]
                number = 1
                while User.objects.filter(username=username).exists():
                    number += 1
                    username = f"{login[:140]}-{number}"
                user = User(
                    username=username,
                    email=email,
                    first_name=plain_text(record.get("wp:author_first_name"))[:150],
                    last_name=plain_text(record.get("wp:author_last_name"))[:150],
                    is_staff=False,
                    is_superuser=False,
                )
                if not user.first_name and not user.last_name:
                    user.first_name = plain_text(record.get("wp:author_display_name"))[:150]
                user.set_unusable_password()
                user.save()
                self.report.count("author", "imported")
            self._remember("author", login, user)
            self.authors[login] = user

    # -- categories ----------------------------------------------------------------
    def _import_categories(self) -> None:
        for slug in list(self.categories):
            self._category(slug, set())

    def _category(self, nicename: str, seen: set) -> Category | None:
        if nicename in self.category_rows:
            return self.category_rows[nicename]
        record = self.categories.get(nicename)
        if record is None or nicename in seen:
            return None
        seen.add(nicename)
        parent_name = record.get("wp:category_parent")
        parent = self._category(parent_name, seen) if parent_name else None
        name = plain_text(record.get("wp:cat_name")) or nicename
        description = plain_text(record.get("wp:category_description"))
        slug = _slug(nicename, name)[:100]
        wp_id = record.get("wp:term_id") or nicename
        digest = _digest(name, slug, description, parent_name)
        known = self._known("category", wp_id)
        category = self._target(known, Category)
        lang = self.language
        if category is not None:
            if known.digest == digest and category.parent_id == (parent.pk if parent else None):
                self.report.count("category", "unchanged")
            else:
                setattr(category, f"name_{lang}", name[:100])
                setattr(category, f"description_{lang}", description)
                category.parent = parent
                category.save()
                self._remember("category", wp_id, category, digest)
                self.report.count("category", "updated")
        else:
            siblings = Category.objects.filter(parent=parent, **{f"slug_{lang}": slug})
            category = siblings.first()
            if category is not None:
                self.report.count("category", "matched")
            else:
                if parent is None and slug in RESERVED_SLUGS:
                    self.report.problem(
                        f"category {wp_id} “{name}”",
                        _("“%(slug)s” is used by the site itself; the section is “%(new)s”.")
                        % {"slug": slug, "new": f"{slug}-section"},
                    )
                    slug = f"{slug}-section"
                category = Category(parent=parent)
                setattr(category, f"name_{lang}", name[:100])
                setattr(category, f"slug_{lang}", slug)
                setattr(category, f"description_{lang}", description)
                category.name = name[:100]
                category.save()
                self.report.count("category", "imported")
            self._remember("category", wp_id, category, digest)
        self.category_rows[nicename] = category
        self._redirects(category, [f"{self.base_path}?cat={wp_id}"] if str(wp_id).isdigit() else [])
        chain = self._category_chain(nicename)
        self._redirects(category, [f"{self.base_path}category/{'/'.join(chain)}/",
                                   f"{self.base_path}category/{nicename}/"])  # fmt: skip
        return category

    def _category_chain(self, nicename: str) -> list[str]:
        chain, seen = [], set()
        while nicename and nicename in self.categories and nicename not in seen:
            seen.add(nicename)
            chain.append(nicename)
            nicename = self.categories[nicename].get("wp:category_parent")
        return chain[::-1]

    def _fallback_category(self) -> Category:
        if "" not in self.category_rows:
            lang = self.language
            category = Category.objects.filter(
                parent=None, **{f"slug_{lang}": "uncategorized"}
            ).first()
            if category is None:
                category = Category(parent=None)
                setattr(category, f"name_{lang}", _("Uncategorized"))
                setattr(category, f"slug_{lang}", "uncategorized")
                category.save()
            self.category_rows[""] = category
        return self.category_rows[""]

    # -- tags ----------------------------------------------------------------------
    def _import_tags(self) -> None:
        lang = self.language
        for slug, record in self.tag_records.items():
            name = plain_text(record.get("wp:tag_name")) or slug
            wp_id = record.get("wp:term_id") or slug
            known = self._known("tag", wp_id)
            tag = self._target(known, Tag)
            if tag is not None:
                self.report.count("tag", "unchanged")
            else:
                our_slug = slugify(unquote(slug), allow_unicode=True)[:100] or slugify(name)
                tag = (
                    Tag.objects.filter(**{f"slug_{lang}": our_slug}).first()
                    or Tag.objects.named(name[:100], lang).first()
                )
                if tag is None:
                    tag = Tag(**{f"name_{lang}": name[:100], f"slug_{lang}": our_slug})
                    tag.save()
                    self.report.count("tag", "imported")
                else:
                    self.report.count("tag", "matched")
                self._remember("tag", wp_id, tag)
            self.tag_rows[slug] = tag
            self._redirects(tag, [f"{self.base_path}tag/{unquote(slug)}/"])

    # -- posts ---------------------------------------------------------------------
    def _status(self, record: wxr.Record):
        """(our status, publish time) for a post's WordPress status."""
        wp_status = record.get("wp:status")
        when = _wp_datetime(record.get("wp:post_date_gmt"), record.get("wp:post_date"))
        if record.get("wp:post_password"):
            return ArticleStatus.UNPUBLISHED, when
        if wp_status in {"publish", "future"}:
            # Published at its time; a time still to come schedules it.
            return ArticleStatus.PUBLISHED, when or timezone.now()
        if wp_status == "private":
            return ArticleStatus.UNPUBLISHED, when
        return ArticleStatus.DRAFT, None

    def _unique_slug(self, slug: str, article: Article | None) -> str:
        candidate, number = slug, 1
        while True:
            taken = Article.objects.filter(slug=candidate)
            if article is not None:
                taken = taken.exclude(pk=article.pk)
            old = ArticleSlugHistory.objects.filter(slug=candidate)
            if article is not None:
                old = old.exclude(article=article)
            if not taken.exists() and not old.exists():
                return candidate
            number += 1
            candidate = f"{slug[:190]}-{number}"

    def _import_post(self, record: wxr.Record, label: str) -> None:
        wp_id = record.get("wp:post_id")
        if record.get("wp:status") in SKIPPED_POST_STATUSES:
            self.report.count("post", "skipped")
            return
        title = plain_text(record.get("title"))[:200] or _("Untitled")
        content = record.get("content:encoded")
        excerpt = record.get("excerpt:encoded")
        creator = record.get("dc:creator").strip()
        categories = [slug for domain, slug, _n in record.categories if domain == "category"]
        tags = [slug for domain, slug, _n in record.categories if domain == "post_tag"]
        thumbnail = record.meta.get("_thumbnail_id", "")
        primary = record.meta.get("_yoast_wpseo_primary_category", "")
        digest = _digest(title, content, excerpt, creator, categories, tags, thumbnail,
                         record.get("wp:status"), record.get("wp:post_date_gmt"),
                         record.get("wp:post_date"), record.get("wp:post_name"),
                         record.get("wp:post_password"),
                         record.get("wp:comment_status"))  # fmt: skip
        if primary:  # only then, so that the digests of imports made before stay as they were
            digest = _digest(digest, primary)
        known = self._known("post", wp_id)
        article = self._target(known, Article)
        if article is not None and known.digest == digest:
            self.report.count("post", "unchanged")
        else:
            article = self._write_post(record, article, title=title, content=content,
                                       excerpt=excerpt, creator=creator, categories=categories,
                                       tags=tags, thumbnail=thumbnail, label=label)  # fmt: skip
            self._remember("post", wp_id, article, digest)
        self._post_redirects(record, article, "p")
        self._import_comments(record, article, label)

    def _write_post(self, record, article, *, title, content, excerpt, creator, categories,
                    tags, thumbnail, label) -> Article:  # fmt: skip
        created = article is None
        primary, others = self._primary_category(record, categories)
        category = self.category_rows[primary] if primary else self._fallback_category()
        status, published_at = self._status(record)
        converted = convert(content)
        slug = _slug(record.get("wp:post_name"), title or f"post-{record.get('wp:post_id')}")
        if article is None:
            article = Article(language=self.language)
        article.title = title
        article.slug = self._unique_slug(slug, None if created else article)
        article.category = category
        article.status = status
        article.published_at = published_at
        article.allow_comments = record.get("wp:comment_status", "open") == "open"
        lead = plain_text(excerpt)
        article.lead = lead or first_paragraph(converted.html, skip=self._marks(converted)) or title
        article.body = converted.html
        with reversion.create_revision():
            reversion.set_comment(_("Imported from WordPress"))
            article.save()
            article.body = converted.with_placeholders(self._body_images(converted, article, label))
            if thumbnail.isdigit():
                self._featured_image(article, int(thumbnail), label)
            article.save()
        article_tags = [self.tag_rows[slug] for slug in tags if slug in self.tag_rows]
        article_tags += [self._category_as_tag(slug) for slug in others]
        article.tags.set(article_tags)
        if others:
            names = ", ".join(plain_text(self.categories[slug].get("wp:cat_name")) or slug
                              for slug in others)  # fmt: skip
            self.report.problem(label, _("Also in %(names)s: kept as tags; its section is "
                                         "%(section)s.") % {"names": names,
                                                            "section": category.name})  # fmt: skip
        author = self.authors.get(creator) or self.default_author
        if author is not None:
            article.authors.set([author])
        elif creator:
            self.report.problem(
                label, _("Author “%(login)s” is not in the export.") % {"login": creator}
            )
        self.report.count("post", "imported" if created else "updated")
        return article

    def _primary_category(self, record, categories: list[str]) -> tuple[str | None, list[str]]:
        """A post's section and its other categories. WordPress has no main category of
        a post, but Yoast SEO records one (by term id); else the first listed is it."""
        known = [slug for slug in dict.fromkeys(categories) if slug in self.category_rows]
        chosen = record.meta.get("_yoast_wpseo_primary_category", "").strip()
        ids = {slug: self.categories[slug].get("wp:term_id") for slug in known}
        primary = next(
            (slug for slug in known if chosen and ids[slug] == chosen), known[0] if known else None
        )
        return primary, [slug for slug in known if slug != primary]

    def _category_as_tag(self, slug: str) -> Tag:
        """The tag standing for a post's category other than its section: one per
        category, the tag of the same slug or name where there is one."""
        if f"category:{slug}" in self.tag_rows:
            return self.tag_rows[f"category:{slug}"]
        lang = self.language
        name = (plain_text(self.categories[slug].get("wp:cat_name")) or slug)[:100]
        our_slug = self.category_rows[slug].slug
        tag = self._target(self._known("category as tag", slug), Tag)
        if tag is not None:
            self.report.count("category as tag", "unchanged")
        else:
            tag = (
                Tag.objects.filter(**{f"slug_{lang}": our_slug}).first()
                or Tag.objects.named(name, lang).first()
            )
            if tag is None:
                tag = Tag(**{f"name_{lang}": name, f"slug_{lang}": our_slug})
                tag.save()
                self.report.count("category as tag", "imported")
            else:
                self.report.count("category as tag", "matched")
            self._remember("category as tag", slug, tag)
        self.tag_rows[f"category:{slug}"] = tag
        return tag

    @staticmethod
    def _marks(converted: Converted) -> tuple[str, ...]:
        return tuple(image.mark for image in converted.images)

    # -- images ----------------------------------------------------------------------
    def _uploads_name(self, name: str) -> str:
        """The path of a file under wp-content/uploads: "2024/05/cat.jpg"."""
        name = unquote(urlsplit(name).path if "://" in name else name)
        if "/wp-content/uploads/" in name:
            name = name.split("/wp-content/uploads/", 1)[1]
        return name.lstrip("/")

    def _image_bytes(self, *, url: str, file: str, label: str) -> tuple[str, bytes] | None:
        """The image's bytes from the media folder, else from its URL; None when neither."""
        names = [self._uploads_name(name) for name in (file, url) if name]
        if self.media_dir is not None:
            for name in names:
                candidate = (self.media_dir / name).resolve()
                if candidate.is_relative_to(self.media_dir) and candidate.is_file():
                    with candidate.open("rb") as file:
                        # One byte over the limit is enough for the check to refuse it.
                        return candidate.name, file.read(settings.ARTICLES_IMAGE_MAX_BYTES + 1)
        if self.download and url.startswith(("http://", "https://")):
            try:
                return Path(urlsplit(url).path).name or "image", download(url)
            except DownloadTooLarge:
                message = _("Image %(url)s is larger than %(max)s; it was not downloaded.")
                max_size = filesizeformat(settings.ARTICLES_IMAGE_MAX_BYTES)
                self.report.problem(label, message % {"url": url, "max": max_size})
            except DownloadRefused as refused:
                message = _(
                    "Image %(url)s was not downloaded: %(host)s is a loopback, private "
                    "or reserved address (WORDPRESS_DOWNLOAD_ALLOW_PRIVATE allows it)."
                )
                self.report.problem(label, message % {"url": url, "host": refused.host})
            except DownloadTooSlow:
                message = _("Image %(url)s took longer than %(seconds)s s to download.")
                seconds = settings.WORDPRESS_DOWNLOAD_TIMEOUT
                self.report.problem(label, message % {"url": url, "seconds": f"{seconds:g}"})
            except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:
                self.report.problem(label, _("Image %(url)s could not be downloaded: %(error)s")
                                    % {"url": url, "error": error})  # fmt: skip
            return None
        self.report.problem(
            label, _("Image %(url)s is not in the media folder.") % {"url": url or file}
        )
        return None

    def _checked_file(self, *, url: str, file: str, label: str):
        found = self._image_bytes(url=url, file=file, label=label)
        if found is None:
            return None
        name, data = found
        upload = SimpleUploadedFile(name[-100:] or "image", data)
        try:
            validate_image_file(upload)
            return clean_image_file(upload)
        except ValidationError as error:
            message = _("Image %(url)s refused: %(error)s")
            self.report.problem(
                label, message % {"url": url or file, "error": " ".join(error.messages)}
            )
            return None

    def _attachment_for(self, attachment_id: int | None, src: str) -> tuple[int | None, dict]:
        if attachment_id in self.attachments:
            return attachment_id, self.attachments[attachment_id]
        if src:
            name = _RESIZED.sub("", self._uploads_name(src))
            found = self.attachment_by_file.get(name) or self.attachment_by_file.get(
                self._uploads_name(src)
            )
            if found:
                return found, self.attachments[found]
        return None, {"url": src, "file": "", "alt": "", "caption": "", "title": ""}

    def _body_images(
        self, converted: Converted, owner: Article | Page, label: str
    ) -> dict[str, str]:
        """Each image of the body as a library image, and its placeholder by mark.

        An article places it with a use of its own (ArticleImage); a static page has
        none and names the library image itself. Either way it is remembered under
        the attachment and its owner, so that a second run makes no new copy.
        """
        is_page = isinstance(owner, Page)
        kind, model = ("page image", Image) if is_page else ("image", ArticleImage)
        placeholders = {}
        for order, image in enumerate(converted.images):
            wp_id, info = self._attachment_for(image.attachment_id, image.src)
            key = f"{wp_id or image.src}@{owner.pk}"
            known = self._known(kind, key)
            row = self._target(known, model)
            if row is None:
                checked = self._checked_file(
                    url=info["url"] or image.src, file=info["file"], label=label
                )
                if checked is None:
                    self.report.count("image", "missing")
                    continue
                if self.dry_run:
                    self.report.count("image", "imported")
                    placeholders[image.mark] = f"<p>{image_placeholder(0)}</p>"
                    continue
                row = picture = Image(
                    alt=(image.alt or info["alt"] or info["title"] or owner.title)[:250],
                    caption=(image.caption or info["caption"])[:300],
                )
                picture.file.save(checked.name, checked, save=False)
                picture.save()
                if not is_page:
                    row = ArticleImage.objects.create(
                        article=owner, image=picture, alt=picture.alt,
                        caption=picture.caption, order=order,
                    )  # fmt: skip
                self._remember(kind, key, row)
                self.report.count("image", "imported")
            else:
                self.report.count("image", "unchanged")
            placeholders[image.mark] = f"<p>{row.placeholder}</p>"
        return placeholders

    def _featured_image(self, article: Article, attachment_id: int, label: str) -> None:
        info = self.attachments.get(attachment_id)
        if info is None:
            message = _("The featured image (attachment %(id)s) is not in the export.")
            self.report.problem(label, message % {"id": attachment_id})
            return
        key = f"{attachment_id}@{article.pk}"
        record = self._known("featured", key)
        known = self._target(record, Image)
        if known is not None:
            # A second run: the library image the first one made, no new copy.
            article.featured_image = known
            return
        if record is not None and article.featured_image_id is not None:
            return  # imported before the featured image was a library image
        checked = self._checked_file(url=info["url"], file=info["file"], label=label)
        if checked is None:
            self.report.count("featured image", "missing")
            return
        if not self.dry_run:
            picture = Image(
                alt=(info["alt"] or info["title"] or article.title)[:250],
                caption=(info["caption"] or "")[:300],
            )
            picture.file.save(checked.name, checked, save=False)
            picture.save()
            article.featured_image = picture
            article.featured_image_alt = picture.alt
            self._remember("featured", key, picture)
        self.report.count("featured image", "imported")

    def _attachment_redirects(self) -> None:
        """An attachment's page (its permalink, ?attachment_id=) leads to the article or
        page it was uploaded to, else to the first article that shows it."""
        for wp_id, info in self.attachments.items():
            target = None
            if info["parent"].isdigit() and int(info["parent"]):
                for kind, model in (("post", Article), ("page", Page)):
                    target = target or self._target(self._known(kind, info["parent"]), model)
            if target is None:
                used = (
                    ImportedItem.objects.filter(
                        language=self.language, kind="image", wp_id__startswith=f"{wp_id}@"
                    )
                    .order_by("pk")
                    .first()
                )
                image = self._target(used, ArticleImage)
                target = image.article if image is not None else None
            if target is None:
                self.report.count("attachment page", "skipped")
                continue
            record = wxr.Record(fields={"link": info["link"], "wp:post_id": str(wp_id)})
            self._post_redirects(record, target, "attachment_id")

    # -- pages ---------------------------------------------------------------------
    def _import_page(self, record: wxr.Record, label: str) -> None:
        wp_id = record.get("wp:post_id")
        if record.get("wp:status") in SKIPPED_POST_STATUSES:
            self.report.count("page", "skipped")
            return
        title = plain_text(record.get("title"))[:200] or _("Untitled")
        content = record.get("content:encoded")
        digest = _digest(title, content, record.get("wp:status"), record.get("wp:post_name"),
                         record.get("wp:post_password"))  # fmt: skip
        known = self._known("page", wp_id)
        page = self._target(known, Page)
        if page is not None and known.digest == digest:
            self.report.count("page", "unchanged")
        else:
            created = page is None
            page = page or Page(language=self.language)
            converted = convert(content)
            slug = _slug(record.get("wp:post_name"), title)
            candidate, number = slug, 1
            others = Page.objects.filter(language=self.language)
            if not created:
                others = others.exclude(pk=page.pk)
            while others.filter(slug=candidate).exists():
                number += 1
                candidate = f"{slug[:190]}-{number}"
            page.title = title
            page.slug = candidate
            page.body = converted.html
            page.is_published = record.get("wp:status") == "publish" and not record.get(
                "wp:post_password"
            )
            with reversion.create_revision():
                reversion.set_comment(_("Imported from WordPress"))
                # Saved first for its id, which the images are remembered under.
                page.save()
                page.body = converted.with_placeholders(self._body_images(converted, page, label))
                page.save()
            self._remember("page", wp_id, page, digest)
            self.report.count("page", "imported" if created else "updated")
        self._post_redirects(record, page, "page_id")
        for _comment in record.comments:
            self.report.count("comment", "skipped")
        if record.comments:
            self.report.problem(label, _("Static pages have no comments: %(count)s left out.")
                                % {"count": len(record.comments)})  # fmt: skip

    # -- redirects -------------------------------------------------------------------
    def _post_redirects(self, record: wxr.Record, row, query_key: str) -> None:
        wp_id = record.get("wp:post_id")
        sources = []
        link = record.get("link").strip()
        if link:
            parts = urlsplit(link)
            if parts.path and parts.path != self.base_path and not parts.query:
                sources.append(unquote(parts.path))
            elif parts.query:
                sources.append(f"{unquote(parts.path) or '/'}?{parts.query}")
        if wp_id.isdigit():
            sources.append(f"{self.base_path}?{query_key}={wp_id}")
            if query_key != "p":
                sources.append(f"{self.base_path}?p={wp_id}")
        name = unquote(record.get("wp:post_name"))
        when = _wp_datetime("", record.get("wp:post_date"))
        if name and when and query_key == "p":
            sources += [
                f"{self.base_path}{when:%Y/%m/%d}/{name}/",
                f"{self.base_path}{when:%Y/%m}/{name}/",
                f"{self.base_path}{when:%Y}/{name}/",
                f"{self.base_path}{name}/",
            ]
        elif name and query_key == "page_id":
            sources.append(f"{self.base_path}{name}/")
        self._redirects(row, sources)

    def _redirects(self, row, sources) -> None:
        content_type = self.types[type(row)]
        for source in dict.fromkeys(sources):
            source = source[:700]
            if not source or source == self.base_path or "\x00" in source:
                continue
            existing = LegacyRedirect.objects.filter(source=source).first()
            if existing is None:
                LegacyRedirect.objects.create(
                    source=source, language=self.language,
                    content_type=content_type, object_id=row.pk,
                )  # fmt: skip
                self.report.count("redirect", "imported")
            elif (existing.content_type_id, existing.object_id) != (content_type.pk, row.pk):
                # A date-less form (/slug/) may be claimed by two items: the first keeps it.
                self.report.count("redirect", "skipped")
            else:
                self.report.count("redirect", "unchanged")

    # -- comments --------------------------------------------------------------------
    def _import_comments(self, record: wxr.Record, article: Article, label: str) -> None:
        by_id = {}
        for comment in record.comments:
            comment_id = comment.get("wp:comment_id")
            if comment_id.isdigit():
                by_id[int(comment_id)] = comment
        rows: dict[int, Comment] = {}
        # Parents before replies: WordPress numbers comments in the order they came.
        for comment_id in sorted(by_id):
            comment = by_id[comment_id]
            kind = comment.get("wp:comment_type")
            if kind in {"pingback", "trackback"}:
                self.report.count("pingback", "skipped")
                continue
            approved = comment.get("wp:comment_approved")
            if approved in {"trash", "post-trashed"}:
                self.report.count("comment", "skipped")
                continue
            row = self._comment(comment, comment_id, article, rows, by_id, label)
            if row is not None:
                rows[comment_id] = row

    def _comment(self, comment, comment_id, article, rows, by_id, label) -> Comment | None:
        approved = comment.get("wp:comment_approved")
        is_public = approved == "1"
        is_removed = approved == "spam"
        text = plain_text(comment.get("wp:comment_content"))
        digest = _digest(text, approved, comment.get("wp:comment_author"))
        known = self._known("comment", comment_id)
        row = self._target(known, Comment)
        if row is not None:
            if known.digest != digest:
                row.comment = text or "…"
                row.is_public = is_public
                row.is_removed = is_removed
                row.save()
                self._remember("comment", comment_id, row, digest)
                self.report.count("comment", "updated")
            else:
                self.report.count("comment", "unchanged")
            return row
        answered = None
        parent_id = comment.get("wp:comment_parent")
        if parent_id.isdigit() and int(parent_id):
            answered = rows.get(int(parent_id))
            if answered is None:
                self.report.problem(label, _("Comment %(id)s answers comment %(parent)s, which was "
                                             "not imported; it starts a thread of its own.")
                                    % {"id": comment_id, "parent": parent_id})  # fmt: skip
        parent = answered
        max_level = settings.COMMENTS_XTD_MAX_THREAD_LEVEL
        # Deeper than our limit: the reply joins the deepest level, still "in reply to".
        while parent is not None and parent.level >= max_level:
            parent = rows_by_pk(rows, parent.parent_id) if max_level > 0 else None
        when = _wp_datetime(comment.get("wp:comment_date_gmt"), comment.get("wp:comment_date"))
        user_id = comment.get("wp:comment_user_id")
        url = comment.get("wp:comment_author_url").strip()
        address = comment.get("wp:comment_author_IP").strip()
        row = Comment(
            content_object=article,
            article=article,
            site_id=settings.SITE_ID,
            user_name=plain_text(comment.get("wp:comment_author"))[:50] or _("Anonymous"),
            user_email=comment.get("wp:comment_author_email").strip()[:254],
            user_url=url[:200] if url.startswith(("http://", "https://")) else "",
            comment=text or "…",
            submit_date=when or timezone.now(),
            is_public=is_public,
            is_removed=is_removed,
            parent_id=parent.pk if parent else 0,
            replied_to=answered,
            ip_address=_address(address),
        )
        del user_id  # WordPress's user ids are not ours; names and emails are kept
        row.save()
        self._remember("comment", comment_id, row, digest)
        self.report.count("comment", "imported")
        return row


def rows_by_pk(rows: dict[int, Comment], pk: int) -> Comment | None:
    for row in rows.values():
        if row.pk == pk:
            return row
    return Comment.objects.filter(pk=pk).first()


def _address(value: str) -> str | None:
    from django.core.validators import validate_ipv46_address

    try:
        validate_ipv46_address(value)
    except ValidationError:
        return None
    return value
