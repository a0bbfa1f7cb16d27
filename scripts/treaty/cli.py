"""`treaty`: the project's command line. Subcommands: build, check."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from .paths import PROJECT_ROOT


def cmd_build(args) -> int:
    from .site.build import build_site

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    return build_site(Path(args.config), Path(args.site_dir) if args.site_dir else None)


def cmd_check(args) -> int:
    from .findings import errors, render
    from .languages import language_codes
    from .outline import load_outline
    from .parity import check_parity

    docs = Path(args.docs)
    findings = check_parity(docs, language_codes(), load_outline(), docs.resolve().parent)
    output = render(findings, args.format)
    if output:
        print(output)
    return 1 if errors(findings) else 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="treaty", description="Publish a multilingual treaty.")
    sub = main.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="check the content, then build the site into site/")
    build.add_argument("--config", default=str(PROJECT_ROOT / "mkdocs.yml"))
    build.add_argument("--site-dir", default=None)
    build.set_defaults(func=cmd_build)
    check = sub.add_parser("check", help="check the content of docs/")
    check.add_argument("docs", nargs="?", default=str(PROJECT_ROOT / "docs"))
    check.add_argument("--format", choices=["text", "json", "github"], default="text")
    check.set_defaults(func=cmd_check)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
