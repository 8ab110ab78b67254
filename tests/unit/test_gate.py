"""The last gate reads each written file as its reader would and finds private names in it
(``names``: Ottilie Marchbanks private, Ruth Abernethy public, see conftest.py)."""

import gzip
import os

import pytest

from network.gate import LastGate
from network.gatescan import scan_site, written_files
from network.sitefiles import list_site


@pytest.mark.parametrize("name, data", [
    ("page.html", "<p>Ottilie <em>Marchbanks</em> came</p>".encode()),
    ("page.html", "<img alt=\"Ottilie&#32;Marchbanks\" src=x>".encode()),
    ("feed.xml", "<summary type=\"html\">&lt;p&gt;Ottilie &amp;lt;b&amp;gt;Marchbanks&lt;/p&gt;</summary>".encode()),
    ("meetings.ics", b"BEGIN:VEVENT\r\nLOCATION:The home of Ottilie Mar\r\n chbanks\\, Lowbridge\r\nEND:VEVENT\r\n"),
    ("data.json", b'{"name": "Ottilie \\u004darchbanks"}'),
    ("data.json", b'{"name": "\\u004fttilie \\u004darchbanks"}'),
    ("page.html", b"<p>O&#116;tilie Marchbank&#x73;</p>"),
    ("feeds/feeds.opml", b'<outline type="rss" text="O&amp;#116;tilie Marchbank&amp;#x73;" />'),
    ("feed.xml", b"<p>O&amp;#116;tilie Marchbank&amp;#x73;</p>"),
    ("page.html", b"<p>Ott<b>ilie</b> Mar<!-- x -->chbanks</p>"),
    ("page.html", "<p>OTTILIE-MARCHBANKS and ottilie\u2011marchbanks</p>".encode()),
    ("page.html", b"<p>Ottilie <a href=\"https://example.org/" + b"x" * 600 + b"\">Marchbanks</a></p>"),
    ("list.txt", "OTTILIE MARCHBANKS".encode()),
    # The sitemap is written before the gate reads the site (pipeline.order.finish_site).
    ("sitemap.xml", b"<url><loc>https://cvmp.example.org/people/ottilie-marchbanks/</loc></url>"),
    ("sitemap-2.xml", b"<url><loc>https://cvmp.example.org/ottilie%20marchbanks/</loc></url>"),
    ("share.html", b'<a href="mailto:?subject=Thanks%20Ottilie%20Marchbanks">share</a>'),
    ("issue.eml", b"Subject: =?utf-8?q?News_from_Ottilie_Marchbanks?=\r\nMIME-Version: 1.0\r\n"
                  b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                  b"SGVsbG8gT3R0aWxpZSBNYXJjaGJhbmtz\r\n"),
    ("issue.eml", b"Subject: News\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n"
                  b"Content-Transfer-Encoding: quoted-printable\r\n\r\n<p>Ottilie Marc=\r\nhbanks</p>\r\n"),
    # Characters no reader sees inside the name, however spelt (a soft hyphen, a zero-width space).
    ("page.html", "<p>Ott\u00adilie Marchbanks</p>".encode()),
    ("page.html", b"<p>Ott&shy;ilie Mar&#x200B;chbanks</p>"),
    ("page.html", b"<p>Ottilie&#8203;Marchbanks and OttilieMarchbanks</p>"),
    ("feed.xml", b"<summary>&lt;p&gt;Ott&amp;shy;ilie Marchbanks&lt;/p&gt;</summary>"),
    ("data.json", b'{"name": "Ott\\u00adilie Marchbanks"}'),
    ("meetings.ics", "BEGIN:VEVENT\r\nSUMMARY:Ott\u00adilie Marchbanks\r\nEND:VEVENT\r\n".encode()),
    # Spellings withholding folds (an added combining accent, fullwidth letters), so must the gate.
    ("page.html", "<p>Otti\u0301lie Marchbanks was at the forum.</p>".encode()),
    ("feed.xml", "<title>\uff2f\uff54\uff54\uff49\uff4c\uff49\uff45 \uff2d\uff41\uff52\uff43\uff48\uff42\uff41\uff4e\uff4b\uff53</title>".encode()),
    ("meetings.ics", "BEGIN:VEVENT\r\nSUMMARY:Ottilie Ma\u0301rchbanks\r\nEND:VEVENT\r\n".encode()),
    ("pagefind/filter/en_2.pf_filter",
     gzip.compress(b"pagefind_dcd" + ("Ruth Abernethy " * 2000 + "Otti\u0301lie Marchbanks").encode(), mtime=0)),
    # The search index: zipped, a signature, then JSON (a page's text) or CBOR (its words).
    ("pagefind/fragment/en_1a2b3c.pf_fragment",
     gzip.compress(b'pagefind_dcd{"url":"/x/","content":"Thanks to Ottilie \\u004darchbanks."}', mtime=0)),
    ("pagefind/index/en_4d5e.pf_index", gzip.compress(b"pagefind_dcd\x81\x99ottilie marchbanks\x83", mtime=0)),
])
def test_every_form_in_every_kind_of_file_is_found(names, name, data):
    assert LastGate(names).file_names_private(name, data) == "it names a private person"


