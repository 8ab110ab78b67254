"""authoring: from a Word file or a blank page to a live site (issue 17).

Pure cores, each tested without a build: ``livepreview`` (what `make devserver` adds to the pages
it serves: the script that reloads them after each build and shows a failed build's report
over the page; never written into a built file) and ``deploy`` (reading DEPLOY_TARGET, checking
that the site in output/ is the whole site of a build that succeeded, and the commands that put it
online, for `make deploy`). The scripts in tools/ are the thin glue.
"""


def register():
    """Nothing of a build: these cores serve the preview server and the deploy command."""
