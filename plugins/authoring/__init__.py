"""authoring: from a Word file or a blank page to a live site, and a directory that grows with
the content.

Adds the suggestions for the directory to `make check` (``glue.suggest_in_check``, called by the
pipeline in a check only): names in the published texts that look like people or organisations
the directory lacks, guests seen at more than one meeting, and near-misses of names it holds
(``suggestions``), listed after the problems and written as entries to edit by `make suggest`
(``suggestfile``).

Pure cores for the officer's commands in tools/, each tested without a build: ``newfile``
(`make new`: a new document planned, minutes from the body's last meeting); ``wordimport``
(`make import DOCX=…`: a .docx file read with mammoth, written as Markdown with front matter and a
block of guesses to review), with ``minutesimport``, ``attendance`` and ``matching`` for minutes
(the `meeting:` block, who attended, matched against the directory by the build's name engine),
``phrases`` (dates, times and labels as typed in Word), ``markdowntext`` (mammoth's HTML as our
Markdown) and ``frontmatter`` (front matter written so the build reads it back); ``livepreview``
(what `make devserver` adds to the pages it serves: the script that reloads them after each build
and shows a failed build's report over the page; never written into a built file) and ``deploy``
(reading DEPLOY_TARGET, checking that the site in output/ is the whole site of a build that
succeeded, and the commands that put it online, for `make deploy`).
"""


def register():
    """Nothing to connect: the pipeline calls the suggestions in their place (see pipeline.order)."""
