#!/usr/bin/env python3
"""Runs the ttsgen steps of the two pipeline recipes in docs/ci.md (GitHub Actions, GitLab CI), so
that they cannot rot: every step (a `run:` of GitHub, a `script:` item of GitLab) that mentions
ttsgen or the summary is taken out of the YAML and run with bash in a scratch folder.

- review: `build/ttsgen` is the binary under test; `base/build/ttsgen` stands in for the base build:
  it renders like ttsgen and then changes the Description of one template of one release (seeded).
  The step must find exactly that release, validate it, and put its Markdown diff in the summary;
  the comment step must post that summary (`gh`, `curl` are recorders).
- publish: into the local S3 emulator; a second run does nothing; a published release with other
  bytes makes the step fail.

Usage: ci_recipes_test.py TTSGEN SOURCE_DIR"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "e2e"))
from checklist import check, report  # noqa: E402
from deploy_release import Emulator  # noqa: E402

TTSGEN = os.path.abspath(sys.argv[1])
SOURCE = Path(sys.argv[2])
SEEDED = "3.30.0"  # the release the stand-in base renders differently


def recipes():
    """(name, yaml document) of every yaml block of docs/ci.md: GitHub's first, GitLab's second."""
    text = (SOURCE / "docs" / "ci.md").read_text()
    blocks = re.findall(r"^```yaml\n(.*?)^```", text, re.S | re.M)
    assert len(blocks) == 2, f"docs/ci.md: expected 2 yaml blocks, found {len(blocks)}"
    return [("github", yaml.safe_load(blocks[0])), ("gitlab", yaml.safe_load(blocks[1]))]


def steps(kind, doc):
    """job name -> shell snippets that mention ttsgen or the summary, in order."""
    out = {}
    for job, spec in doc.get("jobs", doc).items():
        if not isinstance(spec, dict):
            continue
        snippets = [s["run"] for s in spec.get("steps", []) if "run" in s] if kind == "github" else spec.get("script", [])
        # GitHub expressions are the runner's, not the shell's: the pull request number is the one that is used.
        snippets = [re.sub(r"\$\{\{[^}]*\}\}", "42", s) for s in snippets]
        out[job] = [s for s in snippets if "ttsgen" in s or "summary.md" in s]
    return out


def scratch(work):
    """A folder laid out like the checkout: build/ttsgen, base/build/ttsgen (seeded), recorders."""
    root = Path(tempfile.mkdtemp(dir=work))
    (root / "build").mkdir()
    (root / "build" / "ttsgen").symlink_to(TTSGEN)
    (root / "base" / "build").mkdir(parents=True)
    base = root / "base" / "build" / "ttsgen"
    base.write_text(f"""#!/usr/bin/env bash
