"""The newsletter e-mail in a real browser at desktop and phone widths."""

import glob
import os

import pytest

from tests.browser.conftest import SITE, serve_site

pytestmark = pytest.mark.build

@pytest.mark.parametrize("width", [600, 375])
def test_every_issue_fits_and_every_image_has_its_box(browser, built_site, width):
    issues = sorted(glob.glob(os.path.join(built_site.output, "newsletter", "*", "email.html")))
    assert issues
    page = browser.new_page(viewport={"width": width, "height": 900})
    serve_site(page, built_site.output)
    for path in issues:
        key = os.path.basename(os.path.dirname(path))
        page.goto(f"{SITE}/newsletter/{key}/email.html", wait_until="load")
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{key} scrolls sideways at {width}px ({scroll_width}px wide)"
        images = page.evaluate("""() => Array.from(document.images).map(img => {
            const box = img.getBoundingClientRect();
            return {src: img.src, natural: img.naturalWidth, width: box.width, height: box.height};
        })""")
        assert images
        for image in images:
            assert image["natural"] > 0, f"{key}: {image['src']} did not load"
            assert image["width"] > 0 and image["height"] > 0, f"{key}: {image['src']} has no box"
        column = page.evaluate("document.querySelector('table.container').getBoundingClientRect().width")
        assert column <= min(width, 600)
    page.close()
