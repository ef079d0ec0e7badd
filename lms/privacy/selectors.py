"""Reads for the PDPA requests."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from .models import DataExport, ErasureRequest


def export_ready_for(*, user, export_id: int) -> DataExport | None:
    """The person's own ready export, else None (another person's is a 404)."""
    return DataExport.objects.filter(
        pk=export_id, user=user, status=DataExport.Status.READY
    ).first()


def exports_of(*, user) -> list[DataExport]:
    return list(
        DataExport.objects.filter(user=user)
        .defer("content")
        .order_by("-requested_at")[:5]
    )


def erasure_requests_of(*, user) -> list[ErasureRequest]:
    return list(ErasureRequest.objects.filter(user=user).order_by("-requested_at")[:5])


def erasure_requests(*, status: str | None = None) -> QuerySet[ErasureRequest]:
    queryset = ErasureRequest.objects.select_related(
        "user", "user__profile", "decided_by"
    )
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by("-requested_at")


def contacts_in(*, province: str) -> QuerySet:
    """Active volunteers of one province, with their contact details, by name."""
    return (
        get_user_model()
        .objects.filter(is_active=True, profile__province_code=province)
        .select_related("profile")
        .order_by("first_name", "last_name", "pk")
    )
