"""Helpers for the workflow tests: users in the editorial roles, and admin forms
submitted the way a browser would."""

from __future__ import annotations

from html.parser import HTMLParser

from django.contrib.auth.models import Group

from articles.permissions import AUTHOR_GROUP, EDITOR_GROUP
from tests.articles.factories import UserFactory


def make_user(group_name: str, **kwargs):
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def make_author(**kwargs):
    return make_user(AUTHOR_GROUP, **kwargs)


def make_editor(**kwargs):
    return make_user(EDITOR_GROUP, **kwargs)


class _FormParser(HTMLParser):
    def __init__(self, form_id: str | None):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = False
        self.fields: dict[str, list[str]] = {}
        self._textarea: str | None = None
        self._select: str | None = None
        self._option: dict | None = None

    def _add(self, name: str, value: str) -> None:
        self.fields.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (self.form_id is None or attrs.get("id") == self.form_id):
            self.in_form = True
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "file", "button", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self._add(name, attrs.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self._add(name, "")
        elif tag == "select" and name:
            self._select = name
            self.fields.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self._add(self._select, attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea][-1] += data


def form_data(response, form_id: str | None = None) -> dict[str, list[str]]:
    """What a browser would submit from the page's form, unchanged."""
    parser = _FormParser(form_id)
    parser.feed(response.content.decode())
    # A textarea's content starts after a newline the browser drops.
    return {
        name: [value.removeprefix("\n") for value in values]
        for name, values in parser.fields.items()
        if name != "csrfmiddlewaretoken"
    }
