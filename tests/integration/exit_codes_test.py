#!/usr/bin/env python3
"""The exit-code contract of docs/cli.md, command by command, with hostile and sloppy input:
0 ok, 1 findings or failed work, 2 bad usage or unusable input. Every case must answer within
seconds (subprocess timeout) with a one-line error that names the problem, and never a raw
library message (stoll, "filesystem error:").

Usage: exit_codes_test.py <ttsgen binary>"""
import fcntl
import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

TTSGEN = None
COMMANDS = ["versions", "list", "render", "validate", "graph", "diff", "docs"]


def run(*args, timeout=60):
    return subprocess.run([TTSGEN, *args], capture_output=True, text=True, timeout=timeout)


class Contract(unittest.TestCase):
    def assertExit(self, r, code, *needles):
        self.assertEqual(r.returncode, code, r.stdout[-2000:] + r.stderr)
        for needle in needles:
            self.assertIn(needle, r.stderr)
        for leak in ("stoll", "filesystem error:", "terminate called", "what():"):
            self.assertNotIn(leak, r.stderr)
        if code == 2 and r.stderr:
            # The cause comes first, on the first line.
            self.assertTrue(r.stderr.startswith("ttsgen"), r.stderr)

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def render(self, version="3.30.0", name="r", *extra):
        out = self.dir / name
        r = run("render", "--version", version, "--out", str(out), *extra)
        self.assertEqual(r.returncode, 0, r.stderr)
        return out


class Commands(Contract):
    def test_unknown_command_is_named_with_a_suggestion(self):
        r = run("bogus")
        self.assertExit(r, 2, "unknown command 'bogus'", "commands: versions, list")
        r = run("valdiate", "--all-versions")
        self.assertExit(r, 2, "did you mean 'validate'?")
        r = run("-q", "rendr")
        self.assertExit(r, 2, "did you mean 'render'?")

    def test_unknown_option_in_every_command(self):
        for command in COMMANDS:
            with self.subTest(command=command):
                required = ["--out", str(self.dir / "d")] if command == "docs" else []
                self.assertExit(run(command, *required, "--bogus"), 2, "--bogus")

    def test_empty_version_is_not_the_newest(self):
        for command in ["render", "list", "validate", "graph", "docs"]:
            with self.subTest(command=command):
                args = [command, "--version", ""] + (["--out", str(self.dir / "d")] if command in ("render", "docs") else [])
                self.assertExit(run(*args), 2, "--version", "empty")
        self.assertExit(run("diff", "--from", "", "--to", "3.30.0"), 2, "--from", "empty")
        self.assertExit(run("validate", "--dir", ""), 2, "--dir", "empty")
        self.assertFalse((self.dir / "d").exists())

    def test_verbose_says_what_it_does(self):
        out = self.dir / "v"
        r = run("-v", "render", "--version", "3.30.0", "--out", str(out))
        self.assertExit(r, 0)
        self.assertIn("wrote " + str(out / "1-1-vpc.gen.template"), r.stderr)
        quiet = run("render", "--version", "3.30.0", "--out", str(out))
        self.assertNotIn("wrote " + str(out / "1-1-vpc.gen.template"), quiet.stderr)

    def test_versions_is_plain_for_scripts(self):
        r = run("versions")
        self.assertExit(r, 0)
        lines = r.stdout.splitlines()
        self.assertEqual(lines[-1], json.loads(run("versions", "--format", "json").stdout)["newest"])
        for line in lines:
            self.assertRegex(line, r"^\d+\.\d+\.\d+$")

    def test_option_combinations_that_do_nothing_are_refused(self):
        self.assertExit(run("render", "--out", "-", "--stack", "1-1-vpc", "--check"), 2, "--check", "--out -")
        self.assertExit(run("diff", "--minor", "3.30", "--exit-code"), 2, "--exit-code", "--minor")
        self.assertExit(run("docs", "--out", "-"), 2, "--out -")


