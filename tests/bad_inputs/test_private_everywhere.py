"""A private person typed into every field and every route: no output file names them.

The sample directory's private person, Ottilie Marchbanks (public: false), is written into
every text any output can show, in the forms a writer might type. The build must succeed,
withhold every one, warn where they were, and leave no trace of "Ottilie" or "Marchbanks" in
any file (decoded as its reader would: HTML entities, the calendar's folded lines, the e-mail's
encodings, the search index's compression) or in any file's address.
"""

import email
import gzip
import html
import os
import re
from email import policy
from urllib.parse import unquote

import pytest

from tests.building import run_build

pytestmark = pytest.mark.build

#: Words of the private person's name: none may appear in any output, in any case.
TRACES = ("ottilie", "marchbanks")


def readable_text(relative: str, data: bytes) -> str:
    """What a reader of this file would see, decoded the way its reader decodes it."""
    if relative.endswith(".eml"):
        message = email.message_from_bytes(data, policy=policy.default)
        parts = [f"{key}: {value}" for key, value in message.items()]
        for part in message.walk():
            if not part.is_multipart():
                parts.append(part.get_content() if part.get_content_maintype() == "text" else "")
        text = "\n".join(parts)
    elif relative.endswith((".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter")):  # the search index
        text = gzip.decompress(data).decode("utf-8", errors="replace")
    else:
        text = data.decode("utf-8", errors="replace")
    if relative.endswith(".ics"):
        text = re.sub(r"\r?\n[ \t]", "", text).replace("\\,", ",").replace("\\;", ";").replace("\\n", "\n")
    for _ in range(3):  # feeds hold escaped HTML, which may hold references again
        text = html.unescape(text)
    return unquote(text)


def traces_in(output: str, traces=TRACES) -> list[str]:
    """Where the words ``traces`` appear in the site at ``output``, in any file or address."""
    found = []
    for base, _, files in os.walk(output):
        for name in files:
            full = os.path.join(base, name)
            relative = os.path.relpath(full, output)
            if any(word in unquote(relative).lower() for word in traces):
                found.append(f"{relative}: in its address")
            if name.endswith((".pdf", ".png", ".jpg")):
                continue
            with open(full, "rb") as handle:
                text = readable_text(relative, handle.read()).lower()
            for word in traces:
                at = text.find(word)
                if at >= 0:
                    found.append(f"{relative}: ...{text[max(0, at - 60):at + 40]}...")
    return found


