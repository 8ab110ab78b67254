"""What earlier builds found (pages, linked text, which texts name nobody private) never lets a
private name through a rebuild: not a person made private after a build, nor a private name
saved into a document while a build was reading it."""

import os
import subprocess
import sys
import textwrap

import pytest

from tests.bad_inputs.test_private_everywhere import traces_in
from tests.building import ROOT, run_build

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


#: tools/build.py, with a document saved again after Pelican read it and before the model is made:
#: what an officer saving a file during a build does.
_SAVED_DURING_THE_BUILD = textwrap.dedent("""
    import os, runpy, sys
    root, target, added = sys.argv[1:4]
    sys.path[:0] = [os.path.join(root, "plugins"), os.path.join(root, "tools")]
    import pipeline.order as order
    model = order.build_model

    def saved_meanwhile(build, generators):
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(added)
        return model(build, generators)

    order.build_model = saved_meanwhile
    sys.argv = ["build.py", *sys.argv[4:]]
    runpy.run_path(os.path.join(root, "tools", "build.py"), run_name="__main__")
""")


def test_a_private_name_saved_while_a_build_reads_is_withheld_by_the_next_build(tmp_path, content_copy):
    site = str(tmp_path / "site")
    assert run_build(site, str(content_copy)).returncode == 0  # what is known to name nobody
    update = content_copy / "updates" / "2024-01-project-update.md"
    # A combining accent: a spelling only withholding knows (the last gate looks for the
    # directory's own spellings), so nothing but withholding stands between it and the site.
    added = "\nOtti\u0301lie Marchbanks was at the forum.\n"
    raced = subprocess.run([sys.executable, "-c", _SAVED_DURING_THE_BUILD, ROOT, str(update), added,
                            "--settings", os.path.join(ROOT, "publishconf.py"), "--output", site,
                            "--content", str(content_copy)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert raced.returncode == 0, raced.stderr
    again = run_build(site, str(content_copy))
    assert again.returncode == 0, again.log
    assert "2024-01-project-update.md: a private person's name was replaced" in again.stderr
    assert traces_in(site, ("marchbanks",)) == []


#: tools/build.py, with a file of the directory saved again after the model read it and before
#: the site's fingerprint is taken: what an officer saving the directory during a build does.
_DIRECTORY_SAVED_DURING_THE_BUILD = textwrap.dedent("""
    import os, runpy, sys
    root, target, old, new = sys.argv[1:5]
    sys.path[:0] = [os.path.join(root, "plugins"), os.path.join(root, "tools")]
    import pipeline.order as order
    model = order.build_model

    def saved_meanwhile(build, generators):
        network = model(build, generators)
        with open(target, encoding="utf-8") as handle:
            text = handle.read()
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(text.replace(old, new, 1))
        return network

    order.build_model = saved_meanwhile
    sys.argv = ["build.py", *sys.argv[5:]]
    runpy.run_path(os.path.join(root, "tools", "build.py"), run_name="__main__")
""")


def test_a_directory_saved_while_a_build_reads_it_is_what_the_next_build_shows(tmp_path, content_copy):
    """The site's fingerprint stood for the directory by its files' size and time, taken after
    the model had read them: a file saved in between was recorded as built, and the next build
    reused every page made with the old entries (an organisation's page kept its old name)."""
    from tests.building import comparable_site

    site = str(tmp_path / "site")
    assert run_build(site, str(content_copy)).returncode == 0
    organisations = content_copy / "directory" / "organisations.yml"
    old, new = "name: CVMP Steering Group\n", "name: CVMP Strategy Board\n"
    assert old in organisations.read_text(encoding="utf-8")
    raced = subprocess.run([sys.executable, "-c", _DIRECTORY_SAVED_DURING_THE_BUILD, ROOT, str(organisations), old,
                            new, "--settings", os.path.join(ROOT, "publishconf.py"), "--output", site,
                            "--content", str(content_copy)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert raced.returncode == 0, raced.stderr
    assert "CVMP Strategy Board" not in (tmp_path / "site" / "organisations" / "cvmp-steering-group" /
                                         "index.html").read_text(encoding="utf-8"), "the race did not happen"
    again = run_build(site, str(content_copy))
    assert again.returncode == 0, again.log
    fresh = run_build(str(tmp_path / "fresh"), str(content_copy))
    assert fresh.returncode == 0, fresh.log
    rebuilt, expected = comparable_site(site), comparable_site(fresh.output)
    wrong = sorted(path for path in expected if rebuilt.get(path) != expected[path])
    assert not wrong, f"pages of the old directory kept: {wrong[:10]}"
