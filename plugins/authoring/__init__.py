"""authoring: from a Word file or a blank page to a live site.

Pure cores for the officer's commands in tools/, each tested without a build:
``wordimport`` (`make import DOCX=…`: a .docx file read with mammoth, written as Markdown with
front matter and a block of guesses to review), with ``minutesimport``, ``attendance`` and
``matching`` for minutes (the `meeting:` block, who attended, matched against the directory by the
build's name engine), ``phrases`` (dates, times and labels as typed in Word), ``markdowntext``
(mammoth's HTML as our Markdown) and ``frontmatter`` (front matter written so the build reads it
back); ``livepreview`` (what `make devserver` adds to the pages it serves: the script that reloads
them after each build and shows a failed build's report over the page; never written into a built
file) and ``deploy`` (reading DEPLOY_TARGET, checking that the site in output/ is the whole site of
a build that succeeded, and the commands that put it online, for `make deploy`).
"""


def register():
    """Nothing of a build: these cores serve the officer's commands and the preview server."""
