"""The last gate: a private name that reaches a file by a route withholding does not know (here,
a setting a template shows) stops the build, names the file, and leaves the published site as it was."""

import os
import re

import pytest

from tests.building import run_build, settings_with, tree_digest

pytestmark = pytest.mark.build


def test_a_private_name_in_any_written_file_stops_the_build_and_publishes_nothing(tmp_path, content_copy):
    output, cache = str(tmp_path / "output"), {"SITE_CACHE_PATH": str(tmp_path / "cache")}
    assert run_build(output, str(content_copy), env=cache).returncode == 0
    before = tree_digest(output)
    assert list((tmp_path / "cache").rglob("links-*.pickle"))  # the link gate's memo of a site that passed
    settings = settings_with(tmp_path, "leakyconf",
                             "SITESUBTITLE = 'News from the partnership, edited by Ottilie Marchbanks'\n")
    result = run_build(output, str(content_copy), settings=settings, env=cache)
    assert result.returncode == 1, result.log
    assert re.search(r"output/index\.html: the new site was not published, because it names a private person "
                     r"\(public: false\)\. Every text is meant to be withheld", result.stderr), result.stderr
    assert "Nothing was published; the site online is unchanged." in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(output) == before
    assert not list(tmp_path.glob(".output.building*"))
    # The link gate passed this site, read at the same time: no memo is kept of a site not published
    # (the other settings' cache folder is tidied away by the build).
    assert list((tmp_path / "cache").rglob("related.pickle")) and not list((tmp_path / "cache").rglob("links-*.pickle"))


def test_a_private_name_and_a_broken_link_in_one_build_the_private_name_is_what_stops_it(tmp_path, content_copy):
    # The two gates read the new site at the same time; a private name comes first in the report.
    output = str(tmp_path / "output")
    update = content_copy / "updates" / "2024-01-project-update.md"
    update.write_text(update.read_text(encoding="utf-8") + "\nSee [the old page](../no-such-page/).\n",
                      encoding="utf-8")
    settings = settings_with(tmp_path, "leakyconf",
                             "SITESUBTITLE = 'News from the partnership, edited by Ottilie Marchbanks'\n")
    cache = tmp_path / "cache"
    result = run_build(output, str(content_copy), settings=settings, env={"SITE_CACHE_PATH": str(cache)})
    assert result.returncode == 1, result.log
    assert "it names a private person (public: false)" in result.stderr
    assert "no-such-page" not in result.stderr
    assert "Traceback" not in result.stderr
    assert not os.path.exists(output) and not list(tmp_path.glob(".output.building*"))
