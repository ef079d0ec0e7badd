"""Create the three role groups and route Wagtail's moderation to administrators.

Wagtail starts every site with "Editors" and "Moderators" groups and a
"Moderators approval" workflow. This programme has its own roles, so the
workflow's approval task is handed to the Administrator group and Wagtail's
two groups are removed. Permissions are kept in step with
``lms.accounts.roles`` after every migrate (see AccountsConfig.ready).
"""

from django.db import migrations

ROLE_GROUPS = ("Volunteer", "Trainer", "Administrator")


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLE_GROUPS:
        Group.objects.get_or_create(name=name)
    administrators = Group.objects.get(name="Administrator")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    for task in GroupApprovalTask.objects.all():
        task.groups.set([administrators])
    Task = apps.get_model("wagtailcore", "Task")
    Task.objects.filter(name="Moderators approval").update(name="Administrator approval")
    apps.get_model("wagtailcore", "Workflow").objects.filter(name="Moderators approval").update(
        name="Administrator approval"
    )
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
