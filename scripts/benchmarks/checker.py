"""How the time of `treaty check` grows with hostile text, measured side by side in one run.

    .venv/bin/python scripts/benchmarks/checker.py [--only backticks,tags]

For each pathological input of the checker's tests (tests/test_checker.py: long runs of backticks,
brackets, invisible characters, mixed scripts...), checks a small six-language tree whose English
article 1 holds that text at two sizes, n and 4n, and prints the ratio of the two times. A checker
linear in its input shows ratios near 4 (below 8 is fine); a quadratic one shows ratios near 16.
Each time is the best of three runs, so the shared machine's noise counts less.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "scripts"))

from test_checker import PATHOLOGICAL  # noqa: E402

from checkkit import article, findings, make_tree  # noqa: E402
from treaty.checks.rules import check_rules  # noqa: E402


def sized(text: str) -> str:
    """The input cut so that four times it stays under the file size limit (else it is not read)."""
    budget = check_rules()["max_file_bytes"] // 4 - 200  # room for the front matter
    while len(text.encode("utf-8")) > budget:
        text = text[: len(text) * 3 // 4]
    return text

def best_time(tmp: Path, docs: Path, outline: Path, text: str) -> float:
    article(docs, "en", 1, text)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        findings(tmp, docs, outline)
        times.append(time.perf_counter() - start)
    return min(times)

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated input names (default: all)")
    args = parser.parse_args()
    names = [n for n in PATHOLOGICAL if not args.only or n in args.only.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        docs, outline, _ = make_tree(tmp)
        base = best_time(tmp, docs, outline, "Plain text.")
        print(f"{'input':20} {'n (s)':>8} {'4n (s)':>8} {'ratio':>6}   (clean tree: {base:.3f} s)")
        worst = 0.0
        for name in names:
            text = sized(PATHOLOGICAL[name])
            small = best_time(tmp, docs, outline, text)
            large = best_time(tmp, docs, outline, text * 4)
            ratio = (large - base) / max(small - base, 1e-3)
            worst = max(worst, ratio)
            print(f"{name:20} {small:8.3f} {large:8.3f} {ratio:6.1f}")
        print(f"worst ratio: {worst:.1f} ({'linear' if worst < 8 else 'faster than linear growth: look at it'})")
    return 0

if __name__ == "__main__":
    sys.exit(main())
