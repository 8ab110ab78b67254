"""A memo of many entries kept on disk and saved in proportion to what changed.

Some memos hold an entry per document or per page, and a rebuild after one edit changes a few
of them: Pelican's reader cache (43 MB at 10,000 documents, 0.26 s to pickle again) and the
memo of the pages written (20,000 entries, 0.23 s as JSON). A ``JournaledFile`` keeps the
entries as a whole file (``<path>``) and a journal beside it (``<path>.journal``) of the
changes of each save since: a save appends the entries that changed and the keys that went,
and writes the whole file again only when the journal has grown to an eighth of it.

What keeps it trustworthy:

- The whole file is written whole or not at all (``write_whole``), under a new token; each
  record of the journal carries the token of the whole file it changes, so a journal left
  from before (a build stopped between writing the whole and removing the journal) is never
  applied to a newer whole.
- A record cut short (a build stopped while appending) ends the reading: what came before it
  is used, and the next save writes the whole file again, so nothing after it is lost.
- Entries are compared by value (``==``), so the memo's user may give new but equal objects;
  it must never change a saved value in place.

A memo is only a shortcut (every user checks an entry against the file it describes), so a
memo that cannot be read is an empty one.
"""

from __future__ import annotations

import os
import pickle

from .build import write_whole

#: The journal is folded into the whole file when it grows past this share of it.
_FOLD_SHARE = 8
#: ...but never while it is smaller than this: a small memo is cheap to write whole.
_MIN_JOURNAL = 1 << 20

_READ_ERRORS = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError,
                TypeError, ValueError)
_MISSING = object()


class JournaledFile:
    """One memo of entries (key -> value) on disk; ``load()``, then ``save(entries)`` once."""

    def __init__(self, path: str, min_journal: int = _MIN_JOURNAL):
        self.path = path
        self.min_journal = min_journal
        self.journal = f"{path}.journal"
        self._token: bytes | None = None  # the whole file's; None: write it whole next time
        self._saved: dict = {}  # the entries as the files hold them
        self._whole_size = 0
        self._journal_size = 0

    def load(self) -> dict:
        """The entries as last saved (a new dictionary, the caller's to change); empty if none."""
        try:
            with open(self.path, "rb") as handle:
                token, entries = pickle.load(handle)
                self._whole_size = handle.tell()
        except _READ_ERRORS:
            return {}
        if not isinstance(entries, dict):
            return {}
        self._token, self._saved = token, entries
        self._read_journal(entries)
        return dict(entries)

    def _read_journal(self, entries: dict) -> None:
        try:
            handle = open(self.journal, "rb")
        except OSError:
            return
        with handle:
            end = os.fstat(handle.fileno()).st_size
            while handle.tell() < end:
                try:
                    token, changed, removed = pickle.load(handle)
                except _READ_ERRORS:  # cut short: the next save writes everything whole
                    self._token = None
                    break
                if token == self._token:
                    entries.update(changed)
                    for key in removed:
                        entries.pop(key, None)
            self._journal_size = handle.tell()

    def save(self, entries: dict) -> None:
        """Keep ``entries``: the changes since the last load or save are appended to the journal,
        or everything is written whole."""
        changed, removed = _changes(self._saved, entries)
        if self._token is not None and not changed and not removed:
            return
        record = pickle.dumps((self._token, changed, removed), protocol=pickle.HIGHEST_PROTOCOL)
        limit = max(self._whole_size // _FOLD_SHARE, self.min_journal)
        if self._token is None or self._journal_size + len(record) > limit:
            self._write_whole(entries)
        else:
            with open(self.journal, "ab") as handle:
                handle.write(record)
            self._journal_size += len(record)
        self._saved = dict(entries)

    def _write_whole(self, entries: dict) -> None:
        token = os.urandom(16)
        data = pickle.dumps((token, entries), protocol=pickle.HIGHEST_PROTOCOL)
        write_whole(self.path, data)
        try:
            os.unlink(self.journal)  # its records name the old token: harmless if this fails
        except FileNotFoundError:
            pass
        self._token, self._whole_size, self._journal_size = token, len(data), 0


def _changes(saved: dict, entries: dict) -> tuple[dict, tuple]:
    """(the entries new or changed since ``saved``, the keys gone)."""
    changed = {}
    for key, value in entries.items():
        before = saved.get(key, _MISSING)
        if before is value:
            continue
        try:
            same = before is not _MISSING and before == value
        except Exception:  # values that cannot be compared count as changed
            same = False
        if not same:
            changed[key] = value
    removed = tuple(key for key in saved if key not in entries)
    return changed, removed
