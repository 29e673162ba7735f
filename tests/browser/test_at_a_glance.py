"""The story at a glance (issue 23): India's actor page, the busiest of today's, fits in eight
phone screens at 360 x 740 (5,920 px) with its long lists folded, and opening a folded list
needs no script. Screenshots go to test-artifacts/screenshots/at-a-glance/ for people to look at."""

from __future__ import annotations

import pytest

from ..helpers import PROJECT_ROOT
from .local_only import LocalOnly

PHONE = {"width": 360, "height": 740}
SCREENS = 8
SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots" / "at-a-glance"


@pytest.fixture
def phone(browser, site_url):
    """A phone-sized page, scripts off (the page must read without them), every request watched."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True,
                                  java_script_enabled=False, service_workers="block")
    guard = LocalOnly(context, local_server=site_url)
    yield guard.new_page()
    context.close()
    guard.assert_clean()


def test_indias_actor_page_fits_in_eight_phone_screens_and_unfolds_without_script(phone, site_url):
    phone.goto(site_url + "actors/india.html")
    height = phone.evaluate("document.documentElement.scrollHeight")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(SCREENSHOTS / "india-360.png"), full_page=True)
    assert height <= SCREENS * PHONE["height"], f"{height} px: more than {SCREENS} screens of {PHONE['height']} px"
    # The summary box is in the first screen.
    assert phone.evaluate("document.querySelector('.dossier-summary-box').getBoundingClientRect().top") < PHONE["height"]
    # A folded list opens without script, and shows its claims' links.
    folded = phone.locator("details.dossier-more-claims").first
    assert not folded.locator(".dossier-claim-line").first.is_visible()
    folded.locator("summary").click()
    assert folded.locator(".dossier-claim-line a").first.is_visible()
