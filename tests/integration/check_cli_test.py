#!/usr/bin/env python3
"""`ttsgen validate` and `ttsgen graph` as users and CI scripts run them: exit codes, JSON that
parses, findings that name release, stack, logical id and path, and broken fixtures built as
folders of templates (a real render with one file edited), validated with --dir.

Usage: check_cli_test.py <ttsgen binary>"""
import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

TTSGEN = None


def run(*args):
    return subprocess.run([TTSGEN, *args], capture_output=True, text=True, timeout=300)


class Fixture:
    """A rendered release in JSON form (easy to edit here; the checks read either format)."""

    def __init__(self, tmp, version="3.35.2"):
        self.dir = Path(tmp) / version
        r = run("render", "--version", version, "--format", "json", "--out", str(self.dir))
        assert r.returncode == 0, r.stderr

    def edit(self, stack, change):
        path = self.dir / f"{stack}.gen.template"
        doc = json.loads(path.read_text())
        change(doc)
        path.write_text(json.dumps(doc, indent=2) + "\n")

    def validate(self, *extra):
        return run("validate", "--dir", str(self.dir), "--format", "json", *extra)


def import_of(key):
    return {"Fn::ImportValue": {"Fn::Sub": "${NetworkName}-${Environment}-${Cluster}-" + key}}


class Validate(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def test_help(self):
        for command in ("validate", "graph"):
            r = run(command, "--help")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("--format", r.stdout)

    def test_all_versions_clean(self):
        r = run("validate", "--all-versions", "--format", "json")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        data = json.loads(r.stdout)
        self.assertEqual(len(data["releases"]), 36)
        self.assertEqual(data["errors"], 0)
        self.assertGreater(data["templates"], 36)

    def test_text_summary(self):
        r = run("validate", "--version", "3.30.0")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertRegex(r.stdout, r"validated release 3\.30\.0: \d+ templates .* 0 errors")

    def test_usage_errors(self):
        r = run("validate", "--version", "3.23.0")
        self.assertEqual(r.returncode, 2)
        self.assertIn("unsupported release 3.23.0; supported: 3.24.0 … 3.35.2", r.stderr)
        r = run("validate", "--all-versions", "--version", "3.30.0")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--all-versions", r.stderr)
        r = run("validate", "--dir", str(Path(self.tmp.name) / "missing"))
        self.assertEqual(r.returncode, 2)
        self.assertIn("is not a folder", r.stderr)
        r = run("validate", "--format", "xml")
        self.assertEqual(r.returncode, 2)
        self.assertIn("xml", r.stderr)

    def test_folder_clean(self):
        f = Fixture(self.tmp.name)
        r = f.validate()
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertEqual(json.loads(r.stdout)["releases"], ["3.35.2"])  # from manifest.json

    def findings(self, r, rule):
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        # Notes (accepted exceptions, templates above the --template-body limit) are not findings
        # of the broken fixture.
        return [f for f in json.loads(r.stdout)["findings"] if f["rule"] == rule and f["severity"] == "error"]

    def test_removed_export(self):
        f = Fixture(self.tmp.name)
        f.edit("1-1-vpc", lambda d: d["Outputs"].pop("PublicSubnetIds"))
        found = self.findings(f.validate(), "import")
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0]["release"], "3.35.2")
        self.assertEqual(found[0]["stack"], "1-2-bastion")
        self.assertEqual(found[0]["logical_id"], "Bastion")
        self.assertTrue(found[0]["path"].startswith("Resources.Bastion.Properties.NetworkInterfaces[0].SubnetId"))
        self.assertIn("PublicSubnetIds, which no stack of release 3.35.2 exports", found[0]["message"])

    def test_shared_default_changed_in_one_template(self):
        # A deployed copy where one template got another default for a parameter that several
        # templates share: validate names the parameter and both stacks.
        f = Fixture(self.tmp.name)
        f.edit("5-7-ecs-proxy", lambda d: d["Parameters"]["IncludeNetworkOperationsCenter"].update({"Default": "true"}))
        found = self.findings(f.validate(), "shared-parameter")
        self.assertEqual(len(found), 1, found)
        self.assertEqual(found[0]["stack"], "5-7-ecs-proxy")
        self.assertEqual(found[0]["path"], "Parameters.IncludeNetworkOperationsCenter")
        self.assertIn("IncludeNetworkOperationsCenter has Default 'true' here but 'false' in 4-2a-configuration",
                      found[0]["message"])
        text = run("validate", "--dir", str(f.dir))
        self.assertEqual(text.returncode, 1)
        self.assertIn("5-7-ecs-proxy", text.stdout)
        self.assertIn("4-2a-configuration", text.stdout)

    def test_misspelt_property(self):
        f = Fixture(self.tmp.name)
        f.edit("1-3-opsgenie", lambda d: d["Resources"]["AlarmTopic"]["Properties"].update({"TopicNme": "x"}))
        found = self.findings(f.validate(), "schema")
        self.assertEqual([x["path"] for x in found], ["Resources.AlarmTopic.Properties.TopicNme"])
        self.assertIn("did you mean 'TopicName'?", found[0]["message"])

    def test_wrong_enum(self):
        f = Fixture(self.tmp.name)
        f.edit("1-1-vpc", lambda d: d["Resources"]["LoadBalancer"]["Properties"].update({"Scheme": "public"}))
        found = self.findings(f.validate(), "schema")
        self.assertEqual(found[0]["path"], "Resources.LoadBalancer.Properties.Scheme")
        self.assertIn("valid: internal, internet-facing", found[0]["message"])

    def test_over_one_megabyte(self):
        f = Fixture(self.tmp.name)
        f.edit("1-3-opsgenie", lambda d: d["Metadata"].update({"Padding": "x" * 1_000_001}))
        found = self.findings(f.validate(), "quota")
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0]["stack"], "1-3-opsgenie")
        self.assertIn("at most 1000000 bytes", found[0]["message"])

    def test_bucket_without_encryption(self):
        f = Fixture(self.tmp.name)
        f.edit("1-1-vpc", lambda d: d["Resources"]["LoadBalancerLogsBucket"]["Properties"].pop("BucketEncryption"))
        found = self.findings(f.validate(), "security")
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0]["logical_id"], "LoadBalancerLogsBucket")
        self.assertIn("the bucket is not encrypted", found[0]["message"])

    def test_secret_without_retention(self):
        # The production checks (docs/decisions-production.md) on a folder: a generated key that a
        # stack deletion would destroy.
        f = Fixture(self.tmp.name)
        f.edit("4-1-secrets", lambda d: d["Resources"]["GCSTokenHashKey"].pop("DeletionPolicy"))
        found = self.findings(f.validate(), "retention")
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0]["path"], "Resources.GCSTokenHashKey.DeletionPolicy")
        self.assertIn("the secret's value, which is lost", found[0]["message"])

    def test_stack_policies_are_rendered_and_listed(self):
        f = Fixture(self.tmp.name)
        manifest = json.loads((f.dir / "manifest.json").read_text())
        listed = {p["name"]: p["file"] for p in manifest["stack_policies"]}
        self.assertEqual(listed["2-1-db-aurora-master"], "2-1-db-aurora-master.stack-policy.json")
        self.assertNotIn("1-3-opsgenie", listed)
        for name, file in listed.items():
            policy = json.loads((f.dir / file).read_text())
            self.assertEqual(policy["Statement"][1]["Action"], ["Update:Replace", "Update:Delete"], name)

    def test_unparsable_template(self):
        f = Fixture(self.tmp.name)
        (f.dir / "1-3-opsgenie.gen.template").write_text("{not json")
        found = self.findings(f.validate(), "structure")
        self.assertIn("does not parse", found[0]["message"])


