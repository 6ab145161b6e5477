"""Thin views: resolve, check, call a service or xtd's machinery, redirect (POST-redirect-GET).

Every refusal renders a page that says what happened, with the status code
that fits; nothing a reader typed is thrown away without showing it again.
"""

from __future__ import annotations

import secrets
import smtplib
from urllib.parse import parse_qs, quote, urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
    QueryDict,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_comments.views.comments import post_comment
from django_comments_xtd import signed as xtd_signed
from django_comments_xtd import views as xtd_views
from django_comments_xtd.conf import settings as xtd_settings

from accounts.services import address_confirmed
from articles.models import Article
from core.addresses import client_ip
from core.ids import parse_id
from core.ratelimit import too_many_requests
from core.urls import own_url

from . import guests, services
from .forms import CommentForm
from .limits import comment_limit
from .models import Comment
from .section import VOTER_COOKIE, VOTER_SALT, comment_message_tag
from .selectors import (
    Voter,
    article_for_reader,
    can_edit,
    comment_for_reader,
    comments_open,
    edit_deadline,
    visible_comment,
)
from .text import comment_html

VOTES = {"up": 1, "down": -1}


def refuse(
    request: HttpRequest,
    message: str,
    *,
    status: int,
    title: str | None = None,
    article: Article | None = None,
    text: str = "",
    offer_confirmation: bool = False,
) -> HttpResponse:
    """A page that says why, with a way back and, if any, the reader's own text to copy."""
    context = {
        "title": title or _("Your request could not be completed"),
        "message": message,
        "article": article,
        "text": text,
        "offer_confirmation": offer_confirmation,
    }
    return render(request, "comments/refused.html", context, status=status)


def _back_to(request: HttpRequest, fallback: str, anchor: str) -> HttpResponseRedirect:
    target = own_url(request, request.POST.get("next") or request.GET.get("next") or "", fallback)
    return HttpResponseRedirect(target.split("#", 1)[0] + anchor)


# ------------------------------------------------------------------------------
# Posting
# ------------------------------------------------------------------------------
def _target_article(data) -> Article | None:
    pk = parse_id(data.get("object_pk"), model=Article)
    if data.get("content_type") != "articles.article" or pk is None:
        return None
    return Article.objects.published().select_related("category").filter(pk=pk).first()


def _form_page(request, form, article, *, message: str = "", status: int = 200) -> HttpResponse:
    context = {"form": form, "article": article, "message": message}
    return render(request, "comments/preview.html", context, status=status)


def _form_payload(form: CommentForm, message: str) -> dict:
    """What the script needs to show a refused form in place: the errors by field, and
    fresh values of the form's signed fields when they were renewed."""
    errors = {name: [str(error) for error in errors] for name, errors in form.errors.items()}
    if not message and errors:
        message = _("Your comment has not been posted yet. Please check the marked fields.")
    signed = {name: str(form[name].value() or "") for name in ("timestamp", "security_hash")}
    return {"message": message, "errors": errors, "fields": signed}


def _form_answer(request, form, article, *, message: str = "", status: int = 200):
    page = _form_page(request, form, article, message=message, status=status)
    # The script needs a status that says "not posted"; the page is a 200 form page.
    code = 400 if status == 200 else status
    return _answer(request, page, _form_payload(form, message), status=code)


def _posted_comment(response: HttpResponse) -> Comment | None:
    """The comment xtd stored, from where it sends the reader (the sent page's `c`)."""
    query = parse_qs(urlsplit(response.get("Location", "")).query)
    return Comment.objects.filter(pk=parse_id(query.get("c", [""])[0], model=Comment)).first()


def _confirm_payload() -> dict:
    days = settings.COMMENTS_CONFIRM_DAYS
    message = ngettext(
        "We have sent you a link. Your comment appears once you have followed it; "
        "the link works for %(days)s day.",
        "We have sent you a link. Your comment appears once you have followed it; "
        "the link works for %(days)s days.",
        days,
    ) % {"days": days}
    return {"status": "confirm", "message": message}


