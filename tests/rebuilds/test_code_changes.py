"""A build after our code changed (an upgrade, an edit to a plugin) never reads what older code
cached: Pelican's content cache holds objects of the plugins (each category keeps the settings,
template helpers included), which newer code may not be able to read back."""

import pytest

from tests.building import CONTENT, run_build, settings_with

pytestmark = pytest.mark.build

_PLUGIN = '''from pelican import signals


def {name}(value):
    return value


def _add(pelican):
    pelican.settings.setdefault("JINJA_GLOBALS", {{}})["{name}"] = {name}


def register():
    signals.initialized.connect(_add)
'''


def test_renaming_a_template_helper_between_builds_is_no_crash(tmp_path):
    plugins = tmp_path / "plugins"
    (plugins / "helper_plugin").mkdir(parents=True)
    module = plugins / "helper_plugin" / "__init__.py"
    module.write_text(_PLUGIN.format(name="old_helper"))
    settings = settings_with(tmp_path, "with_helper", (
        f"PLUGIN_PATHS = PLUGIN_PATHS + [{str(plugins)!r}]\nPLUGINS = PLUGINS + ['helper_plugin']\n"))
    output = str(tmp_path / "output")
    first = run_build(output, CONTENT, settings=settings)
    assert first.returncode == 0, first.log
    module.write_text(_PLUGIN.format(name="new_helper"))
    second = run_build(output, CONTENT, settings=settings)
    assert second.returncode == 0, second.log
    assert "stopped unexpectedly" not in second.log