class UnusableInput(Contract):
    """An unusable folder or file is exit 2 in every command that reads one."""

    def folder_commands(self, folder):
        return [["validate", "--dir", str(folder)], ["graph", "--dir", str(folder)],
                ["diff", "--from", "3.30.0", "--dir", str(folder)]]

    def test_missing_folder(self):
        for args in self.folder_commands(self.dir / "nope"):
            with self.subTest(args=args[0]):
                self.assertExit(run(*args), 2, "is not a folder")

    def test_empty_folder(self):
        empty = self.dir / "empty"
        empty.mkdir()
        for args in self.folder_commands(empty):
            with self.subTest(args=args[0]):
                self.assertEqual(run(*args).returncode, 2)
        self.assertExit(run("diff", "--from", "3.30.0", "--dir", str(empty), "--exit-code"), 2)

    def test_unreadable_template(self):
        if os.geteuid() == 0:
            self.skipTest("root reads everything")
        out = self.render()
        (out / "1-2-bastion.gen.template").chmod(0)
        for args in self.folder_commands(out):
            with self.subTest(args=args[0]):
                self.assertExit(run(*args), 2, "1-2-bastion.gen.template")
        self.assertExit(run("render", "--version", "3.30.0", "--out", str(out), "--check"), 2, "cannot read")

    def test_fifo_and_dev_zero_do_not_hang(self):
        out = self.render()
        os.mkfifo(out / "9-9-fifo.gen.template")
        for args in self.folder_commands(out)[:2]:
            with self.subTest(args=args[0]):
                self.assertExit(run(*args, timeout=20), 2, "is not a regular file")
        (out / "9-9-fifo.gen.template").unlink()
        (out / "9-9-zero.gen.template").symlink_to("/dev/zero")
        for args in self.folder_commands(out)[:2]:
            with self.subTest(args=args[0]):
                self.assertExit(run(*args, timeout=20), 2, "is not a regular file")

    def test_huge_file_is_refused_at_once(self):
        out = self.render()
        with open(out / "1-2-bastion.gen.template", "w") as f:
            f.write("Resources:\n" + "".join(f"  R{i}: {{Type: AWS::SNS::Topic}}\n" for i in range(300000)))
        for args in self.folder_commands(out):
            with self.subTest(args=args[0]):
                r = run(*args, timeout=20)
                self.assertIn(r.returncode, (2,), r.stderr)
                if args[0] != "diff":  # diff reads its folder with the same reader first
                    self.assertIn("bytes; at most 4000000", r.stderr)

    def test_hostile_templates(self):
        cases = {
            "deep": "[" * 10000,
            "laughs": "a: &a [" + ",".join(['"lol"'] * 10) + "]\n" + "".join(
                f"{c}: &{c} [" + ",".join([f"*{p}"] * 10) + "]\n" for p, c in zip("abcdefgh", "bcdefghi")),
        }
        for name, text in cases.items():
            with self.subTest(case=name):
                out = self.render(name=name)
                (out / "1-2-bastion.gen.template").write_text(text)
                r = run("validate", "--dir", str(out), "--format", "json", timeout=20)
                self.assertExit(r, 1)
                errors = [f for f in json.loads(r.stdout)["findings"] if f["severity"] == "error"]
                self.assertEqual(len(errors), 1, errors)  # the cause, not follow-on errors
                self.assertIn("does not parse", errors[0]["message"])
                self.assertExit(run("graph", "--dir", str(out), timeout=20), 2, "does not parse")
                self.assertExit(run("diff", "--from", "3.30.0", "--dir", str(out), timeout=20), 2, "1-2-bastion")

    def test_duplicate_key_and_unknown_tag_fail_validate(self):
        out = self.render()
        path = out / "1-2-bastion.gen.template"
        original = path.read_text()
        for name, text in {"duplicate": original.replace("Resources:\n", "Resources:\n  Bastion:\n    Type: X\n", 1),
                           "tag": original.replace("!Ref", "!Bogus", 1)}.items():
            with self.subTest(case=name):
                path.write_text(text)
                r = run("validate", "--dir", str(out))
                self.assertExit(r, 1)
                self.assertIn("duplicate key 'Bastion'" if name == "duplicate" else "unknown tag '!Bogus'", r.stdout)

    def test_version_tag_that_disagrees(self):
        out = self.render()
        self.assertExit(run("validate", "--dir", str(out), "--version", "3.35.2"), 2, "release 3.30.0, not 3.35.2")
        self.assertExit(run("graph", "--dir", str(out), "--version", "3.35.2"), 2, "release 3.30.0, not 3.35.2")
        self.assertExit(run("diff", "--dir", str(out), "--from", "3.35.2", "--to", "3.35.2"), 2, "release 3.30.0, not 3.35.2")
        (out / "manifest.json").unlink()
        vpc = out / "1-1-vpc.gen.template"
        vpc.write_text(vpc.read_text().replace("Value: 3.30.0", "Value: 3.29.2"))
        self.assertExit(run("validate", "--dir", str(out)), 2, "VersionTag", "3.29.2")