# The base build: ttsgen's render, with one template of release {SEEDED} described differently.
"{TTSGEN}" "$@" || exit $?
if [ "$1" = render ] && [ "$3" = "{SEEDED}" ]; then
  f=$(ls "$5"/*.gen.template | head -n 1)
  sed -i '0,/^Description: .*/s//Description: before this change/' "$f"
fi
""")
    base.chmod(0o755)
    bin_dir = root / "recorders"
    bin_dir.mkdir()
    for tool in ("gh", "curl"):
        (bin_dir / tool).write_text(f'#!/usr/bin/env bash\nprintf "%s\\n" "$*" >> "{root}/{tool}.calls"\n'
                                    f'for a in "$@"; do case "$a" in *summary.md) cat "${{a#body@}}" >> "{root}/{tool}.body";; esac; done\n')
        (bin_dir / tool).chmod(0o755)
    return root


def run_step(root, snippet, env):
    return subprocess.run(["bash", "-eo", "pipefail", "-c", snippet], cwd=root, env=env, capture_output=True, text=True,
                          timeout=900)


def main():
    work = Path(tempfile.mkdtemp(prefix="ttsgen-ci-"))
    emulator = Emulator(work / "moto.log")
    try:
        newest = json.loads(subprocess.run([TTSGEN, "versions", "--format", "json"], capture_output=True, text=True).stdout)["newest"]
        bucket = "ci-templates"
        base_env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        base_env.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_SESSION_TOKEN="testing",
                        AWS_DEFAULT_REGION="us-east-1", AWS_ENDPOINT_URL=emulator.endpoint, TEMPLATES_BUCKET=bucket,
                        GITHUB_REF_NAME=f"tts-{newest}", CI_COMMIT_TAG=f"tts-{newest}", REVIEW_TOKEN="t",
                        CI_API_V4_URL="https://gitlab.invalid/api/v4", CI_PROJECT_ID="1", CI_MERGE_REQUEST_IID="42")
        subprocess.run(["aws", "s3", "mb", f"s3://{bucket}"], env=base_env, check=True, capture_output=True)
        published_once = False
        for kind, doc in recipes():
            jobs = steps(kind, doc)
            check(set(jobs) >= {"review", "publish"} and jobs["review"] and jobs["publish"], f"{kind}: review and publish steps found",
                  json.dumps(jobs, indent=1))
            root = scratch(work)
            env = dict(base_env, PATH=f"{root / 'recorders'}:{os.environ['PATH']}", GITHUB_STEP_SUMMARY=str(root / "step-summary.md"))
            for snippet in jobs["review"]:
                r = run_step(root, snippet, env)
                check(r.returncode == 0, f"{kind} review step runs: {snippet.strip().splitlines()[0]}", r.stdout + r.stderr)
            touched = (root / "out" / "touched").read_text().split() if (root / "out" / "touched").exists() else []
            check(touched == [SEEDED], f"{kind}: the touched releases are exactly the seeded one", str(touched))
            summary = (root / "out" / "summary.md").read_text() if (root / "out" / "summary.md").exists() else ""
            check(SEEDED in summary and "Description" in summary, f"{kind}: the summary is the Markdown diff of {SEEDED}", summary)
            if kind == "github":
                step_summary = (root / "step-summary.md").read_text() if (root / "step-summary.md").exists() else ""
                check(step_summary == summary, "github: the summary is the job summary")
                calls = (root / "gh.calls").read_text() if (root / "gh.calls").exists() else ""
                check(calls.strip() == "pr comment 42 --body-file out/summary.md", "github: gh comments the summary", calls)
            else:
                calls = (root / "curl.calls").read_text() if (root / "curl.calls").exists() else ""
                check("merge_requests/42/notes" in calls and "body@out/summary.md" in calls, "gitlab: curl posts the summary as a note", calls)
            body = (root / f"{'gh' if kind == 'github' else 'curl'}.body")
            check(body.exists() and body.read_text() == summary, f"{kind}: the posted comment is the summary")

            for snippet in jobs["publish"]:
                r = run_step(root, snippet, env)
                check(r.returncode == 0, f"{kind} publish step {'is a no-op the second time' if published_once else 'publishes'}",
                      r.stdout + r.stderr)
                if published_once:
                    check("nothing to upload" in r.stderr, f"{kind}: the second publish uploads nothing", r.stderr)
                else:
                    check(f"/{bucket}/public/cloud/{newest}/" in r.stdout, f"{kind}: publish prints the template URLs", r.stdout)
                published_once = True
        # A published release with other bytes: the publish step fails.
        key = f"s3://{bucket}/public/cloud/{newest}/manifest.json"
        other = work / "manifest.json"
        subprocess.run(["aws", "s3", "cp", key, str(other)], env=base_env, check=True, capture_output=True)
        manifest = json.loads(other.read_text())
        manifest["templates"][0]["sha256"] = "0" * 64
        other.write_text(json.dumps(manifest, indent=2) + "\n")
        subprocess.run(["aws", "s3", "cp", str(other), key], env=base_env, check=True, capture_output=True)
        root = scratch(work)
        r = run_step(root, steps("github", recipes()[0][1])["publish"][0], dict(base_env, PATH=os.environ["PATH"]))
        check(r.returncode == 1 and "refusing" in r.stderr, "the publish step fails on a published release with other bytes",
              r.stdout + r.stderr)
    finally:
        emulator.stop()
        shutil.rmtree(work, ignore_errors=True)
    return report("recipe")


if __name__ == "__main__":
    sys.exit(main())
