"""The live preview's core: the script tag added to served pages, and the build events."""

import json

from authoring import livepreview
from authoring.livepreview import BuildState


def test_the_script_goes_before_the_last_body_end_and_nothing_else_changes():
    page = b"<html><body><p>x</p><pre>&lt;/body&gt;</pre></BODY >\n</html>"
    served = livepreview.inject(page, "s-3")
    digest = livepreview.page_digest(page).encode()
    tag = b'<script src="/__preview/live.js" data-build="s-3" data-page="' + digest + b'"></script>'
    assert served == page.replace(b"</BODY >", tag + b"</BODY >")


def test_the_page_digest_follows_its_bytes():
    assert livepreview.page_digest(b"<p>a</p>") == livepreview.page_digest(b"<p>a</p>")
    assert livepreview.page_digest(b"<p>a</p>") != livepreview.page_digest(b"<p>b</p>")


def test_a_page_without_a_body_end_gets_the_script_at_its_end():
    assert livepreview.inject(b"<p>fragment", "s-1").startswith(b"<p>fragment<script ")


def test_the_build_id_is_quoted_in_the_tag():
    assert b'data-build="a&quot;&gt;-1"' in livepreview.script_tag('a">-1')


def test_the_server_s_own_pages_name_no_build():
    assert b"data-build" not in livepreview.script_tag(None)


def test_each_build_has_a_new_id_and_a_restart_a_new_session():
    first = livepreview.first_state("one")
    failed = livepreview.next_state(first, False, "it broke")
    fixed = livepreview.next_state(failed, True, "ignored")
    assert len({first.build, failed.build, fixed.build}) == 3
    assert (failed.ok, failed.report, fixed.ok, fixed.report) == (False, "it broke", True, "")
    assert livepreview.first_state("two").build != first.build


def test_the_state_carries_a_report_of_many_lines_and_markup_as_it_is():
    report = "content/x.md, line 3: unknown theme '</script><b>'\r\n  - second line\u2028third"
    sent = livepreview.state_json(BuildState("s-2", False, report))
    assert json.loads(sent) == {"build": "s-2", "ok": False, "report": report, "textOnly": False}
    assert json.loads(livepreview.state_json(BuildState("s-3", True, "", True)))["textOnly"] is True
