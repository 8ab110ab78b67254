"""Who may import whom among the plugins (docs/architecture.md): the model imports no other
plugin; page types import the model only, never the writing layer or each other; the writing
layer imports the model only; nothing imports the pipeline."""

import ast
import os

import network
import pytest

#: Where the plugins are imported from (plugins/, or the copy `make mutation` runs in).
PLUGINS = os.path.dirname(os.path.dirname(os.path.abspath(network.__file__)))
PAGE_TYPES = ("crosslinks", "minutes", "feeds", "newsletter", "reviews", "archives", "search", "sitetheme", "findable",
              "authoring")
#: plugin -> the other plugins it may import
#: The link gate reads the written site with the model's help: like a page type, it imports the model only.
CHECKS = ("linkgate",)
ALLOWED = {"network": set(), "speed": {"network"}, "pipeline": {"network", "speed", *PAGE_TYPES, *CHECKS},
           **{name: {"network"} for name in CHECKS},
           **{name: {"network"} for name in PAGE_TYPES}}


def _imports(package: str) -> dict[str, set[str]]:
    """Each module of ``package`` -> the top-level names it imports (at any depth of the code)."""
    found = {}
    for base, _, names in os.walk(os.path.join(PLUGINS, package)):
        for name in names:
            if name.endswith(".py"):
                path = os.path.join(base, name)
                with open(path, encoding="utf-8") as handle:
                    tree = ast.parse(handle.read(), path)
                modules = set()
                for node in ast.walk(tree):
                    if isinstance(node, ast.Import):
                        modules |= {alias.name.split(".")[0] for alias in node.names}
                    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                        modules.add(node.module.split(".")[0])
                found[os.path.relpath(path, PLUGINS)] = modules
    return found


def test_every_plugin_is_in_the_rules():
    packages = {name for name in os.listdir(PLUGINS) if os.path.isfile(os.path.join(PLUGINS, name, "__init__.py"))}
    assert packages == set(ALLOWED)


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_a_plugin_imports_only_what_its_layer_may(package):
    ours = set(ALLOWED)
    for module, imported in _imports(package).items():
        wrong = (imported & ours) - ALLOWED[package] - {package}
        assert not wrong, f"plugins/{module} imports {sorted(wrong)}: see docs/architecture.md, 'Who may import whom'"
