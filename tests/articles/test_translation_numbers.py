"""A translation's numbers are checked against its original's: every corruption is
flagged, with the number of each side, and a faithful translation flags nothing."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils.translation import override

from articles.numbers import compare_article_numbers, compare_numbers

ROOT = Path(__file__).resolve().parents[2]

ORIGINAL = """\
Lumen Labs, a chip-design startup founded in 2019, said on March 3, 2024 that it had raised \
$1 billion from three investors. The money pays for a cluster of 10,000 GPUs drawing 3.5 \
megawatts, for a six-month pilot with 1.5 million users in twelve countries and for a \
10-year supply deal. A team of 11 engineers built the prototype.

Revenue grew 25% last year, to €40.5 million, and the company expects a margin of 12.5 \
percent by 2026. A second round of a billion dollars is planned for May 2025. The cluster's \
storage holds 2 trillion tokens, tenfold what the prototype held.
"""

FAITHFUL = """\
Lumen Labs, ein 2019 gegründetes Start-up für Chipdesign, gab am 3. März 2024 bekannt, dass \
es von drei Investoren 1 Milliarde US-Dollar eingesammelt hat. Das Geld bezahlt einen Cluster \
aus 10.000 GPUs, der 3,5 Megawatt verbraucht, eine sechsmonatige Pilotphase mit 1,5 Millionen \
Nutzern in zwölf Ländern und einen zehnjährigen Liefervertrag. Ein Team aus elf Ingenieuren \
hat den Prototyp gebaut.