def _posted_payload(response: HttpResponse) -> dict:
    """The outcome of xtd's post, read from where it sends the reader (the sent page's `c`:
    a stored comment's id, or a signed reference when a confirmation mail went out)."""
    comment = _posted_comment(response)
    if comment is None:
        return _confirm_payload()
    if not comment.is_public:
        return {
            "status": "held",
            "comment": comment.pk,
            "message": _("Your comment will appear once a moderator has read it."),
        }
    return {"status": "published", "comment": comment.pk, "message": _("Your comment is posted.")}


def _mail_confirmation(request, form, article, data) -> HttpResponse:
    """A guest's comment kept until they follow the mailed link (item of the sent page:
    the signed article reference it names)."""
    try:
        with translation.override(article.language):
            services.pending_comment_create(
                article=article, data=data, ip_address=client_ip(request)
            )
    except (smtplib.SMTPException, OSError):
        return _form_answer(
            request,
            form,
            article,
            message=_("We could not send the confirmation mail just now. Please try again later."),
            status=503,
        )
    target = signing.dumps(f"articles.article:{article.pk}")
    page = HttpResponseRedirect(f"{reverse('comments-xtd-sent')}?{urlencode({'c': target})}")
    return _answer(request, page, _confirm_payload())


@require_POST
def post(request: HttpRequest) -> HttpResponse:
    """Check a comment the way a reader understands, then hand it to django_comments/xtd.

    xtd then stores it (members; guests when no confirmation is asked) or
    mails the guest a confirmation link; its moderator may hold it.
    """
    data = request.POST.copy()
    text = data.get("comment", "")
    article = _target_article(data)
    if article is None:
        return _refuse_json(
            request,
            _("This comment could not be posted: the article it belongs to was not found."),
            status=400,
            text=text,
        )
    if not comments_open(article=article):
        return _refuse_json(
            request,
            _("Comments on this article are closed."),
            status=403,
            article=article,
            text=text,
        )
    user = request.user
    if not user.is_authenticated and settings.COMMENTS_GUESTS == "off":
        return redirect_to_login(article.get_absolute_url() + "#comments")
    if user.is_authenticated and not address_confirmed(user):
        return _refuse_json(
            request,
            _(
                "Please confirm your address first: follow the link in the mail we sent "
                "when you signed up. Then your comments appear without a confirmation each."
            ),
            status=403,
            title=_("Your address is not confirmed yet"),
            article=article,
            text=text,
            offer_confirmation=True,
        )
    if user.is_authenticated:
        # Members post under their account's name; the form does not ask.
        data["name"] = (user.get_full_name() or user.get_username())[:50]
        data["email"] = user.email or data.get("email", "")
        data["url"] = ""
    data.pop("preview", None)

    form = CommentForm(article, data=data)
    security = form.security_errors()
    if "honeypot" in security:
        return _refuse_json(
            request,
            _("Your comment looks like spam and was not posted."),
            status=400,
            article=article,
            text=text,
        )
    if "security_hash" in security:
        return _refuse_json(
            request,
            _("The comment form could not be verified. Please reload the article and try again."),
            status=400,
            article=article,
            text=text,
        )
    if "timestamp" in security:
        # The form was open too long; offer it again, text kept, with fresh signatures.
        for name, value in CommentForm(article).initial.items():
            data[name] = value
        form = CommentForm(article, data=data)
        form.is_valid()
        return _form_answer(
            request,
            form,
            article,
            message=_("This form was open for a long time. Please send your comment again."),
        )
    if not form.is_valid():
        return _form_answer(request, form, article)
    verdict = comment_limit(request=request, action="post")
    if not verdict:
        message = _("Too many comments in a short time; this one has not been posted yet.")
        message = f"{message} {verdict.try_again()}"
        page = too_many_requests(_form_page(request, form, article, message=message), verdict)
        return _answer(request, page, _form_payload(form, message))

    if (
        not user.is_authenticated
        and settings.COMMENTS_GUESTS == "confirm"
        and not guests.address_trusted(request, form.cleaned_data["email"])
    ):
        return _mail_confirmation(request, form, article, data)

    data["next"] = reverse("comments-xtd-sent")
    request.POST = data
    # django_comments records REMOTE_ADDR; behind a proxy that is the proxy's.
    request.META["REMOTE_ADDR"] = client_ip(request)
    try:
        # xtd mails a guest's confirmation link from here: in the article's language.
        with transaction.atomic(), translation.override(article.language):
            response = post_comment(request, next=data["next"])
    except (smtplib.SMTPException, OSError):
        return _form_answer(
            request,
            form,
            article,
            message=_("We could not send the confirmation mail just now. Please try again later."),
            status=503,
        )
    if response.status_code == 400:
        # A receiver (xtd's moderator, its who-can-post rule) refused the comment.
        return _refuse_json(
            request,
            _("This comment could not be posted here."),
            status=403,
            article=article,
            text=text,
        )
    return _answer(request, response, _posted_payload(response))


