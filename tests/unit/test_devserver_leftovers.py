"""When the devserver frees what a build left behind (tools/leftovers.py): a collection that
holds Python's lock for a second at 10,000 documents, so never while an open page is asking for
the new build or reloading it, and always before the next build."""

from tools.leftovers import Leftovers


class _Clock:
    """Time as the test sets it; sleeping moves it on."""

    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def _leftovers(clock: _Clock, freed: list, first_asked=lambda: None, last_asked=lambda: None) -> Leftovers:
    return Leftovers(first_asked=first_asked, last_asked=last_asked, wait=2.0,
                               free=lambda: freed.append(round(clock.now, 2)), clock=clock, sleep=clock.sleep)


def test_with_no_page_open_they_are_freed_two_seconds_after_the_build_and_only_once():
    clock, freed = _Clock(), []
    leftovers = _leftovers(clock, freed)
    leftovers.free_if_due()
    leftovers.free_now()
    assert freed == [], "freed with no build yet"
    leftovers.built()
    clock.now = 1.9
    leftovers.free_if_due()
    assert freed == [], "freed while open pages may still be asking"
    clock.now = 2.0
    leftovers.free_if_due()
    leftovers.free_if_due()
    leftovers.free_now()
    assert freed == [2.0]
    leftovers.built()  # a file saved at once: freed before the next build, however soon
    clock.now = 2.1
    leftovers.free_now()
    assert freed == [2.0, 2.1]


def test_the_first_question_of_an_open_page_counts_however_many_pages_keep_asking():
    clock, freed, first = _Clock(), [], [None]
    leftovers = _leftovers(clock, freed, lambda: first[0])
    clock.now = 1.0
    leftovers.built()  # the new build's state: no page has asked for it yet
    clock.now = 1.5
    leftovers.free_if_due()
    assert freed == []
    first[0] = 1.6  # the first page asks; others keep asking after it, which changes nothing
    clock.now = 1.8
    leftovers.free_if_due()
    assert freed == [], "freed while the page may still be reloading"
    clock.now = 1.95
    leftovers.free_if_due()
    assert freed == [1.95], "not freed once the page had time to reload"


def test_after_a_page_made_first_open_pages_reload_it_before_the_collection():
    clock, freed, first, last = _Clock(), [], [None], [0.2]
    leftovers = _leftovers(clock, freed, lambda: first[0], lambda: last[0])
    leftovers.built()
    clock.now = 0.5  # saved again at once; the edited page is made first, and pages are told
    first[0] = last[0] = 0.6  # an open page asks for it
    leftovers.free_after_page_first()
    assert len(freed) == 1 and 0.9 <= freed[0] <= 1.0, freed  # once it had 0.3 s to reload
    leftovers.built()
    clock.now, first[0], last[0] = 5.0, None, 4.8  # a page open (hidden, say) that does not ask in time
    leftovers.free_after_page_first()
    assert 6.0 <= freed[1] <= 6.05, freed  # at most a second's wait
    waited_until = clock.now
    leftovers.free_after_page_first()  # nothing left to free: no wait, no second collection
    assert clock.now == waited_until and len(freed) == 2


def test_with_no_page_open_a_page_made_first_does_not_hold_up_the_rebuild():
    clock, freed = _Clock(), []
    for last_question in (None, 1.0):  # never asked; asked long ago (the tab was closed)
        leftovers = _leftovers(clock, freed, last_asked=lambda: last_question)
        clock.now = 10.0
        leftovers.built()
        clock.now = 10.5
        leftovers.free_after_page_first()
        assert freed[-1] == 10.5 and clock.now == 10.5, freed
