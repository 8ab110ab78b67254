"""Checking e-mail CSS against the caniemail data (npm package caniemail, its JSON file).

A CSS feature passes when the newest version of every platform of Gmail, Outlook and Apple Mail
supports it, fully or partly. A few features are deliberate progressive enhancement and listed
in ENHANCEMENTS with the reason each is safe where it is not supported.
"""

from __future__ import annotations

import json
import os
import re

from tests.building import ROOT

DATA = os.path.join(ROOT, ".cache", "npm", "node_modules", "caniemail", "data", "caniemail.json")
CLIENTS = ("gmail", "outlook", "apple-mail")

#: Properties caniemail has no entry for that every client supports (or that only Outlook reads).
WITHOUT_DATA = {"color", "font-family", "font-style", "mso-hide", "mso-line-height-rule", "border-spacing",
                "-webkit-text-size-adjust", "-ms-text-size-adjust", "mso-table-lspace", "mso-table-rspace"}

#: feature slug -> why it is safe where a client ignores it
ENHANCEMENTS = {
    "css-at-media": "only narrows the 600 px column on phones; without it the column is 100% wide anyway",
    "css-display-none": "hides the preheader; max-height:0, font-size:1px and mso-hide back it up",
    "css-max-height": "preheader hiding, backed up by display:none and mso-hide",
    "css-overflow": "preheader hiding, backed up by display:none and mso-hide",
    "css-opacity": "preheader hiding, backed up by display:none and mso-hide",
    "css-max-width": "the 600 px limit; Outlook gets a fixed 600 px table in conditional comments",
}


def load() -> dict[str, dict]:
    with open(DATA, encoding="utf-8") as handle:
        return {feature["slug"]: feature for feature in json.load(handle)["data"]}


def unsupported(feature: dict) -> list[str]:
    """'client/platform' where the newest version says no (or unknown)."""
    failing = []
    for client in CLIENTS:
        for platform, versions in feature["stats"].get(client, {}).items():
            newest = list(versions.values())[-1]
            if newest.split()[0] not in ("y", "a"):
                failing.append(f"{client}/{platform}")
    return failing


def declarations(style: str):
    for declaration in style.split(";"):
        if ":" in declaration:
            name, value = declaration.split(":", 1)
            yield name.strip().lower(), value.strip().lower()


_SIDES = re.compile(r"-(top|right|bottom|left)(?=-|$)")


def slugs_for(name: str, value: str) -> list[str]:
    """The caniemail features a declaration uses (padding-left uses css-padding...)."""
    slugs = [f"css-{name}"]
    shorthand = _SIDES.sub("", name)
    if shorthand != name:
        slugs.append(f"css-{shorthand}")
    if name == "display":
        slugs.append(f"css-display-{value.replace('!important', '').strip()}")
    if "!important" in value:
        slugs.append("css-important")
    return slugs


def problems(styles: list[str], at_rules: list[str], data: dict[str, dict]) -> list[str]:
    found = []
    for style in styles:
        for name, value in declarations(style):
            known = [s for s in slugs_for(name, value) if s in data][:2]
            if not known and name not in WITHOUT_DATA:
                found.append(f"{name}: no caniemail data and not known to be safe")
            for slug in known:
                failing = unsupported(data[slug])
                if failing and slug not in ENHANCEMENTS:
                    found.append(f"{name}: {value} ({slug}) unsupported in {', '.join(failing)}")
    for rule in at_rules:
        slug = "css-at-" + re.match(r"@([a-z-]+)", rule).group(1)
        if slug in data and unsupported(data[slug]) and slug not in ENHANCEMENTS:
            found.append(f"{rule} unsupported in {', '.join(unsupported(data[slug]))}")
    return found