@require_safe
def sent(request: HttpRequest) -> HttpResponse:
    """The page after posting, under xtd's name; `?c=` is the comment's id, or for a
    guest's comment that waits for the mail link, xtd's signed "articles.article:<id>".

    Anyone can type any `c`, so the page names only what the reader may see: a
    public comment (or their own, held for review) on an article they may open.
    Anything else gets the same page that names nothing.
    """
    value = request.GET.get("c", "")
    comment = comment_for_reader(pk=value, user=request.user)
    if comment is not None and comment.is_public:
        return HttpResponseRedirect(comment.get_absolute_url())
    if comment is not None:
        return render(request, "django_comments_xtd/moderated.html", {"comment": comment})
    try:
        kind, _sep, pk = signing.loads(value).partition(":")
    except (signing.BadSignature, AttributeError):
        return render(request, "comments/sent.html")
    if kind != "articles.article":
        return render(request, "comments/sent.html")
    article = article_for_reader(pk=pk, user=request.user)
    return render(request, "comments/posted.html", {"target": article})


# ------------------------------------------------------------------------------
# The section alone, for the page's script
# ------------------------------------------------------------------------------
@require_safe
def section(request: HttpRequest, pk: int) -> HttpResponse:
    """An article's comment section as its page shows it for the same query (sort, every
    thread, the reply form), for the script to put in place of the page's.

    At its own address, so that no cache keeps it in place of the page; and never kept:
    it carries the reader's own votes and links.
    """
    article = Article.objects.published().select_related("category").filter(pk=pk).first()
    if article is None:
        raise Http404("No such article")
    query = request.GET.urlencode()
    context = {
        "article": article,
        "comment_author_ids": article.authors.values_list("pk", flat=True),
        "page_path": article.get_absolute_url() + (f"?{query}" if query else ""),
    }
    response = render(request, "comments/includes/article_comments.html", context)
    patch_cache_control(response, private=True, no_store=True)
    return response


# ------------------------------------------------------------------------------
# Guest confirmation and xtd's follow-up mute link
# ------------------------------------------------------------------------------
def _load_key(key: str):
    """xtd's signed payload, or None when forged, damaged or about a deleted article."""
    try:
        return xtd_signed.loads(str(key), extra_key=xtd_settings.COMMENTS_XTD_SALT)
    except (ValueError, ObjectDoesNotExist, LookupError):
        return None
    except Exception:  # noqa: BLE001 - zlib/pickle errors of a damaged key mean the same
        return None


