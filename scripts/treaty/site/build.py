"""Build the site into a fresh folder and put it in place only when the build succeeded,
so a failed build never leaves a half-written or mixed `site/`."""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

log = logging.getLogger("treaty")


def build_site(config_file: Path, site_dir: Path | None = None, strict: bool = True) -> int:
    config_file = Path(config_file).resolve()
    config = load_config(str(config_file), strict=strict)
    final = Path(site_dir or config.site_dir).resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=final.parent))
    config = load_config(str(config_file), strict=strict, site_dir=str(staging))
    try:
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, SystemExit) as error:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"treaty build: the site was not written ({error}); {final} is unchanged.", file=sys.stderr)
        return 1
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    # Swap: the old site goes aside, the new one takes its name, the old one is removed.
    previous = None
    if final.exists():
        previous = final.with_name(final.name + ".previous")
        shutil.rmtree(previous, ignore_errors=True)
        final.rename(previous)
    staging.rename(final)
    if previous:
        shutil.rmtree(previous, ignore_errors=True)
    print(f"treaty build: site written to {final}")
    return 0
