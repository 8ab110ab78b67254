"""Reusing unchanged output: what did not change since the last build is not rendered again.

Every file written through an ``OutputMemo`` is recorded with a digest of everything it was made
from (the values given to its template, the documents it shows, and a fingerprint of the whole
site: settings, theme, plugin code, directory, static files, today's date). The next build, given
the same digest for the same file, hard-links the previous build's file into its own output
instead of rendering it again. A previous file is only reused while it is exactly the file the
memo recorded (same inode, size and modification time): a file changed or replaced by anything
else is rendered again.

Pure: no Pelican here. ``speed.writer`` and ``speed.fingerprints`` connect it to the build.
"""

from __future__ import annotations

import datetime
import os
import pickle
import shutil
from typing import NamedTuple

from network.journal import JournaledFile
from network.versions import new_digest



class Unfingerprintable(TypeError):
    """A value whose content cannot be summed up reliably: the file is rendered, never reused."""


class Fingerprinter:
    """Sums values up in a digest: equal values give equal digests, within and across builds.

    Values are serialised by pickle, in C, in its "fast" mode, which keeps no memo of shared
    objects: the bytes depend on the values only, never on which objects happen to be shared.
    Some objects stand for a short token instead of their fields (through pickle's dispatch
    table, so that nothing but these objects costs a call into Python):

    - instances of ``known_types`` stand for their digest in ``known`` (``id(object)`` ->
      digest, made once per build: a document, by its source and its rendered body);
    - instances of the types in ``named`` stand for the name the given function makes (a
      directory entity by its id: the directory is part of the site's fingerprint).

    A value pickle cannot serialise raises ``Unfingerprintable``. Pickle never drops state, so
    two different values cannot give the same bytes; at worst an equal value gives other bytes
    (a set's order) and the file is rendered again.
    """

    def __init__(self, known: dict[int, bytes] | None = None, named: dict[type, object] | None = None,
                 known_types: tuple[type, ...] = (), parts: dict[type, object] | None = None):
        self.known = known if known is not None else {}
        self.named = named or {}
        self._table = {cls: self._reduce_known for cls in known_types}
        for cls, name in self.named.items():
            self._table[cls] = _named_reducer(cls.__name__, name)
        # ``parts``: a function giving, for an object of that type, the values that make it up
        # (a page of a list: its number, its address and its documents)
        for cls, values in (parts or {}).items():
            self._table[cls] = self._parts_reducer(cls.__name__, values)

    def digest(self, *values) -> str:
        digest = new_digest()
        self.feed(digest, values)
        return digest.hexdigest()

    def feed(self, digest, value) -> None:
        pickler = pickle.Pickler(_Sink(digest), protocol=5)
        pickler.fast = True  # no memo: the same bytes for equal values, shared or not
        pickler.dispatch_table = self._table
        try:
            pickler.dump(self._condensed(value, _CONDENSE_DEPTH))
        except RecursionError as exc:
            raise Unfingerprintable("nested too deeply") from exc
        except (pickle.PicklingError, TypeError, AttributeError, ValueError) as exc:
            raise Unfingerprintable(str(exc)) from exc

    def _reduce_known(self, obj):
        try:
            return _stands_for, (self.known[id(obj)],)
        except KeyError:
            raise Unfingerprintable(f"a {type(obj).__name__} without a digest") from None

    def _parts_reducer(self, kind: str, values):
        def reduce(obj):
            return _stands_for, (kind, *[self._condensed(value, 1) for value in values(obj)])
        return reduce

    def _condensed(self, value, depth: int):
        """``value`` with every list or tuple of known objects in it (``depth`` containers or
        dataclasses down) replaced by the tuple of their digests, marked by ``_stands_for``.

        Why: a known object costs a call into Python inside pickle (about 1.2 µs); an entity
        page's inputs name hundreds of documents, and at 10,000 documents a warm rebuild judged
        a million of them (2 s). Made here, a list of them costs one dictionary look-up each.
        Only the representation changes: the result is the same for equal values, and a
        function of ours (never in a page's values) marks what was condensed.
        """
        kind, leaves, inner = type(value), _LEAVES, self._condensed  # leaves inside cost no call
        if kind in leaves:
            return value
        if kind is list or kind is tuple:
            known = self.known
            if value and id(value[0]) in known:
                try:
                    return _stands_for, kind.__name__, tuple([known[id(item)] for item in value])
                except KeyError:
                    pass
            if depth and len(value) <= _WALKED_LENGTH:
                return kind([item if type(item) in leaves else inner(item, depth - 1) for item in value])
            return value
        if not depth or kind in self._table:
            return value
        if kind is dict:
            return {key: item if type(item) in leaves else inner(item, depth - 1) for key, item in value.items()}
        if hasattr(kind, "__dataclass_fields__") and hasattr(value, "__dict__"):
            fields = tuple([(name, item if type(item) in leaves else inner(item, depth - 1))
                            for name, item in vars(value).items()])
            return _stands_for, "fields", kind.__module__, kind.__qualname__, fields
        return value


