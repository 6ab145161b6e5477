"""Numbers in a translation compared with its original's.

A translation may say anything in its own words, but not with other numbers: "10,000 GPUs"
must not come out as "10 GPUs", nor "in 2019 … a $1 billion investment" as "in the year
1 … an investment of 2019 billion". `extract_quantities` reads a text's numbers the way a
reader of its language reads them, each as a `Quantity` with a normalised value;
`compare_numbers` and `compare_article_numbers` compare the two sides as multisets and
report what does not agree as `Mismatch`es, with the words around each number.

The locale data is CLDR's, through Babel: decimal and group symbols and strict parsing
(`parse_decimal`), the scale words ("Millionen", "Mrd."), currency names and symbols and
month names. CLDR has no data to *read* numbers written as words, so the few a news text
spells out ("three", "zwölf", "a dozen") and the German compounds ("sechsmonatig") come
from the small tables below.

Deliberately simple: no grammar beyond "currency? amount scale? unit?", no guessing
of what a vague "millions of users" means (neither side counts it), and the words for
"one" count only before a scale word ("a billion", "eine Milliarde"): standing alone they
are far more often the article ("eine neue Funktion") than the number.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from html.parser import HTMLParser
from typing import Literal, NamedTuple

from babel import Locale
from babel.dates import get_month_names
from babel.numbers import (
    NumberFormatError,
    get_currency_name,
    get_currency_symbol,
    get_group_symbol,
    parse_decimal,
)
from django.utils.translation import gettext as _

from .placeholders import IMAGE_PLACEHOLDER

Kind = Literal["number", "year", "percent", "currency", "date"]

# Currencies a tech-news text names; their names and symbols in each language are CLDR's.
CURRENCIES = ("USD", "EUR", "GBP", "JPY", "CHF", "CNY")


@dataclass(frozen=True)
class _Words:
    """What CLDR does not say about a language's numbers."""

    numbers: dict[str, int | Decimal]
    # Words for "one": they count only directly before a scale word.
    ones: tuple[str, ...]
    scales: dict[str, int]
    # Scale words that count on their own, without a number ("tausend Nutzer").
    alone: tuple[str, ...]
    # What may follow a number word in one word: "tenfold", "sechsmonatige".
    compound_suffixes: str
    # Scale words written together with a number word: "dreihundert".
    glued_scales: tuple[str, ...]
    percent: tuple[str, ...]
    currencies: dict[str, str]


_HALF = Decimal("0.5")


def _number_words(
    units: dict[str, int], teens: dict[str, int], tens: dict[str, int], *,
    compound, half, extra: dict[str, int | Decimal],
) -> dict[str, int | Decimal]:  # fmt: skip
    """A language's number words from its parts: units and teens as they are, the tens,
    every tens-and-unit compound (`compound(unit_word, tens_word)`), and each unit
    and a half (`half(unit_word)`, "four and a half" / "viereinhalb")."""
    numbers: dict[str, int | Decimal] = {**teens, **tens, **extra}
    numbers.update({word: value for word, value in units.items() if value > 1})
    for tens_word, tens_value in tens.items():
        for unit_word, unit_value in units.items():
            numbers[compound(unit_word, tens_word)] = tens_value + unit_value
    for unit_word, unit_value in {**units, **teens}.items():
        numbers[half(unit_word)] = unit_value + _HALF
    return numbers


