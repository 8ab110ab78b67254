"""What the link gate tells the officer: one problem per broken link, where it can be fixed.
Pure.

- A directory entry's ``url`` into the site that leads nowhere is the entry's problem (file,
  line, key ``url``); its entity's page, which shows it, is not reported again.
- A link in a document leads nowhere: the document's problem (its file, and the line that has
  the link when the link is written there as it is on the page).
- A link on a page the build makes (a list, a feed, an e-mail, an entity's page) that leads to
  a place already reported above is not reported again (a document's broken link is in its
  feeds and its newsletter too); any other is reported once per place it leads to, with the
  first page that has it and how many others do. A document's page also has links the document
  does not (the menu): only those in its body are the document's.
"""

from __future__ import annotations

import html
from typing import Callable, Iterable

from network.errors import Problem, did_you_mean, did_you_mean_hint

from .links import Broken, Checker, page_addresses

#: Problems that get a "Did you mean …?" (each compares the link with every page of the site).
MOST_SUGGESTIONS = 20

_DOCUMENT_HINT = ("Correct the link, or restore the page it led to. A link to another document is "
                  "safest written as [text]({filename}../minutes/2025-03-12-steering-group.md): the "
                  "build finds that document's address.")
_ANCHOR_HINT = ("The part after '#' must be the id of a heading or an element on that page (give a "
                "heading one by writing {: #its-id} after it); correct it, or link to the page alone.")
_MADE_HINT = ("The build makes this page: the address comes from a setting (such as MENU_ITEMS), the "
              "theme's templates or the content the page shows. Correct it there, or report this page "
              "to whoever maintains the site's code.")


def what_is_missing(broken: Broken) -> str:
    if broken.why == "no anchor":
        page, _, anchor = broken.target.partition("#")
        return f"'{page or '/'}' has no anchor '#{anchor}'"
    if broken.why == "above the root":
        return "it leads above the site's root folder"
    return f"the new site has no page '{broken.target.partition('#')[0] or '/'}'"


class Suggester:
    """ "Did you mean …?" among the site's pages, for the first MOST_SUGGESTIONS problems."""

    def __init__(self, files: Iterable[str]):
        self.addresses = page_addresses(files)
        self.left = MOST_SUGGESTIONS

    def hint(self, broken: Broken, then: str) -> str:
        if broken.why != "no page" or self.left <= 0:
            return then
        self.left -= 1
        written = broken.target.partition("#")[0]
        close = did_you_mean(written, self.addresses)
        if not close:
            return then
        # Shown as the link was written: the same beginning (an address, "../", "/"), the new end.
        start = broken.link[:len(broken.link) - len(written)] if broken.link.endswith(written) else ""
        return did_you_mean_hint(close, then, shown=f"'{start}{close}'" if start else None)


def _written_in(body: str, link: str) -> bool:
    """Whether a document's finished body has ``link`` (as it is on the page, or escaped)."""
    return link in body or html.escape(link) in body


def directory_problems(entries, checker: Checker, suggester: Suggester) -> tuple[list[Problem], set[str]]:
    """Each public directory entry's ``url`` into the site that leads nowhere; and where those
    lead (their pages' links are not reported again). ``entries``: (directory file, entry)."""
    problems, targets = [], set()
    for path, entry in entries:
        url = entry.url
        if not url or not getattr(entry, "public", True) or checker.site.from_root(url) is None:
            continue
        verdict = checker.why_broken(url, "")
        if verdict is None:
            continue
        broken = Broken("", url, *verdict)
        targets.add(broken.target)
        hint = suggester.hint(broken, "Correct it to a page of the site, or remove the line 'url'.")
        problems.append(Problem(path, f"'{url}' is an address on this site, but {what_is_missing(broken)}.",
                                line=entry.line or None, key="url", hint=hint))
    return problems, targets


def link_problems(broken: list[Broken], sources: dict, shown: Callable[[str], str],
                  line_of: Callable[[str, str], int | None], suggester: Suggester,
                  reported: set[str] = frozenset()) -> list[Problem]:
    """One problem per broken link: by the document whose body has it (``sources``: page -> the
    document, with its ``path`` and finished ``body``; ``line_of(path, link)`` finds its line),
    else by the page the build made (``shown(page)``: how to name it), once per link: a link of
    the menu is on every document's page too, but no document can fix it. Links to ``reported``
    places are left out."""
    problems, targets = [], set(reported)
    in_body = {}
    for item in broken:
        document = sources.get(item.page)
        if document is None or not _written_in(document.body, item.link):
            continue
        in_body[id(item)] = source = document.path
        if item.target in reported:
            continue
        targets.add(item.target)
        hint = _ANCHOR_HINT if item.why == "no anchor" else suggester.hint(item, _DOCUMENT_HINT)
        problems.append(Problem(source, f"the link '{item.link}' leads nowhere: {what_is_missing(item)}.",
                                line=line_of(source, item.link), hint=hint))
    made: dict[str, list[Broken]] = {}  # by where they lead: the menu's link is written per depth
    for item in broken:
        if id(item) not in in_body and item.target not in targets:
            made.setdefault(item.target, []).append(item)
    for items in made.values():
        first = min(items, key=lambda item: item.page)
        link = first.link
        others = len(items) - 1
        also = f" (and on {others} other page{'s' if others != 1 else ''})" if others else ""
        problems.append(Problem(shown(first.page), f"the link '{link}' leads nowhere: "
                                f"{what_is_missing(first)}{also}.", hint=suggester.hint(first, _MADE_HINT)))
    return problems
