#!/usr/bin/env python3
"""The `ttsgen diff` and `ttsgen docs` commands as users and scripts rely on them: exit codes,
messages naming the bad input and the choices, JSON that parses, folders read as a release.

Usage: diff_docs_cli_test.py <ttsgen binary> <source folder>"""
import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

TTSGEN = None
SOURCE = None


def run(*args, cwd=None):
    return subprocess.run([TTSGEN, *args], capture_output=True, text=True, cwd=cwd)


class Help(unittest.TestCase):
    def test_help(self):
        for command in ("diff", "docs"):
            with self.subTest(command=command):
                r = run(command, "--help")
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertIn("Usage:", r.stdout)
        self.assertIn("--exit-code", run("diff", "--help").stdout)


class DiffUsage(unittest.TestCase):
    def test_needs_from(self):
        r = run("diff", "--to", "3.30.0")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--from is required", r.stderr)

    def test_needs_to_or_dir(self):
        r = run("diff", "--from", "3.30.0")
        self.assertEqual(r.returncode, 2)
        self.assertIn("give --to V2, --dir DIR, or both", r.stderr)

    def test_bad_release(self):
        r = run("diff", "--from", "3.23.0", "--to", "3.30.0")
        self.assertEqual(r.returncode, 2)
        self.assertIn("unsupported release 3.23.0; supported: 3.24.0 … 3.36.0", r.stderr)

    def test_bad_format(self):
        r = run("diff", "--from", "3.29.2", "--to", "3.30.0", "--format", "html")
        self.assertEqual(r.returncode, 2)
        self.assertIn("html", r.stderr)
        self.assertIn("text", r.stderr)

    def test_bad_minor(self):
        r = run("diff", "--minor", "3.99")
        self.assertEqual(r.returncode, 2)
        self.assertIn("unknown minor '3.99'; valid: 3.24, 3.25", r.stderr)
        r = run("diff", "--minor", "3.30", "--from", "3.29.2")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--minor cannot be combined", r.stderr)


class DiffReleases(unittest.TestCase):
    def test_every_consecutive_pair_runs_in_every_format(self):
        releases = json.loads(run("versions", "--format", "json").stdout)["releases"]
        for a, b in zip(releases, releases[1:]):
            for fmt in ("text", "markdown", "json"):
                r = run("diff", "--from", a, "--to", b, "--format", fmt)
                self.assertEqual(r.returncode, 0, f"{a} → {b} {fmt}: {r.stderr}")
                if fmt == "json":
                    data = json.loads(r.stdout)
                    self.assertEqual((data["from"], data["to"]), (a, b))

    def test_bastion_at_3_26_0(self):
        data = json.loads(run("diff", "--from", "3.25.2", "--to", "3.26.0", "--format", "json").stdout)
        bastion = next(s for s in data["stacks"] if s["name"] == "1-2-bastion")
        self.assertEqual(bastion["status"], "modified")
        # UserData of an EBS-backed instance: stopped and started, not replaced (override table).
        self.assertEqual(bastion["replacement"], "false")
        instance = next(r for r in bastion["resources"] if r["id"] == "Bastion")
        self.assertEqual(instance["changes"][0]["path"], "Properties.UserData")
        self.assertIn("updated in place", instance["changes"][0]["reason"])
        cluster = next(s for s in data["stacks"] if s["name"] == "5-1-ecs-cluster")
        self.assertEqual(cluster["replacement"], "true")
        # VersionTag changed, but only as release_only.
        self.assertTrue(any(c["path"] == "Outputs.VersionTag.Value" for c in bastion["release_only"]))

    def test_exit_code_flag(self):
        r = run("diff", "--from", "3.25.2", "--to", "3.26.0", "--exit-code")
        self.assertEqual(r.returncode, 1)
        r = run("diff", "--from", "3.25.2", "--to", "3.26.0")
        self.assertEqual(r.returncode, 0)

    def test_minor_document(self):
        r = run("diff", "--minor", "3.30", "--format", "markdown")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(r.stdout.startswith("# Upgrading to 3.30\n"))
        for section in ("## 3.30.2 (from 3.30.1)", "## 3.30.1 (from 3.30.0)", "## 3.30.0 (from 3.29.2)"):
            self.assertIn(section, r.stdout)
        single = run("diff", "--from", "3.29.2", "--to", "3.30.0", "--format", "markdown").stdout
        self.assertIn(single, r.stdout)
        data = json.loads(run("diff", "--minor", "3.30", "--format", "json").stdout)
        self.assertEqual([s["to"] for s in data["releases"]], ["3.30.2", "3.30.1", "3.30.0"])


