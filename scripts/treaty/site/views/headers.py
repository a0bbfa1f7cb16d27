"""The headers the site is published with (the package's data/headers.yml): the
Content-Security-Policy every page carries as <meta http-equiv>, and the `_headers` file of
hosts that read one."""

from __future__ import annotations

from treaty.project.files import defaults


def _settings() -> dict:
    # The package's file, never a project's: no data file of a pull request may weaken it.
    return defaults().load("headers.yml")


def content_security_policy(meta: bool = False) -> str:
    """The policy as one header value; for a <meta http-equiv>, without the directives a meta
    element cannot carry."""
    settings = _settings()
    skipped = set(settings.get("header_only") or []) if meta else set()
    return "; ".join(f"{name} {' '.join(values)}" for name, values in settings["content_security_policy"].items()
                     if name not in skipped)


def headers_file() -> str:
    """`_headers` (Netlify's and Cloudflare Pages' format): every path gets the headers."""
    lines = ["/*", f"  Content-Security-Policy: {content_security_policy()}"]
    lines += [f"  {name}: {value}" for name, value in (_settings().get("headers") or {}).items()]
    return "\n".join(lines) + "\n"
