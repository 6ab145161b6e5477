from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.compatibility, deploy=True)
def mail_leaves_the_request(app_configs, **kwargs):
    """Comment mails go through EMAIL_BACKEND from the request; SMTP there slows replies."""
    if settings.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend":
        return [
            Warning(
                "Comment confirmations and notifications are sent over SMTP while the "
                "reader waits.",
                hint="Point EMAIL_BACKEND at a queueing backend (e.g. django-post-office's "
                "'post_office.EmailBackend') so that a worker sends them.",
                id="comments.W001",
            )
        ]
    return []
