#!/usr/bin/env python3
"""End-to-end deployment of a whole release into a local AWS emulator, the way customers deploy:
templates rendered by ttsgen, uploaded with `aws s3 sync`, each stack created with
`aws cloudformation create-stack --template-url ...`, in the order `ttsgen graph` derives, with the
parameters of a primary single-tenant cluster (tests/e2e/params/).

For every stack it asserts: CREATE_COMPLETE; the emulator skipped no resource (moto skips types it
does not model, which would hide errors: fill the gap in moto_patches.py instead); every output
whose condition holds is there and not empty; every import of the stack names an export of a stack
deployed before it. The emulator is started on a free loopback port through moto_launcher.py
(which fills moto's gaps, docs/emulator.md) and stopped by its PID whatever happens.

Adding a stack to the release needs only tests/e2e/params/<stack key>.json (and, where moto lacks
something, a documented patch). Format:
  {"comment": "...",
   "before": [{"service": "ec2", "call": "create_key_pair", "args": {"KeyName": "k"}},     # optional
              {"service": "acm", "call": "request_certificate", "args": {...},
               "save": {"CertificateArn": "CertificateArn"}}],  # JMESPath into the answer
   "parameters": {"Name": "value", "Cert": "{{CertificateArn}}"},  # {{x}}: a value saved before
   "expect": [{"service": "elbv2", "call": "describe_load_balancers", "args": {},      # optional checks
               "query": "LoadBalancers[0].Type", "equals": "network"}]}             # (JMESPath)
  {"skip": "why an operator of this cluster does not deploy the stack"}
Stacks that the cluster role (--role, default primary) does not deploy are left out, as an operator
of such a cluster would.
  {"deployments": [{"name": "general", "parameters": {...}}, ...]}   # stacks deployed several times
tests/e2e/params/cluster.json holds the values shared by every template that declares them
(NetworkName, Environment, Cluster, ...).

Usage: deploy_release.py --ttsgen build/ttsgen [--version V] [--role primary|secondary] [--keep DIR]"""
import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import jmespath
import yaml

HERE = Path(__file__).resolve().parent
PARAMS = HERE / "params"
BUCKET = "ttsgen-e2e"
PREFIX = "ttsgen-e2e"
ACCOUNT = "123456789012"
REGION = "us-east-1"
PSEUDO = {"AWS::Region": REGION, "AWS::AccountId": ACCOUNT, "AWS::Partition": "aws", "AWS::URLSuffix": "amazonaws.com"}


class Failure(Exception):
    pass


# --- reading templates --------------------------------------------------------------------------

class CfnLoader(yaml.SafeLoader):
    """PyYAML with CloudFormation's short-form tags, read into their long form."""


