"""Sanitising body HTML: what Markdown and our plugins make stays, scripts and their kin go."""

import pytest
from markdown import Markdown

from network.reader import convert, markdown_options, publishable_html
from network.sanitise import clean_body, removed_html, text_markdown
from tests.unit.test_reader import SETTINGS

MARKDOWN = markdown_options(SETTINGS)


def markdown_html(text: str) -> str:
    return Markdown(**MARKDOWN).convert(text)


def cleaned(text: str) -> str:
    return clean_body(markdown_html(text))


def test_scripts_styles_and_frames_go_with_their_content():
    html = cleaned('Before.\n\n<script>alert("x")</script>\n\n<style>p {color: red}</style>\n\n'
                   '<iframe src="https://video.example/embed/1">fallback</iframe>\n\n'
                   '<object data="x.swf">obj</object><svg><script>alert(2)</script></svg>\n\nAfter.')
    for gone in ("script", "alert", "style", "color", "iframe", "fallback", "object", "obj", "svg"):
        assert gone not in html
    assert "<p>Before.</p>" in html and "<p>After.</p>" in html


def test_event_attributes_and_script_addresses_are_removed():
    html = cleaned('<img src=x onerror=alert(1)> [click](javascript:alert(1)) '
                   '<a href="JaVaScRiPt:alert(1)" onclick="alert(2)">b</a> '
                   '<a href="data:text/html,<script>alert(3)</script>">c</a> <p onmouseover="x()">d</p>')
    assert "onerror" not in html and "onclick" not in html and "onmouseover" not in html
    assert "javascript" not in html.lower() and "data:" not in html
    assert '<img src="x">' in html
    assert "<a>click</a>" in html


def test_comments_are_dropped():
    assert cleaned("A<!-- a note for editors --> B") == "<p>A B</p>"


def test_what_markdown_extra_makes_is_kept_as_it_is():
    text = ("Text[^1] *ACME* and `code <b>` ~~no~~\n\n"
            "| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n"
            "Term\n: Definition\n\n"
            "*[ACME]: A Company Making Everything\n\n"
            "```python\nx = '<b>' & 1\n```\n\n"
            "## Heading {: #chosen .special }\n\n"
            "![A chart](images/chart.png \"The chart\")\n\n"
            "[^1]: The note.\n")
    html = cleaned(text)
    for kept in ('<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>',
                 '<abbr title="A Company Making Everything">ACME</abbr>',
                 '<th style="text-align:center">a</th>', '<td style="text-align:right">2</td>',
                 "<dl>\n<dt>Term</dt>\n<dd>Definition</dd>\n</dl>",
                 '<pre><code class="language-python">x = \'&lt;b&gt;\' &amp; 1\n</code></pre>',
                 '<h2 class="special" id="chosen">Heading</h2>',
                 '<img alt="A chart" src="images/chart.png" title="The chart">',
                 '<div class="footnote">', '<li id="fn:1">',
                 '<a class="footnote-backref" href="#fnref:1" title="Jump back to footnote 1 in the text">'):
        assert kept in html, kept


def test_allowed_addresses_and_pelican_internal_links_survive():
    html = cleaned("[a]({filename}/updates/other.md) ![b]({static}/images/a.png) [c](|filename|x.md) "
                   "[d](../x/?q=1&r=2#top) [e](#fn:1) [f](mailto:team@example.org) [g](https://example.org/a) "
                   "[h](tel:+441234567890) [i](/about/)")
    for href in ('href="{filename}/updates/other.md"', 'src="{static}/images/a.png"', 'href="|filename|x.md"',
                 'href="../x/?q=1&amp;r=2#top"', 'href="#fn:1"', 'href="mailto:team@example.org"',
                 'href="https://example.org/a"', 'href="tel:+441234567890"', 'href="/about/"'):
        assert href in html, href
    assert "rel=" not in html  # no rel added: an unchanged body gives unchanged output


def test_our_own_mention_links_and_action_anchors_survive_a_second_cleaning():
    html = ('<p class="action" id="action-3">LD <a class="mention mention-person" href="../../people/x/" '
            'data-mention="person:x" data-initials="">LD</a> to write. '
            '<span class="action-status action-open">Open</span></p>')
    assert clean_body(html) == html
    once = cleaned("Some *text* with a [link](https://example.org/) and a table\n\n| a |\n|---|\n| 1 |\n")
    assert clean_body(once) == once


