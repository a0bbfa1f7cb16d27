"""GitHub workflows and the pre-commit hook call the same commands as CI (.ci/run) and the Makefile."""

from __future__ import annotations

import re
import subprocess

import yaml

from sitekit import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def load(name):
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def commands(workflow):
    return [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]


def ci_commands():
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip().startswith("make ")]


def make_dry_run(*args):
    """What `make` would run (the set-up of .venv left aside)."""
    result = subprocess.run(["make", "-n", "-o", ".venv/.installed", *args], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    return result.stdout


def test_pull_requests_run_treaty_check_for_github_and_the_tests_as_ci_does():
    workflow = load("pull-request.yml")
    assert "pull_request" in workflow["on"]
    runs = commands(workflow)
    assert "make check FORMAT=github" in runs
    for command in ci_commands():
        assert command in runs, command
    assert ".venv/bin/treaty check --format github" in make_dry_run("check", "FORMAT=github")
    checkout = next(s for j in workflow["jobs"].values() for s in j["steps"] if "checkout" in s.get("uses", ""))
    assert checkout["with"]["fetch-depth"] == 0  # the status page dates each file from history


def test_main_is_built_with_make_build_and_published_on_pages():
    workflow = load("publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "make build" in commands(workflow)
    assert ".venv/bin/treaty build" in make_dry_run("build")
    uses = [s.get("uses", "") for j in workflow["jobs"].values() for s in j["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    build = workflow["jobs"]["build"]
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"


def test_the_workflows_use_pinned_major_versions_of_actions():
    for path in WORKFLOWS.glob("*.yml"):
        for job in load(path.name)["jobs"].values():
            for step in job["steps"]:
                if "uses" in step:
                    assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]


def test_the_pre_commit_hook_runs_treaty_check_on_changed_content(tmp_path):
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    (hook,) = repo["hooks"]
    assert repo["repo"] == "local" and hook["language"] == "system" and hook["pass_filenames"] is True
    assert hook["entry"] == ".venv/bin/treaty check"
    files = re.compile(hook["files"])
    assert files.search("docs/fr/articles/7.md") and files.search("docs/fr/evil.js")
    assert files.search("data/authentic-text.lock.yml") and not files.search("scripts/treaty/cli.py")
    # As pre-commit runs it: from the project, with the changed files.
    result = subprocess.run([*hook["entry"].split(), "docs/fr/articles/7.md", "docs/ar/status.md"], cwd=ROOT,
                            capture_output=True, text=True)
    assert "Traceback" not in result.stderr and result.returncode in (0, 1)
