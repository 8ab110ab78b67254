"""The link gate after a rebuild (linkgate.scan): only the pages written anew are read and
checked, unless something a kept page links to went away, and then every page is checked."""

import os
import pickle

from linkgate.links import Checker, Site
from linkgate.scan import SiteMemo, read_site
from network.sitefiles import list_site

SITE = Site(["https://cvmp.example.org/"])


def _write(folder, relative, text):
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()  # a new file, as a build writes it (a kept page is the same file)
    path.write_text(text, encoding="utf-8")


def _site(folder):
    _write(folder, "index.html", '<a href="a/">A</a> <a href="b/#part">B</a> <img src="logo.png">')
    _write(folder, "a/index.html", '<h2 id="top-news">News</h2><a href="../b/">B</a>')
    _write(folder, "b/index.html", '<h2 id="part">Part</h2>')
    _write(folder, "logo.png", "png")


def _check(folder, memo, site=SITE):
    read = read_site(list_site(str(folder)), memo, site.key)
    checker = Checker(read.files, read.pages, site, read.to_check)
    broken = {(item.page, item.link) for item in checker.find_broken()}
    read.memo = read.memo_reaching(checker.reached)  # what the gate keeps when the site passes
    return read, broken


def _passed(folder):
    read, broken = _check(folder, SiteMemo())
    assert read.to_check is None and not broken  # a first build checks every page
    return read.memo


def test_a_rebuild_checks_only_the_pages_written_anew(tmp_path):
    _site(tmp_path)
    memo = _passed(tmp_path)
    _write(tmp_path, "a/index.html", '<h2 id="top-news">News</h2><a href="../c/">C</a><a href="../b/#part">B</a>')
    read, broken = _check(tmp_path, memo)
    assert (read.read, read.to_check) == (1, {"a/index.html"})
    assert broken == {("a/index.html", "../c/")}  # a page written anew is checked


def test_a_file_gone_since_the_last_site_has_every_page_checked(tmp_path):
    _site(tmp_path)
    memo = _passed(tmp_path)
    os.unlink(tmp_path / "logo.png")
    read, broken = _check(tmp_path, memo)
    assert read.to_check is None and broken == {("index.html", "logo.png")}  # a kept page


def test_a_page_that_lost_an_id_has_every_page_checked(tmp_path):
    _site(tmp_path)
    memo = _passed(tmp_path)
    _write(tmp_path, "b/index.html", '<h2 id="parts">Parts</h2>')
    read, broken = _check(tmp_path, memo)
    assert read.to_check is None and broken == {("index.html", "b/#part")}


def test_other_addresses_for_the_site_have_every_page_checked(tmp_path):
    _site(tmp_path)
    memo = _passed(tmp_path)
    read, _ = _check(tmp_path, memo, Site(["https://example.org/cvmp/"]))
    assert read.to_check is None


def test_a_memo_kept_by_older_code_is_not_trusted(tmp_path):
    _site(tmp_path)
    memo = _passed(tmp_path)
    memo_file = str(tmp_path / "memo.pickle")
    memo.save(memo_file)
    assert SiteMemo.load(memo_file).files == memo.files
    with open(memo_file, "wb") as handle:  # what the memo was before: a plain dictionary
        pickle.dump(dict(memo.entries), handle)
    loaded = SiteMemo.load(memo_file)
    _write(tmp_path, "b/index.html", '<h2 id="part">Part, again</h2>')
    read, _ = _check(tmp_path, loaded)
    assert read.to_check is None and read.read == 3  # every page read again


def test_a_file_gone_that_no_page_linked_to_leaves_the_kept_pages_unchecked(tmp_path):
    _site(tmp_path)
    _write(tmp_path, "pagefind/fragment/en_1a2b.pf_fragment", "data")  # named after what it holds
    memo = _passed(tmp_path)
    os.unlink(tmp_path / "pagefind/fragment/en_1a2b.pf_fragment")
    _write(tmp_path, "pagefind/fragment/en_3c4d.pf_fragment", "data")
    read, broken = _check(tmp_path, memo)
    assert read.to_check == set() and not broken


def test_a_file_first_linked_by_a_page_checked_alone_counts_when_it_goes(tmp_path):
    _site(tmp_path)
    _write(tmp_path, "report.pdf", "pdf")
    memo = _passed(tmp_path)  # no page links to the report yet
    _write(tmp_path, "a/index.html", '<h2 id="top-news">News</h2><a href="../report.pdf">Report</a>')
    read, broken = _check(tmp_path, memo)
    assert read.to_check == {"a/index.html"} and not broken
    os.unlink(tmp_path / "report.pdf")  # the page that links to it is kept this time
    read, broken = _check(tmp_path, read.memo)
    assert read.to_check is None and broken == {("a/index.html", "../report.pdf")}


def test_a_memo_that_does_not_know_where_links_led_has_every_page_checked_when_a_file_goes(tmp_path):
    _site(tmp_path)
    _write(tmp_path, "unlinked.txt", "text")
    memo = _passed(tmp_path)
    memo.reached = None  # kept by the code before this
    os.unlink(tmp_path / "unlinked.txt")
    read, _ = _check(tmp_path, memo)
    assert read.to_check is None


def _feed(entries):
    items = "".join(f'<entry><title>{title}</title><link href="https://cvmp.example.org/{href}"/>'
                    f'<content type="html">&lt;a href="../{href}"&gt;more&lt;/a&gt;</content></entry>'
                    for title, href in entries)
    return f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">{items}</feed>'


def test_a_feed_rewritten_reads_only_its_new_entries_and_still_finds_their_broken_links(tmp_path):
    _site(tmp_path)
    _write(tmp_path, "feeds/all.atom.xml", _feed([("A", "a/"), ("B", "b/")]))
    memo = _passed(tmp_path)
    assert len(memo.feed_entries) == 3  # the feed's head and its two entries
    # The memo answers for an entry it knows: what it says is what the gate checks.
    known = next(digest for digest, links in memo.feed_entries.items() if "https://cvmp.example.org/a/" in links)
    memo.feed_entries[known] = ("https://cvmp.example.org/from-the-memo/",)
    _write(tmp_path, "feeds/all.atom.xml", _feed([("A", "a/"), ("C", "c/")]))  # one entry changed
    read, broken = _check(tmp_path, memo)
    assert read.to_check == {"feeds/all.atom.xml"}
    assert broken == {("feeds/all.atom.xml", "https://cvmp.example.org/from-the-memo/"),
                      ("feeds/all.atom.xml", "https://cvmp.example.org/c/"), ("feeds/all.atom.xml", "../c/")}
    # An entry no feed has any more is not kept.
    assert len(read.memo.feed_entries) == 3
    assert all("https://cvmp.example.org/b/" not in links for links in read.memo.feed_entries.values())


def test_a_memo_kept_before_feed_entries_were_remembered_reads_every_entry(tmp_path):
    _site(tmp_path)
    _write(tmp_path, "feeds/all.atom.xml", _feed([("A", "a/")]))
    memo = _passed(tmp_path)
    del memo.__dict__["feed_entries"]  # a memo pickled by the code before this
    memo_file = str(tmp_path / "memo.pickle")
    memo.save(memo_file)
    _write(tmp_path, "feeds/all.atom.xml", _feed([("A", "a/"), ("C", "c/")]))
    read, broken = _check(tmp_path, SiteMemo.load(memo_file))
    assert broken == {("feeds/all.atom.xml", "https://cvmp.example.org/c/"), ("feeds/all.atom.xml", "../c/")}
    assert len(read.memo.feed_entries) == 3
