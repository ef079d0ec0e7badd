"""Links to take a certificate away: signed credential files and LinkedIn."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from ..selectors import verification_url

register = template.Library()

LINKEDIN_ADD = "https://www.linkedin.com/profile/add"


def linkedin_url(certificate) -> str:
    """LinkedIn's "Add licence or certification" form, filled in."""
    issued = certificate.issued_at
    return (
        LINKEDIN_ADD
        + "?"
        + urlencode(
            {
                "startTask": "CERTIFICATION_NAME",
                "name": certificate.award_name,
                "organizationName": certificate.issuer_name,
                "issueYear": issued.year,
                "issueMonth": issued.month,
                "certUrl": verification_url(code=certificate.code),
                "certId": certificate.code,
            }
        )
    )


@register.inclusion_tag("certificates/openbadges/take_it_with_you.html")
def take_it_with_you(certificate):
    code = certificate.code
    return {
        "code": code,
        "json_url": reverse("certificates_verify_json", args=[code]),
        "jwt_url": reverse("certificates_verify_jwt", args=[code]),
        "png_url": reverse("certificates_verify_png", args=[code]),
        "svg_url": reverse("certificates_verify_svg", args=[code]),
        "check_url": reverse("certificates_verify_file"),
        "linkedin_url": linkedin_url(certificate),
    }
