"""What the feeds pages show, and which feed goes on which page. Pure.

/feeds/ is the page a subscriber reads first. It shows the kinds of feed in ``FOLLOW_ORDER``, the
kinds most people follow first (we count no subscribers): the site's feed with its addresses to
copy, the themes' feeds (a network has few themes), for organisations and people (a network may
have a thousand) a count, a link to their own list and an A-to-Z index, and last the categories'
feeds. The OPML file of every feed (``opml``) lists them in the same order. Each of
those lists (/feeds/organisations/, /feeds/people/) is in alphabetical order, cut into parts of
at most a set number of feeds, under a heading per initial letter; the index links each letter
to the part, and the heading, where its names begin. So no page grows with the directory.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from itertools import groupby

from network.listings import ENTRIES_PER_PAGE, Part, cut_into_parts

from .select import FOLDERS, FeedSpec

#: The kinds of feed, with the words a reader sees for them, in the order /feeds/ and the OPML file
#: show them: everything first, then themes, organisations, people, and last the categories
#: (the site's three sections, which its feed already covers).
FOLLOW_ORDER = (("site", "The whole site"), ("theme", "Themes"), ("organisation", "Organisations"),
                ("person", "People"), ("category", "Categories"))
#: How /feeds/ shows each kind: its addresses in full to copy ("table"), a compact list ("list"),
#: or a count and a link to a list of its own, with an A-to-Z index ("listed").
SHOWN_AS = {"site": "table", "theme": "list", "organisation": "listed", "person": "listed", "category": "table"}
#: The kinds whose feeds have a list of their own, with the words a reader sees for them.
LISTED_KINDS = {kind: label for kind, label in FOLLOW_ORDER if SHOWN_AS[kind] == "listed"}
#: Names that begin with no letter (a digit, a quote) are listed first, under this heading.
OTHER = "#"


@dataclass(frozen=True)
class FeedLink:
    """One feed as a compact list shows it: a name, its page, and its two files."""

    name: str
    page_path: str  # the page the feed follows, inside the site
    rss_path: str
    atom_path: str
    initial: str


@dataclass(frozen=True)
class Letter:
    """A letter of an A-to-Z index: where its first name is (a part's address and a heading's id)."""

    letter: str
    url: str
    anchor: str


@dataclass(frozen=True)
class FeedListPage:
    """One part of the list of a kind's feeds."""

    kind: str
    label: str  # "People"
    total: int  # feeds of this kind, in every part
    part: Part  # its entries are FeedLinks
    groups: tuple[tuple[Letter, tuple[FeedLink, ...]], ...]  # this part's feeds under their letters
    letters: tuple[Letter, ...]  # every letter of the list, for the index

    @property
    def save_as(self) -> str:
        return self.part.save_as


@dataclass(frozen=True)
class ListedKind:
    """What /feeds/ says of a kind with a list of its own."""

    kind: str
    label: str
    total: int
    url: str
    letters: tuple[Letter, ...]


@dataclass(frozen=True)
class OtherWay:
    """A way to follow the site besides its feeds of documents (the newsletter, the meetings
    calendar), which /feeds/ mentions at its top; an RSS feed among them is in the OPML file too."""

    name: str  # "The meetings calendar"
    path: str  # its file (or page) inside the site
    page_path: str  # the page about it, inside the site
    note: str  # how to use it, in a few words
    is_feed: bool = False  # an RSS feed, for the OPML file


@dataclass(frozen=True)
class FeedSection:
    """One kind of feed on /feeds/, shown as ``SHOWN_AS`` says: ``specs`` in a table, ``links`` in
    a compact list, or ``listed`` (a count, a link to its own list and an index)."""

    kind: str
    label: str
    specs: tuple[FeedSpec, ...] = ()
    links: tuple[FeedLink, ...] = ()
    listed: ListedKind | None = None


def initial_of(name: str) -> str:
    """The letter a name is listed under: its first letter without accents ("Émile" under E)."""
    first = unicodedata.normalize("NFKD", name.strip()[:1])[:1].upper()
    return first if first.isalpha() else OTHER


def _anchor(letter: str) -> str:
    # Ids and fragments stay ASCII, so every link checker and browser reads them alike.
    if letter == OTHER:
        return "letter-other"
    return f"letter-{letter.lower()}" if letter.isascii() else f"letter-u{ord(letter):x}"


def list_url(kind: str) -> str:
    """The address of the list of a kind's feeds: feeds/people/, next to the feed files."""
    return f"feeds/{FOLDERS[kind]}"


def feed_name(spec: FeedSpec) -> str:
    """What a feed is called beside others: "Everything" for the site's, else its entry's name."""
    return "Everything" if spec.kind == "site" else spec.title.split(": ", 1)[-1]


def feed_link(spec: FeedSpec) -> FeedLink:
    name = feed_name(spec)
    return FeedLink(name, spec.page_path, spec.rss_path, spec.atom_path, initial_of(name))


def _unaccented(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def alphabetical(links: list[FeedLink]) -> list[FeedLink]:
    """Names without a letter first, then by letter and name, accents aside ("Émile" before "Eve")."""
    return sorted(links, key=lambda link: (link.initial != OTHER, link.initial, _unaccented(link.name),
                                           link.name.casefold(), link.page_path))


def feed_list_pages(specs: list[FeedSpec], kind: str, per_page: int = ENTRIES_PER_PAGE) -> list[FeedListPage]:
    """Every part of the list of ``kind``'s feeds (one part, empty, when there are none)."""
    links = alphabetical([feed_link(spec) for spec in specs if spec.kind == kind])
    parts = cut_into_parts(links, list_url(kind), per_page)
    letters: dict[str, Letter] = {}
    for part in parts:
        for link in part.entries:
            if link.initial not in letters:
                letters[link.initial] = Letter(link.initial, part.url, _anchor(link.initial))
    index = tuple(letters.values())
    return [FeedListPage(kind, LISTED_KINDS[kind], len(links), part, _groups(part, letters), index)
            for part in parts]


def _groups(part: Part, letters: dict[str, Letter]) -> tuple:
    return tuple((letters[initial], tuple(group)) for initial, group in groupby(part.entries, key=lambda l: l.initial))


def listed_kinds(pages: dict[str, list[FeedListPage]]) -> list[ListedKind]:
    """What /feeds/ shows of each kind with a list: its count, its list's address, its index."""
    return [ListedKind(kind, LISTED_KINDS[kind], parts[0].total, list_url(kind), parts[0].letters)
            for kind, parts in pages.items()]


def feed_sections(specs: list[FeedSpec], listed: list[ListedKind]) -> list[FeedSection]:
    """What /feeds/ shows, kind by kind in ``FOLLOW_ORDER``; a kind without feeds is left out."""
    of_kind: dict[str, list[FeedSpec]] = {}
    for spec in specs:
        of_kind.setdefault(spec.kind, []).append(spec)
    listed_by_kind = {item.kind: item for item in listed}
    sections = []
    for kind, label in FOLLOW_ORDER:
        shown_as, chosen = SHOWN_AS[kind], of_kind.get(kind, [])
        if not chosen:
            continue
        if shown_as == "table":
            sections.append(FeedSection(kind, label, specs=tuple(chosen)))
        elif shown_as == "list":
            sections.append(FeedSection(kind, label, links=tuple(feed_link(spec) for spec in chosen)))
        else:
            sections.append(FeedSection(kind, label, listed=listed_by_kind[kind]))
    return sections