Der Umsatz wuchs im vergangenen Jahr um 25 Prozent auf 40,5 Mio. €, und bis 2026 erwartet das \
Unternehmen eine Marge von 12,5 %. Eine zweite Runde über eine Milliarde Dollar ist für \
Mai 2025 geplant. Der Speicher des Clusters fasst 2 Billionen Tokens, das Zehnfache dessen, \
was der Prototyp fasste.
"""


def corrupt(old: str, new: str) -> str:
    assert old in FAITHFUL
    return FAITHFUL.replace(old, new, 1)


def lines(mismatches) -> list[str]:
    return [str(mismatch) for mismatch in mismatches]


# ------------------------------------------------------------------------------
# Faithful translations
# ------------------------------------------------------------------------------
def test_a_faithful_translation_flags_nothing():
    assert compare_numbers(ORIGINAL, FAITHFUL) == []


def test_the_check_works_from_german_to_english_too():
    assert compare_numbers(FAITHFUL, ORIGINAL, source_language="de", target_language="en") == []


@pytest.mark.parametrize(
    ("english", "german"),
    [
        ("10,000 GPUs", "10.000 GPUs"),
        ("10,000 GPUs", "10\u202f000 GPUs"),
        ("10,000 GPUs", "10\u00a0000 GPUs"),
        ("1,500 employees", "1500 Beschäftigte"),
        ("3.5 seconds", "3,5 Sekunden"),
        ("1,234.5 km", "1.234,5 km"),
        ("$1 billion", "1 Milliarde US-Dollar"),
        ("$1 billion", "eine Milliarde Dollar"),
        ("a billion dollars", "1 Mrd. $"),
        ("$2.5bn", "2,5 Milliarden US-Dollar"),
        ("$5m", "5 Millionen Dollar"),
        ("£300 million", "300 Millionen Britische Pfund"),
        ("2 trillion tokens", "2 Billionen Tokens"),
        ("1.5 million users", "1,5 Millionen Nutzer"),
        ("one million users", "eine Million Nutzer"),
        ("a thousand users", "tausend Nutzer"),
        ("25%", "25 Prozent"),
        ("25%", "25 %"),
        ("25 per cent", "25%"),
        ("three engines", "drei Triebwerke"),
        ("11 engineers", "elf Ingenieure"),
        ("a dozen start-ups", "ein Dutzend Start-ups"),
        ("a six-month pilot", "eine sechsmonatige Pilotphase"),
        ("a 10-year deal", "ein zehnjähriger Vertrag"),
        ("a tenfold rise", "ein zehnfacher Anstieg"),
        ("March 3, 2024", "3. März 2024"),
        ("3 March 2024", "03.03.2024"),
        ("on June 3rd", "am 3. Juni"),
        ("in Sept. 2025", "im September 2025"),
        ("in 2019", "im Jahr 2019"),
        ("the iOS 17.4 update", "das Update auf iOS 17.4"),
        ("four and a half hours", "viereinhalb Stunden"),
        ("one and a half years", "anderthalb Jahre"),
        ("one and a half years", "eineinhalb Jahre"),
        ("4.5 hours", "viereinhalb Stunden"),
        ("twice as fast", "doppelt so schnell"),
        ("sales doubled", "der Umsatz hat sich verdoppelt"),
        ("fifteen engineers", "fünfzehn Ingenieure"),
        ("19 engineers", "neunzehn Ingenieure"),
        ("twenty-one engineers", "einundzwanzig Ingenieure"),
        ("ninety-nine problems", "neunundneunzig Probleme"),
        ("between 10 and 20 hours", "zwischen zehn und zwanzig Stunden"),
        ("10–20 hours", "10 bis 20 Stunden"),
        ("10-20 hours", "zehn bis zwanzig Stunden"),
    ],
)
def test_the_same_numbers_in_each_language_s_own_format_agree(english, german):
    assert lines(compare_numbers(english, german)) == []
    assert lines(compare_numbers(german, english, source_language="de", target_language="en")) == []


@pytest.mark.parametrize(
    ("english", "german"),
    [
        # "ein"/"eine" is the German article far more often than the number one.
        ("one of the largest clusters", "einer der größten Cluster"),
        ("a new chip", "ein neuer Chip"),
        # Vague plurals are no number on either side.
        ("millions of users", "Millionen Nutzer"),
        ("tens of thousands of GPUs", "Zehntausende GPUs"),
        # Words that only contain a number word.
        ("a new millennium", "ein neues Jahrtausend"),
        ("no doubt", "kein Zweifel, einfach Achtung"),
        # An image placed in the body is no number of the story.
        ("[[image:12]] Chips", "[[image:31]] Chips"),
    ],
)
def test_words_that_are_no_numbers_are_not_counted(english, german):
    assert lines(compare_numbers(english, german)) == []


def test_html_is_compared_by_its_text():
    original = "<p>Shipments rose by 10,000&nbsp;units.</p><table><tr><td>2019</td><td>5</td></tr>"
    translation = "<p>Die Auslieferungen stiegen um 10.000&nbsp;Stück.</p><p>2019</p><p>5</p>"
    assert (
        compare_article_numbers(
            original_texts={"body": original},
            translation_texts={"body": translation},
            source_language="en",
            target_language="de",
        )
        == []
    )


# ------------------------------------------------------------------------------
# Corruptions
# ------------------------------------------------------------------------------
def test_a_thousands_figure_that_lost_its_zeros_is_flagged():
    mismatches = compare_numbers(ORIGINAL, corrupt("10.000 GPUs", "10 GPUs"))

    assert lines(mismatches) == [
        "10,000 (10000) became 10: the original says “…The money pays for a cluster of 10,000 "
        "GPUs drawing 3.5 megawatts, for…”, the translation “…Geld bezahlt einen Cluster aus "
        "10 GPUs, der 3,5 Megawatt verbraucht,…”"
    ]


def test_a_figure_left_in_the_original_s_format_is_flagged_when_it_reads_otherwise():
    # A German reader reads "10,000" as ten.
    mismatches = compare_numbers(ORIGINAL, corrupt("10.000 GPUs", "10,000 GPUs"))

    assert [(m.original.text, m.translation.text) for m in mismatches] == [("10,000", "10,000")]
    assert str(mismatches[0]).startswith("10,000 (10000) became 10,000 (10):")


def test_a_year_and_an_amount_that_swapped_places_are_both_flagged():
    translation = corrupt("ein 2019 gegründetes", "ein im Jahr 1 gegründetes")
    translation = translation.replace("1 Milliarde US-Dollar", "2019 Milliarden", 1)

    mismatches = compare_numbers(ORIGINAL, translation)

    assert [(str(m.original), str(m.translation)) for m in mismatches] == [
        ("2019", "1"),
        ("$1 billion (USD 1000000000)", "2019 Milliarden (2019000000000)"),
    ]
    assert "von drei Investoren 2019 Milliarden eingesammelt hat." in str(mismatches[1])


def test_a_changed_percentage_is_flagged():
    mismatches = compare_numbers(ORIGINAL, corrupt("um 25 Prozent", "um 52 Prozent"))

    assert [(str(m.original), str(m.translation)) for m in mismatches] == [
        ("25%", "52 Prozent (52%)")
    ]


def test_a_percentage_that_lost_its_percent_sign_is_flagged():
    mismatches = compare_numbers(ORIGINAL, corrupt("12,5 %", "12,5"))

    assert [(str(m.original), str(m.translation)) for m in mismatches] == [
        ("12.5 percent (12.5%)", "12,5 (12.5)")
    ]


def test_a_changed_currency_amount_is_flagged():
    mismatches = compare_numbers(ORIGINAL, corrupt("40,5 Mio. €", "45 Mio. €"))

    assert [(str(m.original), str(m.translation)) for m in mismatches] == [
        ("€40.5 million (EUR 40500000)", "45 Mio. € (EUR 45000000)")
    ]


def test_a_changed_currency_is_flagged():
    mismatches = compare_numbers(ORIGINAL, corrupt("1 Milliarde US-Dollar", "1 Milliarde Euro"))

    assert [(str(m.original), str(m.translation)) for m in mismatches] == [
        ("$1 billion (USD 1000000000)", "1 Milliarde Euro (EUR 1000000000)")
    ]


def test_a_german_billion_for_an_english_billion_is_flagged():
    # German "Billion" is 10^12: the English billion is a "Milliarde".
    mismatches = compare_numbers(ORIGINAL, corrupt("1 Milliarde US-Dollar", "1 Billion US-Dollar"))

    assert [(str(m.original), str(m.translation)) for m in mismatches] == [
        ("$1 billion (USD 1000000000)", "1 Billion US-Dollar (USD 1000000000000)")
    ]


def test_a_changed_decimal_is_flagged():
    mismatches = compare_numbers(ORIGINAL, corrupt("3,5 Megawatt", "35 Megawatt"))

    assert [(str(m.original), str(m.translation)) for m in mismatches] == [("3.5", "35")]


def test_a_changed_date_is_flagged():
    mismatches = compare_numbers(ORIGINAL, corrupt("3. März 2024", "3. Mai 2024"))

    assert [(str(m.original), str(m.translation)) for m in mismatches] == [
        ("March 3, 2024 (2024-03-03)", "3. Mai 2024 (2024-05-03)")
    ]


def test_a_changed_number_word_is_flagged():
    mismatches = compare_numbers(ORIGINAL, corrupt("sechsmonatige", "dreimonatige"))

    assert [(str(m.original), str(m.translation)) for m in mismatches] == [("six (6)", "drei (3)")]


def test_a_number_missing_from_the_translation_is_flagged():
    mismatches = compare_numbers(ORIGINAL, corrupt("in zwölf Ländern", "in mehreren Ländern"))

    assert lines(mismatches) == [
        "only in the original: twelve (12) in “…pilot with 1.5 million users in twelve "
        "countries and for a 10-year supply…”"
    ]


def test_a_number_only_the_translation_has_is_flagged():
    mismatches = compare_numbers(ORIGINAL, corrupt("Ein Team aus", "Ein Team aus 40 Leuten und"))

    assert [str(m) for m in mismatches if m.original is None] == [
        "only in the translation: 40 in “…zehnjährigen Liefervertrag. Ein Team aus 40 Leuten "
        "und elf Ingenieuren hat…”"
    ]


def test_each_article_field_is_compared_on_its_own_and_named():
    original = {
        "title": "Lumen Labs raises $1 billion",
        "lead": "The startup will buy 10,000 GPUs.",
        "body": "<p>It was founded in 2019.</p>",
        "sources": "Chip Weekly\n9to5Chips",
    }
    translation = {
        "title": "Lumen Labs sammelt 1 Milliarde US-Dollar ein",
        "lead": "Das Start-up kauft 10.000 GPUs.",
        "body": "<p>Es wurde 2019 gegründet. Es kauft 10.000 GPUs.</p>",
        "sources": "Chip Weekly\n9to5Chips",
    }

    mismatches = compare_article_numbers(
        original_texts=original,
        translation_texts=translation,
        source_language="en",
        target_language="de",
    )

    assert lines(mismatches) == [
        "body: only in the translation: 10.000 (10000) in “…wurde 2019 gegründet. Es kauft "
        "10.000 GPUs.”"
    ]


# ------------------------------------------------------------------------------
# The command
# ------------------------------------------------------------------------------
def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def run_command(*args) -> tuple[str, int]:
    out = []

    class Out:
        def write(self, text):
            out.append(text)

        def flush(self):
            pass

    try:
        call_command("check_translation_numbers", *args, stdout=Out())
    except CommandError as error:
        return "".join(out), error.returncode
    return "".join(out), 0


def test_the_command_says_so_when_the_numbers_agree(tmp_path):
    output, code = run_command(
        write(tmp_path, "en.txt", ORIGINAL), write(tmp_path, "de.txt", FAITHFUL)
    )

    assert (output, code) == ("No number mismatches.\n", 0)


def test_the_command_prints_a_line_per_mismatch_and_exits_1(tmp_path):
    translation = corrupt("10.000 GPUs", "10 GPUs").replace("um 25 Prozent", "um 52 Prozent")

    output, code = run_command(
        write(tmp_path, "en.txt", ORIGINAL), write(tmp_path, "de.txt", translation)
    )

    assert code == 1
    assert [line.split(":")[0] for line in output.splitlines()] == [
        "10,000 (10000) became 10",
        "25% became 52 Prozent (52%)",
    ]


def test_the_command_reads_html_and_works_from_german_to_english(tmp_path):
    german = write(tmp_path, "de.html", "<h1>Umsatz</h1><p>Der Umsatz stieg um 25&#8239;%.</p>")
    english = write(tmp_path, "en.html", "<h1>Revenue</h1><p>Revenue rose by <b>2.5%</b>.</p>")

    output, code = run_command(german, english, "--from", "de", "--to", "en")

    assert code == 1
    assert output.splitlines() == [
        "25 % (25%) became 2.5%: the original says “Umsatz Der Umsatz stieg um 25 %.”, "
        "the translation “Revenue Revenue rose by 2.5%.”"
    ]


def test_the_command_refuses_a_file_that_is_not_utf_8(tmp_path):
    latin1 = tmp_path / "de.txt"
    latin1.write_bytes("Der Umsatz stieg um 25 Prozent, schätzt man.".encode("latin-1"))

    with pytest.raises(CommandError, match="is not UTF-8 text") as raised:
        call_command("check_translation_numbers", write(tmp_path, "en.txt", "25%"), str(latin1))
    assert raised.value.returncode == 2


def test_the_command_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Cannot read") as raised:
        call_command(
            "check_translation_numbers", write(tmp_path, "en.txt", "25%"), str(tmp_path / "no")
        )
    assert raised.value.returncode == 2


@pytest.mark.parametrize(
    ("translation", "code"),
    [(FAITHFUL, 0), (corrupt("10.000 GPUs", "10 GPUs"), 1), (b"25 Prozent, sch\xe4tzt man", 2)],
    ids=["agree", "mismatch", "not-utf-8"],
)
def test_the_command_line_exit_code_tells_the_outcome(tmp_path, translation, code):
    translation_file = tmp_path / "de.txt"
    if isinstance(translation, bytes):
        translation_file.write_bytes(translation)
    else:
        translation_file.write_text(translation, encoding="utf-8")
    command = [sys.executable, "manage.py", "check_translation_numbers"]
    command += [
        write(tmp_path, "en.txt", ORIGINAL),
        str(translation_file),
        "--from",
        "en",
        "--to",
        "de",
    ]

    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)

    assert result.returncode == code, result.stderr


def test_mismatches_read_in_german_for_a_german_editor():
    (mismatch,) = compare_numbers(ORIGINAL, corrupt("10.000 GPUs", "10 GPUs"))

    with override("de"):
        assert str(mismatch).startswith(
            "aus 10,000 (10000) wurde 10: im Original steht „…The money pays for a cluster"
        )
