"""The link gate's pure core: reading links and ids from our HTML, resolving a link against its
page's address, checking a site's links, and the problems the officer reads."""

from linkgate.links import ABOVE_ROOT, Checker, Extractor, PageLinks, Site, Target, extract
from linkgate.report import Suggester, directory_problems, link_problems
from network.model import Document, Organisation

SITE = Site(["https://cvmp.example.org", "https://cvmp.example.org/"])
PAGE = "minutes/2025-03-12-steering-group/index.html"


def test_links_and_ids_are_read_from_every_tag_that_has_them():
    found = extract("a/index.html", b"""<html><head><link rel="stylesheet" href="../theme/css/main.css"></head>
<body><h2 id="actions">Actions</h2><a name="old-anchor"></a><meta name="viewport" content="x">
<p title="a > b" class="x"><a href="../b/?page=2&amp;sort=date#top">B</a>
<img alt="" src="../images/logo.png" srcset="../images/logo.png 1x, ../images/logo@2x.png 2x"></p>
<a
   href="multi/line/">split tag</a><code>&lt;a href="not-a-link"&gt;</code></body></html>""")
    assert set(found.links) == {"../theme/css/main.css", "../b/?page=2&sort=date#top", "../images/logo.png",
                                "../images/logo@2x.png", "multi/line/"}
    assert found.ids == {"actions", "old-anchor"}  # a <meta name> is no anchor


def test_a_feed_is_read_through_its_escaping_and_rss_links_count():
    feed = (b"<rss><channel><link>https://cvmp.example.org/</link><item><link>https://cvmp.example.org/a/</link>"
            b"\n<description>&lt;p&gt;See &lt;a href=\"https://cvmp.example.org/b/#part\"&gt;b&lt;/a&gt;&lt;/p&gt;"
            b"</description></item></channel></rss>")
    assert set(extract("feeds/all.rss.xml", feed).links) == {
        "https://cvmp.example.org/", "https://cvmp.example.org/a/", "https://cvmp.example.org/b/#part"}


def test_a_tag_typed_in_a_feed_s_title_or_text_summary_is_no_link():
    feed = (b'<feed><entry><title>&lt;img src=x onerror=alert(1)&gt;</title><link href="https://cvmp.example.org/a/"/>'
            b'<summary>&lt;a href="y"&gt;</summary><content type="html">&lt;img src="../z.png"&gt;</content></entry></feed>')
    assert set(extract("feeds/all.atom.xml", feed).links) == {"https://cvmp.example.org/a/", "../z.png"}


def test_the_calendar_s_url_lines_are_links_even_when_folded():
    ics = b"BEGIN:VEVENT\r\nURL:https://cvmp.example.org/minutes/2025-03-12-st\r\n eering-group/\r\nEND:VEVENT\r\n"
    assert extract("meetings.ics", ics).links == ("https://cvmp.example.org/minutes/2025-03-12-steering-group/",)


def test_the_opml_file_s_feeds_and_pages_are_links():
    opml = (b'<opml version="2.0"><body><outline text="People &amp; &lt;b&gt;">\n'
            b'<outline type="rss" text="A" xmlUrl="https://cvmp.example.org/feeds/people/a.rss.xml"'
            b' htmlUrl="https://cvmp.example.org/people/a/?x=1&amp;y=2" /></outline></body></opml>')
    assert set(extract("feeds/feeds.opml", opml).links) == {
        "https://cvmp.example.org/feeds/people/a.rss.xml", "https://cvmp.example.org/people/a/?x=1&y=2"}


def test_one_extractor_reads_a_repeated_line_once_and_gives_the_same_answer():
    extractor = Extractor()
    line = b'<nav><a href="../../people/">People</a></nav>\n'
    first = extractor.extract("x/y/index.html", line + b'<p id="one"></p>')
    second = extractor.extract("x/z/index.html", line + b'<p id="two"></p>')
    assert first.links == second.links == ("../../people/",)
    assert (first.ids, second.ids) == ({"one"}, {"two"})