def _link_problem(request: HttpRequest, message: str, *, pending=None, status: int = 400):
    article = pending.article if pending is not None else None
    return refuse(request, message, status=status, article=article,
                  text=pending.text if pending is not None else "")  # fmt: skip


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link in a guest's confirmation mail (services.pending_comment_create).

    GET only shows a button: mail scanners that open links must not publish
    comments. POST sends the kept form through the posting path, as the guest, under
    the rules of now (closed threads, removed parents, moderation).
    """
    pending = services.pending_comment(token=token)
    if pending is None:
        return _link_problem(
            request,
            _(
                "This confirmation link is not valid. Perhaps it was cut off by your mail program, "
                "or the article has been removed."
            ),
        )
    if pending.confirmed_at is not None:
        if pending.comment is not None and pending.comment.is_public:
            return HttpResponseRedirect(pending.comment.get_absolute_url())
        return _link_problem(
            request,
            _("This confirmation link has been used already."),
            pending=pending,
        )
    if pending.expires_at <= timezone.now():
        return _link_problem(
            request,
            _("This confirmation link has expired. Please post your comment again."),
            pending=pending,
        )
    article = pending.article
    if not comments_open(article=article):
        return _link_problem(
            request, _("Comments on this article are closed."), pending=pending, status=403
        )
    answered = parse_id(pending.form.get("reply_to"), model=Comment)
    if answered and not Comment.objects.visible().filter(pk=answered).exists():
        return _link_problem(
            request,
            _("The comment you replied to has been removed, so your reply cannot be posted."),
            pending=pending,
        )
    if request.method == "GET":
        return render(request, "comments/confirm.html", {"article": article, "key": token})
    return _post_confirmed(request, token)


def _post_confirmed(request: HttpRequest, token: str) -> HttpResponse:
    with transaction.atomic():
        pending = services.pending_comment(token=token, lock=True)
        if pending is None or pending.confirmed_at is not None:
            # The other click of a double click got there first.
            return HttpResponseRedirect(request.path)
        article = pending.article
        data = QueryDict(mutable=True)
        data.update(pending.form)
        data.update({k: str(v) for k, v in CommentForm(article).initial.items()
                     if k in ("timestamp", "security_hash")})  # fmt: skip
        data["next"] = reverse("comments-xtd-sent")
        request.POST = data
        # Posted as the guest who wrote it, whoever is logged in on this browser now.
        request.user = AnonymousUser()
        request.META["REMOTE_ADDR"] = pending.ip_address or client_ip(request)
        # xtd tells the followers from here: in the article's language.
        with translation.override(article.language):
            response = post_comment(request, next=data["next"])
        if response.status_code == 400:
            transaction.set_rollback(True)
            return _link_problem(
                request, _("This comment could not be posted here."), pending=pending, status=403
            )
        posted = _posted_comment(response)
        services.pending_comment_done(pending=pending, comment=posted)
    if posted is not None and posted.is_public:
        answer = HttpResponseRedirect(posted.get_absolute_url())
    else:
        answer = render(request, "django_comments_xtd/moderated.html", {"comment": posted})
    guests.trust_address(answer, request, pending.email)
    return answer


@require_http_methods(["GET", "POST"])
def xtd_mute(request: HttpRequest, key: str) -> HttpResponse:
    """The mute link in xtd's follow-up mails.

    GET only shows a button: mail scanners open links, and must not mute the
    reader. POST hands over to xtd's mute view.
    """
    tmp = _load_key(key)
    if tmp is None:
        return refuse(request, _("This link is not valid."), status=400)
    # As xtd's view: a link about a comment that was never stored mutes nothing.
    if not tmp.followup or xtd_views._get_comment_if_exists(tmp) is None:
        raise Http404("No follow-up mails to stop")
    if request.method == "GET":
        context = {"article": tmp.content_object, "email": tmp.user_email, "followups": True}
        return render(request, "comments/mute_confirm.html", context)
    return xtd_views.mute(request, key)


# RFC 8058: mail clients POST "List-Unsubscribe=One-Click" to this link with no cookies,
# so it cannot carry a CSRF token. The signed token in the URL is what protects it; a
# forged request can only mute the holder of a link it already knows.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def mute(request: HttpRequest, token: str) -> HttpResponse:
    """The mute link in our mails (replies to you, new comments for authors).

    GET only shows a button, so that a mail scanner opening the link mutes
    nobody; POST, the button or the mail client's one click, mutes.
    """
    try:
        if request.method == "GET":
            email, article = services.mute_link_target(token=token)
            context = {"article": article, "email": email, "followups": False}
            return render(request, "comments/mute_confirm.html", context)
        article = services.notifications_mute(token=token)
    except signing.BadSignature:
        return refuse(request, _("This link is not valid."), status=400)
    except Article.DoesNotExist:
        return refuse(
            request,
            _("The article has been removed; you will get no more mails about it."),
            status=404,
        )
    return render(request, "comments/muted.html", {"article": article})


# ------------------------------------------------------------------------------
# Votes, reports, edits
# ------------------------------------------------------------------------------
def _voter(request: HttpRequest) -> tuple[Voter, str]:
    """The reader as a voter, and a new guest key to store in the cookie if one was made."""
    if request.user.is_authenticated:
        return Voter(user_id=request.user.pk), ""
    if not settings.COMMENTS_GUEST_VOTING:
        return Voter(), ""
    key = request.get_signed_cookie(VOTER_COOKIE, default="", salt=VOTER_SALT)
    if key:
        return Voter(guest_key=key), ""
    key = secrets.token_urlsafe(24)
    return Voter(guest_key=key), key


def _wants_json(request: HttpRequest) -> bool:
    """The page's script asks (comments.js): it updates the page in place from the answer."""
    return "application/json" in request.headers.get("Accept", "")


