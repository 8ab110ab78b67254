"""Settings for the trap corpus: production settings, every mention linked (so every span counts)."""

import os
import sys

sys.path.append(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
from publishconf import *  # noqa: E402,F401,F403

SITENAME = "Harrowgate Sanctuary Network"
LINK_MENTIONS = "every"
