"""Where the project's data lives."""

from __future__ import annotations

import os
from pathlib import Path

# The package is installed in editable mode from scripts/; the project root is two levels up.
PROJECT_ROOT = Path(os.environ.get("TREATY_ROOT", Path(__file__).resolve().parents[2]))
DATA_DIR = PROJECT_ROOT / "data"
LOCALE_DIR = PROJECT_ROOT / "locale"
DOCS_DIR = PROJECT_ROOT / "docs"


def load_yaml(path: Path):
    import yaml

    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)
