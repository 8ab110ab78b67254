"""Fixtures shared by the pure cores' tests."""

import pytest

from network.directory import load_directory
from network.errors import ProblemLog

PEOPLE = """
- id: ottilie-marchbanks
  name: Ottilie Marchbanks
  public: false
- id: ruth-abernethy
  name: Ruth Abernethy
"""


@pytest.fixture(scope="session")
def names():
    """The name engine of a directory in which Ottilie Marchbanks is private and Ruth Abernethy
    public: what the last gate and the search's background indexing read files with."""
    return load_directory({"people.yml": PEOPLE, "organisations.yml": None, "themes.yml": None}, "d",
                          ProblemLog()).names
