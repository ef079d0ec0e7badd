"""The three roles of the programme and what each may do.

Groups are created by a migration; their permissions are synchronised after
every ``migrate`` (idempotently), so permissions of models added later are
granted without another data migration. The matrix below is the single
source of truth; the README's permission table is written from it.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)

VOLUNTEER = "Volunteer"
TRAINER = "Trainer"
ADMINISTRATOR = "Administrator"
ROLE_GROUPS = (VOLUNTEER, TRAINER, ADMINISTRATOR)

# Model permissions: "app_label.codename".
MODEL_PERMISSIONS: dict[str, tuple[str, ...]] = {
    VOLUNTEER: (),
    TRAINER: (
        "wagtailadmin.access_admin",
        "competencies.view_competencyframework",
        "competencies.view_competencyarea",
        "competencies.view_competency",
        "competencies.view_volunteerlevel",
        "quiz.add_question",
        "quiz.change_question",
        "quiz.view_question",
    ),
    ADMINISTRATOR: (
        "wagtailadmin.access_admin",
        "competencies.add_competencyframework",
        "competencies.change_competencyframework",
        "competencies.delete_competencyframework",
        "competencies.view_competencyframework",
        "competencies.add_competencyarea",
        "competencies.change_competencyarea",
        "competencies.delete_competencyarea",
        "competencies.view_competencyarea",
        "competencies.add_competency",
        "competencies.change_competency",
        "competencies.delete_competency",
        "competencies.view_competency",
        "competencies.add_volunteerlevel",
        "competencies.change_volunteerlevel",
        "competencies.delete_volunteerlevel",
        "competencies.view_volunteerlevel",
        "competencies.view_recomputerun",
        "quiz.add_question",
        "quiz.change_question",
        "quiz.delete_question",
        "quiz.view_question",
        "accounts.add_user",
        "accounts.change_user",
        "accounts.view_user",
        "wagtailcore.view_apitoken",
        "wagtailcore.change_apitoken",
        "wagtailcore.delete_apitoken",
        "accounts.import_volunteers",
        "accounts.view_volunteerimport",
        "wagtailcore.view_workflow",
        "wagtailcore.add_workflow",
        "wagtailcore.change_workflow",
        "wagtailcore.add_workflowtask",
        "wagtailcore.change_workflowtask",
        "simple_translation.submit_translation",
        "certificates.add_certificatetemplate",
        "certificates.change_certificatetemplate",
        "certificates.delete_certificatetemplate",
        "certificates.view_certificatetemplate",
        "certificates.add_award",
        "certificates.change_award",
        "certificates.delete_award",
        "certificates.view_award",
        "certificates.view_issuedcertificate",
        "certificates.issue_certificate",
        "certificates.revoke_certificate",
        "certificates.view_bulkissuerun",
        "dataprotection.add_privacynotice",
        "dataprotection.change_privacynotice",
        "dataprotection.delete_privacynotice",
        "dataprotection.view_privacynotice",
        "privacy.handle_erasure",
        "privacy.view_records",
    ),
}

# Image, document and media (video file) permissions, granted on the root collection.
_MEDIA_EDIT = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "wagtailmedia.add_media",
    "wagtailmedia.change_media",
)
COLLECTION_PERMISSIONS: dict[str, tuple[str, ...]] = {
    VOLUNTEER: (),
    TRAINER: _MEDIA_EDIT,
    ADMINISTRATOR: (
        *_MEDIA_EDIT,
        "wagtailimages.delete_image",
        "wagtaildocs.delete_document",
        "wagtailmedia.delete_media",
    ),
}

# Page permissions granted on the whole tree (the root page). Trainers write
# and submit for moderation; only administrators publish.
PAGE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    VOLUNTEER: (),
    TRAINER: ("add_page", "change_page", "lock_page", "unlock_page"),
    ADMINISTRATOR: (
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ),
}


def _permissions(names):
    perms = []
    for name in names:
        app_label, codename = name.split(".", 1)
        perm = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if perm is not None:
            perms.append(perm)
    return perms


def sync_roles() -> None:
    """Create the role groups if missing and give them exactly the matrix's permissions."""
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    for role in ROLE_GROUPS:
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(_permissions(MODEL_PERMISSIONS[role]))
        if root_page is not None:
            wanted = set(PAGE_PERMISSIONS[role])
            GroupPagePermission.objects.filter(group=group).exclude(
                page=root_page, permission__codename__in=wanted
            ).delete()
            for codename in wanted:
                perm = Permission.objects.filter(
                    content_type__app_label="wagtailcore", codename=codename
                ).first()
                if perm:
                    GroupPagePermission.objects.get_or_create(
                        group=group, page=root_page, permission=perm
                    )
        if root_collection is not None:
            wanted = _permissions(COLLECTION_PERMISSIONS[role])
            GroupCollectionPermission.objects.filter(group=group).exclude(
                permission__in=wanted
            ).delete()
            for perm in wanted:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=perm
                )


def sync_roles_after_migrate(sender, using="default", **kwargs):
    # Connected to the last installed app's post_migrate, so every app's
    # permissions exist by the time it runs.
    sync_roles()


def role_of(user) -> str | None:
    """The highest role a user holds (superusers count as administrators)."""
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return ADMINISTRATOR
    names = {g.name for g in user.groups.all()}
    for role in (ADMINISTRATOR, TRAINER, VOLUNTEER):
        if role in names:
            return role
    return VOLUNTEER
