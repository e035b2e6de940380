#!/usr/bin/env python3
"""The operator's path through the profile commands: init, params, profile-schema.

Usage: profile_cli_test.py <ttsgen binary>
"""
import json
import os
import stat
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

TTSGEN = None


def run(*args, env=None):
    return subprocess.run([TTSGEN, *args], capture_output=True, text=True, env=env, timeout=120)


class ProfileCli(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp())
        self.profile = self.dir / "p.yaml"
        r = run("init", "--network", "acme", "--environment", "prod", "--cluster", "eu1",
                "--domain", "lns.example.com", "--out", str(self.profile))
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_params_writes_one_file_per_enabled_instance(self):
        out = self.dir / "pd"
        r = run("-q", "params", "--profile", str(self.profile), "--out", str(out))
        self.assertEqual(r.returncode, 0, r.stderr)
        names = sorted(p.name for p in out.iterdir())
        self.assertIn("1-1-vpc.parameters.json", names)
        for purpose in ("general", "cache", "events"):
            self.assertIn(f"2-3-db-redis-{purpose}.parameters.json", names)
        self.assertNotIn("1-2-bastion.parameters.json", names)  # optional, no feature asks for it
        vpc = json.loads((out / "1-1-vpc.parameters.json").read_text())
        self.assertIn({"ParameterKey": "NetworkName", "ParameterValue": "acme"}, vpc)
        # Exactly the template's parameters.
        template = json.loads(run("render", "--format", "json", "--stack", "1-1-vpc", "--out", "-").stdout)
        self.assertEqual([p["ParameterKey"] for p in vpc], list(template["Parameters"]))
        secrets = json.loads((out / "4-1-secrets.parameters.json").read_text())
        self.assertIn({"ParameterKey": "LicenseKeyValue", "UsePreviousValue": True}, secrets)

    def test_secrets_are_never_printed_and_files_holding_them_are_private(self):
        out = self.dir / "pd"
        env = dict(os.environ, TTSGEN_SECRET_LicenseKeyValue="c2VjcmV0LWxpY2Vuc2U=")
        r = run("-v", "params", "--profile", str(self.profile), "--out", str(out), env=env)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("c2VjcmV0LWxpY2Vuc2U=", r.stdout + r.stderr)
        f = out / "4-1-secrets.parameters.json"
        self.assertIn({"ParameterKey": "LicenseKeyValue", "ParameterValue": "c2VjcmV0LWxpY2Vuc2U="}, json.loads(f.read_text()))
        self.assertEqual(stat.S_IMODE(f.stat().st_mode), 0o600)
        # A bad secret is refused naming the parameter, not the value.
        env["TTSGEN_SECRET_LicenseKeyValue"] = "not base64 at all!"
        r = run("params", "--profile", str(self.profile), "--out", str(self.dir / "pd2"), env=env)
        self.assertEqual(r.returncode, 2)
        self.assertIn("LicenseKeyValue", r.stderr)
        self.assertNotIn("not base64 at all!", r.stderr)
        self.assertFalse((self.dir / "pd2").exists())

    def test_bad_profile_is_refused_with_the_key_and_nothing_written(self):
        text = self.profile.read_text().replace("  vpc:", "  vpx:").replace("parameters:", "parameters:\n  vpx:\n    A: b", 1)
        bad = self.dir / "bad.yaml"
        bad.write_text(text)
        r = run("params", "--profile", str(bad), "--out", str(self.dir / "bd"))
        self.assertEqual(r.returncode, 2)
        self.assertIn("parameters.vpx: unknown key (did you mean 'vpc'?)", r.stderr)
        self.assertFalse((self.dir / "bd").exists())
        # init refuses to overwrite.
        r = run("init", "--network", "acme", "--environment", "prod", "--cluster", "eu1",
                "--domain", "lns.example.com", "--out", str(self.profile))
        self.assertEqual(r.returncode, 2)
        r = run("init", "--network", "Acme", "--environment", "prod", "--cluster", "eu1", "--domain", "lns.example.com")
        self.assertEqual(r.returncode, 2)
        self.assertIn("network: 'Acme'", r.stderr)

    def test_schema_is_json_and_accepts_what_init_writes(self):
        r = run("profile-schema")
        self.assertEqual(r.returncode, 0, r.stderr)
        schema = json.loads(r.stdout)
        self.assertEqual(schema["required"], ["network", "environment", "cluster", "domain"])
        try:
            import jsonschema
            import yaml
        except ImportError:
            return
        jsonschema.validate(yaml.safe_load(self.profile.read_text()), schema)
        with self.assertRaises(jsonschema.ValidationError):
            jsonschema.validate({"network": "acme", "environment": "prod", "cluster": "eu1", "domain": "d.example.com",
                                 "featurs": {}}, schema)


if __name__ == "__main__":
    TTSGEN = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
