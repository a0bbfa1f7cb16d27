"""What the PDFs cost the build, measured side by side in one run: the size of each language's PDF
and the time they add.

    .venv/bin/python scripts/benchmarks/pdf.py [--rounds 2]

Builds the project's site without PDFs (TREATY_PDF=false) and with them, alternately (A B A B:
the shared machine's noise falls on both), each build in a fresh process and a fresh folder, and
prints each time, the medians, their ratio and the difference, then the size of each PDF.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD = "from treaty.site.build import build_site; import sys; sys.exit(build_site(sys.argv[1], sys.argv[2]))"


def build(site: Path, pdf: bool) -> float:
    env = {**os.environ, "TREATY_PDF": "true" if pdf else "false"}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", BUILD, str(ROOT / "mkdocs.yml"), str(site)], env=env,
                          capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - started
    if done.returncode:
        sys.exit(f"the build failed:\n{done.stderr[-2000:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="pairs of builds (default 2)")
    args = parser.parse_args()
    times = {False: [], True: []}
    with tempfile.TemporaryDirectory() as folder:
        last = None
        for round_ in range(args.rounds):
            for pdf in (False, True):
                site = Path(folder) / f"site-{round_}-{pdf}"
                times[pdf].append(build(site, pdf))
                print(f"round {round_ + 1}: {'with' if pdf else 'without'} PDFs: {times[pdf][-1]:.1f} s", flush=True)
                if pdf:
                    last = site
        without, with_pdf = statistics.median(times[False]), statistics.median(times[True])
        print(f"\nmedian without PDFs {without:.1f} s, with PDFs {with_pdf:.1f} s: "
              f"{with_pdf / without:.2f} times, {with_pdf - without:.1f} s more")
        print("\nlanguage  PDF (KB)")
        for pdf_file in sorted(last.glob("*/*.pdf")):
            print(f"{pdf_file.parent.name:8}  {pdf_file.stat().st_size / 1024:8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