def _answer(request: HttpRequest, page: HttpResponse, payload: dict, *, status: int | None = None):
    """The full page for a plain form post, or the same outcome as JSON for the script.

    Both come from one decision in the view, so the rules cannot drift apart.
    """
    if not _wants_json(request):
        return page
    code = status if status is not None else page.status_code
    response = JsonResponse(payload, status=200 if code in (301, 302, 303) else code)
    for header in ("Retry-After",):
        if page.has_header(header):
            response[header] = page[header]
    return response


def _login_needed(request: HttpRequest, comment: Comment, *, action: str) -> HttpResponse:
    """A guest pressed a button for members: say what is needed, with the way back."""
    article = comment.article
    back = f"{article.get_absolute_url()}#c{comment.pk}"
    if action == "vote":
        title = _("Log in to vote")
        message = _("Only readers with an account can vote on comments.")
    else:
        title = _("Log in to report a comment")
        message = _("Only readers with an account can report comments to the moderators.")
    # Quoted as the section's own login links are (the urlencode filter).
    login_url = f"{reverse('login')}?next={quote(back, safe='/')}"
    signup_url = f"{reverse('signup')}?next={quote(back, safe='/')}"
    context = {
        "title": title,
        "message": message,
        "article": article,
        "comment": comment,
        "back": back,
        "login_url": login_url,
        "signup_url": signup_url,
    }
    page = render(request, "comments/login_needed.html", context, status=403)
    return _answer(
        request,
        page,
        {"message": message, "login_url": login_url, "login": title},
    )


