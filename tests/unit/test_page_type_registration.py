"""A page type connects to Pelican through NetworkGenerator.register: its generator once, however
often Pelican loads the plugin (each Pelican object calls register() again), and the functions
and filters its templates call. (Only our page types' receivers are called here: other plugins
registered in this process expect a real Pelican.)"""

from types import SimpleNamespace

from minutes.glue import MinutesPagesGenerator
from pelican import signals
from reviews.glue import YearReviewsGenerator, register
from search.filters import entity_filters
from search.glue import SearchPageGenerator


def receivers_of(signal, sender, *generators):
    return [receiver for receiver in signal.receivers_for(sender)
            if getattr(receiver, "__self__", None) in generators]


def test_registering_twice_gives_the_generator_once():
    pelican = SimpleNamespace(settings={})
    register()
    register()
    receivers = receivers_of(signals.get_generators, pelican, YearReviewsGenerator)
    assert [receiver(pelican) for receiver in receivers] == [YearReviewsGenerator]


def test_the_templates_get_their_functions_and_filters():
    SearchPageGenerator.register()
    MinutesPagesGenerator.register()
    pelican = SimpleNamespace(settings={"JINJA_GLOBALS": {"site_helper": len}})
    for receiver in receivers_of(signals.initialized, pelican, SearchPageGenerator, MinutesPagesGenerator):
        receiver(pelican)
    assert pelican.settings["JINJA_GLOBALS"]["entity_filters"] is entity_filters
    assert pelican.settings["JINJA_GLOBALS"]["site_helper"] is len  # what was there stays
    assert "role_label" in pelican.settings["JINJA_GLOBALS"]
    assert "rooted" in pelican.settings["JINJA_FILTERS"]
