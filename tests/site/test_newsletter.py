"""Every rule of an e-mail-ready newsletter, checked on every generated issue of the sample site."""

import email
import email.policy
import glob
import os
import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup, Comment

from tests import caniemail, sources

pytestmark = pytest.mark.build

SITENAME = "Calder Valley Migration Partnership"
SITE = "https://cvmp.example.org"
PLACEHOLDER = "*|UNSUB|*"  # the sample's NEWSLETTER_UNSUBSCRIBE is "mailchimp"


@pytest.fixture(scope="module")
def issues(built_site):
    folders = sorted(glob.glob(os.path.join(built_site.output, "newsletter", "*", "email.html")))
    result = {}
    for path in folders:
        folder = os.path.dirname(path)
        with open(path, encoding="utf-8") as handle:
            html = handle.read()
        with open(os.path.join(folder, "email.txt"), encoding="utf-8") as handle:
            text = handle.read()
        with open(os.path.join(folder, "email.eml"), "rb") as handle:
            message = email.message_from_binary_file(handle, policy=email.policy.default)
        result[os.path.basename(folder)] = {"html": html, "soup": BeautifulSoup(html, "html.parser"),
                                             "text": text, "message": message, "folder": folder}
    return result


def test_one_issue_per_month_with_published_documents(issues):
    months = Counter(meta["date"][:7] for _, meta in sources.documents())
    assert sorted(issues) == sorted(months)
    for key, issue in issues.items():
        titles = {a.get_text(strip=True) for a in issue["soup"].select(".doc-title a")}
        expected = {m["title"] for _, m in sources.documents() if m["date"].startswith(key)}
        assert titles == expected, key


def test_editors_notes_lead_their_issue(issues):
    for path in glob.glob(os.path.join(sources.CONTENT, "newsletters", "*.md")):
        key = os.path.basename(path)[:-3]
        note = sources.front_matter(path)
        issue = issues[key]
        assert issue["soup"].title.get_text() == note["title"]
        preheader = issue["soup"].body.find(True)
        assert preheader.get_text().startswith(note["preheader"])
        with open(path, encoding="utf-8") as handle:
            first_words = handle.read().split("---\n", 2)[2].split()[:8]
        assert " ".join(first_words) in " ".join(issue["soup"].select_one(".intro").get_text().split())


def test_css_is_inlined_and_only_media_rules_stay_in_one_small_style(issues):
    for key, issue in issues.items():
        soup = issue["soup"]
        styles = soup.find_all("style")
        assert len(styles) == 1 and styles[0].parent.name == "head", key
        css = re.sub(r"/\*.*?\*/", "", styles[0].string or "", flags=re.DOTALL).strip()
        assert len(styles[0].string.encode()) < 16 * 1024
        assert css.startswith("@media") and re.fullmatch(r"(@media[^{]+\{(?:[^{}]+\{[^{}]*\})*\s*\}\s*)+", css), key
        assert not soup.find("link", rel="stylesheet")
        assert "@import" not in issue["html"] and "@font-face" not in issue["html"]
        assert "fonts.googleapis" not in issue["html"]
        cells = soup.find_all("td")
        assert cells and all("font-family" in cell.get("style", "") for cell in cells), "styles were inlined"
        for element in soup.select("[style]"):
            assert not re.search(r"display\s*:\s*(flex|grid|inline-flex|inline-grid)", element["style"]), key


def test_every_css_feature_is_supported_by_gmail_outlook_and_apple_mail(issues):
    data = caniemail.load()
    for key, issue in issues.items():
        soup = issue["soup"]
        styles = [element["style"] for element in soup.select("[style]")]
        media_css = soup.find("style").string
        at_rules = re.findall(r"@[a-z-]+[^{]*", media_css)
        inner = re.findall(r"\{([^{}]*)\}", media_css)
        assert caniemail.problems(styles + inner, at_rules, data) == [], key


def test_table_layout_with_a_600_pixel_column_and_outlook_comments(issues):
    for key, issue in issues.items():
        soup = issue["soup"]
        tables = soup.find_all("table")
        assert tables and all(t.get("role") == "presentation" for t in tables), key
        container = soup.select_one("table.container")
        assert container["width"] == "600" and "max-width:600px" in container["style"].replace(" ", "")
        comments = [c for c in soup.find_all(string=lambda s: isinstance(s, Comment)) if "[if mso]" in c]
        assert any('width="600"' in c for c in comments) and len(comments) >= 2, key
        assert "@media only screen and (max-width: 620px)" in soup.find("style").string


