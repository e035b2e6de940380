#!/usr/bin/env python3
"""Behaviour of the ttsgen command line that users and CI scripts rely on: exit codes, messages
that name the bad input and the valid choices, all-or-nothing output, --check with a diff.

Usage: cli_test.py <ttsgen binary>"""
import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

TTSGEN = None


def run(*args, cwd=None):
    return subprocess.run([TTSGEN, *args], capture_output=True, text=True, cwd=cwd)


class Help(unittest.TestCase):
    def test_help_everywhere(self):
        for args in ([], ["versions"], ["list"], ["render"]):
            with self.subTest(args=args):
                r = run(*args, "--help")
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertIn("Usage:", r.stdout)

    def test_no_command_is_a_usage_error(self):
        r = run()
        self.assertEqual(r.returncode, 2)
        self.assertIn("--help", r.stderr)

    def test_unknown_option_is_a_usage_error(self):
        r = run("render", "--colour")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--colour", r.stderr)


class Versions(unittest.TestCase):
    def test_json(self):
        r = run("versions", "--format", "json")
        self.assertEqual(r.returncode, 0)
        data = json.loads(r.stdout)
        self.assertEqual(data["newest"], "3.36.0")
        self.assertEqual(data["releases"][0], "3.24.0")
        self.assertIn("3.32.2", data["releases"])  # a release without a changelog heading

    def test_text_is_one_release_per_line_newest_last(self):
        self.assertTrue(run("versions").stdout.endswith("\n3.36.0\n"))


class List(unittest.TestCase):
    def test_json_rows(self):
        r = run("list", "--version", "3.30.0", "--format", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = {s["name"]: s for s in json.loads(r.stdout)["stacks"]}
        self.assertIn("1-1-vpc", rows)
        self.assertEqual(rows["1-2-bastion"]["depends_on"], ["1-1-vpc"])
        self.assertTrue(rows["1-2-bastion"]["optional"])
        self.assertGreater(rows["1-1-vpc"]["bytes"], 1000)

    def test_bad_version(self):
        r = run("list", "--version", "3.23.0")
        self.assertEqual(r.returncode, 2)
        self.assertIn("unsupported release 3.23.0; supported: 3.24.0 … 3.36.0", r.stderr)


class Render(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def test_writes_templates_and_manifest(self):
        out = self.dir / "d"
        r = run("render", "--version", "3.30.0", "--out", str(out))
        self.assertEqual(r.returncode, 0, r.stderr)
        manifest = json.loads((out / "manifest.json").read_text())
        self.assertEqual(manifest["version"], "3.30.0")
        files = sorted(p.name for p in out.glob("*.gen.template"))
        self.assertEqual(files, sorted(t["file"] for t in manifest["templates"]))
        for t in manifest["templates"]:
            data = (out / t["file"]).read_bytes()
            self.assertEqual(len(data), t["bytes"])
            import hashlib
            self.assertEqual(hashlib.sha256(data).hexdigest(), t["sha256"])
        self.assertEqual(sorted(p.name for p in out.iterdir()), sorted(files + ["manifest.json"]))  # no temporaries left

    def test_default_output_folder_is_dist_version(self):
        r = run("render", cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue((self.dir / "dist" / "3.36.0" / "1-1-vpc.gen.template").exists())

    def test_unsupported_release(self):
        for bad in ("9.9.9", "3.23.0"):
            with self.subTest(bad=bad):
                r = run("render", "--version", bad, "--out", str(self.dir / "x"))
                self.assertEqual(r.returncode, 2)
                self.assertIn(f"unsupported release {bad}; supported: 3.24.0 … 3.36.0", r.stderr)
                self.assertFalse((self.dir / "x").exists())

    def test_misspelt_stack(self):
        r = run("render", "--stack", "1-1-vcp", "--out", str(self.dir / "x"))
        self.assertEqual(r.returncode, 2)
        self.assertIn("did you mean '1-1-vpc'?", r.stderr)
        self.assertFalse((self.dir / "x").exists())

    def test_bad_format(self):
        r = run("render", "--format", "xml", "--out", str(self.dir / "x"))
        self.assertEqual(r.returncode, 2)
        self.assertIn("xml", r.stderr)

    def test_selected_stacks_only(self):
        out = self.dir / "sel"
        r = run("render", "--version", "3.30.0", "--stack", "1-3-opsgenie", "--stack", "vpc", "--out", str(out))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(p.name for p in out.glob("*.gen.template")), ["1-1-vpc.gen.template", "1-3-opsgenie.gen.template"])

    def test_stdout(self):
        r = run("render", "--stack", "1-3-opsgenie", "--out", "-")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(r.stdout.startswith("AWSTemplateFormatVersion: '2010-09-09'\n"))
        r = run("render", "--out", "-")
        self.assertEqual(r.returncode, 2)

    def test_json_format(self):
        out = self.dir / "j"
        self.assertEqual(run("render", "--format", "json", "--out", str(out)).returncode, 0)
        json.loads((out / "1-1-vpc.gen.template").read_text())

    def test_unwritable_output_writes_nothing(self):
        blocker = self.dir / "file"
        blocker.write_text("not a folder")
        r = run("render", "--out", str(blocker / "sub" / "out"))
        self.assertEqual(r.returncode, 1)
        self.assertIn(str(blocker), r.stderr)
        self.assertEqual(sorted(p.name for p in self.dir.iterdir()), ["file"])

    def test_failure_in_one_file_writes_none(self):
        out = self.dir / "out"
        out.mkdir()
        (out / "1-3-opsgenie.gen.template").mkdir()  # cannot be replaced by a file
        r = run("render", "--out", str(out))
        self.assertEqual(r.returncode, 1)
        self.assertIn("1-3-opsgenie.gen.template", r.stderr)
        self.assertEqual([p.name for p in out.iterdir()], ["1-3-opsgenie.gen.template"])

    def test_check(self):
        out = self.dir / "c"
        self.assertEqual(run("render", "--version", "3.30.0", "--out", str(out)).returncode, 0)
        r = run("render", "--version", "3.30.0", "--out", str(out), "--check")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        vpc = out / "1-1-vpc.gen.template"
        vpc.write_text(vpc.read_text().replace("EnableDnsHostnames: true", "EnableDnsHostnames: false"))
        (out / "9-9-stale.gen.template").write_text("x")
        before = {p.name: p.read_bytes() for p in out.iterdir()}
        r = run("render", "--version", "3.30.0", "--out", str(out), "--check")
        self.assertEqual(r.returncode, 1)
        self.assertIn("-      EnableDnsHostnames: false\n+      EnableDnsHostnames: true\n", r.stdout)
        self.assertIn("@@ ", r.stdout)
        self.assertIn("unexpected: ", r.stdout)
        self.assertEqual(before, {p.name: p.read_bytes() for p in out.iterdir()})  # --check writes nothing

    def test_check_of_missing_folder(self):
        r = run("render", "--out", str(self.dir / "none"), "--check")
        self.assertEqual(r.returncode, 1)
        self.assertIn("missing: ", r.stdout)
        self.assertFalse((self.dir / "none").exists())


if __name__ == "__main__":
    TTSGEN = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
