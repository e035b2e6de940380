#!/usr/bin/env python3
"""ttsgen publish against the local S3 emulator (moto_server on a free loopback port, started as the
e2e test starts it): upload, identical re-publish, refusal of a changed re-publish, --force,
verification of what is there, --dry-run, and the usage errors.

Usage: publish_test.py TTSGEN"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "e2e"))
from checklist import check, report  # noqa: E402
from deploy_release import Emulator  # noqa: E402  (the e2e test's emulator: same start and stop)

TTSGEN = os.path.abspath(sys.argv[1])


def ttsgen(*args, env=None):
    return subprocess.run([TTSGEN, *args], capture_output=True, text=True, timeout=600, env=env)


ENDPOINT = []  # --endpoint-url of the emulator, for the test's own aws calls


def aws(env, *args):
    r = subprocess.run(["aws", *args, *ENDPOINT], capture_output=True, text=True, timeout=120, env=env)
    if r.returncode != 0:
        raise RuntimeError(f"aws {' '.join(args)}: {r.stderr}")
    return r.stdout


def objects(env, bucket, prefix):
    """key -> sha256 of every object under prefix (downloaded)."""
    with tempfile.TemporaryDirectory() as d:
        aws(env, "s3", "cp", f"s3://{bucket}/{prefix}", d, "--recursive", "--only-show-errors")
        return {str(p.relative_to(d)): hashlib.sha256(p.read_bytes()).hexdigest() for p in Path(d).rglob("*") if p.is_file()}


def edit_template(folder, name, old, new):
    """Changes one template of a rendered folder and keeps its manifest.json true to it."""
    path = folder / name
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))
    manifest = json.loads((folder / "manifest.json").read_text())
    for t in manifest["templates"]:
        if t["file"] == name:
            t["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
            t["bytes"] = path.stat().st_size
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")


def main():
    work = Path(tempfile.mkdtemp(prefix="ttsgen-publish-"))
    emulator = Emulator(work / "moto.log")
    try:
        env = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_SESSION_TOKEN="testing",
                   AWS_DEFAULT_REGION="us-east-1")
        env.pop("AWS_PROFILE", None)
        endpoint = ["--endpoint-url", emulator.endpoint]
        ENDPOINT.extend(endpoint)
        bucket = "ttsgen-templates"
        aws(env, "s3", "mb", f"s3://{bucket}")
        version = json.loads(ttsgen("versions", "--format", "json").stdout)["newest"]
        rendered = work / "rendered"
        r = ttsgen("render", "--version", version, "--out", str(rendered))
        assert r.returncode == 0, r.stderr
        manifest = json.loads((rendered / "manifest.json").read_text())
        files = {t["file"]: t["sha256"] for t in manifest["templates"]}
        key = f"public/cloud/{version}/"

        # --dry-run: says what it would upload, uploads nothing.
        r = ttsgen("publish", "--version", version, "--bucket", bucket, "--prefix", "public/cloud", "--dry-run", *endpoint, env=env)
        check(r.returncode == 0 and r.stdout.count("would upload: ") == len(files) + 1, "dry run lists every template and the manifest",
              r.stdout + r.stderr)
        check(objects(env, bucket, key) == {}, "dry run uploads nothing")

        # First publish, rendering itself; the URLs of every template are printed.
        r = ttsgen("publish", "--version", version, "--bucket", bucket, "--prefix", "/public/cloud/", *endpoint, env=env)
        check(r.returncode == 0, "publish uploads the newest release", r.stdout + r.stderr)
        urls = [line for line in r.stdout.splitlines() if line.startswith("http")]
        check(sorted(urls) == sorted(f"{emulator.endpoint}/{bucket}/{key}{f}" for f in files), "publish prints every template URL",
              r.stdout)
        published = objects(env, bucket, key)
        expected = dict(files, **{"manifest.json": hashlib.sha256((rendered / "manifest.json").read_bytes()).hexdigest()})
        check(published == expected, "the bucket holds exactly the rendered bytes", json.dumps(published, indent=1)[:2000])
        check("verified" in r.stderr, "publish reports the verification", r.stderr)

        # An identical re-publish (from the folder, endpoint from the environment) is a no-op.
        head = aws(env, "s3api", "head-object", "--bucket", bucket, "--key", key + "manifest.json")
        env_endpoint = dict(env, AWS_ENDPOINT_URL=emulator.endpoint)
        r = ttsgen("publish", "--version", version, "--bucket", bucket, "--prefix", "public/cloud", "--dir", str(rendered), env=env_endpoint)
        check(r.returncode == 0 and "nothing to upload" in r.stderr, "identical re-publish is a no-op", r.stdout + r.stderr)
        head_after = aws(env, "s3api", "head-object", "--bucket", bucket, "--key", key + "manifest.json")
        check(json.loads(head)["LastModified"] == json.loads(head_after)["LastModified"], "the no-op wrote nothing")

        # A changed release is refused, naming the file, and nothing changes in the bucket.
        changed = work / "changed"
        shutil.copytree(rendered, changed)
        name = sorted(files)[0]
        edit_template(changed, name, "Description:", "Description: changed")
        r = ttsgen("publish", "--bucket", bucket, "--prefix", "public/cloud", "--dir", str(changed), *endpoint, env=env)
        check(r.returncode == 1 and r.stdout.strip() == f"changed: {name}" and "refusing" in r.stderr,
              "a changed re-publish is refused (exit 1) and the differing file listed", f"exit {r.returncode}\n{r.stdout}{r.stderr}")
        check(objects(env, bucket, key) == expected, "the refused publish changed nothing")
        r = ttsgen("publish", "--bucket", bucket, "--prefix", "public/cloud", "--dir", str(changed), "--dry-run", *endpoint, env=env)
        check(r.returncode == 1, "a dry run of a changed re-publish is refused too", r.stdout + r.stderr)

        # --force replaces it; a template left out of the new release is removed.
        dropped = sorted(files)[-1]
        (changed / dropped).unlink()
        m = json.loads((changed / "manifest.json").read_text())
        m["templates"] = [t for t in m["templates"] if t["file"] != dropped]
        (changed / "manifest.json").write_text(json.dumps(m, indent=2) + "\n")
        r = ttsgen("publish", "--bucket", bucket, "--prefix", "public/cloud", "--dir", str(changed), "--force", *endpoint, env=env)
        check(r.returncode == 0, "--force replaces the published release", r.stdout + r.stderr)
        check(f"removed: {dropped}" in r.stdout, "--force lists the removed template", r.stdout)
        now = objects(env, bucket, key)
        check(dropped not in now and now.get(name) == hashlib.sha256((changed / name).read_bytes()).hexdigest(),
              "after --force the bucket holds the new bytes and not the dropped template", json.dumps(now, indent=1)[:2000])

        # Verification finds an object that does not match the manifest (seeded: overwritten behind ttsgen's back).
        tampered = work / "tampered.template"
        tampered.write_text("not the template\n")
        aws(env, "s3", "cp", str(tampered), f"s3://{bucket}/{key}{name}", "--only-show-errors")
        r = ttsgen("publish", "--bucket", bucket, "--prefix", "public/cloud", "--dir", str(changed), *endpoint, env=env)
        check(r.returncode == 1 and f"sha256 differs from the manifest: s3://{bucket}/{key}{name}" in r.stdout,
              "verification reports an object whose bytes differ from the manifest", f"exit {r.returncode}\n{r.stdout}{r.stderr}")

        # Without a prefix the release goes to s3://BUCKET/VERSION/.
        r = ttsgen("publish", "--bucket", bucket, "--dir", str(rendered), *endpoint, env=env)
        check(r.returncode == 0 and objects(env, bucket, f"{version}/") == expected, "without --prefix: s3://BUCKET/VERSION/",
              r.stdout + r.stderr)

        # Bad usage and unusable input: exit 2, nothing uploaded; failed work: exit 1.
        edited = work / "edited"
        shutil.copytree(rendered, edited)
        (edited / name).write_text("edited by hand\n")
        cases = [
            (["--bucket", "Bad_Bucket"], 2, "Bad_Bucket"),
            (["--bucket", bucket, "--prefix", "a/../b"], 2, "--prefix"),
            (["--bucket", bucket, "--version", "3.0.0"], 2, "3.0.0"),
            (["--bucket", bucket, "--dir", str(edited)], 2, name),
            (["--bucket", bucket, "--dir", str(work / "missing")], 2, "missing"),
            (["--bucket", bucket, "--dir", str(rendered), "--version", "3.24.0"], 2, "3.24.0"),
            (["--version", version], 2, "--bucket"),
            (["--bucket", "no-such-bucket", "--dir", str(rendered)], 1, "no-such-bucket"),
        ]
        for args, code, named in cases:
            r = ttsgen("publish", *args, *endpoint, env=env)
            check(r.returncode == code and named in r.stderr, f"publish {' '.join(args)}: exit {code} naming {named}",
                  f"exit {r.returncode}: {r.stderr}")
        no_aws = dict(env, PATH="/nonexistent")
        r = ttsgen("publish", "--bucket", bucket, "--dir", str(rendered), *endpoint, env=no_aws)
        check(r.returncode == 1 and "pip install awscli" in r.stderr, "without the aws CLI: exit 1 saying how to get it", r.stderr)
    finally:
        emulator.stop()
        shutil.rmtree(work, ignore_errors=True)
    return report("publish")


if __name__ == "__main__":
    sys.exit(main())