def test_relative_links_resolve_against_the_page_s_folder():
    assert SITE.resolve("../../people/nadia-fairclough/", PAGE) == Target("people/nadia-fairclough/")
    assert SITE.resolve("../2025-05-22-operations-group/", PAGE) == Target("minutes/2025-05-22-operations-group/")
    assert SITE.resolve("./", PAGE) == Target("minutes/2025-03-12-steering-group/")
    assert SITE.resolve("../../../../x/", PAGE) is ABOVE_ROOT


def test_queries_are_dropped_and_fragments_kept():
    assert SITE.resolve("../../actions/?status=open#a-12", PAGE) == Target("actions/", "a-12")
    assert SITE.resolve("#actions", PAGE) == Target(PAGE, "actions")
    assert SITE.resolve("?print=1", PAGE) == Target(PAGE, "")


def test_percent_encoding_names_the_file_on_disk():
    assert SITE.resolve("../../files/annual%20report.pdf", PAGE) == Target("files/annual report.pdf")


def test_absolute_links_with_the_site_s_address_are_inside_and_others_are_not():
    assert SITE.resolve("https://cvmp.example.org/about/#contact", PAGE) == Target("about/", "contact")
    assert SITE.resolve("http://CVMP.example.org/files/x.pdf", PAGE) == Target("files/x.pdf")
    assert SITE.resolve("https://cvmp.example.org", PAGE) == Target("")
    assert SITE.resolve("//cvmp.example.org/people/", PAGE) == Target("people/")
    assert SITE.resolve("/people/", PAGE) == Target("people/")
    for outside in ("https://cvmp.example.org.evil.example/", "https://hosting.cvmp.example.org/x",
                    "mailto:hello@cvmp.example.org", "tel:+441234", "https://ncht.example.org/a"):
        assert SITE.resolve(outside, PAGE) is None, outside


def test_a_site_in_a_folder_owns_only_its_folder_of_its_host():
    site = Site(["https://example.org/cvmp/"])
    assert site.resolve("/cvmp/people/", "index.html") == Target("people/")
    assert site.resolve("https://example.org/cvmp/people/", "index.html") == Target("people/")
    assert site.resolve("/other/", "index.html") is None


def _checker(pages, extra_files=()):
    return Checker(set(pages) | set(extra_files), pages, SITE)


def test_the_checker_finds_missing_pages_files_and_anchors_and_nothing_else():
    pages = {
        PAGE: PageLinks(("../../about/", "../../about", "../../about/#contact", "../../about/#nowhere",
                         "../../files/2026-10-cvmp-evaluation-summary.pdf", "../../files/missing.pdf",
                         "../../images/missing.png", "#top", "#", "#decisions", "../../gone/",
                         "https://ncht.example.org/gone/", "../../files/2026-10-cvmp-evaluation-summary.pdf#page=2"),
                        frozenset({"decisions"})),
        "about/index.html": PageLinks((), frozenset({"contact"})),
    }
    broken = _checker(pages, ["files/2026-10-cvmp-evaluation-summary.pdf"]).find_broken()
    assert {(item.link, item.target, item.why) for item in broken} == {
        ("../../about/#nowhere", "about/#nowhere", "no anchor"),
        ("../../files/missing.pdf", "files/missing.pdf", "no page"),
        ("../../images/missing.png", "images/missing.png", "no page"),
        ("../../gone/", "gone/", "no page"),
    }


def test_a_fragment_alone_is_checked_on_its_own_page_not_its_neighbour_s():
    pages = {"n/2025-01/index.html": PageLinks(("#part",), frozenset({"part"})),
             "n/2025-01/email.html": PageLinks(("#part",), frozenset())}
    assert [item.page for item in _checker(pages).find_broken()] == ["n/2025-01/email.html"]


