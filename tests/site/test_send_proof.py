"""make send-proof: a real SMTP server on loopback receives the proof; missing settings are refused."""

import email
import email.policy
import os
import socket
import subprocess
import sys

import pytest
from aiosmtpd.controller import Controller

from tests.building import ROOT

pytestmark = pytest.mark.build


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted"


def run(args, env):
    return subprocess.run([sys.executable, os.path.join(ROOT, "tools", "newsletter.py"), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={k: v for k, v in {**os.environ, **env}.items() if v is not None})


def test_a_proof_arrives_as_multipart_alternative_with_unsubscribe_headers(built_site):
    inbox = Inbox()
    with socket.socket() as probe:  # a free port on loopback (the Controller cannot take 0)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        done = run(["send", "--to", "officer@example.org", "--output", built_site.output],
                   {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(port), "SMTP_TLS": "none",
                    "SMTP_USER": None, "SMTP_PASSWORD": None})
    finally:
        controller.stop()
    assert done.returncode == 0, done.stdout + done.stderr
    (envelope,) = inbox.messages
    assert envelope.rcpt_tos == ["officer@example.org"]
    message = email.message_from_bytes(envelope.content, policy=email.policy.default)
    folder = os.path.join(built_site.output, "newsletter")  # its issues, index.html and the e-mail's logo
    latest = sorted(name for name in os.listdir(folder) if os.path.isdir(os.path.join(folder, name)))[-1]
    with open(os.path.join(built_site.output, "newsletter", latest, "email.html"), encoding="utf-8") as handle:
        title = handle.read().split("<title>")[1].split("</title>")[0]
    assert message["Subject"] == title
    assert "partnership@cvmp.example.org" in message["From"] and message["To"] == "officer@example.org"
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
    assert str(message["List-Unsubscribe"]).strip().startswith("<mailto:partnership@cvmp.example.org")
    assert "*|" not in message["List-Unsubscribe"] and message["List-Unsubscribe-Post"] is None
    # Sent by us, not by the service that would fill its placeholder: a real address instead.
    assert b"UNSUB" not in envelope.content
    for part in (message.get_body(("plain",)), message.get_body(("html",))):
        assert "mailto:partnership@cvmp.example.org?subject=unsubscribe" in part.get_content()
    assert f"Sent '{title}'" in done.stdout


def test_missing_settings_are_refused_with_a_clear_message(built_site):
    done = run(["send", "--to", "officer@example.org", "--output", built_site.output], {"SMTP_HOST": None})
    assert done.returncode == 2
    assert "Sending a proof needs your mail server. Set SMTP_HOST" in done.stderr
    done = run(["send", "--output", built_site.output], {"SMTP_HOST": "127.0.0.1"})
    assert done.returncode == 2 and "make send-proof TO=you@example.org" in done.stderr
    done = run(["send", "--to", "x@example.org", "--month", "1999-01", "--output", built_site.output],
               {"SMTP_HOST": "127.0.0.1"})
    assert done.returncode == 2 and "There is no issue 1999-01" in done.stderr


def test_newsletter_path_prints_the_latest_email_html(built_site):
    done = run(["path", "--output", built_site.output], {})
    assert done.returncode == 0 and done.stdout.strip().endswith("/email.html")
    assert os.path.exists(done.stdout.strip())
