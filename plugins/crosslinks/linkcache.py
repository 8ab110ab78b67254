"""Linked HTML kept between builds, so a rebuild links only the documents that changed.

A result is reused when the document's HTML, its page's way to the site root, the linking
policy, its meeting's initials and the people its front matter names are the same, and the
directory's names and our code are unchanged (the cache is dropped otherwise). Entries no longer used are dropped when
they come to outnumber the ones in use.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field

from network.build import write_whole
from network.resident import resident_memos
from network.versions import new_digest


def names_fingerprint(names, code: str) -> str:
    """Every name and what it points to (``NameEngine.fingerprint``), and the code that links
    them (``network.versions.code_of``)."""
    return new_digest(f"{names.fingerprint()}\0{code}".encode()).hexdigest()


class LinkCache:
    """The results, in one file: a header (the names' fingerprint), then dictionaries of results.

    A build that links a few documents afresh appends just those results, instead of writing
    the whole file again (ten megabytes at a thousand documents); the file is rewritten with
    only the results in use when unused ones come to outnumber them (``slack`` aside).
    """

    def __init__(self, path: str | None, fingerprint: str, slack: int = 200, memos=None):
        """``memos``: where the devserver keeps the file's contents between its builds
        (``network.resident``); None reads the file."""
        self.path, self.fingerprint, self.slack = path, fingerprint, slack
        self.memos = memos or resident_memos({})
        self.old: dict = {}  # shared with the devserver's later builds: never changed in place
        self.new: dict = {}
        self._stored = 0  # results in the file, used or not
        self._appendable = False  # the file holds this fingerprint's header and whole chunks only
        if path:
            stored = self.memos.load(path, _read_file)
            if stored.header == self._header():
                self.old, self._stored, self._appendable = stored.results, stored.count, stored.whole

    def _header(self) -> dict:
        return {"format": 4, "names": self.fingerprint}

    @staticmethod
    def key(html: str, base: str, every: bool, initials: dict, present=frozenset()) -> str:
        letters = repr(sorted((k, tuple(v) if v else None) for k, v in initials.items()))
        people = repr(sorted(present))
        return new_digest("\0".join((html, base, str(every), letters, people)).encode()).hexdigest()

    def get(self, key: str):
        found = self.old.get(key)
        if found is not None:
            self.new[key] = found
        return found

    def put(self, key: str, result) -> None:
        self.new[key] = result

    def save(self) -> None:
        if not self.path:
            return
        fresh = {key: result for key, result in self.new.items() if key not in self.old}
        unused = self._stored - (len(self.new) - len(fresh))
        if self._appendable and unused <= len(self.new) + self.slack:
            if fresh:
                with open(self.path, "ab") as handle:
                    pickle.dump(fresh, handle, protocol=pickle.HIGHEST_PROTOCOL)
                self.memos.saved(self.path, _Stored(self._header(), {**self.old, **fresh},
                                                    self._stored + len(fresh), True))
            return
        write_whole(self.path, pickle.dumps(self._header(), protocol=pickle.HIGHEST_PROTOCOL)
                    + pickle.dumps(self.new, protocol=pickle.HIGHEST_PROTOCOL))
        self.memos.saved(self.path, _Stored(self._header(), dict(self.new), len(self.new), True))


@dataclass(frozen=True)
class _Stored:
    """What the file holds: its header, every result (the last one stored for a key), how many
    were stored, and whether it holds whole chunks only (a build may add one at its end)."""

    header: object = None
    results: dict = field(default_factory=dict)
    count: int = 0
    whole: bool = False


def _read_file(path: str) -> _Stored:
    header, results, count = None, {}, 0
    try:
        with open(path, "rb") as handle:
            header = pickle.load(handle)
            while True:
                try:
                    chunk = pickle.load(handle)
                except EOFError:
                    break
                results.update(chunk)
                count += len(chunk)
    except (OSError, pickle.PickleError, EOFError, AttributeError, TypeError, ValueError, IndexError):
        # None yet; or a chunk cut short (a build stopped while saving): what came before it
        # is used, and the file is written whole again.
        return _Stored(header, results, count, False)
    return _Stored(header, results, count, True)
