"""Addresses in the newsletter: absolute, with optional campaign parameters. Pure."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit


def with_campaign(url: str, site: str, utm: dict[str, str] | None, issue_key: str) -> str:
    """Add campaign parameters to links into the site (never to other sites)."""
    if not utm or not url.startswith(site.rstrip("/") + "/"):
        return url
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    for name, value in utm.items():
        query.setdefault(name, value.replace("{issue}", issue_key))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))
