"""Gaps of moto 5.2.1's CloudFormation emulation that ttsgen's templates hit, filled in at start-up.

Every patch here makes moto behave more like CloudFormation; none of them changes what a template
means, and the templates are never altered for the emulator. Each patch is one function with a
docstring (what gap, why it matters, how it is filled) and is listed in docs/emulator.md; `apply()`
runs them all. A patch that no longer finds what it patches fails loudly, so a moto upgrade that
fixes (or moves) a gap shows up as a failing start-up instead of a silent no-op.
"""
import ipaddress
import json

from moto.cloudformation import parsing
from moto.core.common_models import CloudFormationModel

APPLIED = []


def patch(function):
    """Registers a patch; apply() runs them in definition order."""
    APPLIED.append(function)
    return function


# --- intrinsic functions --------------------------------------------------------------------------


@patch
def fn_cidr():
    """Gap: moto's intrinsic parser (parsing.clean_json) has no Fn::Cidr; a template that uses it
    fails with HTTP 500 (KeyError in Fn::Select over the unparsed value). 1-1-vpc cuts its VPC CIDR
    into subnets with !Select [i, !Cidr [!Ref CidrBlock, 4, 14]].
    Fill: wrap clean_json; {"Fn::Cidr": [ipBlock, count, cidrBits]} becomes the list of the first
    `count` subnets of ipBlock with `cidrBits` host bits, as CloudFormation defines it."""
    original = parsing.clean_json

    def clean_json(resource_json, resources_map):
        if isinstance(resource_json, dict) and "Fn::Cidr" in resource_json:
            block, count, bits = (original(a, resources_map) for a in resource_json["Fn::Cidr"])
            network = ipaddress.ip_network(block, strict=False)
            prefix = network.max_prefixlen - int(bits)
            subnets = network.subnets(new_prefix=prefix)
            return [str(next(subnets)) for _ in range(int(count))]
        return original(resource_json, resources_map)

    # clean_json recurses through the module global, so nested Fn::Cidr is covered too.
    parsing.clean_json = clean_json


# --- Elastic Load Balancing v2 -------------------------------------------------------------------


