"""Property: a private name, typed any way a writer might, reaches no output file of a real build.

Hypothesis makes up a private person (a name of two or three invented words, some with an
apostrophe or an accent, and perhaps a one-word alias) and types the name into a document's title,
summary and body with random apostrophes, accents (composed, decomposed or left off), capitals,
spacing (spaces, a line break, a non-breaking space or ``&nbsp;``) and markup splits (emphasis,
bold, a link, an HTML tag). After a real build, no word of the name longer than two letters may
stand in any output file (HTML, XML, ICS, text, e-mail, JSON), however it is encoded.
"""

import html
import re
import shutil
import unicodedata

import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from tests.building import CONTENT, output_files, run_build

pytestmark = pytest.mark.build

SYLLABLES = ["zor", "vik", "qua", "ly", "brax", "tel", "mund", "ov", "yth", "kess", "pril", "dov", "wex"]
APOSTROPHES = ["'", "\u2019", "\u2018", "\u02bc", "&#x27;", "&rsquo;"]
SPACES = [" ", "  ", "\n", "\u00a0", "&nbsp;", " \n "]


@st.composite
def private_names(draw):
    words = []
    for index in range(draw(st.integers(2, 3))):
        word = "".join(draw(st.lists(st.sampled_from(SYLLABLES), min_size=2, max_size=3))).capitalize()
        if index == 1 and draw(st.booleans()):
            word = "O'" + word
        if draw(st.booleans()):
            word = word.replace("o", "\u00f3", 1)
        words.append(word)
    return words


@st.composite
def typed(draw, words, markup=True):
    """One way of typing the name made of ``words``."""
    pieces = []
    case = draw(st.sampled_from(["as is", "upper", "lower"]))
    for word in words:
        word = {"as is": word, "upper": word.upper(), "lower": word.lower()}[case]
        word = word.replace("'", draw(st.sampled_from(APOSTROPHES if markup else APOSTROPHES[:4])))
        accents = draw(st.sampled_from(["composed", "decomposed", "none"]))
        if accents == "decomposed":
            word = unicodedata.normalize("NFD", word)
        elif accents == "none":
            word = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
        if markup:
            markup_of = st.sampled_from(["{}", "*{}*", "**{}**", "[{}](https://example.org/)", "<span>{}</span>"])
            word = draw(markup_of).format(word)
        pieces.append(word)
    spaces = SPACES if markup else [" ", "  ", "\u00a0"]
    return "".join(piece + (draw(st.sampled_from(spaces)) if i < len(pieces) - 1 else "")
                   for i, piece in enumerate(pieces))


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", html.unescape(text))
    return "".join(c for c in text if not unicodedata.combining(c)).replace("\u2019", "'").casefold()


def _plant(data, content, index, taken):
    """Add a private person to the directory and a document typing their name; return the name.
    ``taken``: the names and aliases of the people planted before, which this one must not share."""
    words = data.draw(private_names())
    name = " ".join(words)
    alias = data.draw(st.sampled_from(["", words[0]]))
    assume(name.casefold() not in taken and alias.casefold() not in taken)
    taken.update({name.casefold(), words[0].casefold()})
    with open(content / "directory" / "people.yml", "a", encoding="utf-8") as handle:
        handle.write(f'\n- id: private-volunteer-{index}\n  name: "{name}"\n  public: false\n'
                     + (f'  aliases: ["{alias}"]\n' if alias else ""))
    body = "\n\n".join(f"Paragraph {i}: we thank {data.draw(typed(words))} for the work." for i in range(4))
    if alias:
        body += f"\n\n{data.draw(st.sampled_from([alias, alias.upper()]))} also helped."
    title, summary = data.draw(typed(words, markup=False)), data.draw(typed(words, markup=False))
    (content / "updates" / f"2026-11-2{index}-thanks.md").write_text(
        f'---\ntitle: "Thanks to {title}"\ndate: 2026-11-2{index}\nsummary: "With {summary}."\n---\n{body}\n',
        encoding="utf-8")
    return name


#: Private people planted in each build, each with a document of their own.
PER_BUILD = 4


# Every example is a real build (a few seconds), so each plants several private people: twelve
# names typed their own ways in three builds. A fixed set of examples, reported as found rather
# than shrunk, which would take minutes of builds.
@settings(max_examples=3, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck),
          phases=[Phase.explicit, Phase.generate])
@given(st.data())
def test_a_private_name_typed_any_way_is_in_no_output_file(tmp_path_factory, data):
    content = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(CONTENT, content)
    taken: set[str] = set()
    names = [_plant(data, content, index, taken) for index in range(PER_BUILD)]
    result = run_build(str(content.parent / "output"), str(content))
    assert result.returncode == 0, result.log
    forbidden = [(_fold(word), name) for name in names for word in re.split(r"[\s']+", name) if len(word) > 2]
    for path, text in output_files(result.output):
        folded = _fold(text)
        for word, name in forbidden:
            assert word not in folded, f"{word!r} of {name!r} is in {path}"
