"""Every page says what it is to search engines and link previews."""

import re

from django.urls import reverse

from courses import services
from tests import factories

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]+)">')


def _description(html: str) -> str:
    match = DESCRIPTION.search(html)
    assert match, "no meta description"
    return match.group(1)


def test_course_page_uses_its_summary(client, catalogue):
    course = factories.make_course(catalogue, summary="ขายของออนไลน์อย่างปลอดภัย")
    assert _description(client.get(course.url).content.decode()) == (
        "ขายของออนไลน์อย่างปลอดภัย"
    )


def test_pages_without_their_own_get_the_sites(client, catalogue):
    for url in ("/th/accounts/login/", "/th/accounts/signup/", "/th/search/"):
        assert "อาสาสมัครดิจิทัล" in _description(client.get(url).content.decode())


def test_my_learning_and_the_404_page_have_one(client, catalogue):
    user = factories.make_user()
    course = factories.make_course(catalogue)
    services.enrollment_create(user=user, course=course)
    client.force_login(user)
    html = client.get(reverse("courses:dashboard")).content.decode()
    assert "ระดับอาสาสมัคร" in _description(html)
    assert _description(client.get("/th/no-such-page/").content.decode())
