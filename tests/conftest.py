"""Shared test set-up: the plugins are importable as top-level packages, as Pelican loads them."""

import os
import shutil
import sys

import pytest
from bs4 import BeautifulSoup

#: Fixtures computing what the sample documents involve, independently of the plugins.
pytest_plugins = ["tests.site.mentions"]

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "plugins"))
sys.path.insert(0, ROOT)

def pytest_configure(config):
    """Each process of the suite (pytest-xdist's workers) builds with its own cache: builds of
    other content would otherwise remove each other's cache folder, and wait for its lock."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker:
        os.environ["SITE_CACHE_PATH"] = os.path.join(ROOT, ".cache", f"pelican-{worker}")


# One real production build of the sample content, shared by every test that reads the built site.
@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    from tests.building import run_build

    output = str(tmp_path_factory.mktemp("site") / "output")
    result = run_build(output)
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="session")
def page(built_site):
    """Parse a built page by its address inside the site ('updates/' or 'about/')."""
    cache = {}

    def load(address: str) -> BeautifulSoup:
        path = address.strip("/")
        full = os.path.join(built_site.output, path, "index.html") if not path.endswith(".html") else \
            os.path.join(built_site.output, path)
        if full not in cache:
            with open(full, encoding="utf-8") as handle:
                cache[full] = BeautifulSoup(handle.read(), "html.parser")
        return cache[full]

    return load


@pytest.fixture
def content_copy(tmp_path):
    """A private copy of the sample content, for a test to change or break."""
    from tests.building import CONTENT

    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


#: The order the suite runs in, quickest first, so a broken core fails in seconds: pure unit
#: tests, then real builds of broken or trap content, of imported Word files, then the sample site, rebuilds,
#: browsers.
_ORDER = ("unit", "traps", "bad_inputs", "authoring", "site", "rebuilds", "browser")


def pytest_collection_modifyitems(session, config, items):
    def rank(item):
        parts = os.path.relpath(str(item.path), os.path.join(ROOT, "tests")).split(os.sep)
        return _ORDER.index(parts[0]) if parts[0] in _ORDER else len(_ORDER)

    items.sort(key=rank)  # stable: each folder keeps its own order