@pytest.mark.parametrize("name, data", [
    ("page.html", b"<p>Ruth Abernethy and [name withheld] came.</p>"),
    ("page.html", b"<p>Ottilie's house; the Marchbanks Road</p>"),
    ("file.pdf", b"Ottilie Marchbanks"),  # a binary file's bytes are not read
    ("page.html", "<p>Am\u00e9lie and Ren\u00e9e Marchb\u00e4nks-Road, \uff21\uff22</p>".encode()),
])
def test_other_names_and_parts_of_names_are_not(names, name, data):
    assert LastGate(names).file_names_private(name, data) is None


def test_only_files_written_in_this_build_are_read_and_addresses_are_checked(tmp_path, names):
    previous, staging = tmp_path / "output", tmp_path / "staging"
    for folder in (previous, staging):
        (folder / "a").mkdir(parents=True)
    (previous / "a" / "reused.html").write_text("<p>Ottilie Marchbanks</p>")  # published before the change
    os.link(previous / "a" / "reused.html", staging / "a" / "reused.html")
    (staging / "a" / "new.html").write_text("<p>Ottilie Marchbanks</p>")
    (staging / "ottilie-marchbanks.pdf").write_bytes(b"%PDF")
    (staging / "clean.html").write_text("<p>Ruth Abernethy</p>")
    found, read = scan_site(str(staging), str(previous), names)
    assert sorted(found) == [("a/new.html", "it names a private person"),
                             ("ottilie-marchbanks.pdf", "its address names a private person")]
    assert read == 2  # new.html and clean.html; the reused page and the named file are not read


def test_a_large_site_is_read_by_several_processes_with_the_same_result(tmp_path, names):
    for index in range(250):
        (tmp_path / f"page-{index}.html").write_text("<p>Ottilie Marchbanks</p>" if index in (7, 123) else "<p>Ruth</p>")
    one = scan_site(str(tmp_path), None, names, workers=1)
    several = scan_site(str(tmp_path), None, names, workers=3)
    assert sorted(one[0]) == several[0] == [("page-123.html", "it names a private person"),
                                           ("page-7.html", "it names a private person")]
    assert one[1] == several[1] == 250


def test_a_line_read_before_is_read_again_where_a_name_may_run_on_from_it(tmp_path, names):
    """Lines are looked at once per scan; a line ending in the start of a name is never taken as clean."""
    gate = LastGate(names)
    assert gate.file_names_private("a.html", b"<p>Thanks to Ottilie\nSmith and Ruth Abernethy</p>\n") is None
    assert gate.file_names_private("b.html", b"<p>Thanks to Ottilie\nMarchbanks and Ruth Abernethy</p>\n") \
        == "it names a private person"
    assert gate.file_names_private("c.html", b"<p>Ruth Abernethy</p>\n<p>Ottilie\n  Marchbanks</p>") \
        == "it names a private person"


def test_a_name_in_a_very_long_line_of_the_search_index_is_found_around_where_the_quick_look_saw_it(names):
    """A line of hundreds of kilobytes of the search index is read closely only around the places
    found: a name in its middle, %-encoded or not, is still found."""
    filler = "Ruth Abernethy and 100% of the % signs %zz " * 8000
    for name in ("Ottilie Marchbanks", "Ottilie%20Marchbanks", "ottilie%C2%A0marchbanks", "Ottilie <b>Marchbanks"):
        data = gzip.compress(b"pagefind_dcd" + (filler + name + " " + filler).encode(), mtime=0)
        assert LastGate(names).file_names_private("pagefind/filter/en_1.pf_filter", data) \
            == "it names a private person", name
    clean = gzip.compress(b"pagefind_dcd" + (filler * 2).encode(), mtime=0)
    assert LastGate(names).file_names_private("pagefind/filter/en_1.pf_filter", clean) is None


@pytest.mark.parametrize("gap", [600, 2500])
@pytest.mark.parametrize("name", ["page.html", "feed.xml", "data.json"])
def test_a_name_parted_by_a_long_tag_on_a_very_long_line_is_found(names, name, gap):
    """Any other file's long line is read whole: its words may be parted by a long tag."""
    data = (b"<p>" + b"y " * 11000 + b"Ottilie <a href=\"https://example.org/" + b"x" * gap
            + b"\">Marchbanks</a></p>")
    assert LastGate(names).file_names_private(name, data) == "it names a private person"


def test_files_linked_from_the_last_build_are_not_read_again_and_every_other_file_is(tmp_path):
    previous, staging = tmp_path / "previous", tmp_path / "staging"
    for folder in (previous / "people" / "ruth", staging / "people" / "ruth", staging / "updates"):
        folder.mkdir(parents=True)
    (previous / "people" / "ruth" / "index.html").write_text("kept")
    (previous / "index.html").write_text("same bytes")
    (previous / "feed.xml").write_text("linked to")
    os.link(previous / "people" / "ruth" / "index.html", staging / "people" / "ruth" / "index.html")
    (staging / "index.html").write_text("same bytes")  # written again: a new file, read again
    (staging / "updates" / "new.html").write_text("new")
    os.symlink(previous / "feed.xml", staging / "feed.xml")  # never taken for the linked file
    os.symlink(previous / "people", staging / "elsewhere")  # a folder link: not a file, not followed
    found = sorted(relative for relative, _ in written_files(list_site(str(staging)), str(previous)))
    assert found == ["feed.xml", "index.html", "updates/new.html"]
    assert len(written_files(list_site(str(staging)), None)) == 4
