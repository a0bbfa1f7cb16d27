"""Build speed of the edition against a stock MkDocs build of the same Markdown, side by side.

    .venv/bin/python scripts/benchmarks/build.py [--scales 1,3,10] [--runs 3] [--pdf-scales 1]
                                                 [--first-scales 1] [--no-serve]

For each scale (1x: this project's docs/; 3x and 10x: the chapters and their articles copied
two and nine times more, as a larger instrument would have them, see `replicate`), builds in turn
(A B A B ..., each in its own process, on the same machine at the same moment):

  treaty   `treaty build`, as `make build` runs it: the checks, every language, the search
           indexes and the swap into place, without the PDFs (TREATY_PDF=false), which a stock
           build does not make;
  stock    `mkdocs build` of the same docs/ with Material, mkdocs-static-i18n (the same seven
           builds) and Material's own search, without the treaty plugin and theme;
  pdf      `treaty build` with each language's PDF, as `make build` makes it, at the scales of
           --pdf-scales only: what the PDFs add to the build, and their sizes;
  first    `treaty build` as `treaty`, with an empty cache folder (XDG_CACHE_HOME) each time, as
           on a machine where it never ran: the templates compiled, every language indexed by
           Pagefind, the Chinese word list made (`treaty` builds after the first reuse what the
           user's cache folder keeps), at the scales of --first-scales only.

and prints, per scale, the medians of wall time, CPU time (user + system, every process of the
build) and peak memory (the largest sum, over the build's processes, of their proportional set
size: memory shared between processes counted once), the ratios treaty / stock, and how the time
of each grows from 1x; and what an article page's first load weighs (the page and every file it
loads, gzip-compressed: median and largest over the articles of the site built last). Then the
author's loop: `treaty serve` on the same project, an article edited and saved, and the time until
the server answers with the new text (median of the edits).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

from treaty.model.labels import to_roman

ROOT = Path(__file__).resolve().parents[2]
FRONT_NUMBER = re.compile(r"^(article|chapter): *\d+ *$", re.M)
TREATY_PLUGIN = re.compile(r"\n  - treaty:?[ \t]*\n(?:(?:    |\t)[^\n]*\n)*")
# A stock build knows no template of the treaty theme: the chooser's page is rendered as a page.
STOCK_HOOK = '''
def on_page_markdown(markdown, page, config, files):
    page.meta.pop("template", None)
    return markdown
'''


# -- the projects -------------------------------------------------------------------------------


def renumbered(text: str, numbers: dict[str, int]) -> str:
    """A file's front matter with its article and chapter numbers replaced (the body unchanged:
    its references name articles of the original, which exist, so they stay valid)."""
    head, sep, body = text.partition("\n---\n")
    head = FRONT_NUMBER.sub(lambda m: f"{m[1]}: {numbers[m[1]]}", head)
    return head + sep + body


def replicate(out: Path, factor: int) -> Path:
    """This project in `out` with its chapters and articles `factor` times: copy k of chapter c is
    chapter c + k*C, holding the copies of its articles (article n + k*A); C and A are the numbers
    of chapters and articles of the outline. Returns the project's mkdocs.yml."""
    shutil.copytree(ROOT / "data", out / "data")
    shutil.copy(ROOT / "mkdocs.yml", out / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", out / "docs")
    instrument = yaml.safe_load((out / "data" / "instrument.yml").read_text(encoding="utf-8"))
    outline_file = out / "data" / instrument["outline"]
    outline = yaml.safe_load(outline_file.read_text(encoding="utf-8"))
    chapters = outline["chapters"]
    count_c = max(chapter["number"] for chapter in chapters)
    count_a = max(int(n) for chapter in chapters for n in chapter["articles"])
    copies = []
    for k in range(1, factor):
        for chapter in chapters:
            number = chapter["number"] + k * count_c
            articles = {int(n) + k * count_a: title for n, title in chapter["articles"].items()}
            copies.append({**chapter, "number": number, "roman": to_roman(number), "articles": articles})
            for lang_dir in (out / "docs").iterdir():
                if not (lang_dir / "chapters").is_dir():
                    continue
                source = (lang_dir / "chapters" / f"{chapter['number']}.md").read_text(encoding="utf-8")
                (lang_dir / "chapters" / f"{number}.md").write_text(
                    renumbered(source, {"chapter": number}), encoding="utf-8")
                for n in chapter["articles"]:
                    source = (lang_dir / "articles" / f"{n}.md").read_text(encoding="utf-8")
                    (lang_dir / "articles" / f"{int(n) + k * count_a}.md").write_text(
                        renumbered(source, {"article": int(n) + k * count_a, "chapter": number}), encoding="utf-8")
    outline["chapters"] = chapters + copies
    outline_file.write_text(yaml.safe_dump(outline, allow_unicode=True, sort_keys=False), encoding="utf-8")
    # A project in git, as a real one is: the status pages date each file from its history.
    git = ["git", "-c", "user.name=benchmark", "-c", "user.email=benchmark@localhost", "-C", str(out)]
    subprocess.run(["git", "init", "-q", str(out)], check=True)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-q", "-m", "benchmark copy"], check=True)
    return out / "mkdocs.yml"


def stock_config(config: Path) -> Path:
    """The stock configuration of the same docs/: theme Material, its search, mkdocs-static-i18n."""
    text = config.read_text(encoding="utf-8")
    text = text.replace("  name: treaty\n", "  name: material\n", 1)
    # The treaty plugin, with or without options (indented lines under it), becomes Material's search.
    text, found = TREATY_PLUGIN.subn("\n  - search\n", text, count=1)
    if not found or "name: material" not in text:
        raise SystemExit(f"{config}: no theme 'treaty' or plugin 'treaty' to replace for the stock build")
    (config.parent / "stock_hook.py").write_text(STOCK_HOOK, encoding="utf-8")
    text += "\nhooks:\n  - stock_hook.py\n"
    path = config.with_name("mkdocs-stock.yml")
    path.write_text(text, encoding="utf-8")
    return path


# -- measuring ----------------------------------------------------------------------------------


@dataclass
class Sample:
    wall: float
    cpu: float
    memory: float  # MB


def process_tree(pid: int) -> list[int]:
    """`pid` and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        parent = int(stat[stat.rindex(b")") + 2:].split()[1])
        children.setdefault(parent, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        todo += children.get(current, [])
    return out


def pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(command: list[str], cwd: Path, env: dict) -> Sample:
    """Run a build; its wall and CPU time, and the peak of its processes' memory."""
    peak = 0
    done = threading.Event()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})

    def sample():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(pss_kb(pid) for pid in process_tree(process.pid)))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = process.communicate()[0]
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{output.decode('utf-8', 'replace')[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Sample(wall, cpu, peak / 1024)


def builds(config: Path, stock: Path, site: Path) -> dict:
    """Each kind's command and the environment it adds."""
    python = sys.executable
    treaty = [python, "-m", "treaty.cli", "build", "-f", str(config), "--site-dir", str(site)]
    return {
        "treaty": (treaty, {"TREATY_PDF": "false"}),
        "stock": ([python, "-m", "mkdocs", "build", "-q", "-f", str(stock), "-d", str(site)], {}),
        "pdf": (treaty, {"TREATY_PDF": "true"}),
        "first": (treaty, {"TREATY_PDF": "false"}),
    }


def pdf_sizes(site: Path) -> dict[str, float]:
    """Each language's PDF, KB."""
    return {path.parent.name: path.stat().st_size / 1024 for path in sorted(site.glob("*/*.pdf"))}


def first_load(site: Path, page: Path, sizes: dict) -> int:
    """Bytes, gzip-compressed, of a page and of what it loads: style sheets, scripts, the favicon,
    the search worker and Material's search index when the page has Material's search."""
    html = page.read_text(encoding="utf-8")
    refs = re.findall(r'<link rel="(?:stylesheet|icon)" href="([^"]+)"', html)
    refs += re.findall(r'<script src="([^"]+)"', html)
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    if config and 'data-md-component="search"' in html:
        refs.append(json.loads(config.group(1))["search"])
        refs.append(os.path.relpath(site / "search" / "search_index.json", page.parent))
    files = [page] + [(page.parent / ref.split("?")[0]).resolve() if not ref.startswith("/")
                      else site / ref.split("?")[0].lstrip("/") for ref in refs]
    total = 0
    for file in files:
        if file.is_file():
            if file not in sizes:
                sizes[file] = len(gzip.compress(file.read_bytes(), 9))
            total += sizes[file]
    return total


def page_weight(site: Path) -> tuple[float, float]:
    """Median and largest first load of the site's article pages, KB."""
    sizes: dict = {}
    loads = [first_load(site, page, sizes) for page in site.glob("*/articles/*/index.html")]
    return statistics.median(loads) / 1024, max(loads) / 1024


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def edit_loop(config: Path, edits: int) -> list[float]:
    """`treaty serve` on the project: seconds from saving an edit of an article to the server
    answering with the new text, for each edit."""
    port = free_port()
    command = [sys.executable, "-m", "treaty.cli", "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command, cwd=config.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/en/articles/7/"
    article = config.parent / "docs" / "en" / "articles" / "7.md"
    original = article.read_text(encoding="utf-8")
    times = []
    try:
        deadline = time.monotonic() + 600
        while "</html>" not in fetch(url):
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("treaty serve did not start")
            time.sleep(0.2)
        for number in range(edits):
            marker = f"edited {number} times"
            text = original.replace("\n\n", f"\n\nThis synopsis was {marker}. ", 1)
            time.sleep(1.0)  # the server at rest, as between a translator's saves
            start = time.perf_counter()
            article.write_text(text, encoding="utf-8")
            while marker not in fetch(url):
                if time.perf_counter() - start > 120:
                    raise SystemExit("the edit did not reach the page within two minutes")
                time.sleep(0.01)
            times.append(time.perf_counter() - start)
    finally:
        process.terminate()
        process.wait(timeout=30)
        article.write_text(original, encoding="utf-8")
    return times


# -- the report ---------------------------------------------------------------------------------


def median(samples: list[Sample], field: str) -> float:
    return statistics.median(getattr(sample, field) for sample in samples)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,3,10", help="sizes of the content, comma-separated (1: this project)")
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind per scale (A B A B ...)")
    parser.add_argument("--edits", type=int, default=5, help="saved edits per scale in the author's loop")
    parser.add_argument("--no-serve", action="store_true", help="leave out the author's loop")
    parser.add_argument("--only", choices=["treaty", "stock"], help="build only one kind (no ratios)")
    parser.add_argument("--pdf-scales", default="1", help="scales with builds with PDFs too ('': none)")
    parser.add_argument("--first-scales", default="1", help="scales with builds with an empty cache too ('': none)")
    args = parser.parse_args(argv)
    scales = [int(scale) for scale in args.scales.split(",")]
    kinds = [args.only] if args.only else ["treaty", "stock"]
    results: dict[int, dict[str, list[Sample]]] = {}
    loops: dict[int, list[float]] = {}
    weights: dict[tuple, tuple[float, float]] = {}
    pdf_scales = [int(scale) for scale in args.pdf_scales.split(",") if scale.strip()]
    first_scales = [int(scale) for scale in args.first_scales.split(",") if scale.strip()]
    sizes: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="treaty-build-bench-") as tmp:
        for scale in scales:
            project = Path(tmp) / f"x{scale}"
            config = replicate(project, scale)
            commands = builds(config, stock_config(config), Path(tmp) / "site")
            measured = kinds + (["pdf"] if scale in pdf_scales and not args.only else []) + \
                (["first"] if scale in first_scales and not args.only else [])
            results[scale] = {kind: [] for kind in measured}
            for number in range(args.runs):
                for kind in measured:
                    command, env = commands[kind]
                    if kind == "first":
                        env = {**env, "XDG_CACHE_HOME": str(Path(tmp) / f"cache-{scale}-{number}")}
                    sample = run(command, project, env)
                    results[scale][kind].append(sample)
                    print(f"{scale}x {kind} run {number + 1}: {sample.wall:.1f} s wall, {sample.cpu:.1f} s CPU, "
                          f"{sample.memory:.0f} MB", file=sys.stderr, flush=True)
                    if number == args.runs - 1 and kind == "pdf":
                        sizes[scale] = pdf_sizes(Path(tmp) / "site")
                    elif number == args.runs - 1 and kind in kinds:
                        weights[scale, kind] = page_weight(Path(tmp) / "site")
                    shutil.rmtree(Path(tmp) / "site", ignore_errors=True)
            if not args.no_serve:
                loops[scale] = edit_loop(config, args.edits)
                print(f"{scale}x edit loop: " + ", ".join(f"{t:.2f}" for t in loops[scale]) + " s",
                      file=sys.stderr, flush=True)
            shutil.rmtree(project)
    report(results, loops, weights, scales, kinds, args.runs)
    report_pdf(results, sizes)
    report_first(results)
    return 0


def report(results, loops, weights, scales, kinds, runs) -> None:
    print(f"Medians of {runs} builds of each kind per scale, interleaved; {os.cpu_count()} cores.")
    print()
    head = ["scale"]
    for kind in kinds:
        head += [f"{kind} wall s", f"{kind} CPU s", f"{kind} MB"]
    if len(kinds) == 2:
        head += ["wall ratio", "CPU ratio", "memory ratio"]
    head += [f"{kind} time / 1x" for kind in kinds]
    print("| " + " | ".join(head) + " |")
    print("|" + " --- |" * len(head))
    base = {kind: median(results[1][kind], "wall") for kind in kinds} if 1 in scales else None
    for scale in scales:
        row = [f"{scale}x"]
        for kind in kinds:
            samples = results[scale][kind]
            row += [f"{median(samples, field):.1f}" for field in ("wall", "cpu")]
            row.append(f"{median(samples, 'memory'):.0f}")
        if len(kinds) == 2:
            treaty, stock = results[scale]["treaty"], results[scale]["stock"]
            row += [f"{median(treaty, field) / median(stock, field):.2f}" for field in ("wall", "cpu", "memory")]
        for kind in kinds:
            row.append(f"{median(results[scale][kind], 'wall') / base[kind]:.2f}" if base else "-")
        print("| " + " | ".join(row) + " |")
    print()
    print("First load of an article page (the page and what it loads, gzip -9), KB: median / largest")
    print()
    print("| scale | " + " | ".join(kinds) + " |")
    print("|" + " --- |" * (len(kinds) + 1))
    for scale in scales:
        print(f"| {scale}x | " + " | ".join(f"{weights[scale, kind][0]:.1f} / {weights[scale, kind][1]:.1f}"
                                          for kind in kinds) + " |")
    if loops:
        print()
        print("Author's loop (`treaty serve`): seconds from saving an article to the server answering with it")
        print()
        print("| scale | median s | max s |")
        print("| --- | --- | --- |")
        for scale, times in loops.items():
            print(f"| {scale}x | {statistics.median(times):.2f} | {max(times):.2f} |")


def report_pdf(results, sizes) -> None:
    """What the PDFs add to the build, at the scales where it was measured."""
    for scale, by_language in sizes.items():
        without, with_pdf = median(results[scale]["treaty"], "wall"), median(results[scale]["pdf"], "wall")
        print()
        print(f"PDFs at {scale}x: build {without:.1f} s without, {with_pdf:.1f} s with "
              f"({with_pdf - without:+.1f} s, {with_pdf / without:.2f} times); "
              f"peak memory {median(results[scale]['pdf'], 'memory'):.0f} MB")
        print()
        print("| PDF | " + " | ".join(by_language) + " |")
        print("|" + " --- |" * (len(by_language) + 1))
        print("| KB | " + " | ".join(f"{size:.0f}" for size in by_language.values()) + " |")


def report_first(results) -> None:
    """A first build (empty cache folder) against stock, at the scales where it was measured."""
    for scale, by_kind in results.items():
        if "first" in by_kind and "stock" in by_kind:
            first, stock = median(by_kind["first"], "wall"), median(by_kind["stock"], "wall")
            print()
            print(f"First build at {scale}x (an empty cache folder each time): {first:.1f} s wall, "
                  f"{median(by_kind['first'], 'cpu'):.1f} s CPU, {median(by_kind['first'], 'memory'):.0f} MB; "
                  f"wall ratio to stock {first / stock:.2f}")


if __name__ == "__main__":
    sys.exit(main())
