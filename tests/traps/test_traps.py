"""The trap corpus, built for real: span by span, what is linked and to what, what is withheld,
and what the officer is told. Precision and recall must both be 1.0 for every kind."""

import glob
import os
import re

import pytest
from bs4 import BeautifulSoup

from tests.building import output_files, run_build
from tests.traps import score

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def trap_site(tmp_path_factory):
    scratch = tmp_path_factory.mktemp("traps")
    score.write_content(str(scratch / "content"))
    result = run_build(str(scratch / "output"), str(scratch / "content"), settings="tests/traps/trapconf.py")
    assert result.returncode == 0, result.log
    return result


def test_every_span_is_linked_to_what_it_names_and_nothing_else(trap_site):
    rates, pages = score.score(trap_site.output)
    print(score.report(rates))
    for address, (expected, found) in pages.items():
        assert found == expected, address
    assert all(rates[kind] == (1.0, 1.0) for kind in score.KINDS), score.report(rates)
    assert sum(len(expected) for expected, _ in pages.values()) >= 25, "the corpus has many spans to get right"


def test_every_typed_form_of_a_private_name_is_withheld_and_in_no_output_file(trap_site):
    address, source = next((a, s) for a, s in score.documents() if "private" in a)
    with open(os.path.join(trap_site.output, address, "index.html"), encoding="utf-8") as handle:
        page = handle.read()
    body = BeautifulSoup(page, "html.parser").select_one(".document-body")
    in_body = sum(m.group(2) == "withheld" for m in score.MARK.finditer(source.split("\n---\n", 1)[1]))
    assert str(body).count("[name withheld]") == in_body
    assert "[name withheld]" in BeautifulSoup(page, "html.parser").select_one("h1").get_text()
    for path, text in output_files(trap_site.output):
        assert not re.search(r"niamh|ni&#225;mh|ni\u00e1mh|brien|tessa|rowe\b", text, re.IGNORECASE), path
    assert re.search(r"2026-03-private-forms\.md: a private person's name was replaced by '\[name withheld\]' "
                     r"\(line 2, 4, 6, 7, 8, 9, 10\)", trap_site.log)


def test_the_officer_is_told_about_shared_names_and_risky_aliases_once(trap_site):
    log = trap_site.log
    assert log.count("'HCA' is the name or alias of more than one entry (organisation "
                     "'harbour-community-association', organisation 'hill-care-alliance')") == 1
    assert "the alias 'June' of June Patel is also the name of a month" in log
    assert "the alias 'Sam' of Sam Okafor is also the first name of Sam Lindqvist" in log
    assert "Action 2 names the owner 'HCA', which is the name of more than one entry" in log
    shared = [line for line in log.splitlines() if "Action 3 names the owner 'TR'" in line]
    assert len(shared) == 1 and "initials of more than one person" in shared[0]
    assert "Did you mean 'TR'" not in log


def test_an_ambiguous_or_shared_owner_is_shown_as_written_in_the_register(trap_site):
    owners = {}
    for path in glob.glob(os.path.join(trap_site.output, "actions", "*", "index.html")):  # the year pages
        with open(path, encoding="utf-8") as handle:
            soup = BeautifulSoup(handle.read(), "html.parser")
        owners.update({row["id"].rsplit("-", 1)[-1]: row.select_one(".register-owners") for row in soup.select("tr[id]")})
    assert owners["1"].select_one("a")["href"].endswith("/people/sam-okafor/")
    assert owners["2"].get_text(strip=True) == "HCA" and owners["2"].select_one("a") is None
    assert owners["3"].get_text(strip=True) == "TR" and owners["3"].select_one("a") is None


def test_the_newsletters_feed_carries_the_withheld_forms_only(trap_site):
    """The newsletter's feed carries each issue's whole e-mail: March's lists the thanks, its
    title and summary withheld, as the e-mail does."""
    import feedparser

    with open(os.path.join(trap_site.output, "newsletter", "feed.xml"), encoding="utf-8") as handle:
        raw = handle.read()
    feed = feedparser.parse(raw)
    assert not feed.bozo
    march = next(item for item in feed.entries if item.link.endswith("/newsletter/2026-03/"))
    content = BeautifulSoup(march.content[0].value, "html.parser")
    titles = [a.get_text(strip=True) for a in content.select(".doc-title a")]
    assert "Thanks to [name withheld]" in titles
    assert "[name withheld], is thanked" in content.get_text(" ")
    assert not re.search(r"niamh|ni&#225;mh|ni\u00e1mh|brien", raw, re.IGNORECASE)
