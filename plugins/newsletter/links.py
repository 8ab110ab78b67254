"""Addresses in the newsletter: absolute, with optional campaign parameters. Pure."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

#: What each e-mail service puts where the unsubscribe address goes (it fills in the real one).
UNSUBSCRIBE_PLACEHOLDERS = {
    "mailchimp": "*|UNSUB|*",
    "listmonk": "{{ UnsubscribeURL }}",
    "buttondown": "{{ unsubscribe_url }}",
}


def unsubscribe_link(profile: str) -> str:
    """The unsubscribe address for a service profile name, or the plain address given."""
    return UNSUBSCRIBE_PLACEHOLDERS.get(profile.strip().lower(), profile.strip())


def with_campaign(url: str, site: str, utm: dict[str, str] | None, issue_key: str) -> str:
    """Add campaign parameters to links into the site (never to other sites)."""
    if not utm or not url.startswith(site.rstrip("/") + "/"):
        return url
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    for name, value in utm.items():
        query.setdefault(name, value.replace("{issue}", issue_key))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))
