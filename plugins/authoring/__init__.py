"""authoring: from a Word file or a blank page to a document of ours.

Pure cores for the officer's commands in tools/: ``wordimport`` (`make import DOCX=…`: a .docx
file read with mammoth, written as Markdown with front matter and a block of guesses to review),
with ``minutesimport``, ``attendance`` and ``matching`` for minutes (the `meeting:` block, who
attended, matched against the directory by the build's name engine), ``phrases`` (dates, times
and labels as typed in Word), ``markdowntext`` (mammoth's HTML as our Markdown) and
``frontmatter`` (front matter written so the build reads it back).
"""


def register():
    """Nothing of the import runs in a build."""