class Graph(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def test_json_order_and_edges(self):
        r = run("graph", "--version", "3.30.0", "--format", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        g = json.loads(r.stdout)
        self.assertEqual(g["order"][:2], ["1-1-vpc", "1-2-bastion"])
        bastion = next(s for s in g["stacks"] if s["name"] == "1-2-bastion")
        self.assertEqual(bastion["depends_on"], ["1-1-vpc"])
        self.assertEqual(bastion["key"], "bastion")
        self.assertIn({"from": "1-1-vpc", "to": "1-2-bastion",
                       "imports": ["${NetworkName}-${Environment}-${Cluster}-BastionSecurityGroupId",
                                   "${NetworkName}-${Environment}-${Cluster}-PublicSubnetIds"]}, g["edges"])

    def test_text_dot_mermaid(self):
        r = run("graph")
        self.assertEqual(r.returncode, 0)
        self.assertIn("1-2-bastion", r.stdout)
        self.assertIn("after 1-1-vpc", r.stdout)
        r = run("graph", "--format", "dot")
        self.assertTrue(r.stdout.startswith('digraph "ttsgen 3.35.2" {'))
        self.assertIn('"1-1-vpc" -> "1-2-bastion"', r.stdout)
        r = run("graph", "--format", "mermaid")
        self.assertTrue(r.stdout.startswith("flowchart LR\n"))
        self.assertIn("n0 --> n1", r.stdout)

    def test_cycle_is_an_error(self):
        f = Fixture(self.tmp.name)
        f.edit("1-1-vpc", lambda d: d["Outputs"].update({"Alarms": {"Value": import_of("AlarmTopicArn")}}))
        f.edit("1-3-opsgenie", lambda d: d["Outputs"].update({"Vpc": {"Value": import_of("VpcId")}}))
        r = run("graph", "--dir", str(f.dir), "--format", "json")
        self.assertEqual(r.returncode, 1)
        self.assertIn("dependency cycle: 1-1-vpc → 1-3-opsgenie → 1-1-vpc", r.stderr)
        self.assertEqual(json.loads(r.stdout)["cycle"], ["1-1-vpc", "1-3-opsgenie", "1-1-vpc"])
        found = [x for x in json.loads(f.validate().stdout)["findings"] if x["rule"] == "cycle"]
        self.assertEqual(len(found), 1)


if __name__ == "__main__":
    TTSGEN = sys.argv.pop(1)
    unittest.main(verbosity=1)
