"""What `make devserver` adds to the pages it serves, at serve time only.

Each HTML page is served with one script tag (``inject``) naming the build it came from. The
script asks the server for the latest build about once a second (``state_json``): after a newer
build that worked it reloads the page, unless only the content's text changed and the page's HTML
is the same (the server sends each page's digest: ``page_digest``); after one that failed it
shows the build's report over the page, which stays as the last good build left it. It asks rather than keeping a connection open
(Server-Sent Events): a browser opens at most six connections to one server, and the seventh
open tab of the preview would never load. Built files on disk are never changed: the preview
folder is the site as `make html` makes it, so nothing of the preview can reach output/.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from dataclasses import dataclass

#: The addresses the preview server answers itself (no built page may have them: "__" is not
#: a character a slug or a Pelican address starts with).
SCRIPT_ADDRESS = "/__preview/live.js"
STATE_ADDRESS = "/__preview/build"

_BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)


@dataclass(frozen=True)
class BuildState:
    """The latest build, as open pages are told: its id, whether it worked, its report, and
    whether only the content's text files changed (``text_only``: then a page whose HTML is the
    same looks the same, since no stylesheet, script or picture changed, and need not reload)."""

    build: str
    ok: bool
    report: str = ""
    text_only: bool = False


def next_state(previous: BuildState, ok: bool, report: str, text_only: bool = False) -> BuildState:
    """The state after a build: a new id, so every page served before it knows it is older."""
    session, _, count = previous.build.rpartition("-")
    return BuildState(f"{session}-{int(count) + 1}", ok, "" if ok else report, text_only)


def first_state(session: str) -> BuildState:
    """Before the first build. ``session`` differs at each start of the server, so pages served
    before a restart reload after the first build of the new process."""
    return BuildState(f"{session}-0", True)


#: The header the server answers a page with: the page's digest (``page_digest``), which the
#: script compares with the one it was served with.
PAGE_HEADER = "X-Preview-Page"


def page_digest(page: bytes) -> str:
    """What a page's HTML is, in short: the same bytes, the same digest."""
    return hashlib.sha256(page).hexdigest()[:20]


def script_tag(build: str | None, digest: str | None = None) -> bytes:
    """The tag added to a page; ``build``: the build the page came from (None on the server's
    own error pages, which then reload only after a build newer than the first they hear of);
    ``digest``: the page's (``page_digest``)."""
    served = f' data-build="{html.escape(build, quote=True)}"' if build is not None else ""
    served += f' data-page="{html.escape(digest, quote=True)}"' if digest is not None else ""
    return f'<script src="{SCRIPT_ADDRESS}"{served}></script>'.encode()


def inject(page: bytes, build: str) -> bytes:
    """``page`` with the script tag before its last ``</body>`` (at its end if it has none)."""
    tag = script_tag(build, page_digest(page))
    ends = list(_BODY_END.finditer(page))
    if not ends:
        return page + tag
    at = ends[-1].start()
    return page[:at] + tag + page[at:]


def state_json(state: BuildState) -> bytes:
    """``state`` as the page's script reads it (the report is text: the page shows it with
    textContent, never as HTML)."""
    return json.dumps({"build": state.build, "ok": state.ok, "report": state.report,
                       "textOnly": state.text_only}).encode()


def script() -> bytes:
    """The script the tag loads."""
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "livepreview.js"), "rb") as handle:
        return handle.read()