class RenderOwnsItsFolder(Contract):
    def names(self, folder):
        return sorted(p.name for p in folder.iterdir())

    def test_a_later_render_removes_what_it_does_not_write(self):
        out = self.render("3.24.0", "d")
        old = set(self.names(out))
        run("render", "--version", "3.35.2", "--out", str(out))
        new = set(self.names(out))
        manifest = json.loads((out / "manifest.json").read_text())
        listed = manifest["templates"] + manifest.get("stack_policies", [])
        expected = {f["file"] for f in listed} | {"manifest.json"}
        self.assertEqual(new, expected)
        self.assertTrue(old - new, "3.24.0 has templates 3.35.2 lacks")
        r = run("render", "--version", "3.35.2", "--out", str(out), "--check")
        self.assertExit(r, 0)

    def test_foreign_templates_make_it_refuse(self):
        out = self.render()
        (out / "my-own.gen.template").write_text("Resources: {}\n")
        r = run("render", "--version", "3.30.0", "--out", str(out))
        self.assertExit(r, 2, "my-own.gen.template", "--force")
        self.assertTrue((out / "my-own.gen.template").exists())
        r = run("render", "--version", "3.30.0", "--out", str(out), "--force")
        self.assertExit(r, 0)
        self.assertFalse((out / "my-own.gen.template").exists())
        # A folder of templates without a manifest is someone else's, too.
        bare = self.dir / "bare"
        bare.mkdir()
        (bare / "1-1-vpc.gen.template").write_text("x")
        self.assertExit(run("render", "--out", str(bare)), 2, "1-1-vpc.gen.template")
        # Other files are left alone.
        (out / "notes.txt").write_text("mine")
        self.assertExit(run("render", "--version", "3.30.0", "--out", str(out)), 0)
        self.assertEqual((out / "notes.txt").read_text(), "mine")

    def test_leftovers_of_an_interrupted_render_are_removed(self):
        out = self.render()
        (out / ".1-1-vpc.gen.template.tmp-99999").write_text("half")
        self.assertExit(run("render", "--version", "3.30.0", "--out", str(out)), 0)
        self.assertFalse((out / ".1-1-vpc.gen.template.tmp-99999").exists())

    def test_stack_keeps_the_manifest_whole(self):
        out = self.render()
        before = json.loads((out / "manifest.json").read_text())
        vpc = out / "1-1-vpc.gen.template"
        vpc.write_text("changed")
        self.assertExit(run("render", "--version", "3.30.0", "--out", str(out), "--stack", "1-1-vpc"), 0)
        self.assertEqual(json.loads((out / "manifest.json").read_text()), before)
        self.assertExit(run("render", "--version", "3.30.0", "--out", str(out), "--check"), 0)
        r = run("render", "--version", "3.35.2", "--out", str(out), "--stack", "1-1-vpc")
        self.assertExit(r, 2, "release 3.30.0", "--stack")

    def test_stack_keeps_the_stack_policies_of_the_manifest(self):
        out = self.render("3.35.2", "p")
        before = json.loads((out / "manifest.json").read_text())
        self.assertTrue(before["stack_policies"], "3.35.2 renders stack policies")
        self.assertExit(run("render", "--version", "3.35.2", "--out", str(out), "--stack", "4-1-secrets"), 0)
        self.assertEqual(json.loads((out / "manifest.json").read_text()), before)
        self.assertExit(run("render", "--version", "3.35.2", "--out", str(out), "--check"), 0)

    def test_two_renders_cannot_interleave(self):
        out = self.render()
        fd = os.open(out, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)  # as a render in progress holds it
            r = run("render", "--version", "3.30.0", "--out", str(out), timeout=20)
            self.assertExit(r, 1, "another ttsgen is writing to")
        finally:
            os.close(fd)
        self.assertExit(run("render", "--version", "3.30.0", "--out", str(out)), 0)

    def test_new_folder_is_removed_when_the_render_fails(self):
        out = self.dir / "a" / "b"
        (self.dir / "x").mkdir()
        r = run("render", "--version", "", "--out", str(out))
        self.assertExit(r, 2)
        self.assertFalse((self.dir / "a").exists())


if __name__ == "__main__":
    TTSGEN = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)