@patch
def network_load_balancer():
    """Gap: FakeLoadBalancer.create_from_cloudformation_json passes neither `Type` nor
    `SubnetMappings` to create_load_balancer (which accepts both), so every load balancer becomes
    an application load balancer without subnets when the template gives SubnetMappings (1-1-vpc
    gives one Elastic IP per zone that way), and TCP/UDP/TLS listeners are refused later. Its
    GetAtt of `CanonicalHostedZoneID` and `LoadBalancerFullName` raises NotImplementedError (HTTP
    500); 1-1-vpc exports both.
    Fill: create the load balancer with Type, Scheme, IpAddressType, Subnets and SubnetMappings as
    given; answer LoadBalancerFullName as CloudFormation does ("net/<name>/<id>" from the ARN) and
    CanonicalHostedZoneID with moto's fixed zone id."""
    from moto.elbv2 import models as elbv2

    cls = elbv2.FakeLoadBalancer

    def create_from_cloudformation_json(klass, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        properties = cloudformation_json["Properties"]
        backend = elbv2.elbv2_backends[account_id][region_name]
        return backend.create_load_balancer(
            resource_name,
            properties.get("SecurityGroups", []),
            properties.get("Subnets", []),
            subnet_mappings=properties.get("SubnetMappings"),
            scheme=properties.get("Scheme", "internet-facing"),
            loadbalancer_type=properties.get("Type", "application"),
            ip_address_type=properties.get("IpAddressType", "ipv4"),
        )

    original_get = cls.get_cfn_attribute

    def get_cfn_attribute(self, attribute_name):
        if attribute_name == "LoadBalancerFullName":
            return self.arn.split(":loadbalancer/", 1)[1]
        if attribute_name == "CanonicalHostedZoneID":
            return self.canonical_hosted_zone_id
        return original_get(self, attribute_name)

    cls.create_from_cloudformation_json = classmethod(create_from_cloudformation_json)
    cls.get_cfn_attribute = get_cfn_attribute


# --- resource types moto skips -------------------------------------------------------------------
# moto logs "No Moto CloudFormation support for AWS::X", skips the resource, and still reports
# CREATE_COMPLETE; a Ref to it then resolves to None and outputs that use it vanish. Each model
# below gives such a type a minimal model backed by moto's own service backend where it has one,
# so the resource exists in the emulator and its Ref/GetAtt resolve as in CloudFormation.


def _model(cfn_type, create, ref, attributes=None, name_property=""):
    """Defines a CloudFormationModel subclass for `cfn_type`. create(properties, name, account,
    region) returns the state; ref(state) is its Ref value; attributes maps GetAtt names to
    functions of the state."""
    attributes = attributes or {}

    service = cfn_type.split("::")[1].lower()

    class Model(CloudFormationModel):
        # moto's model tracker files every model class under the second part of its module name.
        __module__ = f"moto.{service}.ttsgen_e2e"

        def __init__(self, state):
            self.state = state

        @property
        def physical_resource_id(self):
            return ref(self.state)

        @staticmethod
        def cloudformation_name_type():
            return name_property

        @staticmethod
        def cloudformation_type():
            return cfn_type

        @classmethod
        def has_cfn_attr(cls, attr):
            return attr in attributes

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
            return cls(create(cloudformation_json.get("Properties", {}), resource_name, account_id, region_name))

        @classmethod
        def update_from_cloudformation_json(cls, original_resource, new_resource_name, cloudformation_json, account_id,
                                            region_name):
            return cls.create_from_cloudformation_json(new_resource_name, cloudformation_json, account_id, region_name)

        @classmethod
        def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):
            pass

        def get_cfn_attribute(self, attribute_name):
            from moto.cloudformation.exceptions import UnformattedGetAttTemplateException
            if attribute_name not in attributes:
                raise UnformattedGetAttTemplateException()
            return attributes[attribute_name](self.state)

        def is_created(self):
            return True

    Model.__name__ = "TtsgenE2E" + cfn_type.replace("::", "")
    return Model


@patch
def s3_bucket_policy():
    """Gap: AWS::S3::BucketPolicy is skipped, so a bucket's TLS-only policy (security baseline)
    never reaches the emulator's bucket.
    Fill: a model that puts the policy on the bucket through moto's S3 backend. Ref gives the
    bucket name, as in CloudFormation."""
    from moto.s3.models import s3_backends

    def create(properties, name, account, region):
        bucket = properties["Bucket"]
        s3_backends[account]["global"].put_bucket_policy(bucket, json.dumps(properties["PolicyDocument"]).encode())
        return bucket

    _model("AWS::S3::BucketPolicy", create, ref=lambda bucket: bucket)


@patch
def sns_subscription():
    """Gap: AWS::SNS::Subscription is skipped; 1-3-opsgenie's HTTPS subscription that forwards
    alarms to Opsgenie would not exist.
    Fill: a model that subscribes through moto's SNS backend (moto does not call the endpoint).
    Ref gives the subscription ARN, as in CloudFormation."""
    from moto.sns.models import sns_backends

    def create(properties, name, account, region):
        return sns_backends[account][region].subscribe(properties["TopicArn"], properties["Endpoint"], properties["Protocol"])

    _model("AWS::SNS::Subscription", create, ref=lambda subscription: subscription.arn,
           attributes={"Arn": lambda subscription: subscription.arn})


def apply():
    """Applies every patch before moto serves its first request; returns their names."""
    parsing.get_model_map.cache_clear()
    parsing.get_name_type_map.cache_clear()
    names = []
    for function in APPLIED:
        function()
        names.append(function.__name__)
    # The model map is cached on first use; rebuild it so the new models are found.
    parsing.get_model_map.cache_clear()
    parsing.get_name_type_map.cache_clear()
    parsing.get_model_list.cache_clear()
    return names
