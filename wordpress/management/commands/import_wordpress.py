import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from core.editions import default_edition, edition_codes
from core.progress import Progress
from wordpress.services import WordPressImport

OUTCOMES = ("imported", "updated", "matched", "unchanged", "skipped", "missing", "failed")


class Command(BaseCommand):
    help = _(
        "Import a WordPress export (WXR): sections, tags, authors, posts, pages, images "
        "and comments, with every old URL redirecting. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help=_("The WXR file WordPress exported."))
        parser.add_argument(
            "--media-dir", help=_("A copy of wp-content/uploads; otherwise images are downloaded.")
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=_("Say what would be done, change nothing.")
        )
        parser.add_argument(
            "--default-author", help=_("The account for posts whose author is unknown.")
        )
        parser.add_argument(
            "--language", default=None, help=_("The edition the content goes into.")
        )
        parser.add_argument("--no-download", action="store_true", help=_("Never download images."))

    def handle(self, *args, **options):
        path = options["export"]
        if not os.path.isfile(path):
            raise CommandError(_("No such file: %(path)s") % {"path": path})
        language = options["language"] or default_edition()
        if language not in edition_codes():
            raise CommandError(
                _("“%(language)s” is not an edition of this site (%(editions)s).")
                % {"language": language, "editions": ", ".join(edition_codes())}
            )
        if options["media_dir"] and not os.path.isdir(options["media_dir"]):
            raise CommandError(_("No such folder: %(path)s") % {"path": options["media_dir"]})
        author = None
        if options["default_author"]:
            author = get_user_model().objects.filter(username=options["default_author"]).first()
            if author is None:
                raise CommandError(
                    _("No account “%(name)s”.") % {"name": options["default_author"]}
                )
        self.bars: dict[int, Progress] = {}
        progress = self._progress if self.stdout.isatty() else None
        importer = WordPressImport(
            path=path,
            language=language,
            media_dir=options["media_dir"],
            default_author=author,
            dry_run=options["dry_run"],
            download=not options["no_download"],
            progress=progress,
        )
        try:
            report = importer.run()
        except Exception as error:  # lxml's syntax errors and the like: say where
            from lxml import etree

            if isinstance(error, etree.XMLSyntaxError):
                raise CommandError(
                    _("Not a readable export: %(error)s") % {"error": error}
                ) from error
            raise
        for bar in self.bars.values():
            bar.finish()
        self._report(report, dry_run=options["dry_run"])

    def _progress(self, number: int, done: int, total: int) -> None:
        """The bar of pass `number` of the file: how much of it has been read."""
        if number not in self.bars:
            for bar in self.bars.values():
                bar.finish()
            self.bars = {number: Progress(self.stdout, _("Pass %(n)s/2") % {"n": number}, total,
                                          unit=_("bytes"))}  # fmt: skip
        self.bars[number].update(done)

    def _report(self, report, *, dry_run: bool) -> None:
        if dry_run:
            self.stdout.write(_("Dry run: nothing was changed. It would have done this:"))
        kinds = sorted({kind for kind, _outcome in report.counts})
        for kind in kinds:
            parts = [
                f"{report.of(kind, outcome)} {outcome}"
                for outcome in OUTCOMES
                if report.of(kind, outcome)
            ]
            self.stdout.write(f"{kind}: {', '.join(parts)}")
        if report.problems:
            self.stdout.write(_("Problems (%(count)s):") % {"count": len(report.problems)})
            for item, message in report.problems:
                self.stdout.write(f"  {item}: {message}")
        else:
            self.stdout.write(_("No problems."))
