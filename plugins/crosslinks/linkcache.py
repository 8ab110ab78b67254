"""Linked HTML kept between builds, so a rebuild links only the documents that changed.

A result is reused when the document's HTML, its page's way to the site root, the linking
policy and its meeting's initials are the same, and the directory's names and the linker's own
code are unchanged (the cache is dropped otherwise). Entries not used by a build are dropped
when it saves.
"""

from __future__ import annotations

import hashlib
import os
import pickle

from . import linker, matcher


def names_fingerprint(names: dict) -> str:
    """Every name and what it points to, and the code that links them."""
    digest = hashlib.sha256(repr(sorted((form, target.kind, target.id) for form, target in names.items()))
                            .encode())
    for module in (linker, matcher):
        with open(module.__file__, "rb") as handle:
            digest.update(handle.read())
    return digest.hexdigest()


class LinkCache:
    def __init__(self, path: str | None, fingerprint: str):
        self.path, self.fingerprint = path, fingerprint
        self.old: dict = {}
        self.new: dict = {}
        if path and os.path.exists(path):
            try:
                with open(path, "rb") as handle:
                    stored = pickle.load(handle)
                if stored.get("names") == fingerprint:
                    self.old = stored["entries"]
            except (OSError, pickle.PickleError, EOFError, KeyError, AttributeError, TypeError):
                self.old = {}

    @staticmethod
    def key(html: str, base: str, every: bool, initials: dict) -> str:
        letters = repr(sorted((k, tuple(v) if v else None) for k, v in initials.items()))
        return hashlib.sha1("\0".join((html, base, str(every), letters)).encode()).hexdigest()

    def get(self, key: str):
        found = self.old.get(key)
        if found is not None:
            self.new[key] = found
        return found

    def put(self, key: str, result) -> None:
        self.new[key] = result

    def save(self) -> None:
        if not self.path or self.new.keys() == self.old.keys():
            return  # nothing linked afresh and nothing dropped: the stored cache is this one
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        temporary = f"{self.path}.{os.getpid()}"
        with open(temporary, "wb") as handle:
            pickle.dump({"names": self.fingerprint, "entries": self.new}, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, self.path)
