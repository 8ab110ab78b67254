"""The newsletter as an e-mail (newsletter.message), read back by Python's e-mail parser as a mail
program would: text before HTML, and the headers that give readers an unsubscribe button."""

from datetime import datetime, timezone
from email import message_from_bytes, policy

from network.urls import UNSUBSCRIBE_PLACEHOLDERS, unsubscribe_link
from newsletter.message import build_message, message_bytes

DATE = datetime(2025, 11, 28, 9, tzinfo=timezone.utc)


def _read(**overrides):
    values = dict(subject="CVMP news, November 2025", sender="CVMP <news@cvmp.example.org>",
                  to="members@cvmp.example.org", text="Hello, members. \u2014 Nadia", html="<p>Hello, members.</p>",
                  unsubscribe="https://cvmp.example.org/unsubscribe", reply_to="Nadia <nadia@cvmp.example.org>",
                  issue_key="2025-11", date=DATE, domain="cvmp.example.org", list_name="CVMP newsletter")
    values.update(overrides)
    return message_from_bytes(message_bytes(build_message(**values)), policy=policy.default)


def test_text_comes_before_html_both_utf8():
    message = _read()
    assert message.get_content_type() == "multipart/alternative"
    parts = [part.get_content_type() for part in message.iter_parts()]
    assert parts == ["text/plain", "text/html"]
    assert message.get_body(("plain",)).get_content().strip() == "Hello, members. \u2014 Nadia"
    assert "<p>Hello, members.</p>" in message.get_body(("html",)).get_content()


def test_headers_name_the_issue_the_list_and_the_ways_to_unsubscribe():
    message = _read()
    assert message["Subject"] == "CVMP news, November 2025"
    assert message["Reply-To"] == "Nadia <nadia@cvmp.example.org>"
    assert message["Date"] == "Fri, 28 Nov 2025 09:00:00 +0000"
    assert message["Message-ID"] == "<newsletter-2025-11@cvmp.example.org>"  # the same in every build
    assert message["List-Id"] == "CVMP newsletter <newsletter.cvmp.example.org>"
    assert message["List-Unsubscribe"] == ("<mailto:nadia@cvmp.example.org?subject=unsubscribe>, "
                                           "<https://cvmp.example.org/unsubscribe>")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_without_a_reply_to_unsubscribing_writes_to_the_sender_and_a_mailto_is_not_repeated():
    message = _read(reply_to="", unsubscribe="mailto:news@cvmp.example.org?subject=stop", list_name="")
    assert message["Reply-To"] is None
    assert message["List-Unsubscribe"] == "<mailto:news@cvmp.example.org?subject=unsubscribe>"
    assert message["List-Id"] == "Newsletter <newsletter.cvmp.example.org>"


def test_a_service_placeholder_is_no_unsubscribe_address_and_one_click_needs_https():
    placeholder = _read(unsubscribe="*|UNSUB|*")
    assert placeholder["List-Unsubscribe"] == "<mailto:nadia@cvmp.example.org?subject=unsubscribe>"
    assert placeholder["List-Unsubscribe-Post"] is None
    plain_http = _read(unsubscribe="http://cvmp.example.org/unsubscribe")
    assert plain_http["List-Unsubscribe"].endswith("<http://cvmp.example.org/unsubscribe>")
    assert plain_http["List-Unsubscribe-Post"] is None


def test_the_message_travels_with_crlf_line_endings_and_no_defects():
    values = dict(subject="CVMP news", sender="CVMP <news@cvmp.example.org>", to="members@cvmp.example.org",
                  text="Line one.\nLine two.", html="<p>Line one.</p>\n<p>Line two.</p>", unsubscribe="*|UNSUB|*",
                  reply_to="", issue_key="2025-11", date=DATE, domain="cvmp.example.org")
    raw = message_bytes(build_message(**values))
    assert raw.count(b"\n") == raw.count(b"\r\n") > 10
    assert message_from_bytes(raw, policy=policy.default).defects == []


def test_each_service_profile_gives_a_valid_pair_of_unsubscribe_headers():
    for profile in UNSUBSCRIBE_PLACEHOLDERS:  # a placeholder: the mailto alone, no one-click
        message = _read(unsubscribe=unsubscribe_link(profile))
        assert message["List-Unsubscribe"] == "<mailto:nadia@cvmp.example.org?subject=unsubscribe>", profile
        assert message["List-Unsubscribe-Post"] is None, profile
    https = _read(unsubscribe=unsubscribe_link("https://lists.example.org/unsubscribe?list=cvmp"))
    assert https["List-Unsubscribe"].endswith(", <https://lists.example.org/unsubscribe?list=cvmp>")
    assert https["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
