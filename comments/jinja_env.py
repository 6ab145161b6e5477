"""The Jinja2 environment of the comment tree (comments/tree.py): a name that is not
there is an error, not an empty string, so that a typo cannot hide a reader's state."""

import jinja2


def environment(**options) -> jinja2.Environment:
    options["undefined"] = jinja2.StrictUndefined  # Django's backend sets its own default
    options.pop("autoescape", None)  # always on: every value is escaped
    return jinja2.Environment(autoescape=True, **options)
