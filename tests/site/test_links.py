"""Every link of the sample site leads somewhere (checked here with BeautifulSoup and urljoin, not
with the link gate's own code), and an address typed as text in a body is a link, once."""

import os
from urllib.parse import unquote, urljoin, urlsplit

import pytest

pytestmark = pytest.mark.build

SITE = "https://cvmp.example.org/"


def _html_pages(output):
    for base, _, names in os.walk(output):
        for name in names:
            if name.endswith(".html"):
                full = os.path.join(base, name)
                yield os.path.relpath(full, output).replace(os.sep, "/"), full


def test_every_internal_link_image_and_anchor_of_the_sample_site_leads_somewhere(built_site):
    from bs4 import BeautifulSoup

    output, soups = built_site.output, {}
    for relative, full in _html_pages(output):
        with open(full, encoding="utf-8") as handle:
            soups[relative] = BeautifulSoup(handle.read(), "html.parser")
    broken, checked = [], 0
    for relative, soup in soups.items():
        for tag in soup.find_all(href=True) + soup.find_all(src=True):
            address = urljoin(SITE + relative, tag.get("href") or tag.get("src"))
            parts = urlsplit(address)
            if parts.netloc != "cvmp.example.org" or tag.get("href") == "*|UNSUB|*":
                continue
            checked += 1
            path = unquote(parts.path).lstrip("/")
            target = path + "index.html" if path.endswith("/") or not path else path
            if not os.path.isfile(os.path.join(output, target)):
                broken.append((relative, address))
            elif parts.fragment and target in soups and parts.fragment != "top":
                if not soups[target].find(id=parts.fragment) and not soups[target].find("a", attrs={"name": parts.fragment}):
                    broken.append((relative, address))
    assert checked > 5000
    assert broken == []


def test_every_internal_link_of_the_newsletters_feed_leads_somewhere(built_site):
    """The feed carries whole e-mails (content:encoded), read here with feedparser."""
    import feedparser
    from bs4 import BeautifulSoup

    feed = feedparser.parse(os.path.join(built_site.output, "newsletter", "feed.xml"))
    addresses = [feed.feed.link]
    for item in feed.entries:
        content = BeautifulSoup(item.content[0].value, "html.parser")
        addresses += [item.link] + [tag.get("href") or tag.get("src") for tag in content.find_all(["a", "img"])]
    assert feed.entries and len(addresses) > 6 * len(feed.entries)
    for address in addresses:
        parts = urlsplit(address)
        assert parts.scheme == "https" and parts.netloc == "cvmp.example.org", address  # absolute, ours
        path = unquote(parts.path).lstrip("/")
        assert os.path.isfile(os.path.join(built_site.output, path + "index.html" if path.endswith("/") or not path
                                           else path)), address


def test_an_address_typed_in_a_body_is_a_link_once(page):
    body = page("updates/2025-03-project-update/").find("article") or page("updates/2025-03-project-update/")
    typed = "https://ncht.example.org/publications/hotel-health-needs-audit-2024"
    links = [a for a in body.find_all("a") if a.get("href") == typed]
    assert [a.get_text() for a in links] == [typed]
    assert links[0].find("a") is None and links[0].find_parent("a") is None  # no mention linked inside it
    mail = [a for a in body.find_all("a") if a.get("href") == "mailto:briefings@cvmp.example.org"]
    assert [a.get_text() for a in mail] == ["briefings@cvmp.example.org"]
    assert not body.find_all(lambda tag: tag.name == "a" and tag.find_parent("a") is not None)
