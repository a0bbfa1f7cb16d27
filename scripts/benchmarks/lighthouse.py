"""Lighthouse (mobile) on article pages, served with gzip as a static host serves them.

    .venv/bin/python scripts/benchmarks/lighthouse.py [--site site] [--pages en/articles/7/,...] [--runs 3]

Serves the built site (`make build` first, or --site) on localhost with gzip, runs Lighthouse
(the npm package of package.json, `make test` installs it) with Debian's chromium on each page,
its default mobile settings (simulated slow 4G and CPU), and prints the four scores of each page:
the median of --runs runs, since two shared cores make one run noisy.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".wasm")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text and WebAssembly gzip-compressed when the browser accepts it."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def serve(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def scores(url: str, folder: Path) -> dict:
    report = folder / "report.json"
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               "--only-categories=" + ",".join(CATEGORIES),
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"]
    done = subprocess.run(command, env={**os.environ, "CHROME_PATH": chromium}, capture_output=True, text=True)
    if done.returncode or not report.is_file():
        sys.exit(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    out = {name: round(100 * data["categories"][name]["score"]) for name in CATEGORIES}
    out["failed"] = sorted(audit for audit, result in data["audits"].items()
                           if result.get("score") is not None and result["score"] < 0.9
                           and result.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings"))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--pages", default="en/articles/7/,ar/articles/7/,zh/articles/7/")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: `make test` installs the npm packages of package.json")
    site = Path(args.site)
    if not (site / "index.html").is_file():
        sys.exit(f"{site} holds no built site: run `make build` first")
    server, base = serve(site)
    try:
        print(f"{'page':18} " + " ".join(f"{name:>14}" for name in CATEGORIES))
        with tempfile.TemporaryDirectory() as folder:
            for page in args.pages.split(","):
                runs = [scores(base + page, Path(folder)) for _ in range(args.runs)]
                medians = {name: statistics.median(run[name] for run in runs) for name in CATEGORIES}
                print(f"{page:18} " + " ".join(f"{medians[name]:>14.0f}" for name in CATEGORIES), flush=True)
                below = sorted({audit for run in runs for audit in run["failed"]})
                if below:
                    print(f"{'':18} audits below 0.9 in a run: {', '.join(below)}")
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
