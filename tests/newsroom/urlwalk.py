"""Every URL pattern of the project, as URLs a client can request."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

# A path converter, <name> or <type:name>.
CONVERTER = re.compile(r"<(?:(?P<type>[^>:]+):)?(?P<name>[^>]+)>")


@dataclass(frozen=True)
class Pattern:
    route: str  # the patterns of the resolvers on the way, joined
    pattern: URLPattern
    converters: tuple[object, ...]  # the converters of the placeholders, None for a regex group

    @property
    def placeholders(self) -> int:
        return len(self.converters)

    def url(self, value: str) -> str:
        """The route with `value` in every placeholder."""
        return "/" + _fill(self.route, value)


def _groups(regex: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each top-level capturing group in `regex`."""
    depth, start, i = 0, 0, 0
    while i < len(regex):
        char = regex[i]
        if char == "\\":
            i += 2
            continue
        if char == "(":
            if depth == 0:
                start = i
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0 and not regex.startswith("(?:", start):
                yield start, i + 1
        i += 1


def _fill_regex(regex: str, value: str) -> str:
    pieces, last = [], 0
    for start, end in _groups(regex):
        pieces += [regex[last:start], value]
        last = end
    pieces.append(regex[last:])
    text = "".join(pieces).removeprefix("^").removesuffix("$")
    return re.sub(r"\\(.)", r"\1", text)


def _fill(route: str, value: str) -> str:
    return CONVERTER.sub(value, route)


def walk(patterns=None, prefix: str = "", converters: tuple = ()) -> Iterator[Pattern]:
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        own, text = _own(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + text, converters + own)
        else:
            yield Pattern(route=prefix + text, pattern=entry, converters=converters + own)


def _own(pattern) -> tuple[tuple, str]:
    """The converters of one pattern's placeholders and its text with regex groups in
    the converter syntax, so that one substitution fills both kinds."""
    if isinstance(pattern, LocalePrefixPattern):
        # The default edition's URLs, which have no prefix.
        return (), pattern.language_prefix
    if isinstance(pattern, RoutePattern):
        names = [m["name"] for m in CONVERTER.finditer(str(pattern))]
        return tuple(pattern.converters.get(name) for name in names), str(pattern)
    assert isinstance(pattern, RegexPattern)
    regex = str(pattern)
    groups = list(_groups(regex))
    text = _fill_regex(regex, "<group>")
    return (None,) * len(groups), text
