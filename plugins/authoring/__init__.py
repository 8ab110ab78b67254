"""authoring: from a blank page to a document, and a directory that grows with the content.

Adds the suggestions for the directory to `make check` (``glue.suggest_in_check``, called by the
pipeline in a check only): names in the published texts that look like people or organisations
the directory lacks, guests seen at more than one meeting, and near-misses of names it holds
(``suggestions``), listed after the problems and written as entries to edit by `make suggest`
(``suggestfile``). Plans a new document for `make new` (``newfile``). Pure cores; the commands
are tools/new.py and tools/suggest.py.
"""


def register():
    """Nothing to connect: the pipeline calls the suggestions in their place (see pipeline.order)."""
