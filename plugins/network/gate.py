"""The last gate: before a new site replaces the old one, no file of it may name a private person.

Every text is withheld long before anything is written (``withholding``); this is the second line
of defence, against a template or a field that withholding does not know. File names are checked,
and each file written in this build is read in two steps:

1. A quick look, one automaton (``Anchors``) over each line in lower case: every form of every
   private name as a file may spell it (accents or none, any space, apostrophe or dash between
   its words, %-encoded, JSON-escaped), each of its words beside what could part it from the next
   (a tag, a reference, a line break), cut in two by a tag, and any letter of a name spelt as a
   reference; and a line holding other letters than ASCII again as withholding folds it
   (``strip_accents``: an added accent, fullwidth letters), when that changes it. A site repeats
   most of its lines, so a line found clean is not looked at again.
   An e-mail and the calendar are decoded first and looked at whole: their encodings and
   folded lines may cut a word anywhere.
2. Only where the quick look found something is the text read closely, the way its reader reads
   it (HTML and feeds with references decoded, the calendar with folded lines joined, an e-mail
   with encodings undone, JSON with escapes), and the name engine looks for every form, as
   withholding does.

A file put in place from the previous site (a hard link, see ``reuse``, and the search index's
unchanged files, ``search.glue.keep_unchanged``) is not read again: it was read when it was first
written, with the same directory, since a change to the directory means nothing is reused.

Pure apart from reading the files it is given.
"""

from __future__ import annotations

import email
import gzip
import html
import json
import re
import unicodedata
from html.entities import codepoint2name, html5
from email import policy
from email.header import decode_header, make_header
from urllib.parse import quote

import ahocorasick

from .names import TITLES
from .nametext import APOSTROPHES, DASHES, INVISIBLE, is_word_char, lower_same_length, strip_accents
from .withholding import PrivateAddresses

#: Files whose bytes are not text a reader sees as such: only their names are checked.
BINARY_ENDINGS = (".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".svgz", ".woff", ".woff2",
                  ".ttf", ".otf", ".zip", ".gz", ".mp3", ".mp4", ".docx", ".xlsx", ".pptx", ".odt",
                  ".pagefind")  # the search's WebAssembly, the same for every site
#: The search index (Pagefind): each file is gzip, then a signature, then JSON (the fragments,
#: which hold every page's text) or CBOR (words and filters, their strings as UTF-8).
SEARCH_INDEX_ENDINGS = (".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter")
_SEARCH_INDEX_SIGNATURE = b"pagefind_dcd"
#: How the gate names a search index file it reads: its escapes are JSON's.
_SEARCH_INDEX_READ_AS = tuple(ending + ".json" for ending in SEARCH_INDEX_ENDINGS)
_FOLDED_LINE = re.compile(r"\r?\n[ \t]")
_PERCENT_ESCAPES = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_ICS_ESCAPE = re.compile(r"\\([\\,;nN])")
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_PARTS = re.compile(r"(\w+)(\W*)")
_SPACES = {" ", "\n", "\u00a0", "&nbsp;", "&#160;", "&amp;nbsp;", "%20", "+"}
_APOSTROPHES = {"'", "&#39;", "&#x27;", "&rsquo;", "&amp;#39;", "%27", *APOSTROPHES}
#: What a file may hold between two words of a name, by what the directory has there.
_BETWEEN = {" ": _SPACES, "'": _APOSTROPHES, "-": {"-", *DASHES}, ".": {"." + space for space in _SPACES},
            "'s": {a + "s" for a in _APOSTROPHES}}
#: What may part a word of a name from the next when the name is typed oddly.
_ODD_AFTER = ("<", "&", "  ", "\n", "\r", "\t", " <", " &")
_ODD_BEFORE = (">", ";", "  ", "\n", "\t", "> ", "; ")
_MOST_SPELLINGS = 2000
_TITLES = {title.lower() for title in TITLES}
#: The shortest word, or piece of a word cut by a tag, that the quick look looks for.
_PIECE = 3
#: How far around a word the quick look found the close reading reads (a name's words may be
#: apart by a tag with a long address in it).
_REACH = 1000
#: A line longer than this is read closely only around the places the quick look found.
_LONG_LINE = 20 * _REACH