#: How far into the values ``Fingerprinter._condensed`` looks for lists of known objects: a
#: page's inputs (1), a template's variables (2) and their pairs (3), a part of a list (4).
_CONDENSE_DEPTH = 4
#: Longer lists of other things (entities, actions) are left to pickle, which is quicker at them.
_WALKED_LENGTH = 16
#: Values with nothing inside: left to pickle at once.
_LEAVES = frozenset({str, bytes, int, float, bool, type(None), datetime.datetime, datetime.date})


def _named_reducer(kind: str, name):
    def reduce(obj):
        return _stands_for, (kind, name(obj))
    return reduce


def _stands_for(*token):
    """Named in digests in place of an object; never called."""
    raise NotImplementedError


class _Sink:
    """A file that hashes what is written to it."""

    __slots__ = ("write",)

    def __init__(self, digest):
        self.write = digest.update


class Entry(NamedTuple):
    """A file of a finished build: the digest of its inputs and what the file system said of it.
    A tuple: 20,000 of them are made from the memo in every build."""

    digest: str
    size: int
    mtime_ns: int
    inode: int


class OutputMemo:
    """The files one output folder holds, by digest; reused into the next build's output.

    ``previous``: the folder of the last build (None: nothing to reuse). ``target``: the folder
    being built. The memo is written beside the cache, one per output folder.
    """

    def __init__(self, previous: str | None, target: str, entries: dict[str, Entry] | None = None):
        self.previous = previous
        self.target = target
        self.old = entries or {}
        self.new: dict[str, Entry] = {}
        self.reused = 0
        self.rendered = 0
        #: Paths linked to the previous build's files in this build: never to be written through.
        self.linked: set[str] = set()
        self._folders: set[str] = set()
        self._journal: JournaledFile | None = None  # what the memo was loaded from

    @classmethod
    def load(cls, memo_file: str, previous: str | None, target: str) -> OutputMemo:
        """The memo kept in ``memo_file`` (a ``JournaledFile``: a rebuild after an edit saves the
        few entries that changed, not 20,000); empty when there is no previous folder."""
        journal = JournaledFile(memo_file)
        entries = {}
        if previous and os.path.isdir(previous):
            entries = {path: entry for path, entry in journal.load().items() if type(entry) is Entry}
        memo = cls(previous, target, entries)
        memo._journal = journal
        return memo

    def save(self, memo_file: str) -> None:
        journal = self._journal if self._journal is not None and self._journal.path == memo_file \
            else JournaledFile(memo_file)
        journal.save(self.new)

    def reuse(self, path: str, digest: str) -> bool:
        """Put the previous build's ``path`` into the target if it was made from the same inputs."""
        return self.reuse_all([path], digest)

    def reuse_all(self, paths: list[str], digest: str) -> bool:
        """Reuse every one of ``paths`` (files made together), or none of them."""
        found = []
        for path in paths:
            status = self._unchanged(path, digest)
            if status is None:
                return False
            found.append((path, status))
        for path, status in found:
            source = os.path.join(self.previous, path)
            destination = os.path.join(self.target, path)
            if os.path.abspath(source) != os.path.abspath(destination):
                self._make_parent(destination)
                try:
                    os.link(source, destination)
                except FileExistsError:
                    raise  # written already in this build: never copy over it (it may be a link)
                except OSError:  # another file system, or no hard links: a copy keeps the same times
                    shutil.copy2(source, destination)
                    status = os.stat(destination)
            self.new[path] = Entry(digest, status.st_size, status.st_mtime_ns, status.st_ino)
            self.linked.add(path)
            self.reused += 1
        return True

    def _unchanged(self, path: str, digest: str):
        """The previous file's status, if it was made from ``digest`` and nothing touched it since."""
        entry = self.old.get(path)
        if entry is None or entry.digest != digest or self.previous is None:
            return None
        try:
            status = os.stat(os.path.join(self.previous, path))
        except OSError:
            return None
        if (status.st_size, status.st_mtime_ns, status.st_ino) != (entry.size, entry.mtime_ns, entry.inode):
            return None  # changed since: by hand, or by a build that did not record it
        return status

    def record(self, path: str, digest: str) -> None:
        """Remember a file just written to the target."""
        status = os.stat(os.path.join(self.target, path))
        self.new[path] = Entry(digest, status.st_size, status.st_mtime_ns, status.st_ino)
        self.rendered += 1

    def write_bytes(self, path: str, data: bytes, digest: str | None) -> None:
        """Write a file into the target (replacing, never writing through, a reused one) and record it."""
        full = os.path.join(self.target, path)
        self._make_parent(full)
        if path in self.linked or os.path.lexists(full):
            os.unlink(full)  # it may be a hard link to the previous build's file
            self.linked.discard(path)
        with open(full, "wb") as handle:
            handle.write(data)
        if digest is not None:
            self.record(path, digest)

    def _make_parent(self, path: str) -> None:
        parent = os.path.dirname(path)
        if parent not in self._folders:
            os.makedirs(parent, exist_ok=True)
            self._folders.add(parent)
