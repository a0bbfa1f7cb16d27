"""Where a build writes: a fresh folder beside the site, put in the site's place in one step.

    <parent>/.site.lock        held while a build of <parent>/site runs (builds of one site wait in turn)
    <parent>/.site-<8 chars>   the folder being written; left by a build that was killed, it is
                               removed by the next build of the site
    <parent>/site              the site, swapped with the new folder in one step (Linux, macOS):
                               a reader finds the old site or the new one, never none

The folders are made as any build tool makes them (mode 0777 less the umask: 0755 usually), so
a web server running as another user can read them. Plain Python: no MkDocs.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import re
import secrets
import shutil
import sys
from pathlib import Path

AT_FDCWD = -100
RENAME_EXCHANGE = 2  # Linux renameat2(2)
RENAME_SWAP = 2  # macOS renamex_np(2)


class SiteOutput:
    """The staging folder of one build of `final`, under the site's lock.

        with SiteOutput(Path("site")) as output:
            ... write into output.staging ...
            output.publish()   # not called: the staging folder is removed, the site unchanged
    """

    def __init__(self, final: Path):
        self.final = Path(final).resolve()
        self.staging: Path | None = None
        self._lock = None

    def __enter__(self) -> SiteOutput:
        parent = self.final.parent
        parent.mkdir(parents=True, exist_ok=True)
        self._lock = open(parent / f".{self.final.name}.lock", "a+b")  # noqa: SIM115 (held until __exit__)
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX)
            remove_stale(self.final)
            self.staging = make_staging(self.final)
        except BaseException:
            self._lock.close()
            raise
        return self

    def publish(self) -> None:
        swap(self.staging, self.final)
        self.staging = None

    def __exit__(self, *exc) -> None:
        try:
            if self.staging is not None:
                shutil.rmtree(self.staging, ignore_errors=True)
        finally:
            self._lock.close()  # releases the lock


def staging_pattern(final: Path) -> re.Pattern:
    # This module's names (8 hex digits) and tempfile.mkdtemp's (8 of [a-z0-9_]) of earlier builds.
    return re.compile(rf"\.{re.escape(final.name)}-[a-z0-9_]{{8}}")


def remove_stale(final: Path) -> None:
    """Staging folders of builds that did not finish (killed); called under the site's lock, so
    no other build is writing one. Also the `.previous` folder of earlier versions' swap."""
    pattern = staging_pattern(final)
    for entry in final.parent.iterdir():
        if pattern.fullmatch(entry.name) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
    previous = final.with_name(final.name + ".previous")
    if previous.is_dir() and not previous.is_symlink():
        shutil.rmtree(previous, ignore_errors=True)


def make_staging(final: Path) -> Path:
    while True:
        path = final.with_name(f".{final.name}-{secrets.token_hex(4)}")
        try:
            os.mkdir(path, 0o777)  # less the umask, as every folder of the build
            return path
        except FileExistsError:
            continue


def swap(staging: Path, final: Path) -> None:
    """Put `staging` in the place of `final`; the old site is removed afterwards."""
    if not os.path.lexists(final):
        os.rename(staging, final)
        return
    if not exchange(staging, final):
        # No atomic exchange on this system or file system: two renames, a few microseconds
        # apart, during which there is no site.
        old = final.with_name(f".{final.name}-{secrets.token_hex(4)}")  # removed by the next build if left
        os.rename(final, old)
        os.rename(staging, final)
        staging = old
    if staging.is_dir() and not staging.is_symlink():
        shutil.rmtree(staging, ignore_errors=True)
    else:
        staging.unlink()


def exchange(first: Path, second: Path) -> bool:
    """Exchange two paths in one step; False where the system cannot."""
    libc = ctypes.CDLL(None, use_errno=True)
    a, b = os.fsencode(first), os.fsencode(second)
    if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
        done = libc.renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE)
    elif sys.platform == "darwin" and hasattr(libc, "renamex_np"):
        done = libc.renamex_np(a, b, RENAME_SWAP)
    else:
        return False
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))
