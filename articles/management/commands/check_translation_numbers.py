from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles.numbers import LANGUAGES, compare_numbers, plain_text

# Exit codes: 0 the numbers agree, 1 they don't, 2 the files could not be compared.
MISMATCH, UNREADABLE = 1, 2


class Command(BaseCommand):
    help = (
        "Compare every number of a translation with its original's (plain text or HTML "
        "files, UTF-8). Prints one line per mismatch; exits 1 when there is any, 0 when "
        "there is none, 2 when a file cannot be read."
    )
    # It reads two files and nothing of the site: translators run it without a database.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("original", help="The original's file.")
        parser.add_argument("translation", help="The translation's file.")
        parser.add_argument(
            "--from", dest="source_language", choices=LANGUAGES, default="en",
            help="The original's language (default: en).",
        )  # fmt: skip
        parser.add_argument(
            "--to", dest="target_language", choices=LANGUAGES, default="de",
            help="The translation's language (default: de).",
        )  # fmt: skip

    def handle(self, *args, original, translation, source_language, target_language, **options):
        mismatches = compare_numbers(
            plain_text(_read(original)),
            plain_text(_read(translation)),
            source_language=source_language,
            target_language=target_language,
        )
        for mismatch in mismatches:
            self.stdout.write(str(mismatch))
        if mismatches:
            count = len(mismatches)
            raise CommandError(
                ngettext("%(count)d number mismatch.", "%(count)d number mismatches.", count)
                % {"count": count},
                returncode=MISMATCH,
            )
        self.stdout.write(_("No number mismatches."))


def _read(path: str) -> str:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise CommandError(
            _("Cannot read %(path)s: %(reason)s") % {"path": path, "reason": error.strerror},
            returncode=UNREADABLE,
        ) from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CommandError(
            _("%(path)s is not UTF-8 text (byte %(position)d).")
            % {"path": path, "position": error.start},
            returncode=UNREADABLE,
        ) from error
