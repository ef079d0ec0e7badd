from django.urls import reverse


def test_home_page_serves_in_thai(client, home_page):
    response = client.get("/th/")
    assert response.status_code == 200
    assert "เรียนรู้ดิจิทัล" in response.content.decode()


def test_admin_login_page(client, db):
    response = client.get(reverse("wagtailadmin_login"))
    assert response.status_code == 200


def test_admin_pages_load_sarabun_for_thai(client, db):
    response = client.get(reverse("wagtailadmin_login"))
    assert "fonts/sarabun/Sarabun-Regular.ttf" in response.content.decode()
