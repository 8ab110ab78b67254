"""When the devserver frees what a build left behind (tools/devserver.py, ``Leftovers``)."""

from tools import devserver


def test_a_builds_leftovers_wait_for_open_pages_then_are_freed_once():
    """The devserver frees a build's leftovers (a collection that holds Python's lock for a
    second at 10,000 documents) after open pages have had time to reload, or before the next
    build, never twice and never before a build."""
    now, freed = [0.0], []
    leftovers = devserver.Leftovers(wait=2.0, free=lambda: freed.append(now[0]), clock=lambda: now[0])
    leftovers.free_if_due()
    leftovers.free_now()
    assert freed == [], "freed with no build yet"
    leftovers.built()
    now[0] = 1.9
    leftovers.free_if_due()
    assert freed == [], "freed while open pages may still be reloading"
    now[0] = 2.0
    leftovers.free_if_due()
    leftovers.free_if_due()
    leftovers.free_now()
    assert freed == [2.0]
    leftovers.built()  # a file saved at once: freed before the next build, however soon
    now[0] = 2.1
    leftovers.free_now()
    assert freed == [2.0, 2.1]


def test_an_open_page_that_has_asked_for_the_new_build_lets_them_be_freed_after_its_reload():
    now, asked, freed = [0.0], [0.0], []
    leftovers = devserver.Leftovers(asked=lambda: asked[0], wait=2.0, free=lambda: freed.append(now[0]),
                                    clock=lambda: now[0])
    asked[0] = 0.5  # a page asked before the build ended: it has not seen this build
    now[0] = 1.0
    leftovers.built()
    now[0] = 1.5
    leftovers.free_if_due()
    assert freed == [], "a question from before the build counted"
    asked[0] = 1.6  # the page learns of the new build and reloads
    now[0] = 1.8
    leftovers.free_if_due()
    assert freed == [], "freed while the page may still be reloading"
    now[0] = 1.95
    leftovers.free_if_due()
    assert freed == [1.95], "not freed once the page had time to reload"
