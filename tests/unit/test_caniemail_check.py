"""The e-mail CSS checker itself: it must flag what the three clients do not support."""

from tests import caniemail


def test_the_checker_flags_unsupported_css_and_passes_supported_css():
    data = caniemail.load()
    assert caniemail.problems(["padding-left: 16px; color: #000; border-bottom: 1px solid #ccc"], [], data) == []
    flagged = caniemail.problems(["display: flex", "border-radius: 4px", "position: absolute"], [], data)
    assert any("display: flex" in p for p in flagged)
    assert any("border-radius" in p and "outlook/windows" in p for p in flagged)
    assert any("position" in p for p in flagged)
    assert caniemail.problems(["made-up-property: 1"], [], data) == [
        "made-up-property: no caniemail data and not known to be safe"]
