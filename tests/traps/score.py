"""The trap corpus: what each document must link (and withhold), and how well a build did.

The corpus (``tests/traps/corpus``) is written with its answers in it: ``⟦May Reed|person:may-reed⟧``
is a span that must be linked to that person, ``⟦Niamh O'Brien|withheld⟧`` one that must be withheld;
every other word must stay plain. ``strip`` gives the content a build reads.

    python -m tests.traps.score            # build the corpus, print precision and recall per kind
"""

from __future__ import annotations

import difflib
import os
import re
import sys
import tempfile
import unicodedata

from bs4 import BeautifulSoup

CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")
MARK = re.compile(r"⟦(.+?)\|([a-z]+(?::[a-z0-9-]+)?)⟧", re.DOTALL)
KINDS = ("person", "organisation", "theme")


def strip(text: str) -> str:
    return MARK.sub(lambda m: m.group(1), text)


def same_text(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text.replace("\u00a0", " ")).split())


def documents():
    """(address of the page, source text with marks) of every document in the corpus."""
    for folder in ("updates", "minutes"):
        for name in sorted(os.listdir(os.path.join(CORPUS, folder))):
            with open(os.path.join(CORPUS, folder, name), encoding="utf-8") as handle:
                yield f"{folder}/{name[:-3]}/", handle.read()


def expected_links(source: str) -> list[tuple[str, str]]:
    """(text, "kind:id") of every span of the body that must be linked, in order."""
    body = source.split("\n---\n", 1)[1]
    return [(same_text(strip(m.group(1)).replace("*", "")), m.group(2)) for m in MARK.finditer(body)
            if m.group(2) != "withheld"]


def withheld_count(source: str) -> int:
    return sum(m.group(2) == "withheld" for m in MARK.finditer(source))


def found_links(html: str) -> list[tuple[str, str]]:
    body = BeautifulSoup(html, "html.parser").select_one(".document-body")
    return [(same_text(a.get_text()), a["data-mention"]) for a in body.select("a.mention")]


def write_content(target: str) -> None:
    """The corpus without its marks, as a content folder."""
    for base, _, names in os.walk(CORPUS):
        for name in names:
            source = os.path.join(base, name)
            destination = os.path.join(target, os.path.relpath(source, CORPUS))
            os.makedirs(os.path.dirname(destination), exist_ok=True)
            with open(source, encoding="utf-8") as handle:
                text = handle.read()
            with open(destination, "w", encoding="utf-8") as handle:
                handle.write(strip(text))


def score(site: str) -> tuple[dict[str, tuple[float, float]], dict[str, tuple[list, list]]]:
    """Precision and recall per kind over the built ``site``; and, per page, what was expected
    and found."""
    counts = {kind: [0, 0, 0] for kind in KINDS}  # right, found, expected
    pages = {}
    for address, source in documents():
        with open(os.path.join(site, address, "index.html"), encoding="utf-8") as handle:
            found = found_links(handle.read())
        expected = expected_links(source)
        pages[address] = (expected, found)
        matcher = difflib.SequenceMatcher(a=expected, b=found, autojunk=False)
        for block in matcher.get_matching_blocks():
            for text, target in expected[block.a:block.a + block.size]:
                counts[target.split(":")[0]][0] += 1
        for text, target in found:
            counts[target.split(":")[0]][1] += 1
        for text, target in expected:
            counts[target.split(":")[0]][2] += 1
    rates = {kind: (right / found if found else 1.0, right / expected if expected else 1.0)
             for kind, (right, found, expected) in counts.items()}
    return rates, pages


def report(rates: dict[str, tuple[float, float]]) -> str:
    lines = [f"{'kind':<14}{'precision':>10}{'recall':>10}"]
    lines += [f"{kind:<14}{p:>10.3f}{r:>10.3f}" for kind, (p, r) in rates.items()]
    return "\n".join(lines)


def main() -> int:
    from tests.building import run_build

    with tempfile.TemporaryDirectory() as scratch:
        content = os.path.join(scratch, "content")
        write_content(content)
        result = run_build(os.path.join(scratch, "output"), content, settings="tests/traps/trapconf.py")
        if result.returncode != 0:
            print(result.log)
            return 1
        rates, _ = score(result.output)
        print(report(rates))
    return 0


if __name__ == "__main__":
    sys.exit(main())