class Anchors:
    """The places in a file where a private name could be: every form of every private name as
    a file may spell it (accents or none, any space, apostrophe or dash between its words,
    %-encoded, JSON-escaped), and, for a form typed oddly, each of its words followed or preceded
    by what could part it from the next (a tag, a reference, a line break, two spaces) or cut in
    two by a tag."""

    def __init__(self, names):
        automaton = ahocorasick.Automaton()
        letters: set[str] = set()
        for claim in names.private_claims():
            whole, loose = _anchors(claim.written.lower())
            for anchor in loose:
                automaton.add_word(anchor, (len(anchor), False))
            for anchor in whole:  # the engine finds whole words only
                automaton.add_word(anchor, (len(anchor), True))
            letters |= set(claim.written.lower()) | set(claim.written.upper())
        for reference in _references(letters):  # a letter of a name spelt as a reference
            automaton.add_word(reference, (len(reference), False))
        automaton.make_automaton()
        self._automaton = automaton if len(automaton) else None

    def places(self, lowered: str) -> list[int]:
        """Where in ``lowered`` a private name could be."""
        if self._automaton is None:
            return []
        found = []
        for end, (length, whole) in self._automaton.iter(lowered):
            if whole and ((end + 1 < len(lowered) and is_word_char(lowered[end + 1]))
                          or (end >= length and is_word_char(lowered[end - length]))):
                continue
            found.append(end)
        return found

    def spans(self, lowered: str) -> list[tuple[int, int]]:
        """Stretches of ``lowered`` around every place a private name could be, merged."""
        places = self.places(lowered)
        if not places:
            return []
        spans = [[max(0, places[0] - _REACH), places[0] + _REACH]]
        for place in places[1:]:
            if place - _REACH <= spans[-1][1]:
                spans[-1][1] = place + _REACH
            else:
                spans.append([place - _REACH, place + _REACH])
        return [(start, end) for start, end in spans]


def _anchors(form: str) -> tuple[set[str], set[str]]:
    """The form's spellings (whole words), and its words beside what could part them (loose)."""
    parts = _PARTS.findall(form)  # (word, what follows it)
    words = [word for word, _ in parts]
    spelled = [""]
    for word, between in parts:
        choices = _BETWEEN.get(between.strip() or " " if between else "", {between}) if between else {""}
        spelled = [done + word + sep for done in spelled for sep in choices][:_MOST_SPELLINGS]
    whole: set[str] = set()
    for spelling in spelled:
        whole |= _spellings(spelling)
    # Beside an escape ("%20Ottilie", "\u00e9") a letter or digit is no word of the text.
    loose = {spelling for spelling in whole if "%" in spelling or "\\" in spelling}
    whole -= loose
    for index, word in enumerate(words):
        if len(word) < _PIECE or word in _TITLES:
            continue
        for spelling in _spellings(word):
            if index < len(words) - 1:
                loose |= {spelling + after for after in _ODD_AFTER}
            if index > 0:
                loose |= {before + spelling for before in _ODD_BEFORE}
            for cut in range(1, len(spelling)):  # a tag inside the word: its longer piece
                head, tail = spelling[:cut], spelling[cut:]
                if len(head) >= max(len(tail), _PIECE):
                    loose.add(head + "<")
                if len(tail) >= max(len(head), _PIECE):
                    loose.add(">" + tail)
    return whole, loose


def _references(letters: set[str]) -> set[str]:
    """Every way a file may spell one of ``letters`` with a reference or an escape, in lower case:
    ``#116;`` and ``#x74;`` (also after ``&amp;``, in a feed), ``&eacute;``, JSON's ``\\u0074``."""
    found = set()
    for letter in (char for char in letters if char.isalpha()):
        code = ord(letter)
        found |= {f"#{code};", f"#x{code:x};", f"#x{code:04x};", f"\\u{code:04x}"}
        if code in codepoint2name:
            found.add(f"&{codepoint2name[code]};".lower())
    return found


def _spellings(text: str) -> set[str]:
    forms = {unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text), strip_accents(text)}
    forms |= {quote(form, safe="").lower() for form in list(forms)}
    forms |= {json.dumps(form)[1:-1] for form in list(forms)}
    return {form for form in forms if form}


