from django.core.files.uploadedfile import SimpleUploadedFile

from elearning import services
from elearning.models import PackageCompetency, PackagePage
from tests import factories


def upload(data: bytes, name: str = "package.zip") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/zip")


def make_package_step(
    course, data: bytes, *, name="package.zip", competencies=(), **kwargs
) -> PackagePage:
    """A published package step at the end of the course's first module."""
    module = course.get_children().first()
    package = services.package_create(upload=upload(data, name))
    kwargs.setdefault("title", package.title or "แพ็กเกจ")
    kwargs.setdefault("slug", f"package-{package.pk}")
    page = module.add_child(instance=PackagePage(package=package, **kwargs))
    for competency, proficiency in competencies:
        PackageCompetency.objects.create(
            page=page, competency=competency, proficiency=proficiency
        )
    page.save_revision().publish()
    return PackagePage.objects.get(pk=page.pk)


__all__ = ["factories", "make_package_step", "upload"]
