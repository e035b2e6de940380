#!/usr/bin/env python3
"""The YAML and JSON renders of every template mean the same document to independent readers:
PyYAML's YAML 1.1 SafeLoader (which reads `yes`, `0755`, `2010-09-09` as bool, int, date) and
cfn-lint's own template decoder must both load each YAML render to exactly the JSON render.

Usage: yaml_json_agree.py <ttsgen binary>"""
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
import cfnlint.decode.cfn_yaml


def intrinsic(loader, tag_suffix, node):
    name = tag_suffix if tag_suffix in ("Ref", "Condition") else "Fn::" + tag_suffix
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
        if name == "Fn::GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {name: value}


class Loader(yaml.SafeLoader):
    pass


Loader.add_multi_constructor("!", intrinsic)


def plain(value):
    return json.loads(json.dumps(value))


def main():
    ttsgen = sys.argv[1]
    releases = json.loads(subprocess.check_output([ttsgen, "versions", "--format", "json"]))["releases"]
    checked, seen = 0, set()
    with tempfile.TemporaryDirectory() as work:
        for v in releases:
            for fmt in ("yaml", "json"):
                subprocess.check_call([ttsgen, "-q", "render", "--version", v, "--format", fmt, "--out", f"{work}/{fmt}/{v}"])
            for y in sorted(Path(work, "yaml", v).glob("*.gen.template")):
                text = y.read_text()
                # Releases that differ only in their release string read the same way.
                digest = hashlib.sha256(text.replace(v, "0.0.0").encode()).hexdigest()
                if digest in seen:
                    continue
                seen.add(digest)
                expected = json.loads(Path(work, "json", v, y.name).read_text())
                by_pyyaml = plain(yaml.load(text, Loader=Loader))
                by_cfnlint = plain(cfnlint.decode.cfn_yaml.loads(text))
                for reader, got in (("PyYAML", by_pyyaml), ("cfn-lint", by_cfnlint)):
                    if got != expected:
                        print(f"{v}/{y.name}: {reader} reads the YAML differently from the JSON render", file=sys.stderr)
                        return 1
                checked += 1
    print(f"YAML and JSON agree for {checked} distinct templates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