def _header_text(value) -> str:
    value = str(value)
    return str(make_header(decode_header(value))) if "=?" in value else value


def _email_text(data: bytes) -> str:
    message = email.message_from_bytes(data, policy=policy.compat32)  # headers as typed: quicker
    texts = []
    for part in message.walk():
        texts += [f"{key}: {_header_text(value)}" for key, value in part.items()]
        if part.get_content_maintype() == "text":
            payload = part.get_payload(decode=True) or b""
            texts.append(payload.decode(part.get_content_charset() or "utf-8", errors="replace"))
    return "\n".join(texts)


def _quick_text(name: str, data: bytes) -> str | None:
    """The file's text for the quick look: as it is, but an e-mail decoded and a calendar's folded
    lines joined (both could cut a word anywhere)."""
    if name.endswith(".eml"):
        return _email_text(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return _FOLDED_LINE.sub("", text) if name.endswith(".ics") else text


def _as_read(name: str, text: str) -> str:
    """A stretch of a file's quick text as its reader reads it: the calendar's and JSON's escapes
    undone, a feed's HTML (and the OPML file's names) unescaped once (the name engine decodes references once more)."""
    if name.endswith(".ics"):
        text = _ICS_ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)
    elif name.endswith(".json") and "\\u" in text:
        text = _JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    elif name.endswith((".xml", ".atom", ".rss", ".opml")) and "&" in text:
        text = html.unescape(text)
    return _PERCENT_ESCAPES.sub(_unescaped, text) if "%" in text else text


def _unescaped(escapes: re.Match) -> str:
    """A run of %-escapes as urllib's unquote reads it (the bytes as UTF-8), without walking the
    text around it: the search index's binary files hold many a stray '%'."""
    return bytes.fromhex(escapes.group().replace("%", "")).decode("utf-8", errors="replace")


class LastGate:
    """Reads files for private names with one directory's name engine."""

    def __init__(self, names):
        self.names = names
        self.addresses = PrivateAddresses(names)
        self.anchors = Anchors(names)
        self.read = 0  # files read (for the benchmark)
        #: Lines already looked at that no private name can start in: a site repeats most of its
        #: lines (a document's text is in its page and in a dozen feeds), so each is looked at once.
        self._clean_lines: set[int] = set()

    def _lines_naming(self, name: str, data: bytes) -> bool:
        """Whether ``data`` names a private person, looked at line by line: a site repeats most
        of its lines (a document's text is in its page and in a dozen feeds), so each line no
        name can be in is looked at once. A name typed across two lines starts with a word at the
        end of the first, followed by the line break, which the quick look finds in that line
        (read with the breaks around it); the close reading takes the lines on either side."""
        clean = self._clean_lines
        lines = data.split(b"\n")
        for index, (line, key) in enumerate(zip(lines, map(hash, lines))):
            if key in clean:
                continue
            if not _unit_may_name(self.anchors, line):
                clean.add(key)
                continue
            nearby = b"\n".join(lines[max(0, index - 1):index + 2]).decode("utf-8", errors="replace")
            if self._close_reading_names(name, nearby):
                return True
        return False

    def _close_reading_names(self, name: str, text: str) -> bool:
        """The close reading of lines the quick look found something in. A very long line of the
        search index (its words and filters: hundreds of kilobytes in one, binary) is read only
        around the places found, as an e-mail is: read whole, a warm rebuild at 10,000 documents
        spent seconds on the few index files that change. The index holds text without tags, so
        no long tag can part a name's words there; any other file's line is read whole."""
        if len(text) <= _LONG_LINE or not name.endswith(_SEARCH_INDEX_READ_AS):
            return self.names.may_name_private(_as_read(name, text))
        spans = self.anchors.spans(lower_same_length(text))
        if not spans and _folded_places(self.anchors, text):
            spans = [(0, len(text))]  # found only once folded, where the places are others
        return any(self.names.may_name_private(_as_read(name, text[start:end])) for start, end in spans)

    def file_names_private(self, relative: str, data: bytes) -> str | None:
        """Why the file at ``relative`` (inside the site) would name a private person, or None."""
        if self.addresses.find(relative):
            return "its address names a private person"
        name = relative.lower()
        if name.endswith(BINARY_ENDINGS):
            return None
        if name.endswith(SEARCH_INDEX_ENDINGS):
            data, name = search_index_bytes(data), name + ".json"  # its escapes undone as JSON's
        self.read += 1
        if not name.endswith((".eml", ".ics")):
            return "it names a private person" if self._lines_naming(name, data) else None
        quick = _quick_text(name, data)
        if quick is None:
            return None
        quick = _visible(quick)
        for start, end in self.anchors.spans(lower_same_length(quick)):
            if self.names.may_name_private(_as_read(name, quick[start:end])):
                return "it names a private person"
        if _folded_places(self.anchors, quick) and self.names.may_name_private(_as_read(name, quick)):
            return "it names a private person"
        return None


