"""Signing in to the Wagtail admin from a browser test, as a trainer would."""

ADMIN_VIEWPORT = {"width": 1366, "height": 768}


def admin_sign_in(browser, live_server, user, password):
    """A new Thai context at the admin's viewport, signed in through the form."""
    context = browser.new_context(viewport=ADMIN_VIEWPORT, locale="th-TH")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(password)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")
    return context, page
