"""Personal data in this app's models and in the third-party apps we run.

Wagtail, Django's admin log and django-axes store things about people too;
they are declared here (by model label) so export, erasure and the records
of processing cover them like our own models.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .registry import DELETE, KEEP, SCRUB, PersonalData, register


def sign_in_names(user) -> set[str]:
    """What django-axes records as the username: the login key and what was typed."""
    names = {user.get_username(), user.phone, (user.email or "").lower()}
    return {name for name in names if name}


def _by_username(user) -> Q:
    return Q(username__in=sign_in_names(user))


def _log_entries(user) -> Q:
    """Entries by the person, and entries about their account."""
    user_type = ContentType.objects.get_for_model(get_user_model())
    return Q(user=user) | Q(content_type=user_type, object_id=str(user.pk))


_SIGN_IN = {
    "purpose": _("security: throttling password guessing; sign-in history"),
    "legal_basis": _("legitimate interest (PDPA s. 24(5)): account security"),
    "recipients": _("administrators"),
    "retention": _("purged after PRIVACY_RETENTION['sign_in_days'] days"),
    "erase": DELETE,
}
_AUDIT = {
    "legal_basis": _("legal obligation and legitimate interest (audit)"),
    "recipients": _("administrators"),
    "retention": _("kept; the person's name, phone and e-mail removed on erasure"),
}
_STAFF_WORK = {
    "subject": None,
    "purpose": _("authoring content: who created or changed it"),
    "legal_basis": _("legitimate interest (editorial history)"),
    "recipients": _("trainers and administrators"),
    "retention": _("kept with the content"),
    "erase": KEEP,
}

register(
    PersonalData(
        model="dataprotection.NoticeAcceptance",
        title=_("Privacy notice accepted"),
        fields=("notice", "accepted_at"),
        purpose=_("proving which privacy notice the person was given"),
        legal_basis=_("legal obligation (PDPA s. 23)"),
        recipients=_("administrators"),
        retention=_("while the account exists"),
        erase=DELETE,
    ),
    PersonalData(
        model="dataprotection.ConsentRecord",
        title=_("Consents"),
        fields=("purpose", "given_at", "withdrawn_at"),
        purpose=_("proving consent to optional uses, and its withdrawal"),
        legal_basis=_("consent (PDPA s. 19)"),
        recipients=_("administrators"),
        retention=_("while the account exists"),
        erase=DELETE,
    ),
    PersonalData(
        model="axes.AccessLog",
        title=_("Sign-in history"),
        subject=_by_username,
        fields=("attempt_time", "logout_time", "ip_address", "user_agent", "path_info"),
        not_personal=("username", "http_accept", "session_hash"),
        **_SIGN_IN,
    ),
    PersonalData(
        model="axes.AccessAttempt",
        title=_("Failed sign-ins (current lockouts)"),
        subject=_by_username,
        fields=(
            "attempt_time",
            "ip_address",
            "user_agent",
            "path_info",
            "failures_since_start",
        ),
        not_personal=("username", "http_accept", "get_data", "post_data"),
        **_SIGN_IN,
    ),
    PersonalData(
        model="axes.AccessFailureLog",
        title=_("Failed sign-ins"),
        subject=_by_username,
        fields=("attempt_time", "ip_address", "user_agent", "path_info", "locked_out"),
        not_personal=("username", "http_accept"),
        **_SIGN_IN,
    ),
    PersonalData(
        model="wagtailcore.ModelLogEntry",
        title=_("Audit log"),
        subject=_log_entries,
        actors=("user",),
        fields=("timestamp", "action", "label"),
        not_personal=("object_id",),
        purpose=_("audit: who did what and when"),
        erase=SCRUB,
        scrub=("label", "data"),
        **_AUDIT,
    ),
    PersonalData(
        model="wagtailcore.PageLogEntry",
        title=_("Page history"),
        fields=("timestamp", "action", "label"),
        purpose=_("audit: who changed which page"),
        erase=SCRUB,
        scrub=("label", "data"),
        **_AUDIT,
    ),
    PersonalData(
        model="admin.LogEntry",
        title=_("Django admin log"),
        fields=("action_time", "object_repr", "change_message"),
        not_personal=("object_id",),
        purpose=_("audit: who did what and when"),
        erase=SCRUB,
        scrub=("object_repr", "change_message"),
        **_AUDIT,
    ),
    PersonalData(
        model="wagtailusers.UserProfile",
        title=_("Admin preferences"),
        fields=("preferred_language", "current_time_zone"),
        not_personal=("avatar", "theme", "contrast", "density"),
        purpose=_("the admin's language, time zone and notification choices"),
        legal_basis=_("contract (PDPA s. 24(3))"),
        recipients=_("nobody"),
        retention=_("while the account exists"),
        erase=DELETE,
    ),
    PersonalData(
        model="wagtailcore.APIToken",
        title=_("Apps signed in"),
        fields=("name", "prefix", "created", "last_used_at", "revoked_at"),
        not_personal=("key_hash",),
        purpose=_("signing in the mobile app"),
        legal_basis=_("contract (PDPA s. 24(3))"),
        recipients=_("administrators"),
        retention=_("until revoked; deleted on erasure"),
        erase=DELETE,
    ),
    PersonalData(
        model="wagtailadmin.EditingSession",
        subject="user",
        export=False,
        not_personal=("object_id",),
        purpose=_("warning two editors of the same page"),
        legal_basis=_("legitimate interest"),
        recipients=_("trainers and administrators"),
        retention=_("minutes"),
        erase=DELETE,
    ),
    PersonalData(
        model="wagtailadmin.FormState",
        subject="user",
        export=False,
        not_personal=("object_id", "parent_object_id", "data"),
        purpose=_("keeping an unsaved admin form"),
        legal_basis=_("legitimate interest"),
        recipients=_("nobody"),
        retention=_("until the form is saved"),
        erase=DELETE,
    ),
    PersonalData(
        model="wagtailcore.Comment",
        title=_("Comments on pages"),
        fields=("text", "created_at"),
        actors=("resolved_by",),
        not_personal=("contentpath", "position"),
        purpose=_("discussing content in review"),
        legal_basis=_("legitimate interest (editorial work)"),
        recipients=_("trainers and administrators"),
        retention=_("with the page"),
        erase=DELETE,
    ),
    PersonalData(
        model="wagtailcore.CommentReply",
        title=_("Replies to comments"),
        fields=("text", "created_at"),
        purpose=_("discussing content in review"),
        legal_basis=_("legitimate interest (editorial work)"),
        recipients=_("trainers and administrators"),
        retention=_("with the page"),
        erase=DELETE,
    ),
    PersonalData(
        model="wagtailcore.PageSubscription",
        export=False,
        purpose=_("comment notifications"),
        legal_basis=_("legitimate interest"),
        recipients=_("nobody"),
        retention=_("while the account exists"),
        erase=DELETE,
    ),
    PersonalData(
        model="wagtailcore.Page", actors=("owner", "locked_by"), **_STAFF_WORK
    ),
    PersonalData(model="wagtailcore.Revision", actors=("user",), **_STAFF_WORK),
    PersonalData(
        model="wagtailcore.WorkflowState", actors=("requested_by",), **_STAFF_WORK
    ),
    PersonalData(model="wagtailcore.TaskState", actors=("finished_by",), **_STAFF_WORK),
    PersonalData(
        model="wagtailimages.Image", actors=("uploaded_by_user",), **_STAFF_WORK
    ),
    PersonalData(
        model="wagtaildocs.Document", actors=("uploaded_by_user",), **_STAFF_WORK
    ),
    PersonalData(
        model="wagtailcore.UploadedFile", actors=("uploaded_by_user",), **_STAFF_WORK
    ),
    PersonalData(
        model="wagtailmedia.Media", actors=("uploaded_by_user",), **_STAFF_WORK
    ),
)
