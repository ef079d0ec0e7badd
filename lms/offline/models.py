from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OfflineMark(models.Model):
    """One "lesson done" made on a phone without a connection, as it reached us.

    The phone gives every mark its own id (a UUID) when it is made and keeps
    sending it until we answer; the id is unique here, so a mark sent twice
    (a retry after a lost answer, or two open tabs syncing the same queue)
    is recorded once. ``outcome`` says what became of it: recorded as a step
    completion, or dropped (the lesson was unpublished or locked since), with
    the note the phone showed the learner.
    """

    RECORDED = "recorded"
    DROPPED = "dropped"
    OUTCOMES = [(RECORDED, _("recorded")), (DROPPED, _("dropped"))]

    client_id = models.UUIDField(_("client id"), unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="offline_marks",
        verbose_name=_("user"),
    )
    page_id = models.PositiveIntegerField(_("page id"))
    marked_at = models.DateTimeField(_("marked on the phone at"), null=True)
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=OUTCOMES)

    class Meta:
        verbose_name = _("offline mark")
        verbose_name_plural = _("offline marks")

    def __str__(self):
        return f"{self.client_id} ({self.outcome})"
