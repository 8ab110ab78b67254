"""Real Word files, made in the test with python-docx, shaped like the documents officers write
(see docs/testing.md): formal minutes, informal notes and a monthly update of the fictional
Calder Valley Migration Partnership."""

from __future__ import annotations

import io
import struct
import zlib

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches

#: The attendance table of the formal minutes: (initials, name, organisation), under group rows.
ATTENDANCE = [
    ("Present", "", ""),
    ("RA", "Ruth Abernethy", "Calderbridge Refugee Forum (Chair)"),
    ("HS", "Dr Harpreet Sandhu", "NCHT"),
    ("SA", "Samuel Adeyemi", "Calderbridge City Council"),
    ("MK", "M. Kowalczyk", "NCC"),  # initials two people share, told apart by the organisation
    ("JW", "J. Whitlow", "CLC"),
    ("In attendance", "", ""),
    ("NF", "Nadia Fairclough", "CVMP (Minutes)"),
    ("PW", "Priya Wardle", "Calder Valley Food Bank"),
    ("ZQ", "Zara <script>alert('x')</script> Quinn", "Sanctuary Arts"),
    ("Apologies", "", ""),
    ("GM", "Grace Mensah", "Northmoor Children's Services"),
]
#: Who the formal minutes' attendees are, as the directory knows them.
ATTENDANCE_IDS = {
    "present": ["ruth-abernethy", "harpreet-sandhu", "samuel-adeyemi", "martin-kowalczyk", "joanna-whitlow"],
    "in_attendance": ["nadia-fairclough", "Priya Wardle (Calder Valley Food Bank)",
                      "Zara <script>alert('x')</script> Quinn (Sanctuary Arts)"],
    "apologies": ["grace-mensah"],
}


def _bold_start(document, number: str, bold: str, rest: str):
    paragraph = document.add_paragraph(f"{number} " if number else "")
    paragraph.add_run(bold).bold = True
    paragraph.add_run(rest)
    return paragraph


def _bookmark(paragraph, name: str = "_GoBack") -> None:
    """A real Word bookmark, as Word leaves at the last place edited."""
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), "0"), start.set(qn("w:name"), name), end.set(qn("w:id"), "0")
    paragraph._p.append(start), paragraph._p.append(end)


def _saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def formal_minutes() -> bytes:
    document = docx.Document()
    document.add_paragraph("Calder Valley Migration Partnership", style="Title")
    document.add_paragraph().add_run("Steering Group minutes").bold = True
    document.add_paragraph("Wednesday 11th November 2026, 2.00pm – 4.30pm, Committee Room 2, Calderbridge Civic Centre")
    table = document.add_table(rows=0, cols=3)
    for row in ATTENDANCE:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    document.add_heading("1. Welcome and apologies", 1)
    _bold_start(document, "1.1", "RA", " welcomed members and Priya Wardle of the Calder Valley Food Bank.")
    document.add_heading("2. Minutes of the last meeting and matters arising", 1)
    document.add_paragraph("2.1 The minutes of 16 September 2026 were agreed.")
    document.add_paragraph("2.2 Action 3 (2026-09-16): done. The timetable was shared on 2 October.")
    document.add_heading("3. Closure of the Kingsway Hotel", 1)
    _bold_start(document, "3.1", "SA", " reported that the short-life group has met three times.")
    _bold_start(document, "3.2", "HS", " asked that every move include a health check.")
    document.add_paragraph("ACTION 1 – SA to circulate the short-life group's notes to all members by 30 November.")
    _bold_start(document, "", "Action 2:", " HS and MK to report on health checks at the January meeting.")
    document.add_heading("4. Funding", 1)
    _bold_start(document, "4.1", "JW", " asked when the councils would decide.")
    _bold_start(document, "", "Action 3:", " CCC to confirm its contribution for 2027–28.")
    document.add_heading("5. Date of next meeting", 1)
    document.add_paragraph("Wednesday 20th January 2027 at 2pm, Committee Room 2, Calderbridge Civic Centre.")
    return _saved(document)


def informal_notes() -> bytes:
    document = docx.Document()
    document.add_heading("CVMP Operations Group – notes of meeting", 1)
    document.add_paragraph("Thursday 19 November 2026, 10.00am – 12.00pm, Meeting Room 1, Wellgate House")
    document.add_paragraph("Present: Yusuf Haddad (CRF, Chair), Nadia Fairclough (CVMP, notes), Revd Margaret "
                           "Ashdown (St Aidan's Night Shelter), Ottilie Marchbanks (RWN), Rosa Delgado "
                           "(Calderbridge College) and Hannah Cole (CVHN)")
    document.add_paragraph("Apologies: Alison Thwaite, Kerry Walsh")
    document.add_paragraph().add_run("1. Welcome and apologies").bold = True
    document.add_paragraph("Yusuf Haddad welcomed everyone. Apologies as listed.")
    document.add_paragraph().add_run("2. Updates from members").bold = True
    document.add_paragraph("· St Aidan's Night Shelter opens five nights a week from December.")
    document.add_paragraph("· The college's winter conversation clubs start on 7 January.")
    bookmarked = document.add_paragraph("· The hosting network has twelve hosts approved. [bookmark: _GoBack]")
    _bookmark(bookmarked)
    document.add_paragraph("Action: Hannah Cole to send the referral form to all members.")
    document.add_paragraph().add_run("3. Date of next meeting").bold = True
    document.add_paragraph("Next meeting: to be confirmed.")
    return _saved(document)


def tiny_png() -> bytes:
    """A one-pixel PNG picture."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x2a\x6f\x9e"))
            + chunk(b"IEND", b""))


def monthly_update() -> bytes:
    document = docx.Document()
    document.add_paragraph("November 2026 project update", style="Title")
    document.add_paragraph("November was a month of planning for the Kingsway Hotel's closure.")
    document.add_heading("Steering Group news", 1)
    document.add_paragraph("The Steering Group met on 11th November and agreed three priorities:")
    for item in ("a secure post for the project officer", "two community seats", "an open action log"):
        document.add_paragraph(item, style="List Bullet")
    document.add_heading("The Kingsway Hotel", 2)
    document.add_paragraph("Moves take place in four stages:")
    table = document.add_table(rows=3, cols=2)
    for row, texts in zip(table.rows, [("Stage", "Month"), ("First moves", "November"), ("Last moves", "March")]):
        row.cells[0].text, row.cells[1].text = texts
    document.add_picture(io.BytesIO(tiny_png()), width=Inches(1))
    document.inline_shapes[0]._inline.docPr.set("descr", "The Kingsway Hotel from Station Road")
    paragraph = document.add_paragraph("Thanks to ")
    paragraph.add_run("everyone").italic = True
    paragraph.add_run(" who came to the winter fair.")
    return _saved(document)


def empty_document() -> bytes:
    return _saved(docx.Document())
