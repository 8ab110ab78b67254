"""Debian's Chromium driven by Playwright (its own browser download does not work here)."""

import mimetypes
import os
import shutil

import pytest


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or "/usr/bin/chromium"
    assert os.path.exists(executable), "chromium is missing: make test installs it (tools/test-deps.sh)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


SITE = "https://cvmp.example.org"


def serve_site(page, output):
    """Answer requests for the public site from the built folder (this machine has no network)."""
    def handle(route):
        path = route.request.url[len(SITE):].split("?")[0].split("#")[0]
        full = os.path.join(output, path.lstrip("/"))
        if os.path.isdir(full):
            full = os.path.join(full, "index.html")
        if os.path.isfile(full):
            with open(full, "rb") as handle_:
                route.fulfill(status=200, body=handle_.read(),
                              content_type=mimetypes.guess_type(full)[0] or "application/octet-stream")
        else:
            route.fulfill(status=404, body="not found")
    page.route(f"{SITE}/**", handle)
