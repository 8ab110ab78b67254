"""A feed item names the people behind initials (feeds.content), without a build."""

from feeds.content import expand_initials
from network.model import Person

PEOPLE = {
    "ruth-abernethy": Person("ruth-abernethy", "Ruth Abernethy", "RA"),
    "odd-name": Person("odd-name", 'Zoë "Zed" <b>O\'Neill</b>', "ZO"),
    "sam-secret": Person("sam-secret", "Sam Secret", "SS", public=False),
}


def link(person_id, letters, initials=True):
    extra = ' data-initials=""' if initials else ""
    return (f'<a class="mention mention-person" href="https://x.example/people/{person_id}/" '
            f'data-mention="person:{person_id}"{extra}>{letters}</a>')


def test_the_first_use_of_initials_is_followed_by_the_name_and_every_use_is_titled():
    fragment = f"<p>{link('ruth-abernethy', 'RA')} welcomed members.</p><p>{link('ruth-abernethy', 'RA')} left.</p>"
    expanded = expand_initials(fragment, PEOPLE)
    first, second = expanded.split("</p><p>")
    assert first.endswith('title="Ruth Abernethy">RA</a> (Ruth Abernethy) welcomed members.')
    assert second.startswith('<a class="mention mention-person"')
    assert second.endswith('title="Ruth Abernethy">RA</a> left.</p>')
    assert expanded.count("(Ruth Abernethy)") == 1


def test_a_name_linked_in_full_is_left_as_it_is():
    fragment = f"<p>{link('ruth-abernethy', 'Ruth Abernethy', initials=False)} spoke.</p>"
    assert expand_initials(fragment, PEOPLE) == fragment


def test_a_name_is_text_in_the_title_and_after_the_initials():
    expanded = expand_initials(link("odd-name", "ZO"), PEOPLE)
    assert "<b>" not in expanded
    assert 'title="Zoë &quot;Zed&quot; &lt;b&gt;O&#x27;Neill&lt;/b&gt;">ZO</a>' in expanded
    assert expanded.endswith(" (Zoë &quot;Zed&quot; &lt;b&gt;O&#x27;Neill&lt;/b&gt;)")


def test_a_private_or_unknown_person_is_never_named():
    for person_id in ("sam-secret", "nobody"):
        fragment = link(person_id, "SS")
        assert expand_initials(fragment, PEOPLE) == fragment
