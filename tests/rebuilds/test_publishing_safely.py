"""The published site survives what can happen to a build: a kill at any moment, an output folder
that is a mount point (a container volume)."""

import glob
import gzip
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from network.contentcache import SAVING_MARKER
from tests.building import ROOT, SEARCH_INDEX, run_build, settings_with, tree_digest

pytestmark = pytest.mark.build


def _command(content, output):
    return [sys.executable, os.path.join(ROOT, "tools", "build.py"), "--settings",
            os.path.join(ROOT, "publishconf.py"), "--content", str(content), "--output", output]


def _marker(output):
    with open(os.path.join(output, "index.html"), encoding="utf-8") as handle:
        page = handle.read()
    return next((word for word in ("Round-one", "Round-two") if word in page), "original")


def test_a_build_killed_at_any_moment_leaves_the_old_site_or_the_new_one_whole(tmp_path, content_copy):
    output = str(tmp_path / "output")
    assert run_build(output, str(content_copy)).returncode == 0
    files = set(tree_digest(output))
    about = content_copy / "pages" / "about.md"
    original = about.read_text(encoding="utf-8")
    started = time.perf_counter()
    assert run_build(output, str(content_copy)).returncode == 0
    duration = time.perf_counter() - started
    for round_number, fraction in enumerate((0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 1.0)):
        word = ("Round-one", "Round-two")[round_number % 2]
        about.write_text(original.replace("title: About the partnership", f"title: About the partnership {word}"),
                         encoding="utf-8")
        (content_copy / "updates" / "2026-11-project-update.md").touch()
        build = subprocess.Popen(_command(content_copy, output), cwd=ROOT, start_new_session=True,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        os.killpg(build.pid, signal.SIGKILL)
        build.wait()
        assert set(tree_digest(output)) == files, f"killed at {fraction:.0%} of a build"
        assert _marker(output) in ("original", "Round-one", "Round-two")
        home_marker = _marker(output)
        with open(os.path.join(output, "about", "index.html"), encoding="utf-8") as handle:
            assert (home_marker == "original") or home_marker in handle.read(), "one site, not a mixture"
        assert _record_matches(output), "make deploy would take a site for one it is not"
    final = run_build(output, str(content_copy))
    assert final.returncode == 0, final.log
    assert set(tree_digest(output)) == files
    leftovers = [name for name in os.listdir(tmp_path) if name.startswith(".output.") and not name.endswith(
        (".lock", ".spare", ".built.json"))]
    assert leftovers == []


def _record_matches(output: str) -> bool:
    """The record a build leaves beside the output folder (read by make deploy) is missing, or
    tells of a build that succeeded and of the files and bytes the folder holds."""
    record_file = os.path.join(os.path.dirname(output), f".{os.path.basename(output)}.built.json")
    if not os.path.exists(record_file):
        return True
    with open(record_file, encoding="utf-8") as handle:
        record = json.load(handle)
    sizes = [os.lstat(os.path.join(base, name)).st_size for base, _, names in os.walk(output) for name in names]
    return record["succeeded"] and (record["files"], record["bytes"]) == (len(sizes), sum(sizes))


def test_a_build_stopped_while_the_reader_cache_is_saved_does_not_break_the_next_one(tmp_path, content_copy):
    """The reader cache is a whole file and a journal of each build's changes (network.journal):
    a build killed while appending leaves the journal cut short, and the next build must not
    mind. A build that fails on a mistake in the content must keep the cache (the officer's fix
    and rebuild stays quick)."""
    cache = tmp_path / "cache"
    settings = settings_with(tmp_path, "cached", f"CACHE_PATH = {str(cache)!r}\n")
    output = str(tmp_path / "output")
    first = run_build(output, str(content_copy), settings=settings)
    assert first.returncode == 0, first.log
    site = tree_digest(output)
    (folder,) = [path for path in cache.iterdir() if path.is_dir()]
    saved = folder / "ArticlesGenerator-Readers.memo"
    about = content_copy / "pages" / "about.md"
    original = about.read_text(encoding="utf-8")
    about.write_text("no front matter\n", encoding="utf-8")
    assert run_build(output, str(content_copy), settings=settings).returncode == 1
    assert saved.exists() and not (folder / SAVING_MARKER).exists()
    about.write_text(original, encoding="utf-8")
    assert run_build(output, str(content_copy), settings=settings).returncode == 0
    journal = folder / "PagesGenerator-Readers.memo.journal"
    assert journal.exists(), "the page read again was not appended to the cache's journal"
    # What a build killed while saving leaves behind: a record half written.
    journal.write_bytes(journal.read_bytes()[: journal.stat().st_size // 2])
    again = run_build(output, str(content_copy), settings=settings)
    assert again.returncode == 0, again.log
    assert "Traceback" not in again.log
    assert tree_digest(output) == site
    assert saved.exists() and not (folder / SAVING_MARKER).exists()


def _indexed_pages(site):
    pages = []
    for fragment in glob.glob(os.path.join(site, "pagefind", "*", "fragment", "*")):
        with gzip.open(fragment) as handle:
            pages.append(handle.read())
    assert pages, "the search index has pages"
    return sorted(pages)


@pytest.fixture
def mounted_output(tmp_path):
    """An output folder that is a mount point, as a container volume is."""
    output = tmp_path / "output"
    output.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(output)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a file system here: {done.stderr.decode().strip()}")
    yield str(output)
    subprocess.run(["umount", "-l", str(output)], check=False)


def test_an_output_folder_that_is_a_mount_point_is_updated_in_place(tmp_path, content_copy, mounted_output):
    first = run_build(mounted_output, str(content_copy))
    assert first.returncode == 0, first.log
    (content_copy / "updates" / "2024-01-project-update.md").unlink()  # a page that goes
    about = content_copy / "pages" / "about.md"
    about.write_text(about.read_text(encoding="utf-8").replace("title: About the partnership",
                                                               "title: About us"), encoding="utf-8")
    second = run_build(mounted_output, str(content_copy))
    assert second.returncode == 0, second.log
    assert "Traceback" not in second.log
    assert os.path.ismount(mounted_output)
    reference = run_build(str(tmp_path / "reference"), str(content_copy))  # the same site, not on a mount
    assert reference.returncode == 0
    on_mount, expected = tree_digest(mounted_output), tree_digest(reference.output)
    assert set(on_mount) == set(expected)
    # E-mails carry the time they were made; every other file is the same, byte for byte. Pagefind
    # numbers the pages in the order the file system lists a folder, and a tmpfs mount lists them
    # in another order than the disk: its filters and word index hold other page numbers. The
    # pages it indexed (each fragment: address, title, text, filters) must be the same.
    varying = (".eml", SEARCH_INDEX)
    assert {p: d for p, d in on_mount.items() if not p.endswith(varying)} == \
        {p: d for p, d in expected.items() if not p.endswith(varying)}
    assert _indexed_pages(mounted_output) == _indexed_pages(reference.output)
    assert not os.path.exists(os.path.join(mounted_output, "updates", "2024-01-project-update"))
    assert not os.path.exists(os.path.join(mounted_output, ".building"))
    # A failed build leaves the mount as it was, with nothing added.
    before = tree_digest(mounted_output)
    about.write_text("no front matter\n", encoding="utf-8")
    failed = run_build(mounted_output, str(content_copy))
    assert failed.returncode == 1
    assert tree_digest(mounted_output) == before
    assert sorted(os.listdir(mounted_output)) == sorted(os.listdir(reference.output))