_EN_NUMBERS = _number_words(
    units={"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9},
    teens={"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
           "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19},
    tens={"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
          "eighty": 80, "ninety": 90},
    compound=lambda unit, tens: f"{tens}-{unit}",
    half=lambda unit: f"{unit} and a half",
    extra={"twice": 2, "double": 2},
)  # fmt: skip
_DE_NUMBERS = _number_words(
    # "ein" in compounds only: "einundzwanzig", "eineinhalb".
    units={"ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
           "acht": 8, "neun": 9},
    teens={"zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
           "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19},
    tens={"zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
          "siebzig": 70, "achtzig": 80, "neunzig": 90},
    compound=lambda unit, tens: f"{unit}und{tens}",
    half=lambda unit: f"{unit}einhalb",
    extra={"anderthalb": Decimal("1.5"), "doppelt": 2, "doppelte": 2, "doppelten": 2,
           "doppelter": 2, "doppeltes": 2, "doppeltem": 2},
)  # fmt: skip

WORDS = {
    "en": _Words(
        numbers=_EN_NUMBERS,
        ones=("a", "an", "one"),
        scales={"hundred": 100, "dozen": 12, "bn": 10**9, "tn": 10**12, "mn": 10**6},
        alone=("hundred", "thousand"),
        compound_suffixes="fold",
        glued_scales=(),
        percent=("%", "percent", "per cent", "percentage points", "percentage point"),
        currencies={
            "US$": "USD", "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP",
            "yen": "JPY", "yuan": "CNY",
        },
    ),
    "de": _Words(
        numbers=_DE_NUMBERS,
        ones=("ein", "eine", "einer", "einem", "einen", "eines"),
        scales={"hundert": 100, "dutzend": 12, "tsd.": 1000},
        alone=("hundert", "tausend"),
        compound_suffixes=(
            r"(?:jährig|monatig|wöchig|tägig|stündig|minütig|sekündig|köpfig|teilig|stufig"
            r"|fach|mal)(?:e|en|er|es|em)?"
        ),
        glued_scales=("hundert", "tausend"),
        percent=(
            "%", "Prozent", "Prozentpunkte", "Prozentpunkten", "Prozentpunkt", "prozentig",
            "prozentige", "prozentigen", "prozentiger", "prozentiges", "prozentigem",
        ),
        currencies={
            "US$": "USD", "Dollar": "USD", "Pfund": "GBP", "Yen": "JPY", "Yuan": "CNY",
            "Franken": "CHF",
        },
    ),
}  # fmt: skip

LANGUAGES = tuple(sorted(WORDS))

# An image placed in the body ([[image:12]], ArticleImage.placeholder): its id is no number
# of the story, and a translation's images have ids of their own.
_IMAGE_PLACEHOLDER = re.compile(IMAGE_PLACEHOLDER)
# Digits with separators between them; which separator means what is the locale's to say.
# A no-break or thin space groups thousands only before exactly three digits ("10 000").
_NARROW_SPACES = "\u00a0\u202f\u2009"
_DIGITS = rf"\d+(?:(?:[.,]|[{_NARROW_SPACES}](?=\d{{3}}(?!\d)))\d+)*"
_MASK = "\x00"
# Pairing leftovers is quadratic; a few dozen each is a badly corrupted translation.
_MAX_PAIRINGS = 100 * 100


class PartialDate(NamedTuple):
    """A date as a text gives it: "March 2024" has no day, "March 3" no year."""

    year: int | None
    month: int
    day: int | None

    def __str__(self) -> str:
        year = f"{self.year:04d}" if self.year else "-"
        return f"{year}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")


@dataclass(frozen=True)
class Quantity:
    """One number of a text: its normalised value, what kind it is and where it stands."""

    kind: Kind
    value: Decimal | PartialDate
    text: str
    start: int
    end: int
    context: str = dataclasses.field(compare=False)
    # ISO 4217 code, for kind "currency".
    currency: str = ""

    @property
    def key(self) -> tuple:
        """What must agree between the two sides. A year and a plain number compare
        alike: German writes "1500 Mitarbeiter" where English writes "1,500 employees"."""
        if self.kind == "year":
            return ("number", "", self.value)
        return (self.kind, self.currency, self.value)

    @property
    def family(self) -> str:
        return self.key[0]

    @property
    def canonical(self) -> str:
        if isinstance(self.value, PartialDate):
            return str(self.value)
        plain = _plain(self.value)
        if self.kind == "percent":
            return f"{plain}%"
        if self.kind == "currency":
            return f"{self.currency} {plain}"
        return plain

    def __str__(self) -> str:
        """As written, with the value it was read as when that is not obvious."""
        if self.text == self.canonical:
            return self.text
        return f"{self.text} ({self.canonical})"


@dataclass(frozen=True)
class Mismatch:
    """A number of one side that the other side does not have. When both are set, the
    translation's number is the likely corruption of the original's."""

    original: Quantity | None
    translation: Quantity | None
    field: str = ""

    def __str__(self) -> str:
        if self.original and self.translation:
            message = _(
                "%(original)s became %(translation)s: the original says "
                "“%(original_context)s”, the translation “%(translation_context)s”"
            )
        elif self.original:
            message = _("only in the original: %(original)s in “%(original_context)s”")
        else:
            message = _("only in the translation: %(translation)s in “%(translation_context)s”")
        message %= {
            "original": self.original,
            "original_context": self.original and self.original.context,
            "translation": self.translation,
            "translation_context": self.translation and self.translation.context,
        }
        return f"{self.field}: {message}" if self.field else message


# ------------------------------------------------------------------------------
# Comparing
# ------------------------------------------------------------------------------
def compare_numbers(
    original: str, translation: str, *, source_language: str = "en", target_language: str = "de"
) -> list[Mismatch]:
    """The numbers of two plain texts that do not agree, in the order of the original."""
    return _compare(original, translation, languages=(source_language, target_language), field="")


def compare_article_numbers(
    *,
    original_texts: dict[str, str],
    translation_texts: dict[str, str],
    source_language: str,
    target_language: str,
) -> list[Mismatch]:
    """Field by field, e.g. {"title": …, "lead": …, "body": …, "sources": the sources'
    names, one a line}; each text may be plain or HTML. A number that moved from one
    field to another counts as a mismatch in both: readers see the title and the lead
    on their own."""
    mismatches = []
    for name in dict.fromkeys([*original_texts, *translation_texts]):
        mismatches += _compare(
            plain_text(original_texts.get(name, "")),
            plain_text(translation_texts.get(name, "")),
            languages=(source_language, target_language),
            field=name,
        )
    return mismatches


def _compare(original: str, translation: str, *, languages: tuple[str, str], field: str):
    source, target = languages
    sides = (
        [(quantity, quantity.start / max(1, len(original)))
         for quantity in extract_quantities(original, language=source)],
        [(quantity, quantity.start / max(1, len(translation)))
         for quantity in extract_quantities(translation, language=target)],
    )  # fmt: skip
    only_original, only_translation = _leftovers(*sides)
    paired = _pairs(only_original, only_translation)
    partners = {id(partner) for partner in paired.values()}
    return [
        Mismatch(quantity, paired.get(index), field)
        for index, (quantity, _place) in enumerate(only_original)
    ] + [
        Mismatch(None, quantity, field)
        for quantity, _place in only_translation
        if id(quantity) not in partners
    ]


# A quantity with its place in its text, from 0 (the start) to 1 (the end).
Placed = tuple[Quantity, float]


def _leftovers(original: list[Placed], translation: list[Placed]):
    """The quantities of each side that the other side does not have. When a number
    occurs more often on one side, the surplus is the occurrences farthest from the
    other side's: the "10" of "10 GPUs", not that of "tenfold" further on."""
    groups: dict[tuple, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i, (quantity, _place) in enumerate(original):
        groups[quantity.key][0].append(i)
    for j, (quantity, _place) in enumerate(translation):
        groups[quantity.key][1].append(j)
    surplus_left, surplus_right = set(), set()
    for lefts, rights in groups.values():
        if len(lefts) == len(rights):
            continue
        if len(lefts) * len(rights) > _MAX_PAIRINGS:
            # Not worth the search: the surplus is the last occurrences.
            surplus_left.update(lefts[len(rights) :])
            surplus_right.update(rights[len(lefts) :])
            continue
        candidates = sorted(
            (abs(original[i][1] - translation[j][1]), i, j) for i in lefts for j in rights
        )
        matched_left, matched_right = set(), set()
        for _distance, i, j in candidates:
            if i not in matched_left and j not in matched_right:
                matched_left.add(i)
                matched_right.add(j)
        surplus_left.update(set(lefts) - matched_left)
        surplus_right.update(set(rights) - matched_right)
    return (
        [placed for i, placed in enumerate(original) if i in surplus_left],
        [placed for j, placed in enumerate(translation) if j in surplus_right],
    )


def _pairs(original: list[Placed], translation: list[Placed]) -> dict[int, Quantity]:
    """Which leftover number of the translation is the corruption of which of the
    original's: an alignment that keeps both texts' order and prefers a number of the
    same family at the same place in its text. A swap keeps the order of the places,
    not of the families: "in 2019 … a $1 billion" became "in the year 1 … 2019 billion"."""

    def score(left: Placed, right: Placed) -> float:
        same = 2 if left[0].family == right[0].family else 1
        return same - abs(left[1] - right[1])

    if len(original) * len(translation) > _MAX_PAIRINGS:
        return {}  # not a corrupted translation but another text: nothing pairs up
    # best[i][j]: the best score pairing the first i of the original's leftovers with
    # the first j of the translation's.
    best = [[0.0] * (len(translation) + 1) for _ in range(len(original) + 1)]
    for i, left in enumerate(original, 1):
        for j, right in enumerate(translation, 1):
            best[i][j] = max(
                best[i - 1][j], best[i][j - 1], best[i - 1][j - 1] + score(left, right)
            )
    pairs = {}
    i, j = len(original), len(translation)
    while i and j:
        if best[i][j] == best[i - 1][j]:
            i -= 1
        elif best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            pairs[i - 1] = translation[j - 1][0]
            i, j = i - 1, j - 1
    return pairs


# ------------------------------------------------------------------------------
# Reading a text's numbers
# ------------------------------------------------------------------------------
def extract_quantities(text: str, *, language: str) -> list[Quantity]:
    """Every number of a plain text, in order, read as a reader of `language` reads it."""
    grammar = _grammar(_primary(language))
    masked = _IMAGE_PLACEHOLDER.sub(lambda match: _MASK * len(match.group()), text)
    quantities = []
    for pattern in grammar.dates:
        for match in pattern.finditer(masked):
            date = _date(match, grammar)
            if date:
                quantities.append(_quantity(text, match.start(), match.end(), "date", date))
                masked = (
                    masked[: match.start()] + _MASK * len(match.group()) + masked[match.end() :]
                )
    for match in grammar.quantity.finditer(masked):
        quantities += _amounts(match, text, grammar)
    return sorted(quantities, key=lambda quantity: quantity.start)


@dataclass(frozen=True)
class _Grammar:
    locale: Locale
    quantity: re.Pattern
    dates: tuple[re.Pattern, ...]
    months: dict[str, int]
    words: _Words
    scales: dict[str, int]
    singular_scales: frozenset[str]
    # CLDR's one-letter abbreviations ("$5M", "$2B") are read only after a currency
    # symbol and written together with the number: "5 m" is five metres, "4K" a screen.
    currency_only_scales: frozenset[str]
    currencies: dict[str, str]


def _primary(language: str) -> str:
    primary = re.split(r"[-_]", language.strip().lower())[0]
    if primary not in WORDS:
        raise ValueError(f"No number reading for {language!r}; known: {', '.join(LANGUAGES)}.")
    return primary


@cache
def _grammar(language: str) -> _Grammar:
    locale = Locale.parse(language)
    words = WORDS[language]
    scales = {key.lower(): value for key, value in words.scales.items()}
    singular = set()
    currency_only = set()
    for width in ("long", "short"):
        for plural_form, patterns in locale.compact_decimal_formats[width].items():
            for magnitude, pattern in patterns.items():
                if pattern.pattern.count("0") != 1:
                    continue  # "00 Millionen": the same word again
                word = pattern.suffix[0].replace("'", "").strip(" " + _NARROW_SPACES).lower()
                if not word:
                    continue  # German has no short form for thousands
                scales[word] = int(magnitude)
                if width == "long" and plural_form == "one":
                    singular.add(word)
                if width == "short" and len(word) == 1:
                    currency_only.add(word)
    singular |= {"hundred", "dozen", "hundert", "dutzend"} & scales.keys()

    # Abbreviations without their dot: "3 Mrd Euro".
    scales |= {key.rstrip("."): value for key, value in scales.items() if key.endswith(".")}

    currencies = {key.lower(): code for key, code in words.currencies.items()}
    # Symbols and codes also stand before the amount ("$5", "USD 5"); names only after it.
    symbols = {"us$", *(code.lower() for code in CURRENCIES)}
    for code in CURRENCIES:
        symbol = get_currency_symbol(code, locale=locale).lower()
        symbols.add(symbol)
        names = {code.lower(), symbol}
        names |= {get_currency_name(code, count=count, locale=locale).lower() for count in (1, 2)}
        currencies.update(dict.fromkeys(names, code))

    months = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale=locale).items():
                months[name.rstrip(".")] = number
    if language == "en":
        months["Sept"] = 9

    number_word = (
        rf"(?<!\w)(?P<word>{_alternatives(words.numbers)})"
        rf"(?:(?!\w)|(?={words.compound_suffixes}(?!\w))"
        + (rf"|(?={_alternatives(words.glued_scales)}(?!\w))" if words.glued_scales else "")
        + ")"
    )
    one = rf"(?<!\w)(?P<one>{_alternatives(words.ones)})\s+(?={_alternatives(singular)}(?!\w))"
    quantity = (
        rf"(?:(?P<cur_pre>{_alternatives(symbols, left_edge=True)})\s?)?"
        rf"(?:(?:(?P<num>{_DIGITS})|{number_word}|{one})"
        rf"(?:[\s\-]{{0,3}}(?P<scale>{_alternatives(scales, right_edge=True)}))?"
        rf"|(?<!\w)(?P<lone_scale>{_alternatives(words.alone)})(?!\w))"
        rf"(?:[\s\-]{{0,3}}(?:(?P<pct>{_alternatives(words.percent, right_edge=True)})"
        rf"|(?P<cur_post>{_alternatives(currencies, right_edge=True)})))?"
    )
    return _Grammar(
        locale=locale,
        quantity=re.compile(quantity, re.IGNORECASE),
        dates=tuple(re.compile(pattern) for pattern in _date_patterns(language, months)),
        months=months,
        words=words,
        scales=scales,
        singular_scales=frozenset(singular),
        currency_only_scales=frozenset(currency_only),
        currencies=currencies,
    )


def _alternatives(items, *, left_edge: bool = False, right_edge: bool = False) -> str:
    """A regex alternation, longest first; `*_edge` keeps a word from matching inside
    another ("EUR" in "EUROPA", "m" in "minutes")."""
    parts = []
    for item in sorted(items, key=lambda item: (-len(item), item)):
        part = re.escape(item).replace(r"\ ", r"\s+")
        if left_edge and item[0].isalnum():
            part = rf"(?<!\w){part}"
        if right_edge and item[-1].isalnum():
            part = rf"{part}(?!\w)"
        parts.append(part)
    return "(?:" + "|".join(parts) + ")"


def _date_patterns(language: str, months: dict[str, int]) -> list[str]:
    # Case-sensitive: "may" and "march" are verbs.
    month = rf"(?P<month>{_alternatives(months)})(?!\w)\.?"
    year = r"(?P<year>\d{4})(?!\d)"
    iso = r"(?<!\w)(?P<year>\d{4})-(?P<month_number>\d{2})-(?P<day>\d{2})(?!\d)"
    if language == "de":
        return [
            iso,
            rf"(?<!\w)(?P<day>\d{{1,2}})\.\s*{month}(?:\s+{year})?",
            rf"(?<!\w)(?P<day>\d{{1,2}})\.(?P<month_number>\d{{1,2}})\.{year}",
            rf"(?<!\w){month}\s+{year}",
        ]
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
    return [
        iso,
        rf"(?<!\w){month}\s+{day}(?:,?\s+{year})?",
        rf"(?<!\w){day}\s+(?:of\s+)?{month}(?:,?\s+{year})?",
        rf"(?<!\w){month},?\s+{year}",
    ]


def _date(match: re.Match, grammar: _Grammar) -> PartialDate | None:
    found = match.groupdict()
    month = int(found["month_number"]) if found.get("month_number") else None
    if month is None:
        month = grammar.months[match["month"]]
    day = int(found["day"]) if found.get("day") else None
    year = int(found["year"]) if found.get("year") else None
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    return PartialDate(year, month, day)


def _amounts(match: re.Match, text: str, grammar: _Grammar) -> list[Quantity]:
    """The quantity of one match of the grammar; several for digits no reading fits."""
    scale = match["scale"] or match["lone_scale"]
    loose, amount, start = [], Decimal(1), match.start()  # "a billion", "tausend"
    if match["num"]:
        *loose, (amount, run_start, _end) = _read_digits(match["num"], match.start("num"), grammar)
        if loose:
            start = run_start
    elif match["word"]:
        amount = Decimal(grammar.words.numbers[" ".join(match["word"].lower().split())])
    quantities = [
        _quantity(text, run_start, run_end, "number", value) for value, run_start, run_end in loose
    ]

    multiplier, end = 1, match.end()
    if scale:
        key = scale.lower()
        glued = match["num"] and match.start("scale") == match.end("num")
        if key not in grammar.currency_only_scales or (match["cur_pre"] and glued):
            multiplier = grammar.scales[key]
        elif not (match["pct"] or match["cur_post"]):
            end = match.end("num")  # "4K": the number is 4
    currency = grammar.currencies.get((match["cur_pre"] or match["cur_post"] or "").lower(), "")
    value = amount * multiplier
    if match["pct"]:
        kind: Kind = "percent"
    elif currency:
        kind = "currency"
    elif multiplier == 1 and re.fullmatch(r"\d{4}", match["num"] or "") and 1000 <= value <= 2100:
        kind = "year"
    else:
        kind = "number"
    quantities.append(_quantity(text, start, end, kind, value, currency))
    return quantities


def _read_digits(digits: str, offset: int, grammar: _Grammar):
    """Digits read strictly by the text's locale ("10.000" is ten thousand in German),
    else strictly as English, which is how version numbers are written everywhere
    ("iOS 17.4"), else each run of digits on its own ("1.2.3")."""
    group = get_group_symbol(grammar.locale)
    normal = re.sub(f"[{_NARROW_SPACES}]", group, digits)
    for locale in (grammar.locale, "en"):
        try:
            return [(parse_decimal(normal, locale=locale, strict=True), offset, 0)]
        except NumberFormatError:
            continue
    return [
        (Decimal(run.group()), offset + run.start(), offset + run.end())
        for run in re.finditer(r"\d+", digits)
    ]


def _quantity(text, start, end, kind, value, currency="") -> Quantity:
    return Quantity(
        kind=kind,
        value=value,
        text=" ".join(text[start:end].split()),
        start=start,
        end=end,
        context=_context(text, start, end),
        currency=currency,
    )


def _context(text: str, start: int, end: int, *, width: int = 30) -> str:
    """The words around a number, cut at word edges, on one line."""
    left, right = max(0, start - width), min(len(text), end + width)
    for _step in range(20):
        if left > 0 and not text[left - 1].isspace():
            left -= 1
        if right < len(text) and not text[right].isspace():
            right += 1
    words = " ".join(text[left:right].replace(_MASK, " ").split())
    return ("…" if left > 0 else "") + words + ("…" if right < len(text) else "")


def _plain(value: Decimal) -> str:
    """10000, 1.5: no exponent, no trailing zeros, no grouping."""
    normal = value.normalize()
    return f"{normal:f}"


# ------------------------------------------------------------------------------
# HTML
# ------------------------------------------------------------------------------
_LOOKS_LIKE_HTML = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>", re.IGNORECASE)
_BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
}  # fmt: skip


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self.hidden += 1
        elif tag in _BLOCKS:
            # "<td>2019</td><td>5</td>" is two numbers, not 20195.
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def plain_text(text: str) -> str:
    """A text as a reader sees it: HTML (detected by its tags) without its markup."""
    if not _LOOKS_LIKE_HTML.search(text):
        return text
    collector = _TextCollector()
    collector.feed(text)
    collector.close()
    return "".join(collector.parts)
