"""Withholding private people's names in every text of the model, before any output sees it.

The rules of finding and replacing a name live in ``privacy`` and ``names``; this module knows
which fields of the model are shown (a document's title, summary, body, meeting venues, guests,
attachment titles; the directory's roles, kinds and descriptions) and tells the officer where a
name was withheld. Addresses are different: a name in a file name, a slug or a web address cannot
be withheld once published, so it is an error (``check_addresses``).
"""

from __future__ import annotations

import pickle
from dataclasses import replace
from urllib.parse import unquote

from .build import write_whole
from .directory import suggest_id
from .names import automaton_of
from .privacy import lines_naming, withhold
from .versions import new_digest

#: Fields of directory entries shown as text (names and aliases are checked by ``check_directory_names``).
_DIRECTORY_TEXTS = {"people": ("role",), "organisations": ("kind",), "themes": ("description",)}
_ADDRESS_HINTS = {
    None: "Rename the file, or change its 'slug', so the address does not name them.",
    "url": "Change the web address, or remove it.",
    "id": "Choose an id that does not name them, and use it where documents name this entry.",
}
_SEE_DIRECTORY = "They are marked 'public: false' in content/directory/people.yml"


class Withholder:
    """Withholds private names in texts, each distinct text once, counting what it replaced."""

    def __init__(self, names, replacement: str):
        self.names, self.replacement = names, replacement
        self.replaced = 0
        self._done: dict[tuple[str, bool], str] = {}

    def __call__(self, value, markup: bool = True):
        if not isinstance(value, str) or not value:
            return value
        key = (value, markup)
        if key not in self._done:
            self._done[key], count = withhold(value, self.names, self.replacement, markup=markup)
            self.replaced += count
        return self._done[key]


class NamelessTexts:
    """The texts found to name no private person, each document's by one digest of every text
    withholding reads in it (``TextsDigest``), kept between builds for one directory's names
    (``fingerprint``). Withholding reads every text of every document (1 s a build at 10,000
    documents); texts that named nobody private before name nobody now, so they are not read
    again. The digest is of the very texts this build holds, not of the file they came from: a
    file saved while a build reads it, or read again with its old size and time, is checked.
    Any change to the directory's names, the replacement or our code starts the memo afresh."""

    def __init__(self, path: str | None, fingerprint: str):
        self.path, self.fingerprint = path, fingerprint
        self.old: frozenset[bytes] = frozenset()
        self.new: set[bytes] = set()
        try:
            with open(path, "rb") as handle:
                stored = pickle.load(handle)
            if stored.get("fingerprint") == fingerprint:
                self.old = frozenset(stored["texts"])
        except (OSError, TypeError, EOFError, AttributeError, KeyError, pickle.UnpicklingError):
            pass  # none yet, or unreadable: every text is read

    def digest_of(self, content, document) -> bytes:
        texts = TextsDigest()
        _withhold_in_texts(content, document, texts)
        return texts.digest()

    def names_nobody(self, digest: bytes) -> bool:
        return digest in self.old

    def found(self, digest: bytes, names_nobody: bool) -> None:
        if names_nobody:
            self.new.add(digest)

    def save(self) -> None:
        if self.path and self.new != self.old:
            write_whole(self.path, pickle.dumps({"fingerprint": self.fingerprint, "texts": sorted(self.new)},
                                                protocol=pickle.HIGHEST_PROTOCOL))


class TextsDigest:
    """Stands in for a ``Withholder``: takes every text it is given as it is, into one digest."""

    def __init__(self):
        self._digest = new_digest()

    def __call__(self, value, markup: bool = True):
        if isinstance(value, str) and value:
            self._digest.update(f"{markup:d}{len(value)}:".encode())
            self._digest.update(value.encode("utf-8", "surrogatepass"))
        else:
            self._digest.update(b"-")
        return value

    def digest(self) -> bytes:
        return self._digest.digest()


def withhold_in_document(content, document, names, replacement, problems, directory,
                         names_nobody: bool = False) -> bool:
    """Replace private names in every text of one document; warn where they were typed. With
    ``names_nobody`` (its texts, as they are now, were found to name no private person, with the
    same names), the texts are left as they are. Returns whether its texts name nobody private."""
    if not names_nobody:
        hide = Withholder(names, replacement)
        _withhold_in_texts(content, document, hide)
        if hide.replaced:
            warn_withheld(problems, document.path, content.source_path, hide)
        names_nobody = not hide.replaced
    content.metadata["title"] = content.title
    _untag_private_people(document, directory, problems)
    return names_nobody


def _withhold_in_texts(content, document, hide) -> None:
    document.body = hide(document.body)
    for attr in ("title", "_summary"):
        if isinstance(getattr(content, attr, None), str):
            setattr(content, attr, hide(getattr(content, attr)))
    if "summary" in content.metadata:
        content.metadata["summary"] = hide(content.metadata["summary"])
    document.title, document.summary = hide(document.title), hide(document.summary)
    _withhold_in_people(document, hide)
    _withhold_in_front_matter(document, hide)