def search_index_bytes(data: bytes) -> bytes:
    """A file of the search index as the search reads it (unzipped, without its signature)."""
    try:
        data = gzip.decompress(data)
    except (OSError, EOFError):
        return data  # not compressed after all: read as it is
    return data.removeprefix(_SEARCH_INDEX_SIGNATURE)


def _unit_may_name(anchors: Anchors, line: bytes) -> bool:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return True  # read as a whole, which says what it is
    text = "\n" + _visible(text) + "\n"
    return bool(anchors.places(lower_same_length(text))) or _folded_places(anchors, text)


def _folded_places(anchors: Anchors, text: str) -> bool:
    """Whether ``text`` folded as withholding folds it (compatibility forms, no combining marks:
    ``strip_accents``) has a place a private name could be that it has not as it is: a name
    typed with an added accent ("Otti\u0301lie") or in fullwidth letters, which withholding
    knows and the anchors, made from the directory's own spellings, do not."""
    if text.isascii():
        return False
    folded = strip_accents(text)
    return folded != text and bool(anchors.places(lower_same_length(folded)))


def _invisible_spellings() -> re.Pattern:
    """Every way a file may spell a character no reader sees (``INVISIBLE``): a decimal, hex or
    named reference (also after ``&amp;``, in a feed), or JSON's escape. One expression whose
    alternatives all start with '&' or a backslash, so the many lines holding other references
    cost one quick scan each."""
    references, escapes = [], []
    for char in INVISIBLE:
        code = ord(char)
        hexes = sorted({f"{code:x}", f"{code:X}", f"{code:04x}", f"{code:04X}"})
        references += [f"#0*{code};", *(f"#[xX]0*{digits};" for digits in hexes)]
        references += [re.escape(name) for name, value in html5.items() if value == char and name.endswith(";")]
        escapes += [digits for digits in hexes if len(digits) == 4]
    return re.compile(f"&(?:amp;)?(?:{'|'.join(references)})|\\\\u(?:{'|'.join(escapes)})")


_INVISIBLE_SPELLED = _invisible_spellings()
#: What every one of those spellings starts with (a numeric reference starting with their
#: digits, one of their names, the escape of a character from U+00AD up): most lines with a
#: reference in them ("&amp;", "&lt;", "&#39;") have none, and skip the full expression.
_MAYBE_INVISIBLE_SPELLED = re.compile(
    r"&(?:amp;)?(?:#0*(?:1|6|8)|#[xX]0*[aA12fF]|"
    + "|".join(sorted({re.escape(name) for name, value in html5.items() if value in INVISIBLE}))
    + r")|\\u(?:00[aA]|180|20|[fF][eE])")
_INVISIBLE_DROPPED = {ord(char): None for char in INVISIBLE}
_RAW_INVISIBLE = re.compile(f"[{INVISIBLE}]")


def _visible(text: str) -> str:
    """``text`` without the characters no reader sees inside a word, however spelt: the quick
    look's anchors are the name's visible forms ("Ott&shy;ilie" reads as "Ottilie")."""
    if ("&" in text or "\\u" in text) and _MAYBE_INVISIBLE_SPELLED.search(text):
        text = _INVISIBLE_SPELLED.sub("", text)
    if text.isascii() or not _RAW_INVISIBLE.search(text):
        return text
    return text.translate(_INVISIBLE_DROPPED)