class DiffFolder(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def render(self, version, fmt="yaml"):
        out = self.dir / version
        r = run("render", "--version", version, "--format", fmt, "--out", str(out))
        self.assertEqual(r.returncode, 0, r.stderr)
        return out

    def test_render_of_the_same_release_has_no_changes(self):
        for fmt in ("yaml", "json"):
            with self.subTest(fmt=fmt):
                out = self.render("3.30.0", fmt)
                r = run("diff", "--from", "3.30.0", "--dir", str(out), "--exit-code", "--format", "json")
                self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
                self.assertFalse(json.loads(r.stdout)["has_changes"])

    def test_keys_sorted_as_jq_s_have_no_changes(self):
        # `jq -S` sorts every map's keys; CloudFormation reads maps by key, and so does the diff.
        out = self.render("3.30.0", "json")
        for path in out.glob("*.gen.template"):
            path.write_text(json.dumps(json.loads(path.read_text()), sort_keys=True, indent=2))
        r = run("diff", "--from", "3.30.0", "--dir", str(out), "--exit-code", "--format", "json")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertFalse(json.loads(r.stdout)["has_changes"])

    def test_change_set_beside_the_diff(self):
        sets = Path(SOURCE) / "tests" / "golden-diff" / "change-sets"
        agreeing = sets / "5-1-ecs-cluster_3.29.2_3.30.0.json"
        r = run("diff", "--from", "3.29.2", "--to", "3.30.0", "--format", "markdown", "--change-set", str(agreeing))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("beside `5-1-ecs-cluster`", r.stdout)
        self.assertIn("| `ECSAutoScalingGroup` | `AWS::AutoScaling::AutoScalingGroup` | Modify, Replacement False | modified, replacement false | agree |", r.stdout)
        data = json.loads(run("diff", "--from", "3.29.2", "--to", "3.30.0", "--format", "json", "--change-set", str(agreeing)).stdout)
        self.assertEqual(data["change_sets"][0]["disagreements"], 0)
        faulty = sets / "5-1-ecs-cluster_3.25.2_3.26.0-seeded-fault.json"
        r = run("diff", "--from", "3.25.2", "--to", "3.26.0", "--change-set", str(faulty))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("1 disagreement", r.stdout)
        self.assertIn("! ECSLaunchConfiguration", r.stdout)
        # With --exit-code a disagreement is a finding.
        self.assertEqual(run("diff", "--from", "3.25.2", "--to", "3.26.0", "--change-set", str(faulty), "--exit-code").returncode, 1)

    def test_bad_change_set_is_usage_error(self):
        bad = self.dir / "bad.json"
        bad.write_text("{")
        r = run("diff", "--from", "3.29.2", "--to", "3.30.0", "--change-set", str(bad))
        self.assertEqual(r.returncode, 2)
        self.assertIn("--change-set", r.stderr)
        self.assertIn("not JSON", r.stderr)
        r = run("diff", "--from", "3.29.2", "--to", "3.30.0", "--change-set", str(self.dir / "missing.json"))
        self.assertEqual(r.returncode, 2)
        self.assertIn("cannot read the file", r.stderr)

    def test_golden_folder_round_trips(self):
        golden = Path(SOURCE) / "tests" / "golden" / "3.25.2"
        r = run("diff", "--from", "3.25.2", "--dir", str(golden), "--exit-code")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_folder_to_newer_release_equals_release_diff(self):
        out = self.render("3.25.2")
        via_folder = json.loads(run("diff", "--from", "3.25.2", "--dir", str(out), "--to", "3.26.0", "--format", "json").stdout)
        direct = json.loads(run("diff", "--from", "3.25.2", "--to", "3.26.0", "--format", "json").stdout)
        self.assertEqual(via_folder["stacks"], direct["stacks"])
        self.assertEqual(via_folder["from"], f"{out} (as 3.25.2)")

    def test_edited_deployed_copy(self):
        out = self.render("3.30.0")
        path = out / "1-2-bastion.gen.template"
        path.write_text(path.read_text().replace("Default: t3.micro", "Default: t3.small"))
        (out / "1-3-opsgenie.gen.template").unlink()
        (out / "1-1-vcp.gen.template").write_text("{}")
        (out / "notes.txt").write_text("hello")
        r = run("diff", "--from", "3.30.0", "--dir", str(out), "--exit-code", "--format", "json")
        self.assertEqual(r.returncode, 1, r.stderr)
        data = json.loads(r.stdout)
        bastion = next(s for s in data["stacks"] if s["name"] == "1-2-bastion")
        change = bastion["parameters"][0]["changes"][0]
        self.assertEqual((change["path"], change["before"], change["after"]), ("Default", "t3.small", "t3.micro"))
        self.assertEqual([s["name"] for s in data["not_compared"]], ["1-3-opsgenie"])
        self.assertEqual(data["unmatched_files"], ["1-1-vcp.gen.template (did you mean '1-1-vpc'?)", "notes.txt"])
        text = run("diff", "--from", "3.30.0", "--dir", str(out)).stdout
        self.assertIn("Not compared (no template file in the folder): 1-3-opsgenie.", text)

    def test_broken_template_names_the_file(self):
        out = self.render("3.30.0")
        (out / "1-1-vpc.gen.template").write_text("Resources: [unclosed\n")
        r = run("diff", "--from", "3.30.0", "--dir", str(out))
        self.assertEqual(r.returncode, 2)  # unusable input (docs/cli.md)
        self.assertIn("1-1-vpc.gen.template", r.stderr)

    def test_missing_folder(self):
        r = run("diff", "--from", "3.30.0", "--dir", str(self.dir / "nope"))
        self.assertEqual(r.returncode, 2)
        self.assertIn("is not a folder", r.stderr)


class Docs(unittest.TestCase):
    def test_writes_index_and_pages(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "stacks"
            r = run("docs", "--version", "3.30.0", "--out", str(out))
            self.assertEqual(r.returncode, 0, r.stderr)
            names = sorted(p.name for p in out.iterdir())
            self.assertIn("README.md", names)
            self.assertIn("1-2-bastion.md", names)
            self.assertIn("release 3.30.0", (out / "README.md").read_text())

    def test_needs_out(self):
        r = run("docs")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--out", r.stderr)

    def test_bad_version(self):
        r = run("docs", "--version", "3.31.2", "--out", "x")
        self.assertEqual(r.returncode, 2)
        self.assertIn("3.31.2 is not a release of The Things Stack", r.stderr)


if __name__ == "__main__":
    TTSGEN = sys.argv.pop(1)
    SOURCE = sys.argv.pop(1)
    unittest.main(verbosity=2)
