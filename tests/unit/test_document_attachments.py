"""Files published with a document (`attachments:`): their path, title, size and type as readers get
them, and the messages when one is missing; a document too large to build well (documents)."""

from network.directory import load_directory
from network.documents import read_basics, report_size, resolve_document
from network.errors import ProblemLog
from network.model import Attachment
from network.source import split_front_matter

PATH = "content/updates/2025-03-housing.md"
FILES = {"files/2025-report.PDF": 2048, "files/data/rents.csv": 300, "files/notes.md": 10,
         "images/plan.jpeg": 5000, "files/budget.v2.xlsx": 70, "files/README": 5, "Xmas-menu.pdf": 80}


def resolve(attachments: str, *, status="published", files=FILES):
    """The document with this `attachments:` value (its key at line 5)."""
    text = f"---\ntitle: Housing update\ndate: 2025-03-14\nstatus: {status}\nattachments: {attachments}\n---\n"
    front, _, _ = split_front_matter(text, PATH)
    basics = read_basics(front, PATH, default_category="Updates", categories=["Updates"], is_page=False)
    log = ProblemLog()
    directory = load_directory({"people.yml": "[]\n", "organisations.yml": "[]\n", "themes.yml": "[]\n"},
                               "content/directory", ProblemLog())
    return resolve_document(basics, front, PATH, directory, log, files=files), log


def report(log):
    return [p.format() for p in log.errors], [p.format() for p in log.warnings]


def test_a_list_of_paths_gives_titles_sizes_and_media_types():
    document, log = resolve("[files/2025-report.PDF, /files/data/rents.csv, files/notes.md, images/plan.jpeg]")
    assert not log.problems
    assert document.attachments == [
        Attachment("files/2025-report.PDF", "2025-report.PDF", 2048, "application/pdf"),
        Attachment("files/data/rents.csv", "rents.csv", 300, "text/csv"),
        Attachment("files/notes.md", "notes.md", 10, "application/octet-stream"),
        Attachment("images/plan.jpeg", "plan.jpeg", 5000, "image/jpeg"),
    ]


def test_an_odd_path_keeps_its_name_and_gets_the_type_of_its_last_extension():
    document, log = resolve("[files/budget.v2.xlsx, files/README, /Xmas-menu.pdf]")
    assert not log.problems
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert document.attachments == [
        Attachment("files/budget.v2.xlsx", "budget.v2.xlsx", 70, xlsx),
        Attachment("files/README", "README", 5, "application/octet-stream"),
        Attachment("Xmas-menu.pdf", "Xmas-menu.pdf", 80, "application/pdf"),
    ]


def test_one_path_alone_is_one_attachment():
    document, _ = resolve("files/data/rents.csv")
    assert [a.path for a in document.attachments] == ["files/data/rents.csv"]


def test_an_attachment_may_have_its_own_title():
    document, log = resolve("\n  - file: files/2025-report.PDF\n    title: ' Annual report '\n"
                            "  - file: files/data/rents.csv\n")
    assert not log.problems
    assert [(a.path, a.title) for a in document.attachments] == [
        ("files/2025-report.PDF", "Annual report"), ("files/data/rents.csv", "rents.csv")]


def test_an_attachment_without_a_file_shows_both_ways_to_write_one():
    document, log = resolve("\n  - title: Annual report\n  - ''\n")
    assert document.attachments == []
    hint = "Write [files/report.pdf], or '- file: files/report.pdf' with 'title: ...' under it."
    assert report(log)[0] == [
        f"{PATH}, line 5, key 'attachments': an attachment must name a file, not ''. {hint}",
        f"{PATH}, line 5, key 'attachments': an attachment must name a file, not {{'title': 'Annual report'}}. {hint}"]


def test_a_missing_file_gets_a_did_you_mean_and_the_rest_are_kept():
    document, log = resolve("[files/2025-reprt.PDF, files/data/rents.csv]")
    assert [a.path for a in document.attachments] == ["files/data/rents.csv"]
    assert report(log)[0] == [
        f"{PATH}, line 5, key 'attachments': the attachment 'files/2025-reprt.PDF' is not in the content folder. "
        "Did you mean 'files/2025-report.PDF'? "
        "Put the file in content/files/ and write its path from the content folder."]


def test_a_missing_file_with_nothing_near_it_says_where_files_go():
    _, log = resolve("[agenda.odt]", status="draft")
    assert report(log) == ([], [
        f"{PATH}, line 5, key 'attachments': the attachment 'agenda.odt' is not in the content folder. "
        "Put the file in content/files/ and write its path from the content folder."])


def test_without_files_every_attachment_is_missing():
    front, _, _ = split_front_matter("---\ntitle: A\ndate: 2025-03-14\nattachments: [files/a.pdf]\n---\n", PATH)
    basics = read_basics(front, PATH, default_category="Updates", categories=["Updates"], is_page=False)
    log = ProblemLog()
    document = resolve_document(basics, front, PATH, load_directory({}, "content/directory", ProblemLog()), log)
    assert document.attachments == []
    assert "the attachment 'files/a.pdf' is not in the content folder" in report(log)[0][0]


def test_a_document_just_over_a_megabyte_is_a_warning():
    log = ProblemLog()
    report_size(PATH, 1_000_001, log)
    assert [p.format().split(";")[0] for p in log.warnings] == [f"{PATH}: the document is 1.0 MB"]


def test_the_size_of_a_large_document_is_rounded_to_a_tenth_of_a_megabyte():
    log = ProblemLog()
    report_size(PATH, 2_950_000, log)
    assert [p.format().split(";")[0] for p in log.warnings] == [f"{PATH}: the document is 3.0 MB"]
