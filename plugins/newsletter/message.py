"""The newsletter as an e-mail message: multipart/alternative, text before HTML. Pure."""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr


def build_message(*, subject: str, sender: str, to: str, text: str, html: str, unsubscribe: str,
                  reply_to: str, issue_key: str, date, domain: str, list_name: str = "") -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = to
    if reply_to:
        message["Reply-To"] = reply_to
    message["Date"] = format_datetime(date)
    # One issue, one Message-ID, however often it is built: a mail program threads and
    # de-duplicates by it.
    message["Message-ID"] = f"<newsletter-{issue_key}@{domain}>"
    # RFC 2919: which list this is; RFC 2369 and RFC 8058: mail programs offer their own unsubscribe button from these.
    addresses = []
    mailbox = parseaddr(reply_to or sender)[1]
    if mailbox:
        addresses.append(f"<mailto:{mailbox}?subject=unsubscribe>")
    if unsubscribe.startswith(("http://", "https://")):  # never a service's placeholder: not an address
        addresses.append(f"<{unsubscribe}>")
    message["List-Id"] = f"{list_name or 'Newsletter'} <newsletter.{domain}>"
    if addresses:
        message["List-Unsubscribe"] = ", ".join(addresses)
    if unsubscribe.startswith("https://"):  # RFC 8058: one click only by a POST to an HTTPS address
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    return message


def message_bytes(message: EmailMessage) -> bytes:
    """The message as it travels (RFC 5322): every line ends in CRLF."""
    return message.as_bytes(policy=policy.SMTP)
