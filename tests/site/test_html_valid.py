"""Every page of the site is valid HTML according to the Nu HTML Checker (vnu, run with Java)."""

import glob
import json
import os
import shutil
import subprocess

import pytest

from tests.building import ROOT

pytestmark = pytest.mark.build

VNU = os.path.join(ROOT, ".cache", "npm", "node_modules", "vnu-jar", "build", "dist", "vnu.jar")


def vnu_errors(pages: list[str]) -> list[dict]:
    """The Nu Html Checker's errors on ``pages`` (files)."""
    done = subprocess.run(["java", "-jar", VNU, "--errors-only", "--format", "json", *pages],
                          capture_output=True, text=True, timeout=600)
    return [m for m in json.loads(done.stderr or '{"messages": []}')["messages"] if m.get("type") == "error"]


def test_every_page_is_valid_html(built_site):
    assert shutil.which("java") and os.path.exists(VNU), "make test installs Java and vnu (tools/test-deps.sh)"
    pages = sorted(p for p in glob.glob(os.path.join(built_site.output, "**", "*.html"), recursive=True)
                   if not p.endswith("email.html"))  # e-mails follow e-mail rules (test_newsletter)
    assert len(pages) > 100
    errors = [f"{m['url'].split(built_site.output)[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in vnu_errors(pages)]
    assert not errors, "\n".join(errors[:40])