def test_a_broken_directory_url_is_the_entry_s_problem_with_a_suggestion():
    pages = {"people/nadia-fairclough/index.html": PageLinks(("https://cvmp.example.org/team/nadia",)),
             "about/index.html": PageLinks()}
    checker = _checker(pages)
    entry = Organisation("cvmp", "CVMP", url="https://cvmp.example.org/abuot/", line=7)
    outside = Organisation("ncht", "NCHT", url="https://ncht.example.org/nowhere/", line=12)
    problems, reported = directory_problems([("content/directory/organisations.yml", entry),
                                             ("content/directory/organisations.yml", outside)],
                                            checker, Suggester(checker.files))
    assert [(p.path, p.line, p.key) for p in problems] == [("content/directory/organisations.yml", 7, "url")]
    assert "has no page 'abuot/'" in problems[0].message
    assert "Did you mean 'https://cvmp.example.org/about/'?" in problems[0].hint
    assert reported == {"abuot/"}


def test_a_document_s_broken_link_is_reported_once_by_the_document_not_by_its_feeds():
    pages = {PAGE: PageLinks(("../../gone/",)),
             "feeds/all.atom.xml": PageLinks(("https://cvmp.example.org/gone/", "https://cvmp.example.org/lost/")),
             "feeds/minutes.atom.xml": PageLinks(("https://cvmp.example.org/lost/",))}
    checker = _checker(pages)
    minutes = Document("content/minutes/2025-03-12-steering-group.md", "Minutes", None, "Minutes",
                       body='<p><a href="../../gone/">the budget</a></p>')
    problems = link_problems(checker.find_broken(), {PAGE: minutes},
                             lambda page: f"output/{page}", lambda path, link: 9, Suggester(checker.files))
    assert [(p.path, p.line) for p in problems] == [("content/minutes/2025-03-12-steering-group.md", 9),
                                                    ("output/feeds/all.atom.xml", None)]
    assert "'../../gone/' leads nowhere: the new site has no page 'gone/'" in problems[0].message
    assert "(and on 1 other page)" in problems[1].message


def test_a_link_to_a_neighbour_folder_is_checked_for_each_folder_it_is_written_in():
    pages = {"a/x/index.html": PageLinks(("../y/", "../../a/y/")), "a/y/index.html": PageLinks(),
             "b/x/index.html": PageLinks(("../y/", "../../a/y/"))}
    assert [(item.page, item.target) for item in _checker(pages).find_broken()] == [("b/x/index.html", "b/y/")]


def test_a_broken_menu_link_on_a_document_s_page_is_the_page_s_problem_not_the_document_s():
    pages = {PAGE: PageLinks(("../../briefings/",)), "index.html": PageLinks(("briefings/",))}
    checker = _checker(pages)
    minutes = Document("content/minutes/2025-03-12-steering-group.md", "Minutes", None, "Minutes", body="<p>No link.</p>")
    problems = link_problems(checker.find_broken(), {PAGE: minutes}, lambda page: f"output/{page}",
                             lambda path, link: None, Suggester(checker.files))
    assert [p.path for p in problems] == ["output/index.html"]
    assert "'briefings/' leads nowhere: the new site has no page 'briefings/' (and on 1 other page)" in problems[0].message
    assert "MENU_ITEMS" in problems[0].hint


def test_the_same_link_on_pages_at_other_depths_is_checked_for_each_in_either_order():
    # "x/" on the home page is the root's x/; on a page one folder down it is a/x/, which is
    # missing. "../y.pdf" climbs to the root one folder down, not two. Found whichever page is
    # read first.
    for links in ([("index.html", "x/"), ("a/index.html", "x/")],
                  [("a/index.html", "../y.pdf"), ("a/b/index.html", "../y.pdf")]):
        for order in (links, links[::-1]):
            pages = {page: PageLinks((link,)) for page, link in order}
            files = {"index.html", "x/index.html", "a/index.html", "a/b/index.html", "y.pdf"}
            broken = Checker(files, pages, SITE).find_broken()
            assert [(item.page, item.target) for item in broken] == [
                {"x/": ("a/index.html", "a/x/"), "../y.pdf": ("a/b/index.html", "a/y.pdf")}[order[0][1]]], order
