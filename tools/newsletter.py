"""The newsletter after a build: where the latest issue is, and sending a proof.

    python tools/newsletter.py path [--month YYYY-MM]          # print the path of email.html
    python tools/newsletter.py send --to ADDRESS [--month YYYY-MM]

Sending reads the SMTP server from the environment:
    SMTP_HOST      the server (required)
    SMTP_PORT      default 587 (starttls), 465 (ssl) or 25 (none)
    SMTP_USER, SMTP_PASSWORD   the login, if the server wants one
    SMTP_TLS       starttls (default), ssl, or none
    NEWSLETTER_PROOF_UNSUBSCRIBE   the unsubscribe address a proof carries in place of the
                   service's placeholder (default: a mailto to the Reply-To, or the sender)
"""

from __future__ import annotations

import argparse
import email
import email.policy
import os
import smtplib
import ssl
import sys
from email.utils import format_datetime, make_msgid, parseaddr
from datetime import datetime, timezone

DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "plugins"))

from network.urls import UNSUBSCRIBE_PLACEHOLDERS  # noqa: E402


class Refusal(Exception):
    """A clear reason not to go on, for the person at the keyboard."""


def issue_folder(output: str, month: str | None) -> str:
    root = os.path.join(output, "newsletter")
    issues = sorted(name for name in os.listdir(root) if os.path.isfile(os.path.join(root, name, "email.eml"))) \
        if os.path.isdir(root) else []
    if not issues:
        raise Refusal(f"There is no newsletter in {root}/ yet: run 'make publish' first.")
    if month is None:
        return os.path.join(root, issues[-1])
    if month not in issues:
        raise Refusal(f"There is no issue {month}. Issues: {', '.join(issues)}.")
    return os.path.join(root, month)


def smtp_settings(environ) -> dict:
    host = environ.get("SMTP_HOST", "").strip()
    if not host:
        raise Refusal("Sending a proof needs your mail server. Set SMTP_HOST (and SMTP_PORT, SMTP_USER, "
                      "SMTP_PASSWORD, SMTP_TLS as your provider says), for example:\n"
                      "  SMTP_HOST=smtp.example.org SMTP_USER=me SMTP_PASSWORD=... make send-proof TO=me@example.org\n"
                      "See README, 'Sending a proof'.")
    tls = environ.get("SMTP_TLS", "starttls").strip().lower()
    if tls not in DEFAULT_PORTS:
        raise Refusal(f"SMTP_TLS is '{tls}'; use starttls, ssl or none.")
    port = environ.get("SMTP_PORT", "").strip() or str(DEFAULT_PORTS[tls])
    if not port.isdigit():
        raise Refusal(f"SMTP_PORT is '{port}'; it must be a number such as 587.")
    user, password = environ.get("SMTP_USER", ""), environ.get("SMTP_PASSWORD", "")
    if bool(user) != bool(password):
        raise Refusal("Set both SMTP_USER and SMTP_PASSWORD, or neither.")
    return {"host": host, "port": int(port), "tls": tls, "user": user, "password": password}


def send_proof(folder: str, to: str, settings: dict) -> str:
    if "@" not in parseaddr(to)[1]:
        raise Refusal(f"'{to}' is not an e-mail address: give TO=you@example.org.")
    with open(os.path.join(folder, "email.eml"), "rb") as handle:
        message = email.message_from_binary_file(handle, policy=email.policy.SMTP)
    del message["To"]
    message["To"] = to
    del message["Date"]
    message["Date"] = format_datetime(datetime.now(timezone.utc))
    domain = parseaddr(message["From"])[1].rpartition("@")[2] or None
    del message["Message-ID"]
    message["Message-ID"] = make_msgid(idstring="proof", domain=domain)
    _fill_unsubscribe(message, os.environ.get("NEWSLETTER_PROOF_UNSUBSCRIBE", "").strip() or
                      f"mailto:{parseaddr(message['Reply-To'] or message['From'])[1]}?subject=unsubscribe")
    if settings["tls"] == "ssl":
        server = smtplib.SMTP_SSL(settings["host"], settings["port"], context=ssl.create_default_context(), timeout=30)
    else:
        server = smtplib.SMTP(settings["host"], settings["port"], timeout=30)
    with server:
        if settings["tls"] == "starttls":
            server.starttls(context=ssl.create_default_context())
        if settings["user"]:
            server.login(settings["user"], settings["password"])
        server.send_message(message)
    return message["Subject"]


def _fill_unsubscribe(message, address: str) -> None:
    """A proof is sent by us, not by the e-mail service that would replace its placeholder with
    each reader's link: put a real address in its place, in the text and in the HTML."""
    for part in message.walk():
        if part.get_content_type() in ("text/plain", "text/html"):
            body = part.get_content()
            filled = body
            for placeholder in UNSUBSCRIBE_PLACEHOLDERS.values():
                filled = filled.replace(placeholder, address)
            if filled != body:
                part.set_content(filled, subtype=part.get_content_subtype(), charset="utf-8", cte="quoted-printable")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("path", "send"))
    parser.add_argument("--month", help="the issue, such as 2025-09 (default: the latest)")
    parser.add_argument("--to", help="who receives the proof")
    parser.add_argument("--output", default="output", help="the built site (default: output)")
    args = parser.parse_args(argv)
    try:
        folder = issue_folder(args.output, args.month or None)
        if args.command == "path":
            print(os.path.join(folder, "email.html"))
            return 0
        if not args.to:
            raise Refusal("Say who gets the proof: make send-proof TO=you@example.org [MONTH=2025-09].")
        settings = smtp_settings(os.environ)
        subject = send_proof(folder, args.to, settings)
        print(f"Sent '{subject}' ({os.path.basename(folder)}) to {args.to} through {settings['host']}:{settings['port']}.")
        return 0
    except Refusal as refusal:
        print(refusal, file=sys.stderr)
        return 2
    except (OSError, smtplib.SMTPException) as exc:
        print(f"The mail server did not accept the proof: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
