"""Shared test set-up: the plugins are importable as top-level packages, as Pelican loads them."""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "plugins"))
sys.path.insert(0, ROOT)