def _untag_private_people(document, directory, problems) -> None:
    for person_id in list(document.people):
        if not directory.people[person_id].public:
            document.people.remove(person_id)
            problems.warning(document.path, f"'{person_id}' is private (public: false), so the document "
                             "is not tagged with them.", key="people", hint="Remove the id from 'people'.")
    if document.author and document.author.person_id and not directory.people[document.author.person_id].public:
        problems.warning(document.path, f"the author '{document.author.person_id}' is private (public: false), "
                         "so the document is shown without an author.", key="author",
                         hint="Name a public author, or remove the line to silence this.")
        document.author = None


def warn_withheld(problems, path: str, source_path: str, hide: Withholder) -> None:
    """The warning for a file in which ``hide`` withheld names, with the lines that hold them."""
    with open(source_path, encoding="utf-8-sig") as handle:
        lines = lines_naming(handle.read(), hide.names)
    where = ", ".join(str(n) for n in lines) or "?"
    problems.warning(path, f"a private person's name was replaced by '{hide.replacement}' (line {where}).",
                     hint=f"{_SEE_DIRECTORY}; remove the name from the text to silence this.")


def _withhold_in_people(document, hide) -> None:
    """Guests written as free text (an author, a meeting's lists) are shown as typed: withheld."""
    def guest(ref):
        return replace(ref, text=hide(ref.text, markup=False)) if ref is not None and ref.is_guest else ref

    document.author = guest(document.author)
    meeting = document.meeting
    if meeting is not None:
        meeting.chair, meeting.minutes_by = guest(meeting.chair), guest(meeting.minutes_by)
        for key in ("present", "in_attendance", "apologies"):
            setattr(meeting, key, [guest(ref) for ref in getattr(meeting, key)])


def _withhold_in_front_matter(document, hide) -> None:
    """Plain-text fields of the front matter that pages, feeds, the calendar and e-mails show."""
    meeting = document.meeting
    if meeting is not None:
        meeting.venue = hide(meeting.venue, markup=False)
        meeting.next_venue = hide(meeting.next_venue, markup=False)
        meeting.next_meeting_text = hide(meeting.next_meeting_text, markup=False)
    for attachment in document.attachments:
        attachment.title = hide(attachment.title, markup=False)


def withhold_in_directory(directory, replacement: str, problems, folder: str) -> None:
    """Private names in the directory's texts (another person's role, a theme's description)."""
    names = directory.names
    for attr, keys in _DIRECTORY_TEXTS.items():
        for entry in getattr(directory, attr).values():
            if getattr(entry, "public", True) is False:
                continue  # a private person's own entry is never shown
            for key in keys:
                hide = Withholder(names, replacement)
                setattr(entry, key, hide(getattr(entry, key), markup=False))
                if hide.replaced:
                    problems.warning(f"{folder}/{attr}.yml", f"the {key} of '{entry.id}' names a private "
                                     f"person; it is shown with '{replacement}' instead.", line=entry.line,
                                     key=key, hint=f"{_SEE_DIRECTORY}; remove the name to silence this.")


def check_directory_names(directory, problems, folder: str) -> None:
    """A public entry's name or alias that holds a private person's name is an error: it is
    shown everywhere the entry is, and withheld it would name no one."""
    names = directory.names
    for attr in ("people", "organisations", "themes"):
        for entry in getattr(directory, attr).values():
            if getattr(entry, "public", True) is False:
                continue
            for key, written in [("name", entry.name)] + [("aliases", alias) for alias in entry.aliases]:
                if withhold(written, names, "", markup=False)[1]:
                    label = "alias" if key == "aliases" else key
                    problems.error(f"{folder}/{attr}.yml", f"the {label} '{written}' of '{entry.id}' holds the "
                                   "name of a private person (public: false), so it could not be shown.",
                                   line=entry.line, key=key,
                                   hint="Give the two different names, or remove this one.")


def _address_words(text: str) -> str:
    """An address or a name as its id would be ('ottilie-marchbanks', %20 decoded), with a '-' at
    each end so that whole words are found with ``in``."""
    return f"-{suggest_id(unquote(text))}-"


class PrivateAddresses:
    """Finds a private person's name (any form, as address words: 'ottilie-marchbanks') in an
    address or a file name."""

    def __init__(self, names):
        forms = {_address_words(claim.written) for claim in names.private_claims()} - {"--"}
        # One pass over each address for every form at once: a site's addresses times its
        # private names' forms was 0.3 s a build at 10,000 documents.
        self._forms = automaton_of(dict.fromkeys(forms))

    def find(self, address: str) -> bool:
        """Whether ``address`` holds a private person's name."""
        if self._forms is None:
            return False
        for _ in self._forms.iter(_address_words(address)):
            return True
        return False


def check_addresses(addresses, directory, problems) -> None:
    """``addresses``: (where to report it, key or None, address) for every published address."""
    private = PrivateAddresses(directory.names)
    for path, key, address in addresses:
        if address and private.find(address):
            problems.error(path, f"the address '{address}' holds the name of a private person "
                           "(public: false), and an address cannot be withheld once it is published.",
                           key=key, hint=_ADDRESS_HINTS.get(key, _ADDRESS_HINTS[None]))
