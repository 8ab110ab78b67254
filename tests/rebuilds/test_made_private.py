"""A person made private after a build: the rebuild, which reuses what earlier builds found
(pages, linked text, and which documents name nobody private), names them in no file."""

import pytest

from tests.bad_inputs.test_private_everywhere import traces_in
from tests.building import run_build

pytestmark = pytest.mark.build


def test_a_person_made_private_is_withheld_from_every_page_of_the_rebuild(tmp_path, content_copy):
    site = str(tmp_path / "site")
    assert run_build(site, str(content_copy)).returncode == 0
    assert traces_in(site, ("kwame", "boateng")), "the test would prove nothing"
    people = content_copy / "directory" / "people.yml"
    text = people.read_text(encoding="utf-8")
    people.write_text(text.replace("  initials: KB\n", "  initials: KB\n  public: false\n"), encoding="utf-8")
    rebuilt = run_build(site, str(content_copy))
    assert rebuilt.returncode == 0, rebuilt.log
    assert "2025-05-22-operations-group.md" in rebuilt.stderr  # told where the name was withheld
    assert traces_in(site, ("kwame", "boateng")) == []
