#!/usr/bin/env python3
"""Copies the CloudFormation registry schemas of the resource types in schemas/cloudformation/TYPES
from the installed cfn-lint (which ships them, already patched, for every region) into
schemas/cloudformation/<Service>/<Resource>.json, with cfn-lint's licence and notice.

Usage: scripts/refresh-schemas.py [--region us-east-1]"""
import argparse
import importlib
import json
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "schemas" / "cloudformation"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--region", default="us-east-1")
    args = parser.parse_args()

    import cfnlint
    base = Path(cfnlint.__file__).parent / "data" / "schemas"
    provider = importlib.import_module("cfnlint.data.schemas.providers." + args.region.replace("-", "_"))
    types = [line.strip() for line in (TARGET / "TYPES").read_text().splitlines() if line.strip() and not line.startswith("#")]

    missing = [t for t in types if t not in provider.types]
    if missing:
        print("not in cfn-lint's registry for " + args.region + ": " + ", ".join(missing), file=sys.stderr)
        return 1
    for service_dir in TARGET.iterdir():
        if service_dir.is_dir():
            shutil.rmtree(service_dir)
    for t in types:
        _, service, resource = t.split("::")
        schema = json.loads((base / "resources" / (provider.types[t] + ".json")).read_text())
        out = TARGET / service / (resource + ".json")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(schema, indent=1, sort_keys=True) + "\n")

    dist = next(Path(cfnlint.__file__).parent.parent.glob("cfn_lint-*.dist-info"))
    for name in ("LICENSE", "NOTICE"):
        shutil.copy(dist / "licenses" / name, TARGET / ("CFN-LINT-" + name))
    version = dist.name.removesuffix(".dist-info").split("-")[1]
    (TARGET / "SOURCE").write_text(f"cfn-lint {version}, region {args.region}, {len(types)} resource types\n")
    print(f"vendored {len(types)} schemas from cfn-lint {version} ({args.region}) into {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
