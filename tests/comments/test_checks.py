from comments.checks import mail_leaves_the_request


def test_deploy_check_warns_when_comment_mail_would_go_out_over_smtp(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert [warning.id for warning in mail_leaves_the_request(None)] == ["comments.W001"]
    settings.EMAIL_BACKEND = "post_office.EmailBackend"
    assert mail_leaves_the_request(None) == []