def _edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _put_private_person_everywhere(content):
    directory = content / "directory"
    _edit(directory / "people.yml", "  role: Democratic Services Officer",
          "  role: \"Democratic Services Officer, deputy to OTTILIE MARCHBANKS\"")
    _edit(directory / "themes.yml", "its effect on the places that host it.",
          "its effect on the places that host it, as Ottilie Marchbanks’ report showed.")
    _edit(directory / "organisations.yml", "  kind: Partnership\n  part_of",
          "  kind: \"Partnership (Ms Marchbanks's group)\"\n  part_of")
    update = content / "updates" / "2026-10-project-update.md"
    _edit(update, 'title: "October 2026 project update"', 'title: "October 2026 update, with thanks to Ottilie Marchbanks"')
    _edit(update, 'summary: "The evaluation', 'summary: "OTTILIE  MARCHBANKS on the evaluation')
    _edit(update, "people: [ruth-abernethy,", "people: [ottilie-marchbanks, ruth-abernethy,")
    _edit(update, "author: nadia-fairclough", "author: \"Ottilie Marchbanks\"")
    _edit(update, 'title: "Independent evaluation 2024–2026: summary"',
          'title: "Independent evaluation 2024–2026: summary by Ms. Marchbanks"')
    _edit(update, "Here is where things stand.",
          "Here is where things stand, as Ottilie\nMarchbanks put it. Ask Ottilie&nbsp;Marchbanks or "
          "ottilie-marchbanks, or see ![Ottilie Marchbanks at the table](/images/table.png "
          "\"Ottilie Marchbanks\") and [her notes](https://example.org/notes \"Notes by Ottilie Marchbanks\").")
    (content / "images").mkdir(exist_ok=True)  # the picture exists, or the link gate stops the build
    (content / "images" / "table.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # any file will do: only its name is read
    minutes = sorted((content / "minutes").glob("*steering-group.md"))[-1]
    _edit(minutes, 'venue: "Committee Room 2, Calderbridge Civic Centre"',
          'venue: "Ottilie Marchbanks\'s kitchen, Lowbridge"')
    _edit(minutes, 'next_venue: "Committee Room 2, Calderbridge Civic Centre"',
          'next_venue: "The home of Ottilie Marchbanks"')
    _edit(minutes, "present: [ruth-abernethy,", "present: [ottilie-marchbanks, ruth-abernethy,")
    other = sorted((content / "minutes").glob("*operations-group.md"))[-1]
    _edit(other, "in_attendance: [", 'in_attendance: ["Ottilie Marchbanks (RWN)", ')
    with open(minutes, "a", encoding="utf-8") as handle:
        handle.write("\n**Action 9:** ottilie-marchbanks to send the rota to Ottilie Marchbanks's friends.\n")
    note = content / "newsletters" / "2026-10.md"
    _edit(note, 'title: "CVMP news, October 2026"', 'title: "CVMP news from Ottilie Marchbanks"')
    _edit(note, 'preheader: "The evaluation', 'preheader: "Ms Marchbanks on the evaluation')
    _edit(note, "Nadia Fairclough, Partnership Project Officer", "Ottilie Marchbanks, volunteer")
    _edit(content / "briefings" / "2024-03-move-on-briefing.md", "author: nadia-fairclough",
          "author: ottilie-marchbanks")
    _edit(content / "pages" / "about.md", "brings together the organisations",
          "(thanks to Ottilie Marchbanks) brings together the organisations")
    return update, minutes


def test_a_private_person_in_every_field_reaches_no_output_file(tmp_path, content_copy):
    update, minutes = _put_private_person_everywhere(content_copy)
    result = run_build(str(tmp_path / "output"), str(content_copy))
    assert result.returncode == 0, result.log
    assert traces_in(result.output) == []
    # The officer is told where each one was, to take the name out of the source.
    assert re.search(r"2024-03-move-on-briefing.md, key 'author': the author 'ottilie-marchbanks' is private "
                     r"\(public: false\), so the document is shown without an author", result.log), result.log
    for path, key in [("directory/people.yml", "role"), ("directory/themes.yml", "description"),
                      ("directory/organisations.yml", "kind")]:
        assert re.search(rf"WARNING: .*{re.escape(path)}, line \d+, key '{key}': the {key} of '[a-z-]+' names a "
                         r"private person; it is shown with '\[name withheld\]' instead", result.log), (path, result.log)
    for source, fields in [(minutes, ("venue:", "next_venue:", "**Action 9:**")),
                           (update, ("title:", "summary:", "author:", "title: \"Independent", "as Ottilie")),
                           (content_copy / "newsletters" / "2026-10.md", ("title:", "preheader:", "Ottilie"))]:
        lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
        numbers = [next(str(i) for i, line in enumerate(lines, 1) if field in line)
                   for field in fields]
        warning = re.search(rf"WARNING: .*{re.escape(source.name)}: a private person's name was replaced by "
                            r"'\[name withheld\]' \(line ([\d, ]+)\)", result.log)
        assert warning, (source, result.log)
        assert set(numbers) <= set(warning.group(1).split(", ")), (source, numbers, warning.group(0))


@pytest.mark.parametrize("where", ["slug", "file name", "static file", "web address", "organisation id"])
def test_an_address_that_names_a_private_person_stops_the_build(tmp_path, content_copy, where):
    update = content_copy / "updates" / "2026-10-project-update.md"
    if where == "slug":
        _edit(update, "author: nadia-fairclough", "author: nadia-fairclough\nslug: thanks-ottilie-marchbanks")
        path, address = update, "updates/thanks-ottilie-marchbanks/"
    elif where == "file name":
        path = update.rename(update.with_name("2026-10-Ottilie Marchbanks.md"))
        address = "updates/2026-10-ottilie-marchbanks/"
    elif where == "static file":
        path = content_copy / "files" / "rota-by-ms-marchbanks.pdf"
        path.write_bytes(b"%PDF-1.4\n")
        address = "files/rota-by-ms-marchbanks.pdf"
    elif where == "web address":
        path = content_copy / "directory" / "people.yml"
        _edit(path, "  role: Democratic Services Officer",
              "  role: Democratic Services Officer\n  url: https://example.org/team/Ottilie%20Marchbanks")
        address = "https://example.org/team/Ottilie%20Marchbanks"
    else:
        path = content_copy / "directory" / "organisations.yml"
        _edit(path, "- id: cvmp-operations-group", "- id: ottilie-marchbanks-group")
        _edit(path, "part_of: cvmp-operations-group", "part_of: ottilie-marchbanks-group", count=-1) \
            if "part_of: cvmp-operations-group" in path.read_text(encoding="utf-8") else None
        address = "ottilie-marchbanks-group"
    result = run_build(str(tmp_path / "output"), str(content_copy))
    assert result.returncode == 1, result.log
    assert not os.path.exists(result.output)
    relative = os.path.relpath(path, content_copy.parent)
    assert re.search(rf"{re.escape(relative)}(, line \d+)?(, key '[a-z_]+')?: the address '{re.escape(address)}' "
                     r"holds the name of a private person \(public: false\), and an address cannot be withheld "
                     "once it is published. (Rename the file|Change the web address|Choose an id)", result.stderr), result.stderr


def test_a_public_alias_that_holds_a_private_name_stops_the_build(tmp_path, content_copy):
    people = content_copy / "directory" / "people.yml"
    _edit(people, "  role: Democratic Services Officer", "  role: Democratic Services Officer\n"
          "  aliases: [\"Chloe (Ottilie Marchbanks's colleague)\"]")
    result = run_build(str(tmp_path / "output"), str(content_copy))
    assert result.returncode == 1, result.log
    assert re.search(r"directory/people.yml, line \d+, key 'aliases': the alias 'Chloe \(Ottilie Marchbanks's "
                     r"colleague\)' of 'chloe-ashworth' holds the name of a private person", result.stderr), result.stderr
