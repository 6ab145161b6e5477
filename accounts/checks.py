from django.core.checks import Error, Tags, register
from django.db import DatabaseError

from .dev_admin import PASSWORD, USERNAME, development_account


@register(Tags.security, deploy=True)
def development_admin_left_in(app_configs, **kwargs):
    """`make run`'s admin, with the password it printed, must not reach production.

    Reads the database by itself (`check --deploy` names none): a database that is
    not there or not migrated yet has no such account, which is no reason to fail.
    """
    try:
        account = development_account()
    except DatabaseError:
        return []
    if account is None:
        return []
    return [
        Error(
            f"The development admin account “{USERNAME}” still has the password "
            f"“{PASSWORD}” that `make run` prints. With DEBUG off it cannot log in, "
            "and anyone who knows this project knows its password.",
            hint=f"Give it a password of its own (manage.py changepassword {USERNAME}) "
            "or delete it.",
            obj=account,
            id="accounts.E001",
        )
    ]
