"""The last gate: a private name that reaches a file by a route withholding does not know (here,
a setting a template shows) stops the build, names the file, and leaves the published site as it was."""

import re

import pytest

from tests.building import run_build, settings_with, tree_digest

pytestmark = pytest.mark.build


def test_a_private_name_in_any_written_file_stops_the_build_and_publishes_nothing(tmp_path, content_copy):
    output = str(tmp_path / "output")
    assert run_build(output, str(content_copy)).returncode == 0
    before = tree_digest(output)
    settings = settings_with(tmp_path, "leakyconf",
                             "SITESUBTITLE = 'News from the partnership, edited by Ottilie Marchbanks'\n")
    result = run_build(output, str(content_copy), settings=settings)
    assert result.returncode == 1, result.log
    assert re.search(r"output/index\.html: the new site was not published, because it names a private person "
                     r"\(public: false\)\. Every text is meant to be withheld", result.stderr), result.stderr
    assert "Nothing was published; the site online is unchanged." in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(output) == before
    assert not list(tmp_path.glob(".output.building*"))
