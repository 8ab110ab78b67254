"""The newsletter as an e-mail message: multipart/alternative, text before HTML. Pure."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr


def build_message(*, subject: str, sender: str, to: str, text: str, html: str, unsubscribe: str,
                  reply_to: str, issue_key: str, date, domain: str, list_name: str = "") -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = to
    if reply_to:
        message["Reply-To"] = reply_to
    message["Date"] = format_datetime(date)
    message["Message-ID"] = make_msgid(idstring=f"newsletter-{issue_key}", domain=domain)
    # RFC 2919: which list this is; RFC 2369 and RFC 8058: mail programs offer their own unsubscribe button from these.
    addresses = []
    mailbox = parseaddr(reply_to or sender)[1]
    if mailbox:
        addresses.append(f"<mailto:{mailbox}?subject=unsubscribe>")
    if unsubscribe.startswith(("http://", "https://")) or not unsubscribe.startswith("mailto:"):
        addresses.append(f"<{unsubscribe}>")
    message["List-Id"] = f"{list_name or 'Newsletter'} <newsletter.{domain}>"
    message["List-Unsubscribe"] = ", ".join(addresses)
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    return message