def test_raw_html_is_kept_when_the_site_allows_it():
    raw = '<iframe src="https://video.example/embed/1"></iframe><script>go()</script>'
    assert publishable_html(raw, {"ALLOW_RAW_HTML": True}) == (raw, [])
    assert publishable_html(raw, {"ALLOW_RAW_HTML": False}) == ("", ["<iframe", "<script"])
    assert publishable_html(raw, {}) == ("", ["<iframe", "<script"])  # a settings file without it


def test_a_summary_is_text_with_markdown_formatting():
    markdown = text_markdown(MARKDOWN)
    html = clean_body(markdown.convert('Fish & Chips "Night" <script>alert("x")</script> <b>bold</b> *em* '
                                       "[bad](javascript:alert(1)) [ok](https://example.org/)"))
    assert html == ('<p>Fish &amp; Chips "Night" &lt;script&gt;alert("x")&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt; '
                    '<em>em</em> <a>bad</a> <a href="https://example.org/">ok</a></p>')


@pytest.mark.parametrize("allow_raw", [False, True])
def test_the_reader_sanitises_the_body_and_summary_unless_raw_html_is_allowed(tmp_path, allow_raw):
    folder = tmp_path / "updates"
    folder.mkdir()
    source = folder / "x.md"
    source.write_text('---\ntitle: "A <b>title</b>"\ndate: 2025-01-02\n'
                      'summary: "We said \\"no\\" <script>x()</script>"\n'
                      '---\nBody <script>alert(1)</script> <iframe src="https://v.example/"></iframe> text.\n',
                      encoding="utf-8")
    settings = {**SETTINGS, "PATH": str(tmp_path), "PAGE_PATHS": ["pages"],
                "CATEGORY_BY_FOLDER": {"updates": "Updates"}, "ALLOW_RAW_HTML": allow_raw}
    content, metadata = convert(str(source), settings)
    assert metadata["title"] == "A <b>title</b>"  # text: the templates escape it
    assert metadata["summary"] == '<p>We said "no" &lt;script&gt;x()&lt;/script&gt;</p>'
    if allow_raw:
        assert "<script>alert(1)</script>" in content and "<iframe" in content
    else:
        assert content == "<p>Body   text.</p>"  # the script and the frame went



def test_what_is_removed_on_purpose_is_named_once_each_in_order():
    html = ('<p onclick="go()">x</p><IFRAME src="https://v.example/"></iframe><img src=x onerror=alert(1)>'
            '<a href="javascript:x" title="a>b">y</a><script>1</script><svg/onload=alert(1)>'
            '<a href="https://x.example/?onx=1">fine</a><p style="color: red">only formatting</p><!-- note -->'
            '<iframe src="https://v.example/2"></iframe>')
    assert removed_html(html) == ["onclick=", "<iframe", "onerror=", "javascript:", "<script", "<svg", "onload="]
    assert removed_html(cleaned("Plain *Markdown* with [a link](https://x.example/) and a footnote[^1].\n\n"
                                "[^1]: The note.\n")) == []


def test_the_reader_warns_where_removed_html_was_typed(tmp_path):
    folder = tmp_path / "updates"
    folder.mkdir()
    source = folder / "x.md"
    source.write_text("---\ntitle: A\ndate: 2025-01-02\n---\nFirst paragraph.\n\n"
                      '<iframe src="https://video.example/embed/1"></iframe>\n\nA [link](javascript:alert(1)).\n',
                      encoding="utf-8")
    settings = {**SETTINGS, "PATH": str(tmp_path), "PAGE_PATHS": ["pages"],
                "CATEGORY_BY_FOLDER": {"updates": "Updates"}}
    _, metadata = convert(str(source), settings)
    warnings = [problem.format() for problem in metadata["reader_problems"]]
    assert [problem.severity for problem in metadata["reader_problems"]] == ["warning", "warning"]
    assert warnings[0].startswith(f"{source}, line 7: the <iframe> element was removed from the body")
    assert warnings[1].startswith(f"{source}, line 9: a javascript: address was removed from the body")
    assert "ALLOW_RAW_HTML = True in pelicanconf.py" in warnings[0]
    _, metadata = convert(str(source), {**settings, "ALLOW_RAW_HTML": True})
    assert metadata["reader_problems"] == []