def test_images_have_alt_numeric_width_at_most_600_and_height(issues):
    for key, issue in issues.items():
        images = issue["soup"].find_all("img")
        assert images, key
        for image in images:
            assert re.search(r"\.(jpe?g|png|gif)$", image["src"]), image
            # The masthead's logo stands beside the site's name in text (read once, shown with
            # images blocked); every other picture says what it shows.
            beside = image.find_parent("td").find_next_sibling("td")
            if beside is not None and beside.get_text(strip=True) == SITENAME:
                assert image["alt"] == ""
            else:
                assert image.get("alt", "").strip()
            assert image["width"].isdigit() and 0 < int(image["width"]) <= 600
            assert image["height"].isdigit() and int(image["height"]) > 0


def test_title_language_and_direction(issues):
    for key, issue in issues.items():
        soup = issue["soup"]
        assert soup.title.get_text() == str(issue["message"]["Subject"]), key
        assert soup.html.get("lang") and soup.html.get("dir") == "ltr"


def test_every_address_is_absolute(issues):
    for key, issue in issues.items():
        for element in issue["soup"].find_all(["a", "img"]):
            url = element.get("href") or element.get("src")
            assert url.startswith(SITE + "/") or url.startswith("mailto:") or url == PLACEHOLDER, (key, url)


def test_nothing_active_preheader_first_and_the_essential_links(issues):
    for key, issue in issues.items():
        soup = issue["soup"]
        for tag in ("script", "form", "iframe", "video", "audio", "object", "embed", "input", "button"):
            assert not soup.find(tag), (key, tag)
        for element in soup.find_all(True):
            assert not [a for a in element.attrs if a.lower().startswith("on")], (key, element.name)
        first = soup.body.find(True)
        assert first.name == "div" and "display:none" in first["style"].replace(" ", ""), key
        assert first.get_text(strip=True)
        links = {a.get_text(strip=True): a["href"] for a in soup.find_all("a")}
        assert links["View this issue in your browser"] == f"{SITE}/newsletter/{key}/"
        assert links["Unsubscribe"] == PLACEHOLDER


def test_small_enough_that_gmail_never_clips_it(issues):
    for key, issue in issues.items():
        assert len(issue["html"].encode()) < 100 * 1024, key


def test_plain_text_is_72_columns_and_carries_every_title_and_link(issues):
    for key, issue in issues.items():
        text = issue["text"]
        for line in text.splitlines():
            assert len(line) <= 72 or re.fullmatch(r"\S+", line), (key, line)
        flat = " ".join(text.split())
        for anchor in issue["soup"].select(".doc-title a"):
            assert anchor.get_text(strip=True) in flat, (key, anchor.get_text())
        for anchor in issue["soup"].find_all("a"):
            assert anchor["href"] in text, (key, anchor["href"])


def test_the_eml_is_multipart_alternative_text_first(issues):
    for key, issue in issues.items():
        message = issue["message"]
        assert message.get_content_type() == "multipart/alternative"
        parts = list(message.iter_parts())
        assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
        assert parts[0].get_content() .strip() == issue["text"].strip()
        assert parts[1].get_content().strip() == issue["html"].strip()
        # The sample's service (Mailchimp) gives a placeholder, not an HTTPS address: no one-click
        # header (RFC 8058), and no placeholder in a header.
        assert message["List-Unsubscribe"].startswith("<mailto:") and "*|" not in message["List-Unsubscribe"]
        assert message["List-Unsubscribe-Post"] is None
        assert message["Message-ID"] == f"<newsletter-{key}@cvmp.example.org>"
        # Dated when the issue came out: the end of its month (the build's time for this month's).
        year, month = map(int, key.split("-"))
        next_month = (year + month // 12, month % 12 + 1)
        sent = message["Date"].datetime
        assert (year, month) <= (sent.year, sent.month) <= next_month, (key, message["Date"])


def test_the_archive_and_web_versions(page, issues):
    archive = page("newsletter/")
    assert len(archive.select(".issue-list li")) == len(issues)
    key = sorted(issues)[-1]
    web = page(f"newsletter/{key}/")
    titles = {a.get_text(strip=True) for a in web.select(".document-title a")}
    assert titles == {a.get_text(strip=True) for a in issues[key]["soup"].select(".doc-title a")}
    assert web.select_one('a[href="email.html"]') and web.select_one('a[href="email.eml"]')


def test_every_eml_travels_with_crlf_and_parses_without_a_defect(issues):
    for key, issue in issues.items():
        with open(os.path.join(issue["folder"], "email.eml"), "rb") as handle:
            raw = handle.read()
        assert raw.count(b"\n") == raw.count(b"\r\n"), f"{key}: a line ends in a bare LF"
        message = email.message_from_bytes(raw, policy=email.policy.default)
        assert message.defects == [] and all(part.defects == [] for part in message.walk()), key
