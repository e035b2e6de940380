#!/usr/bin/env python3
"""Every release with a "what's new" page in the public docs (tests/data/whats-new-releases.txt)
is listed by `ttsgen versions` and renders; every release ttsgen lists is such a release or a
heading of the template changelog (3.31.0 is the one without a page)."""
import json
import pathlib
import subprocess
import sys
import tempfile
import unittest

TTSGEN = None
SOURCE = None
# Changelog headings (docs: ecs/changelog) without a "what's new" page.
CHANGELOG_ONLY = {"3.31.0"}


def run(*args):
    return subprocess.run([TTSGEN, *args], capture_output=True, text=True, timeout=300)


def whats_new():
    text = (pathlib.Path(SOURCE) / "tests" / "data" / "whats-new-releases.txt").read_text()
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


class WhatsNew(unittest.TestCase):
    def setUp(self):
        r = run("versions", "--format", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.versions = json.loads(r.stdout)["releases"]

    def test_list_is_sane(self):
        releases = whats_new()
        self.assertGreaterEqual(len(releases), 37)
        self.assertEqual(releases[0], "3.24.0")
        self.assertEqual(releases[-1], "3.36.0")
        self.assertIn("3.32.2", releases)

    def test_versions_lists_every_release(self):
        missing = [r for r in whats_new() if r not in self.versions]
        self.assertEqual(missing, [], "releases with a what's-new page that `ttsgen versions` does not list")
        extra = [r for r in self.versions if r not in whats_new() and r not in CHANGELOG_ONLY]
        self.assertEqual(extra, [], "releases ttsgen lists that are neither a what's-new page nor a changelog heading")

    def test_every_release_renders(self):
        with tempfile.TemporaryDirectory() as tmp:
            for release in whats_new():
                with self.subTest(release=release):
                    out = pathlib.Path(tmp) / release
                    r = run("render", "--version", release, "--out", str(out))
                    self.assertEqual(r.returncode, 0, r.stderr)
                    self.assertTrue((out / "1-1-vpc.gen.template").is_file())
                    manifest = json.loads((out / "manifest.json").read_text())
                    self.assertIn(release, json.dumps(manifest))


class Gates(unittest.TestCase):
    """Stack code gates on named changes (include/ttsgen/catalog/changes.hpp), not on bare version
    literals of the supported range. The exceptions carry no changelog entry (docs/audit.md)."""

    ALLOWED = {
        # 2-6-queue-sqs became 2-7-queue-sqs in 3.30.2 without a changelog entry.
        ("registry.cpp", "3.30.2"),
        # 5-5-tenant-resource-monitoring is documented, but has no changelog entry.
        ("registry.cpp", "3.30.0"),
        # The last release of the ApplicationUpStorage profile before kApplicationUpStorageRateLimitFix.
        ("4-2b-configuration-rate-limiting.cpp", "3.31.1"),
    }

    def test_no_bare_release_literals(self):
        import re
        found = []
        for path in sorted((pathlib.Path(SOURCE) / "src" / "stacks").glob("*.cpp")):
            for number, line in enumerate(path.read_text().splitlines(), 1):
                for v in re.findall(r'"(3\.(?:2[4-9]|3[0-9])\.[0-9]+)"_v', line):
                    if (path.name, v) not in self.ALLOWED:
                        found.append(f"{path.name}:{number}: {v}")
        self.assertEqual(found, [], "gate on the named change (changes::kX) instead")


if __name__ == "__main__":
    TTSGEN = sys.argv.pop(1)
    SOURCE = sys.argv.pop(1)
    unittest.main()
