"""Reading a list the way a reader does: from its first page, following links, never guessing an
address (the register and the meetings page are cut into year pages and parts)."""

import re
from urllib.parse import urldefrag

_ROOT = re.compile(r"^https?://[^/]+/|^/")


def site_address(href: str) -> str:
    """'https://cvmp.example.org/actions/2025/#x' -> 'actions/2025/' (the page, inside the site)."""
    return _ROOT.sub("", urldefrag(href)[0])


def pages_reached(load, start: str, folder: str) -> dict:
    """Every page under ``folder`` a reader reaches by links from ``start``: address -> soup."""
    reached, waiting = {}, [start]
    while waiting:
        address = waiting.pop()
        if address in reached:
            continue
        reached[address] = soup = load(address)
        for link in soup.select("main a[href]"):
            target = site_address(link["href"])
            if target.startswith(folder) and target.endswith("/") and target not in reached:
                waiting.append(target)
    return reached
