"""axe-core (the accessibility rules browsers' own tools use) on one page of every type."""

import os

import pytest

from tests import sources
from tests.browser.conftest import SITE, serve_site
from tests.building import ROOT

pytestmark = pytest.mark.build

AXE = os.path.join(ROOT, ".cache", "npm", "node_modules", "axe-core", "axe.min.js")


def addresses():
    minutes = next(p for p, m in sources.documents() if m.get("meeting"))
    update = next(p for p, m in sources.documents() if p.startswith("updates/"))
    person = next(p["id"] for p in sources.directory("people.yml") if p.get("public") is not False)
    year = str(sources.documents()[0][1]["date"])[:4]  # the newest year: its page and one of its months
    month = next(str(m["date"])[5:7] for _, m in sources.documents() if str(m["date"]).startswith(year))
    return ["", "updates/", f"updates/{sources.slug(update)}/", f"minutes/{sources.slug(minutes)}/",
            f"people/{person}/", "organisations/", "themes/housing/", "themes/housing/2025/",
            "actions/", "actions/2025/", "meetings/", "meetings/2025/", "feeds/",
            "feeds/people/", "newsletter/", "archives/", f"{year}/", f"{year}/{month}/", "about/",
            "search/?q=housing", "404.html"]


#: (width, colour scheme, whether axe runs). Every page is loaded at each (the CSS applied, no
#: sideways scrolling); axe runs once per scheme, on a phone in one and a desktop in the other:
#: its results follow the colours, which the width does not change (a page takes a second).
VIEWS = [(320, "light", False), (1280, "light", True), (375, "dark", True), (1280, "dark", False)]


@pytest.mark.parametrize("width, scheme, with_axe", VIEWS)
def test_no_serious_accessibility_violations(browser, built_site, width, scheme, with_axe):
    assert os.path.exists(AXE), "axe-core is missing: make test installs it (tools/test-deps.sh)"
    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    serve_site(page, built_site.output)
    found = []
    for address in addresses():
        page.goto(f"{SITE}/{address}")
        assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui"), "no CSS"
        if with_axe:
            found += [(address, v) for v in _axe(page) if v["impact"] in ("serious", "critical")]
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert (background == "rgb(255, 255, 255)") == (scheme == "light"), f"{scheme} mode is not applied"
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{address or 'home'} scrolls sideways at {width}px"
    page.close()
    assert not found, "\n".join(f"{a or 'home'} ({scheme}): {v['id']} ({v['impact']}): {v['help']} at {v['where']}"
                                for a, v in found)


def _axe(page):
    page.add_script_tag(path=AXE)
    return page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ["violations"]});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       where: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
    }""")


def test_keyboard_focus_is_visible_and_the_skip_link_works(browser, built_site):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    serve_site(page, built_site.output)
    page.goto(f"{SITE}/")
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => { const e = document.activeElement; const s = getComputedStyle(e);
        return {text: e.textContent.trim(), outline: s.outlineStyle, top: e.getBoundingClientRect().top}; }""")
    assert focused["text"] == "Skip to content" and focused["outline"] != "none" and focused["top"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"
    page.close()
