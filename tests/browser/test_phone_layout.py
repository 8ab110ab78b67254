"""The site on a phone (375 px wide, Chromium): a short header whose menu folds behind a button that
works without JavaScript, words that never break in the middle, and pages that read as lists."""

import pytest

from tests import sources
from tests.browser.conftest import SITE, serve_site

pytestmark = pytest.mark.build

PHONE = {"width": 375, "height": 800}

#: Every word of the page's main text that the browser drew on more than one line. An address
#: (a web or e-mail address, or an element of class "address") may break anywhere, as it must
#: when it is longer than the line; a word may break after its own hyphen, as in print.
SPLIT_WORDS = """() => {
    const split = [];
    const address = /^[(<"']?(https?:|www\\.|mailto:)|@|\\.[a-z]{2,}\\//i;
    const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest(".address, script, style")) continue;
        const text = node.textContent;
        for (const chunk of text.matchAll(/\\S+/g)) {
            if (address.test(chunk[0])) continue;
            for (const word of chunk[0].matchAll(/[^\\-\\u2010-\\u2014\\/]{2,}/g)) {
                const range = document.createRange();
                range.setStart(node, chunk.index + word.index);
                range.setEnd(node, chunk.index + word.index + word[0].length);
                const rects = [...range.getClientRects()].filter(r => r.width > 0);
                if (new Set(rects.map(r => Math.round(r.top))).size > 1) split.push(word[0]);
            }
        }
    }
    return split;
}"""


def phone_page(browser, built_site, javascript=True):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    serve_site(page, built_site.output)
    return context, page


def pages_with_people():
    minutes = [f"minutes/{sources.slug(p)}/" for p, m in sources.documents() if m.get("meeting")]
    person = next(p["id"] for p in sources.directory("people.yml") if p.get("public") is not False)
    return [*minutes, "feeds/", "feeds/people/", "feeds/organisations/", "people/", f"people/{person}/",
            "organisations/", "actions/", "actions/2025/", "meetings/", "meetings/2025/", ""]


def page_height(page, address):
    page.goto(f"{SITE}/{address}")
    return page.evaluate("document.documentElement.scrollHeight")


def test_the_header_is_short_and_its_menu_opens_without_javascript(browser, built_site):
    context, page = phone_page(browser, built_site, javascript=False)
    for address in ("", "updates/", "people/", "feeds/"):
        page.goto(f"{SITE}/{address}")
        header = page.locator(".site-header").bounding_box()
        assert header["height"] < 120, f"{address or 'home'}: the header is {header['height']} px tall"
        assert not page.locator(".site-nav").is_visible()
    page.get_by_text("Menu", exact=True).click()
    assert page.locator(".site-nav").is_visible()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Minutes", exact=True).click()
    assert page.url == f"{SITE}/minutes/"
    context.close()


def test_the_menu_is_always_open_on_a_wide_screen(browser, built_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    serve_site(page, built_site.output)
    page.goto(f"{SITE}/")
    assert page.locator(".site-nav").is_visible() and not page.locator(".site-menu").is_visible()
    context.close()


def test_no_word_is_split_across_lines_on_a_phone(browser, built_site):
    context, page = phone_page(browser, built_site)
    found = {}
    for address in pages_with_people():
        page.goto(f"{SITE}/{address}")
        split = page.evaluate(SPLIT_WORDS)
        if split:
            found[address or "home"] = split[:8]
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{address or 'home'} scrolls sideways on a phone"
    context.close()
    assert not found, found


def test_attendance_reads_as_a_list_and_the_feeds_page_stays_short(browser, built_site):
    context, page = phone_page(browser, built_site)
    for path, _ in (item for item in sources.documents() if item[1].get("meeting")):
        page.goto(f"{SITE}/minutes/{sources.slug(path)}/")
        if page.locator("table.attendance").count():
            break
    rows = page.locator(".attendance tr:visible")
    assert rows.count() > 0 and not page.locator(".attendance thead").first.is_visible()
    first = rows.first.bounding_box()
    assert first["width"] > PHONE["width"] - 100  # a row is a block across the screen, not a narrow cell
    for address in ("feeds/", "feeds/people/", "feeds/organisations/"):
        page.goto(f"{SITE}/{address}")
        # Each theme, organisation and person is one line of links (two if the name is long).
        lines = [box["height"] for box in (li.bounding_box() for li in page.locator(".feed-list li").all())]
        assert lines and max(lines) < 60, f"/{address}: a feed takes {max(lines, default=0)} px"
        height = page.evaluate("document.documentElement.scrollHeight")
        if address != "feeds/":  # the lists: about two lines per feed or letter, however many there are
            letters = page.locator(".letter-group h2").count()
            most = PHONE["height"] + 60 * (len(lines) + letters)  # a screen of header, words and index
            assert height < most, f"/{address} is {height} px tall for {len(lines)} feeds"
    # The page a subscriber reads first stays a few screens long: its long lists are elsewhere.
    assert page_height(page, "feeds/") < 4 * PHONE["height"]
    context.close()