def _construct_tag(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    if suffix == "Ref":
        return {"Ref": value}
    if suffix == "Condition":
        return {"Condition": value}
    if suffix == "GetAtt" and isinstance(value, str):
        value = value.split(".", 1)
    return {"Fn::" + suffix: value}


CfnLoader.add_multi_constructor("!", _construct_tag)


def load_template(path):
    text = Path(path).read_text()
    return json.loads(text) if text.lstrip().startswith("{") else yaml.load(text, Loader=CfnLoader)


class Evaluator:
    """Just enough of CloudFormation's evaluation to know which conditions hold and what a
    Fn::Sub over parameters gives: for choosing outputs and imports to assert on."""

    def __init__(self, template, parameters):
        self.template = template
        self.values = dict(PSEUDO)
        for name, p in (template.get("Parameters") or {}).items():
            if name in parameters:
                self.values[name] = parameters[name]
            elif "Default" in p:
                self.values[name] = str(p["Default"])
        self.cache = {}

    def condition(self, name):
        if name not in self.cache:
            self.cache[name] = self.truth(self.template["Conditions"][name])
        return self.cache[name]

    def truth(self, node):
        (fn, arg), = node.items()
        if fn == "Fn::Equals":
            return self.value(arg[0]) == self.value(arg[1])
        if fn == "Fn::Not":
            return not self.truth(arg[0])
        if fn == "Fn::And":
            return all(self.truth(a) for a in arg)
        if fn == "Fn::Or":
            return any(self.truth(a) for a in arg)
        if fn == "Condition":
            return self.condition(arg)
        raise Failure(f"cannot evaluate condition {node}")

    def value(self, node):
        if isinstance(node, (str, int, float, bool)):
            return str(node).lower() if isinstance(node, bool) else str(node)
        if isinstance(node, dict) and "Ref" in node:
            return self.values.get(node["Ref"])
        if isinstance(node, dict) and "Fn::Sub" in node:
            arg = node["Fn::Sub"]
            text, local = (arg, {}) if isinstance(arg, str) else (arg[0], {k: self.value(v) for k, v in arg[1].items()})
            return re.sub(r"\$\{([^}!][^}]*)\}", lambda m: str(local.get(m.group(1), self.values.get(m.group(1)))), text)
        return None

    def imports(self, node):
        """The names of the Fn::ImportValue that CloudFormation evaluates (branches and resources
        whose condition holds)."""
        if isinstance(node, list):
            return [n for item in node for n in self.imports(item)]
        if not isinstance(node, dict):
            return []
        if "Fn::ImportValue" in node and len(node) == 1:
            return [self.value(node["Fn::ImportValue"])]
        if "Fn::If" in node and len(node) == 1:
            cond, yes, no = node["Fn::If"]
            return self.imports(yes if self.condition(cond) else no)
        return [n for v in node.values() for n in self.imports(v)]


# --- the emulator -------------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Emulator:
    """moto_server with ttsgen's patches, on a free loopback port; stopped by PID."""

    def __init__(self, log_path):
        self.port = free_port()
        self.log_path = log_path
        self.log = open(log_path, "w")
        self.process = subprocess.Popen([sys.executable, str(HERE / "moto_launcher.py"), "-H", "127.0.0.1", "-p", str(self.port)],
                                        stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        self.endpoint = f"http://localhost:{self.port}"
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise Failure("the emulator exited at start-up:\n" + Path(log_path).read_text()[-3000:])
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/moto-api/", timeout=2)
                return
            except OSError:
                time.sleep(0.2)
        raise Failure("the emulator did not answer within 60 s")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def log_since(self, offset):
        text = Path(self.log_path).read_text(errors="replace")
        return text[offset:], len(text)


# --- the deployment ------------------------------------------------------------------------------

def run(command, timeout, env=None):
    try:
        r = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        raise Failure(f"timed out after {timeout} s: {' '.join(command)}")
    if r.returncode != 0:
        raise Failure(f"exit {r.returncode}: {' '.join(command)}\n{r.stdout}{r.stderr}")
    return r.stdout


def read_params(stack):
    path = PARAMS / f"{stack['key']}.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text())
    if "skip" in data:
        return {"skip": data["skip"]}
    if "deployments" in data:
        deployments = data["deployments"]
    else:
        if stack["multiplicity"]:
            raise Failure(f"{path}: {stack['name']} is deployed {stack['multiplicity']}; give a list of \"deployments\"")
        deployments = [{"name": "", "parameters": data.get("parameters", {})}]
    return {"before": data.get("before", []), "deployments": deployments, "expect": data.get("expect", [])}


def deploy(args):
    ttsgen = os.path.abspath(args.ttsgen)
    graph = json.loads(run([ttsgen, "graph", "--format", "json"] + (["--version", args.version] if args.version else []), 60))
    version = graph["version"]
    if graph["cycle"]:
        raise Failure("dependency cycle: " + " → ".join(graph["cycle"]))
    stacks = {s["name"]: s for s in graph["stacks"]}
    order = [stacks[name] for name in graph["order"] if stacks[name]["cluster_role"] in ("both", args.role)]
    left_out = [name for name in graph["order"] if stacks[name] not in order]

    plans = {s["name"]: read_params(s) for s in order}
    missing = [f"tests/e2e/params/{s['key']}.json ({s['name']})" for s in order if plans[s["name"]] is None]
    if missing:
        raise Failure("no parameter file for: " + ", ".join(missing))
    shared = json.loads((PARAMS / "cluster.json").read_text())["parameters"]
    skipped = {s["name"]: plans[s["name"]]["skip"] for s in order if "skip" in plans[s["name"]]}
    order = [s for s in order if s["name"] not in skipped]

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ttsgen-e2e-"))
    work.mkdir(parents=True, exist_ok=True)
    templates = work / "templates"
    run([ttsgen, "-q", "render", "--version", version, "--out", str(templates)], 120)

    env = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_SESSION_TOKEN="testing",
               AWS_DEFAULT_REGION=REGION, AWS_MAX_ATTEMPTS="1", AWS_RETRY_MODE="standard", AWS_EC2_METADATA_DISABLED="true",
               AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull)
    os.environ.update({k: env[k] for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_DEFAULT_REGION")})
    import boto3  # after the environment: it reads the credentials from it

    emulator = Emulator(work / "moto.log")
    started = time.time()
    try:
        aws = ["aws", "--endpoint-url", emulator.endpoint]
        client = lambda service: boto3.client(service, endpoint_url=emulator.endpoint, region_name=REGION)
        cfn = client("cloudformation")
        key = f"public/cloud/{version}"
        run(aws + ["s3", "mb", f"s3://{BUCKET}"], 60, env)
        run(aws + ["s3", "sync", "--only-show-errors", str(templates), f"s3://{BUCKET}/{key}/"], 120, env)
        print(f"release {version}: {len(order)} stacks for a {args.role} cluster, emulator on port {emulator.port} "
              f"(PID {emulator.process.pid})")
        if left_out:
            print(f"  not deployed in a {args.role} cluster: {', '.join(left_out)}")
        for name, reason in skipped.items():
            print(f"  not deployed: {name}: {reason}")

        deployed = {}  # stack id → stack name, in deployment order
        saved = {}     # values saved by "before" steps, for {{name}} in parameter values
        log_offset = 0
        for stack in order:
            plan = plans[stack["name"]]
            for step in plan["before"]:
                answer = getattr(client(step["service"]), step["call"])(**step.get("args", {}))
                for name, query in step.get("save", {}).items():
                    saved[name] = jmespath.search(query, answer)
            template = load_template(templates / stack["file"])
            declared = template.get("Parameters") or {}
            for d in plan["deployments"]:
                name = f"{PREFIX}-{stack['name']}" + (f"-{d['name']}" if d["name"] else "")
                values = {k: v for k, v in shared.items() if k in declared}
                values.update(d["parameters"])
                for key_, value in list(values.items()):
                    value = str(value)
                    for variable, saved_value in saved.items():
                        value = value.replace("{{" + variable + "}}", str(saved_value))
                    if "{{" in value:
                        raise Failure(f"{name}: parameter {key_} uses a value no 'before' step saved: {value}")
                    values[key_] = value
                unknown = sorted(set(values) - set(declared))
                if unknown:
                    raise Failure(f"{name}: parameters the template does not declare: {', '.join(unknown)}")
                required = sorted(p for p, spec in declared.items() if "Default" not in spec and p not in values)
                if required:
                    raise Failure(f"{name}: no value for required parameters {', '.join(required)} (tests/e2e/params/{stack['key']}.json)")
                params_file = work / f"{name}.parameters.json"
                params_file.write_text(json.dumps([{"ParameterKey": k, "ParameterValue": str(v)} for k, v in values.items()], indent=1))

                t0 = time.time()
                try:
                    run(aws + ["cloudformation", "create-stack", "--stack-name", name,
                               "--template-url", f"https://{BUCKET}.s3.amazonaws.com/{key}/{stack['file']}",
                               "--parameters", f"file://{params_file}",
                               "--capabilities", "CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"], 300, env)
                except Failure as e:
                    log, log_offset = emulator.log_since(log_offset)
                    raise Failure(f"{name}: create-stack failed: {e}\nemulator log:\n{errors_in(log)}")
                seconds = time.time() - t0
                described = cfn.describe_stacks(StackName=name)["Stacks"][0]
                log, log_offset = emulator.log_since(log_offset)
                unmodelled = sorted(set(re.findall(r"No Moto CloudFormation support for (\S+)", log)))
                if described["StackStatus"] != "CREATE_COMPLETE":
                    raise Failure(f"{name}: {described['StackStatus']} {described.get('StackStatusReason', '')}\n{errors_in(log)}")
                if unmodelled:
                    raise Failure(f"{name}: the emulator skipped {', '.join(unmodelled)}; model it in tests/e2e/moto_patches.py "
                                  "(docs/emulator.md) so that the stack is really deployed")
                evaluator = Evaluator(template, {k: str(v) for k, v in values.items()})
                check_outputs(name, template, evaluator, described)
                check_imports(name, template, evaluator, cfn, deployed)
                deployed[described["StackId"]] = name
                for e in plan["expect"]:
                    answer = getattr(client(e["service"]), e["call"])(**e.get("args", {}))
                    got = jmespath.search(e["query"], answer)
                    if got != e["equals"]:
                        raise Failure(f"{name}: {e['service']} {e['call']} {e['query']} is {got!r}, expected {e['equals']!r}")
                resources = len(cfn.describe_stack_resources(StackName=name)["StackResources"])
                print(f"  {name:<52} CREATE_COMPLETE  {seconds:5.1f} s  {resources:3} resources, "
                      f"{len(described.get('Outputs', []))} outputs")
        exports = all_exports(cfn)
        print(f"deployed {len(deployed)} stacks of {version} in {time.time() - started:.1f} s; {len(exports)} exports")
        delete_and_survive(cfn, client, graph, deployed, templates)
    finally:
        emulator.stop()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


# The data stack deleted at the end, and how to tell that a retained resource still exists, by type
# (given the client factory and the resource's physical id).
SURVIVOR_STACK = "2-7-queue-sqs"
EXISTS = {
    "AWS::SQS::Queue": lambda client, pid: client("sqs").get_queue_attributes(QueueUrl=pid, AttributeNames=["QueueArn"]),
    "AWS::SecretsManager::Secret": lambda client, pid: client("secretsmanager").describe_secret(SecretId=pid),
    "AWS::EFS::FileSystem": lambda client, pid: client("efs").describe_file_systems(FileSystemId=pid),
    "AWS::S3::Bucket": lambda client, pid: client("s3").head_bucket(Bucket=pid),
}


def delete_and_survive(cfn, client, graph, deployed, templates):
    """Deletes the data stack SURVIVOR_STACK the way an operator must (the stacks that import from it
    first, newest first: AWS refuses to delete an export in use, which moto does not check) and
    asserts that every resource its template retains (DeletionPolicy Retain) still exists."""
    stacks = {s["name"]: s for s in graph["stacks"]}
    names = {short: name for name in deployed.values() for short in [name[len(PREFIX) + 1:]]}
    target = SURVIVOR_STACK if SURVIVOR_STACK in names else None
    if target is None:
        raise Failure(f"delete-and-survive: {SURVIVOR_STACK} was not deployed")
    dependents, todo = set(), [SURVIVOR_STACK]
    while todo:
        producer = todo.pop()
        for edge in graph["edges"]:
            if edge["from"] == producer and edge["to"] not in dependents:
                dependents.add(edge["to"])
                todo.append(edge["to"])
    template = load_template(templates / stacks[SURVIVOR_STACK]["file"])
    retained = {r["LogicalResourceId"]: (r["ResourceType"], r["PhysicalResourceId"])
                for r in cfn.describe_stack_resources(StackName=names[target])["StackResources"]
                if template["Resources"][r["LogicalResourceId"]].get("DeletionPolicy") == "Retain"}
    if not retained:
        raise Failure(f"delete-and-survive: {SURVIVOR_STACK} retains nothing; nothing to check")
    copies_of = lambda stack: [n for n in names if n == stack or n.startswith(stack + "-")]  # noqa: E731
    for short in reversed([n for n in names if any(n in copies_of(d) for d in dependents)]):
        cfn.delete_stack(StackName=names[short])
    cfn.delete_stack(StackName=names[target])
    remaining = [s["StackName"] for s in cfn.describe_stacks()["Stacks"] if s["StackName"] == names[target]]
    if remaining:
        raise Failure(f"delete-and-survive: {names[target]} still exists after delete-stack")
    lost = []
    for logical, (rtype, pid) in sorted(retained.items()):
        check = EXISTS.get(rtype)
        if check is None:
            raise Failure(f"delete-and-survive: no existence check for {rtype} ({logical}); add one to EXISTS")
        try:
            check(client, pid)
        except Exception as e:  # botocore ClientError: the resource is gone
            lost.append(f"{logical} ({rtype} {pid}): {e}")
    if lost:
        raise Failure("delete-and-survive: retained resources lost with the stack:\n  " + "\n  ".join(lost))
    print(f"deleted {names[target]} (after {len(dependents)} dependent stack(s)): "
          f"{len(retained)} retained resources survive ({', '.join(sorted(retained))})")


def errors_in(log):
    lines = [l for l in log.splitlines() if "HTTP/1.1" not in l]
    return "\n".join(lines[-40:])


def all_exports(cfn):
    """list-exports answers a page at a time."""
    return [e for page in cfn.get_paginator("list_exports").paginate() for e in page["Exports"]]


def check_outputs(name, template, evaluator, described):
    got = {o["OutputKey"]: o.get("OutputValue") for o in described.get("Outputs", [])}
    for key, output in (template.get("Outputs") or {}).items():
        if "Condition" in output and not evaluator.condition(output["Condition"]):
            continue
        if key not in got:
            raise Failure(f"{name}: output {key} is missing (a Ref to a resource the emulator did not create?)")
        if got[key] in (None, "", "None"):
            raise Failure(f"{name}: output {key} is empty")


def check_imports(name, template, evaluator, cfn, deployed):
    """Every import the stack evaluates names an export of a stack deployed before it."""
    wanted = set()
    for logical_id, resource in (template.get("Resources") or {}).items():
        if "Condition" in resource and not evaluator.condition(resource["Condition"]):
            continue
        wanted.update(evaluator.imports(resource.get("Properties", {})))
    for key, output in (template.get("Outputs") or {}).items():
        if "Condition" not in output or evaluator.condition(output["Condition"]):
            wanted.update(evaluator.imports(output.get("Value")))
    if not wanted:
        return
    exports = {e["Name"]: e for e in all_exports(cfn)}
    for export in sorted(wanted):
        if export not in exports:
            raise Failure(f"{name}: imports {export}, which is not exported")
        if exports[export]["ExportingStackId"] not in deployed:
            raise Failure(f"{name}: imports {export} from a stack that was not deployed before it")
        if exports[export]["Value"] in ("", "None"):
            raise Failure(f"{name}: imports {export}, whose value is empty")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ttsgen", required=True, help="the ttsgen binary")
    parser.add_argument("--version", help="release to deploy (default: the newest)")
    parser.add_argument("--keep", help="keep templates, parameter files and the emulator log in this folder")
    parser.add_argument("--role", choices=("primary", "secondary"), default="primary",
                        help="the cluster role to deploy as (default primary): stacks of the other role only are left out")
    args = parser.parse_args()
    for tool in ("aws",):
        if not shutil.which(tool):
            print(f"e2e: {tool} is not on PATH; it is required (never skipped)", file=sys.stderr)
            return 1
    try:
        deploy(args)
    except Failure as e:
        print(f"e2e: FAILED: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
