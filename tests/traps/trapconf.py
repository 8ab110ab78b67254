"""Settings for the trap corpus: production settings, every mention linked (so every span counts)."""

import os
import sys

sys.path.append(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
from publishconf import *  # noqa: E402,F401,F403

SITENAME = "Harrowgate Sanctuary Network"
LINK_MENTIONS = "every"
#: The trap corpus has no briefings: a menu item leading to no page would stop the build (the link gate).
MENU_ITEMS = tuple(item for item in MENU_ITEMS if item[1] != "briefings/")  # noqa: F405
