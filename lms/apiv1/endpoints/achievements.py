"""Competencies, level and certificates: the same selectors as *My
competencies* and *My certificates*, and the same PDF function."""

from datetime import datetime

from django.http import HttpResponse
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from certificates import rendering as certificate_rendering
from certificates import selectors as certificate_selectors
from certificates import services as certificate_services
from competencies.selectors import evidence_for_user, level_overview

from ..core import ApiError, Pages, errors, not_found

router = Router(tags=["achievements"])


class LevelOut(Schema):
    code: str
    rank: int
    name: str
    description: str
    colour: str
    min_completed_courses: int


class CompetencyStanding(Schema):
    code: str
    name: str
    area: str
    reached: int
    required_for_next_level: int
    max_level: int


class CourseRef(Schema):
    id: int
    title: str


class MissingOut(Schema):
    code: str
    name: str
    reached: int
    required: int
    courses: list[CourseRef] = Field(..., description="Courses that teach it")


class OverviewOut(Schema):
    current_level: LevelOut | None
    next_level: LevelOut | None
    completed_courses: int
    courses_needed: int = Field(
        ..., description="More completed courses the next level needs"
    )
    missing: list[MissingOut]
    competencies: list[CompetencyStanding]


class EvidenceOut(Schema):
    competency_code: str
    competency_name: str
    proficiency: int
    source: str
    source_label: str
    recorded_at: datetime
    withdrawn: bool


class CertificateOut(Schema):
    code: str
    award_name: str
    recipient_name: str
    issued_at: datetime
    valid: bool
    revoked_at: datetime | None
    revocation_reason: str
    verification_url: str
    credential_url: str
    pdf_url: str


def _level(level) -> dict | None:
    if level is None:
        return None
    return {
        "code": level.code,
        "rank": level.rank,
        "name": level.name,
        "description": level.description,
        "colour": level.colour,
        "min_completed_courses": level.min_completed_courses,
    }


@router.get("/me/competencies", response={200: OverviewOut, **errors()})
def competency_overview(request):
    """The person's level, what the next level still needs (with the courses
    that teach it) and every competency reached so far."""
    data = level_overview(user=request.user)
    by_id = {}
    standing = []
    for area in data["areas"]:
        for competency in area.competencies.all():
            by_id[competency.pk] = competency
            standing.append(
                {
                    "code": competency.code,
                    "name": competency.name,
                    "area": area.name,
                    "reached": competency.reached,
                    "required_for_next_level": competency.required,
                    "max_level": competency.max_level,
                }
            )
    return {
        "current_level": _level(data["current_level"]),
        "next_level": _level(data["next_level"]),
        "completed_courses": data["completed_courses"],
        "courses_needed": data["courses_needed"],
        "missing": [
            {
                "code": by_id[item["competency_id"]].code,
                "name": by_id[item["competency_id"]].name,
                "reached": item["reached"],
                "required": item["required"],
                "courses": [{"id": c.pk, "title": c.title} for c in item["courses"]],
            }
            for item in data["missing"]
            if item["competency_id"] in by_id
        ],
        "competencies": standing,
    }


@router.get("/me/evidence", response={200: list[EvidenceOut], **errors()})
@paginate(Pages)
def evidence_list(request):
    """The evidence behind the competencies, newest first (withdrawn included)."""
    return _Evidence(evidence_for_user(user=request.user))


class _Evidence:
    def __init__(self, queryset):
        self.queryset = queryset

    def __len__(self):
        return self.queryset.count()

    def __getitem__(self, window):
        return [
            {
                "competency_code": e.competency.code,
                "competency_name": e.competency.name,
                "proficiency": e.proficiency,
                "source": e.source,
                "source_label": str(e.get_source_display()),
                "recorded_at": e.created_at,
                "withdrawn": e.withdrawn_at is not None,
            }
            for e in self.queryset[window]
        ]


def certificate_out(request, certificate) -> dict:
    code = certificate.code
    return {
        "code": code,
        "award_name": certificate.award_name,
        "recipient_name": certificate.recipient_name,
        "issued_at": certificate.issued_at,
        "valid": certificate.is_valid,
        "revoked_at": certificate.revoked_at,
        "revocation_reason": certificate.revocation_reason,
        "verification_url": certificate_selectors.verification_url(code=code),
        "credential_url": certificate_selectors.credential_url(code=code),
        "pdf_url": request.build_absolute_uri(f"/api/v1/certificates/{code}/pdf"),
    }


def _own_certificate(user, code: str):
    certificate = certificate_selectors.certificate_by_code(code=code)
    if certificate is None or certificate.user_id != user.pk:
        raise not_found()
    return certificate


class _Certificates:
    def __init__(self, request, queryset):
        self.request, self.queryset = request, queryset

    def __len__(self):
        return self.queryset.count()

    def __getitem__(self, window):
        return [certificate_out(self.request, c) for c in self.queryset[window]]


@router.get("/certificates", response={200: list[CertificateOut], **errors()})
@paginate(Pages)
def certificate_list(request):
    """The person's certificates, newest first, valid and revoked, each with
    its public verification link (for sharing) and Open Badges credential."""
    return _Certificates(
        request, certificate_selectors.certificates_for_user(user=request.user)
    )


@router.get("/certificates/{code}", response={200: CertificateOut, **errors(404)})
def certificate_detail(request, code: str):
    """One of the person's certificates; anyone else's is a 404."""
    return certificate_out(request, _own_certificate(request.user, code[:64]))


@router.get(
    "/certificates/{code}/pdf",
    response=errors(404, 503),
    openapi_extra={
        "responses": {
            200: {
                "description": "The certificate as a PDF",
                "content": {
                    "application/pdf": {
                        "schema": {"type": "string", "format": "binary"}
                    }
                },
            }
        }
    },
)
def certificate_pdf(request, code: str):
    """The PDF, rendered once and stored, by the same function as the site's
    download. Anyone else's certificate is a 404."""
    certificate = _own_certificate(request.user, code[:64])
    try:
        data = certificate_rendering.certificate_pdf(certificate=certificate)
    except certificate_services.CertificateError as err:
        raise ApiError(503, "pdf_unavailable", str(err)) from err
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="certificate-{certificate.code}.pdf"'
    )
    return response
