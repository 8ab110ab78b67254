"""The actions register in pages that stay small. Pure.

/actions/ is a summary: the open and closed counts per body and per year, and the newest open
actions. Every action is on the page of the year of the minutes that set it, /actions/<year>/,
grouped by body, open then closed, newest first, cut into parts of at most ``per_page`` rows
(/actions/<year>/page/2/ ...). ``ActionPages.row_url`` is the one address of an action's row:
every page that links to a row asks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from network.listings import Part, by_year, cut_into_parts
from network.model import Action, Network

from .meetings import body_name, body_order
from .views import owner_links, register_id

REGISTER_URL = "actions/"
OPEN, CLOSED = "Open", "Closed"


def year_url(year: int) -> str:
    return f"{REGISTER_URL}{year}/"


def body_anchor(body_id: str) -> str:
    """The id of a body's heading where its actions begin on a year's page."""
    return f"body-{body_id}"


def _year_order(actions: list[Action], network: Network) -> list[tuple[str, str, Action]]:
    """(body id, Open or Closed, action) in the order a year's page shows them: bodies by name,
    open then closed, newest meeting first, then by number."""
    order = body_order(network)
    ordered = sorted(actions, key=lambda a: (order(a.document.meeting.body), a.status != "open",
                                             -a.document.date.timestamp(), a.number))
    return [(a.document.meeting.body, OPEN if a.status == "open" else CLOSED, a) for a in ordered]


@dataclass(frozen=True)
class RowList:
    label: str  # Open or Closed
    rows: tuple  # {"action", "owners", "id", "url"}
    continued: bool  # the list began on an earlier part


@dataclass(frozen=True)
class BodySection:
    body: object  # the Organisation, or None for a body not in the directory
    body_id: str
    anchor: str | None  # the heading's id, on the part where the body's actions begin
    lists: tuple[RowList, ...]


@dataclass(frozen=True)
class RegisterPart:
    """One page of a year of the register."""

    year: int
    part: Part
    sections: tuple[BodySection, ...]
    open_count: int  # in the whole year
    closed_count: int
    years: tuple[tuple[int, str], ...]  # every year of the register and its address, newest first


class ActionPages:
    """Where each action's row is: the year pages of the register, laid out once per build."""

    def __init__(self, network: Network, per_page: int):
        self.network = network
        self.years: list[tuple[int, list[list[tuple[str, str, Action]]], list[Part]]] = []
        self._page_of: dict[int, str] = {}  # id(action) -> the address of its part
        self._position: dict[int, int] = {}  # id(action) -> its place in its year
        self._body_start: dict[tuple[int, str], str] = {}  # (year, body id) -> part where it begins
        self._list_starts: set[int] = set()  # id(action) of the first row of each open or closed list
        for year, actions in by_year(network.actions, lambda a: a.document.date):
            ordered = _year_order(actions, network)
            self._list_starts.update(id(next(run)[2]) for _, run in groupby(ordered, key=lambda e: e[:2]))
            parts = cut_into_parts(ordered, year_url(year), per_page)
            for part in parts:
                for body_id, _, action in part.entries:
                    self._page_of[id(action)] = part.url
                    self._position[id(action)] = len(self._position)
                    self._body_start.setdefault((year, body_id), part.url)
            self.years.append((year, ordered, parts))

    def row_url(self, action: Action) -> str:
        """The address of an action's row in the register: its year's part, and the row's id."""
        return f"{self._page_of[id(action)]}#{register_id(action)}"

    def first_row_url(self, actions: list[Action]) -> str | None:
        """The row of these actions (one meeting's) that the register shows first; None for none."""
        if not actions:
            return None
        return self.row_url(min(actions, key=lambda a: self._position[id(a)]))

    def body_url(self, year: int, body_id: str) -> str:
        """Where a body's actions of a year begin."""
        return f"{self._body_start[(year, body_id)]}#{body_anchor(body_id)}"

    def row(self, action: Action) -> dict:
        """What a row shows: the action, its owners, its id, its address, and its body's name."""
        return {"action": action, "owners": owner_links(action, self.network), "id": register_id(action),
                "url": self.row_url(action), "body_name": body_name(self.network, action.document.meeting.body)}

    def year_parts(self) -> list[RegisterPart]:
        """Every page of every year of the register."""
        links = tuple((year, year_url(year)) for year, _, _ in self.years)
        pages = []
        for year, ordered, parts in self.years:
            open_count = sum(label == OPEN for _, label, _ in ordered)
            for part in parts:
                pages.append(RegisterPart(year, part, self._sections(year, part), open_count,
                                          len(ordered) - open_count, links))
        return pages

    def _sections(self, year: int, part: Part) -> tuple[BodySection, ...]:
        sections = []
        for body_id, entries in groupby(part.entries, key=lambda entry: entry[0]):
            entries = list(entries)
            begins_here = self._body_start[(year, body_id)] == part.url
            lists = []
            for label, in_list in groupby(entries, key=lambda entry: entry[1]):
                actions = [action for _, _, action in in_list]
                lists.append(RowList(label, tuple(self.row(a) for a in actions), id(actions[0]) not in self._list_starts))
            sections.append(BodySection(self.network.organisations.get(body_id), body_id,
                                        body_anchor(body_id) if begins_here else None, tuple(lists)))
        return tuple(sections)

    def summary(self, latest: int) -> dict:
        """The register's front page: counts per body and per year, and the newest open actions."""
        order = body_order(self.network)
        per_body: dict[str, list[int]] = {}
        years = []
        for year, ordered, _ in self.years:
            counts: dict[str, list[int]] = {}
            for body_id, label, _ in ordered:
                counts.setdefault(body_id, [0, 0])[label == CLOSED] += 1
                per_body.setdefault(body_id, [0, 0])[label == CLOSED] += 1
            rows = [{"name": body_name(self.network, body_id), "open": counts[body_id][0],
                     "closed": counts[body_id][1], "url": self.body_url(year, body_id)}
                    for body_id in sorted(counts, key=order)]
            years.append({"year": year, "url": year_url(year), "bodies": rows,
                          "open": sum(r["open"] for r in rows), "closed": sum(r["closed"] for r in rows)})
        bodies = [{"body": self.network.organisations.get(body_id), "body_id": body_id, "open": counts[0],
                   "closed": counts[1]} for body_id, counts in sorted(per_body.items(), key=lambda i: order(i[0]))]
        open_actions = [a for a in self.network.actions if a.status == "open"]
        newest = sorted(open_actions, key=lambda a: (-a.document.date.timestamp(), a.document.key, a.number))
        return {"years": years, "bodies": bodies, "latest_open": [self.row(a) for a in newest[:latest]],
                "open_count": len(open_actions), "total_count": len(self.network.actions)}
