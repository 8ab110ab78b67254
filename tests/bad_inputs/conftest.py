"""A private copy of the sample content for each test to break."""

import shutil

import pytest

from tests.building import CONTENT


@pytest.fixture
def content_copy(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target