@require_POST
def vote(request: HttpRequest, pk: int) -> HttpResponse:
    comment = visible_comment(pk=pk)
    if comment is None:
        return _refuse_json(request, _("This comment is not available."), status=404)
    article = comment.article
    value = VOTES.get(request.POST.get("value", ""))
    if value is None:
        return _refuse_json(request, _("Please vote up or down."), status=400, article=article)
    voter, new_key = _voter(request)
    if not voter:
        return _login_needed(request, comment, action="vote")
    verdict = comment_limit(request=request, action="vote")
    if not verdict:
        message = f"{_('Too many votes in a short time.')} {verdict.try_again()}"
        page = too_many_requests(refuse(request, message, status=429, article=article), verdict)
        return _answer(request, page, {"message": message})
    mine = services.comment_vote(
        comment=comment, voter=voter, value=value, ip_address=client_ip(request)
    )
    score = services.comment_score(comment_id=comment.pk)
    response = _answer(
        request,
        _back_to(request, article.get_absolute_url(), f"#c{comment.pk}"),
        {"score": score, "vote": mine, "message": _vote_message(mine, score)},
    )
    if new_key:
        response.set_signed_cookie(
            VOTER_COOKIE,
            new_key,
            salt=VOTER_SALT,
            max_age=2 * 365 * 24 * 3600,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


def _vote_message(mine: int, score: int) -> str:
    if mine == 1:
        said = _("You voted up.")
    elif mine == -1:
        said = _("You voted down.")
    else:
        said = _("Your vote is withdrawn.")
    return f"{said} {_('Score: %(score)s.') % {'score': score}}"


def _refuse_json(request: HttpRequest, message: str, *, status: int, **kwargs) -> HttpResponse:
    return _answer(request, refuse(request, message, status=status, **kwargs), {"message": message})


@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, pk: int) -> HttpResponse:
    """A member's report (POST). A guest, who has only a link, learns what is needed (GET
    or POST)."""
    comment = visible_comment(pk=pk)
    if comment is None:
        return _refuse_json(request, _("This comment is not available."), status=404)
    article = comment.article
    if not request.user.is_authenticated:
        return _login_needed(request, comment, action="report")
    if request.method == "GET":
        # A member's report is a button on the page; this address is not a page of its own.
        return HttpResponseRedirect(f"{article.get_absolute_url()}#c{comment.pk}")
    try:
        hidden = services.comment_report(comment=comment, user=request.user, request=request)
    except services.CommentActionError as error:
        return _refuse_json(request, str(error), status=400, article=article)
    message = (
        _("Thank you. The comment is hidden until a moderator has looked at it.")
        if hidden
        else _("Thank you for the report. A moderator will look at the comment.")
    )
    if _wants_json(request):
        return JsonResponse({"message": message, "hidden": hidden})
    # Shown where the reader is: beside the comment (comments/tree.py), or at the top
    # of the section when the comment is gone from it.
    messages.success(request, message, extra_tags="" if hidden else comment_message_tag(comment.pk))
    anchor = "#comments" if hidden else f"#c{comment.pk}"
    return _back_to(request, article.get_absolute_url(), anchor)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    comment = visible_comment(pk=pk)
    if comment is None:
        return _refuse_json(request, _("This comment is not available."), status=404)
    article = comment.article
    if comment.user_id != request.user.pk:
        return _refuse_json(
            request, _("You can only edit your own comments."), status=403, article=article
        )
    text = request.POST.get("comment", comment.comment)
    error = ""
    if request.method == "POST":
        try:
            comment = services.comment_edit(comment=comment, user=request.user, text=text)
        except services.CommentActionError as problem:
            error = str(problem)
        else:
            if comment.is_public:
                message = _("Your comment has been updated.")
            else:
                message = _("Your comment has been updated and waits for a moderator's review.")
            if _wants_json(request):
                return JsonResponse({
                    "message": message,
                    "public": comment.is_public,
                    "html": str(comment_html(comment.comment)),
                })  # fmt: skip
            if comment.is_public:
                messages.success(request, message, extra_tags=comment_message_tag(comment.pk))
            else:
                messages.info(request, message)
            return HttpResponseRedirect(f"{article.get_absolute_url()}#c{comment.pk}")
    if not can_edit(comment=comment, user=request.user):
        return _refuse_json(
            request,
            _("The time for editing this comment has passed."),
            status=403,
            article=article,
            text=text,
        )
    if error and _wants_json(request):
        return JsonResponse({"message": error}, status=400)
    context = {
        "comment": comment,
        "article": article,
        "text": text,
        "error": error,
        "deadline": edit_deadline(comment),
        "max_length": settings.COMMENT_MAX_LENGTH,
    }
    return render(request, "comments/edit.html", context, status=400 if error else 200)


# ------------------------------------------------------------------------------
# Forms that arrived without their CSRF token (newsroom.views.csrf_failure)
# ------------------------------------------------------------------------------
# Cached pages carry no token (core/forms_token.py); a script adds it. Without the
# script, the post arrives without one and gets its form back, filled in, with a token.
def post_without_token(request: HttpRequest) -> HttpResponse | None:
    """The comment form again with what the reader typed; sending it posts the comment."""
    article = _target_article(request.POST)
    if article is None:
        return None
    form = CommentForm(article, data=request.POST)
    message = _("Your comment has not been sent yet. Please check it and send it again.")
    return _form_page(request, form, article, message=message, status=403)


def vote_without_token(request: HttpRequest, pk: int) -> HttpResponse | None:
    """A button that sends the same vote again."""
    comment = visible_comment(pk=pk)
    value = request.POST.get("value", "")
    if comment is None or value not in VOTES:
        return None
    if not request.user.is_authenticated and not settings.COMMENTS_GUEST_VOTING:
        # Sending it again would not count it either: say what would.
        return _login_needed(request, comment, action="vote")
    context = {
        "comment": comment,
        "article": comment.article,
        "value": value,
        "next": request.POST.get("next", ""),
    }
    return render(request, "comments/vote_again.html", context, status=403)
