"""Every model that points at a person is declared, and declarations are true.

Like Moodle's privacy provider test: add a model with a foreign key to the
user, or a text field to a declared model, without saying what it holds and
what export and erasure do with it, and this fails.
"""

from django.apps import apps
from django.conf import settings
from django.db import models

from lms.dataprotection.registry import declaration_for, declarations


def _user_foreign_keys():
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for model in apps.get_models():
        for field in model._meta.local_fields:
            if field.is_relation and field.related_model is user_model:
                yield model, field


def test_every_user_foreign_key_is_declared():
    missing = []
    for model, field in _user_foreign_keys():
        declaration = declaration_for(model._meta.label)
        subject = declaration.subject if declaration else None
        covered = declaration is not None and (
            field.name in declaration.actors
            or (isinstance(subject, str) and subject.split("__")[0] == field.name)
        )
        if not covered:
            missing.append(f"{model._meta.label}.{field.name}")
    assert missing == [], (
        "declare these in the app's privacy.py (lms.dataprotection.registry): "
        + ", ".join(missing)
    )


def test_declared_fields_exist_and_every_text_field_is_classified():
    problems = []
    for declaration in declarations():
        model = apps.get_model(declaration.model)
        names = {f.name for f in model._meta.get_fields()}
        for name in (
            *declaration.fields,
            *declaration.actors,
            *declaration.not_personal,
            *declaration.scrub,
            *declaration.anonymise,
        ):
            if name not in names:
                problems.append(f"{declaration.model}.{name} does not exist")
        if declaration.subject is None:
            continue
        classified = {*declaration.fields, *declaration.not_personal}
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField) and (
                field.name not in classified
            ):
                problems.append(f"{declaration.model}.{field.name} is not classified")
    assert problems == []


def test_the_user_model_comes_first_and_is_anonymised_not_deleted():
    first = declarations()[0]
    assert first.model == settings.AUTH_USER_MODEL
    assert first.subject == "pk" and first.eraser is not None


def test_a_new_undeclared_model_would_fail(monkeypatch):
    """The check above really looks at every model: hide one declaration."""
    from lms.dataprotection import registry

    hidden = dict(registry._REGISTRY)
    hidden.pop("courses.Enrollment")
    monkeypatch.setattr(registry, "_REGISTRY", hidden)
    try:
        test_every_user_foreign_key_is_declared()
    except AssertionError as err:
        assert "courses.Enrollment.user" in str(err)
    else:
        raise AssertionError("an undeclared model was not noticed")
