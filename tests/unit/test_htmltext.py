"""HTML as plain text: one rule for summaries, action texts and the newsletter's summaries."""

from network.htmltext import html_to_text


def test_inline_tags_do_not_split_a_word():
    assert html_to_text("R<strong>A</strong> to <a href='/people/ra/'>circulate</a>") == "RA to circulate"


def test_block_tags_separate_words():
    assert html_to_text("<p>one</p><p>two</p><ul><li>three</li><li>four</li></ul>") == "one two three four"
    assert html_to_text("line<br>next<br/>last") == "line next last"
    assert html_to_text("<table><tr><td>a</td><td>b</td></tr></table>") == "a b"
    assert html_to_text("<H2>Title</H2><DIV>text</DIV>") == "Title text"


def test_a_tag_that_only_begins_like_a_block_tag_is_inline():
    assert html_to_text("a<param>b<pre>c</pre>") == "ab c"


def test_references_are_read_and_spaces_collapse():
    assert html_to_text("  Fish &amp; chips\n\t&lt;b&gt; &#8217;  ") == "Fish & chips <b> \u2019"


def test_nothing_gives_nothing():
    assert html_to_text(None) == ""
    assert html_to_text("") == ""
    assert html_to_text("<p></p>") == ""


def test_blocks_keep_each_heading_paragraph_and_cell_apart_and_inline_tags_inside():
    from network.htmltext import html_to_blocks

    fragment = ("<h2>Calder Trust</h2><p>Northmoor <a href='/x/'>Food</a> Bank &amp; <strong>NFRS</strong>\n"
                "met.</p><ul><li>One</li><li>Two</li></ul><table><tr><td>A</td><td>B</td></tr></table>")
    assert html_to_blocks(fragment) == ["Calder Trust", "Northmoor Food Bank & NFRS met.", "One", "Two", "A", "B"]
    assert html_to_blocks("") == [] and html_to_blocks(None) == []
