"""The link gate: a build with a link that leads nowhere (a missing page, image or anchor, a
directory url into the site) fails, publishes nothing and names each link where it can be fixed;
a page kept by a warm rebuild is still checked against a page deleted since."""

import pytest

from tests.building import run_build, tree_digest

pytestmark = pytest.mark.build

MINUTES = "minutes/2025-02-12-steering-group.md"


def _append(path, text):
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_broken_links_images_anchors_and_directory_urls_stop_the_build(tmp_path, content_copy):
    output = str(tmp_path / "output")
    assert run_build(output, str(content_copy)).returncode == 0
    before = tree_digest(output)
    _append(content_copy / MINUTES, "\n\nSee [the budget](../../minutes/2025-13-budget/), "
            "![the venue](../../images/venue-map.png) and [item 4](#item-4).\n")
    _replace(content_copy / "directory" / "organisations.yml", "https://cvmp.example.org/about/#steering-group",
             "https://cvmp.example.org/about/steering-group/")
    result = run_build(output, str(content_copy))
    assert result.returncode == 1, result.log
    stderr = result.stderr
    line = (content_copy / MINUTES).read_text(encoding="utf-8").count("\n")
    for link, missing in (("../../minutes/2025-13-budget/", "the new site has no page 'minutes/2025-13-budget/'"),
                          ("../../images/venue-map.png", "the new site has no page 'images/venue-map.png'"),
                          ("#item-4", "'minutes/2025-02-12-steering-group/' has no anchor '#item-4'")):
        assert f"content/{MINUTES}, line {line}: the link '{link}' leads nowhere: {missing}." in stderr, stderr
    assert ("content/directory/organisations.yml, line 11, key 'url': 'https://cvmp.example.org/about/steering-group/' "
            "is an address on this site, but the new site has no page 'about/steering-group/'.") in stderr, stderr
    assert "organisations/cvmp-steering-group/index.html" not in stderr  # the entry is the problem, not its page
    assert "The site was not built: 4 problems" in stderr
    assert "Nothing was published; the site online is unchanged." in stderr
    assert "Traceback" not in stderr
    assert tree_digest(output) == before


def test_a_warm_rebuild_still_finds_a_link_to_a_document_deleted_since(tmp_path, content_copy):
    output = str(tmp_path / "output")
    update = content_copy / "updates" / "2024-05-project-update.md"
    _append(update, "\n\nThe move-on briefing's notes are [here](../../briefings/2024-03-move-on-briefing/).\n")
    line = update.read_text(encoding="utf-8").count("\n")
    assert run_build(output, str(content_copy)).returncode == 0
    before = tree_digest(output)
    (content_copy / "briefings" / "2024-03-move-on-briefing.md").unlink()
    result = run_build(output, str(content_copy))
    assert result.returncode == 1, result.log
    assert (f"content/updates/2024-05-project-update.md, line {line}: the link '../../briefings/2024-03-move-on-briefing/' "
            "leads nowhere: the new site has no page 'briefings/2024-03-move-on-briefing/'.") in result.stderr, result.stderr
    assert tree_digest(output) == before
