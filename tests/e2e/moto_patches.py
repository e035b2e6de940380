"""Gaps of moto 5.2.1's CloudFormation emulation that ttsgen's templates hit, filled in at start-up.

Every patch here makes moto behave more like CloudFormation; none of them changes what a template
means, and the templates are never altered for the emulator. Each patch is one function with a
docstring (what gap, why it matters, how it is filled) and is listed in docs/emulator.md; `apply()`
runs them all. A patch that no longer finds what it patches fails loudly, so a moto upgrade that
fixes (or moves) a gap shows up as a failing start-up instead of a silent no-op.
"""
import ipaddress
import json
import re

from moto.cloudformation import parsing
from moto.core.common_models import CloudFormationModel

APPLIED = []
# The model classes defined below. moto finds models through CloudFormationModel.__subclasses__(),
# which holds its subclasses weakly: a class nobody refers to would vanish at the next collection.
MODELS = []


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


@patch
def no_value_in_lists():
    """Gap: in a list, an item that is `Fn::If [C, x, !Ref AWS::NoValue]` with C false is removed
    by CloudFormation; moto's clean_json keeps it as None. 5-x roles list their inline policies
    that way, and moto's IAM role then fails on the None (HTTP 500, TypeError).
    Fill: wrap clean_json; a list item written as an intrinsic function that resolves to None is
    dropped, as CloudFormation drops it (a literal null item is kept)."""
    original = parsing.clean_json

    def clean_json(resource_json, resources_map):
        if isinstance(resource_json, list):
            cleaned = []
            for item in resource_json:
                value = original(item, resources_map) if not isinstance(item, list) else clean_json(item, resources_map)
                if value is None and isinstance(item, dict):
                    continue
                cleaned.append(value)
            return cleaned
        return original(resource_json, resources_map)

    parsing.clean_json = clean_json


@patch
def get_att_short_form():
    """Gap: moto's YAML reader splits `!GetAtt A.B.C` at every dot (["A", "B", "C"]), so an
    attribute with a dot in its name is lost: 2-1's `!GetAtt AuroraCluster.Endpoint.Address` asks
    for attribute "Endpoint" and fails ("does not support attribute type Endpoint"). CloudFormation
    splits at the first dot only: ["AuroraCluster", "Endpoint.Address"].
    Fill: moto registers its tag constructor (cloudformation.utils.yaml_tag_constructor) each time
    it reads a template, through the names models.py and responses.py imported; those names are
    pointed at a wrapper that splits !GetAtt once and leaves every other tag to moto."""
    from moto.cloudformation import models, responses, utils

    original = utils.yaml_tag_constructor

    def yaml_tag_constructor(loader, tag, node):
        if tag == "!GetAtt" and not isinstance(node.value, list):
            return {"Fn::GetAtt": node.value.split(".", 1)}
        return original(loader, tag, node)

    for module in (models, responses, utils):
        module.yaml_tag_constructor = yaml_tag_constructor


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


@patch
def ssm_parameter_tags():
    """Gap: AWS::SSM::Parameter takes Tags as a map ({"Network": "ttn"}), unlike most types, but
    moto passes them on as if they were a list of {Key, Value} (HTTP 500, TypeError in
    put_parameter); every tagged configuration parameter of 4-2a/4-2b/4-2c fails.
    Fill: the map is turned into the list moto's backend expects before moto creates the
    parameter."""
    from moto.ssm import models as ssm

    original = ssm.Parameter.create_from_cloudformation_json.__func__

    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        tags = cloudformation_json.get("Properties", {}).get("Tags")
        if isinstance(tags, dict):
            cloudformation_json["Properties"]["Tags"] = [{"Key": k, "Value": v} for k, v in tags.items()]
        return original(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)

    ssm.Parameter.create_from_cloudformation_json = classmethod(create_from_cloudformation_json)


@patch
def efs_attributes():
    """Gap: moto models AWS::EFS::FileSystem and AccessPoint but answers no GetAtt (HTTP 500,
    "'FileSystem' object has no attribute 'get_cfn_attribute'"); the monitoring stacks (5-5, 5-6)
    grant their task role access through `!GetAtt FileSystem.Arn` and `!GetAtt AccessPoint.Arn`.
    Fill: both answer Arn and their id attribute (FileSystemId, AccessPointId) from moto's own
    fields."""
    from moto.efs import models as efs

    def attributes(cls, names):
        def get_cfn_attribute(self, attribute_name):
            from moto.cloudformation.exceptions import UnformattedGetAttTemplateException
            if attribute_name not in names:
                raise UnformattedGetAttTemplateException()
            return getattr(self, names[attribute_name])

        cls.get_cfn_attribute = get_cfn_attribute
        cls.has_cfn_attr = classmethod(lambda klass, attr: attr in names)

    attributes(efs.FileSystem, {"Arn": "file_system_arn", "FileSystemId": "file_system_id"})
    attributes(efs.AccessPoint, {"Arn": "access_point_arn", "AccessPointId": "access_point_id"})


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
    MODELS.append(Model)
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


def _tags(properties):
    """CloudFormation Tags ([{Key, Value}]) as moto's backends take them."""
    return properties.get("Tags") or []


def _rds_identifier(name):
    """An RDS identifier from moto's generated name (stack-logicalid-random), as CloudFormation
    makes one: lower case, no double hyphen, at most 63 characters, random part kept."""
    name = re.sub("-+", "-", name.lower().replace("_", "-")).strip("-")
    return name if len(name) <= 63 else name[:50].rstrip("-") + "-" + name[-12:].lstrip("-")


def _arn(service, region, account, resource):
    return f"arn:aws:{service}:{region}:{account}:{resource}"


@patch
def secretsmanager_secret():
    """Gap: AWS::SecretsManager::Secret is skipped; every stack that keeps a credential (2-1, 2-3,
    2-5, 4-1, 5-x) would have no secret, and a Ref to it (the ARN, which task definitions and
    other stacks use) resolves to nothing.
    Fill: a model that creates the secret through moto's Secrets Manager backend, with the given
    SecretString or one generated as GenerateSecretString asks (a random password, in the JSON
    template under GenerateStringKey when given). Ref is the ARN, as in CloudFormation; GetAtt Id
    is the ARN too."""
    from moto.secretsmanager.models import secretsmanager_backends

    def create(properties, name, account, region):
        backend = secretsmanager_backends[account][region]
        secret_string = properties.get("SecretString")
        generate = properties.get("GenerateSecretString")
        if secret_string is None and generate is not None:
            password = backend.get_random_password(
                password_length=int(generate.get("PasswordLength", 32)),
                exclude_characters=generate.get("ExcludeCharacters", ""),
                exclude_numbers=str(generate.get("ExcludeNumbers", False)).lower() == "true",
                exclude_punctuation=str(generate.get("ExcludePunctuation", False)).lower() == "true",
                exclude_uppercase=str(generate.get("ExcludeUppercase", False)).lower() == "true",
                exclude_lowercase=str(generate.get("ExcludeLowercase", False)).lower() == "true",
                include_space=str(generate.get("IncludeSpace", False)).lower() == "true",
                require_each_included_type=str(generate.get("RequireEachIncludedType", True)).lower() == "true",
            )
            if "GenerateStringKey" in generate:
                document = json.loads(generate.get("SecretStringTemplate", "{}"))
                document[generate["GenerateStringKey"]] = password
                password = json.dumps(document)
            secret_string = password
        answer = backend.create_secret(
            name=properties.get("Name", name), secret_string=secret_string or "", secret_binary=None,
            description=properties.get("Description"), tags=_tags(properties), kms_key_id=properties.get("KmsKeyId"),
            client_request_token=None, replica_regions=[], force_overwrite=False)
        return (json.loads(answer) if isinstance(answer, str) else answer)["ARN"]

    _model("AWS::SecretsManager::Secret", create, ref=lambda arn: arn, attributes={"Id": lambda arn: arn})


@patch
def rds_cluster():
    """Gap: AWS::RDS::DBCluster and AWS::RDS::DBClusterParameterGroup are skipped; 2-1's Aurora
    cluster would not exist, its writer (an AWS::RDS::DBInstance, which moto models) would join a
    cluster moto does not know, and GetAtt Endpoint.Address/Port and ReadEndpoint.Address (which
    2-1 exports for the services) fail.
    Fill: models over moto's RDS backend (create_db_cluster_parameter_group, create_db_cluster)
    with the template's engine, version, credentials, subnet group, security groups, encryption and
    parameter group; Ref is the identifier; the endpoint attributes are the cluster's."""
    from moto.rds.models import rds_backends

    def create_group(properties, name, account, region):
        backend = rds_backends[account][region]
        group_name = properties.get("DBClusterParameterGroupName", name).lower()
        backend.create_db_cluster_parameter_group(group_name, properties["Family"], properties["Description"], _tags(properties))
        return group_name

    _model("AWS::RDS::DBClusterParameterGroup", create_group, ref=lambda group: group)

    def create_cluster(properties, name, account, region):
        backend = rds_backends[account][region]
        identifier = properties.get("DBClusterIdentifier") or _rds_identifier(name)
        cluster = backend.create_db_cluster({
            "db_cluster_identifier": identifier,
            "engine": properties["Engine"],
            "engine_version": properties.get("EngineVersion"),
            "master_username": properties.get("MasterUsername"),
            "master_user_password": properties.get("MasterUserPassword"),
            "database_name": properties.get("DatabaseName"),
            "db_cluster_parameter_group_name": properties.get("DBClusterParameterGroupName"),
            "db_subnet_group_name": properties.get("DBSubnetGroupName"),
            "port": int(properties["Port"]) if "Port" in properties else None,
            "storage_encrypted": str(properties.get("StorageEncrypted", False)).lower() == "true",
            "kms_key_id": properties.get("KmsKeyId"),
            "vpc_security_group_ids": properties.get("VpcSecurityGroupIds"),
            "backup_retention_period": int(properties.get("BackupRetentionPeriod", 1)),
            "copy_tags_to_snapshot": str(properties.get("CopyTagsToSnapshot", False)).lower() == "true",
            "tags": _tags(properties),
        })
        return cluster

    _model("AWS::RDS::DBCluster", create_cluster, ref=lambda cluster: cluster.db_cluster_identifier,
           attributes={"Endpoint.Address": lambda c: c.endpoint, "Endpoint.Port": lambda c: str(c.port),
                       "ReadEndpoint.Address": lambda c: c.reader_endpoint, "DBClusterArn": lambda c: c.db_cluster_arn,
                       "DBClusterResourceId": lambda c: c.db_cluster_resource_id})


@patch
def rds_cluster_instance():
    """Gap: moto's AWS::RDS::DBInstance ignores DBClusterIdentifier, so an Aurora writer or reader
    (2-1, 2-2) is created as a standalone instance without engine version (HTTP 500, KeyError
    'aurora-postgresql': moto knows no default version for it). In CloudFormation a cluster member
    takes engine version, port and storage from its cluster.
    Fill: for a DBInstance with DBClusterIdentifier, create it in moto's RDS backend as a member of
    that cluster, with the cluster's engine version and port; other instances go moto's way."""
    from moto.rds import models as rds

    original = rds.DBInstance.create_from_cloudformation_json.__func__

    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        properties = cloudformation_json["Properties"]
        cluster_id = properties.get("DBClusterIdentifier")
        if not cluster_id:
            return original(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
        backend = rds.rds_backends[account_id][region_name]
        cluster = backend.clusters[cluster_id]
        return backend.create_db_instance({
            "db_instance_identifier": properties.get("DBInstanceIdentifier") or _rds_identifier(resource_name),
            "db_cluster_identifier": cluster_id,
            "db_instance_class": properties.get("DBInstanceClass"),
            "engine": properties.get("Engine", cluster.engine),
            "engine_version": cluster.engine_version,
            "port": cluster.port,
            "auto_minor_version_upgrade": properties.get("AutoMinorVersionUpgrade"),
            "publicly_accessible": properties.get("PubliclyAccessible"),
            "db_parameter_group_name": properties.get("DBParameterGroupName"),
            "tags": properties.get("Tags"),
        })

    rds.DBInstance.create_from_cloudformation_json = classmethod(create_from_cloudformation_json)


@patch
def elasticache():
    """Gap: AWS::ElastiCache::SubnetGroup and AWS::ElastiCache::ReplicationGroup are skipped; 2-3's
    Redis groups would not exist and GetAtt PrimaryEndPoint.Address/Port and ReaderEndPoint.Address
    (exported per purpose for the services) fail.
    Fill: the subnet group through moto's ElastiCache backend; the replication group as a model that
    keeps its settings and answers the endpoint attributes as AWS names them
    (master.<id>.<hash>.<region>.cache.amazonaws.com, replica.…, port 6379). moto's own
    create_replication_group takes some twenty arguments that the templates do not need to test."""
    from moto.elasticache.models import elasticache_backends

    def create_subnet_group(properties, name, account, region):
        group_name = properties.get("CacheSubnetGroupName", name).lower()
        elasticache_backends[account][region].create_cache_subnet_group(
            group_name, properties["Description"], properties["SubnetIds"], _tags(properties))
        return group_name

    _model("AWS::ElastiCache::SubnetGroup", create_subnet_group, ref=lambda group: group)

    def create_group(properties, name, account, region):
        identifier = properties.get("ReplicationGroupId", name).lower()[:40]
        host = f"{identifier}.abc123.{region}.cache.amazonaws.com"
        return {"id": identifier, "primary": "master." + host, "reader": "replica." + host,
                "port": str(properties.get("Port", 6379)), "properties": properties}

    _model("AWS::ElastiCache::ReplicationGroup", create_group, ref=lambda g: g["id"],
           attributes={"PrimaryEndPoint.Address": lambda g: g["primary"], "PrimaryEndPoint.Port": lambda g: g["port"],
                       "ReaderEndPoint.Address": lambda g: g["reader"], "ReaderEndPoint.Port": lambda g: g["port"]})


@patch
def cloudwatch_alarm():
    """Gap: AWS::CloudWatch::Alarm is skipped (moto models only dashboards); the alarms of 2-3 and
    the 5-x services would not exist.
    Fill: a model that creates the alarm through moto's CloudWatch backend (put_metric_alarm) with
    the template's metric, dimensions, threshold and actions. Ref is the alarm name, GetAtt Arn its
    ARN."""
    from moto.cloudwatch.models import cloudwatch_backends

    def create(properties, name, account, region):
        alarm_name = properties.get("AlarmName", name)
        return cloudwatch_backends[account][region].put_metric_alarm(
            name=alarm_name, namespace=properties.get("Namespace"), metric_name=properties.get("MetricName"),
            comparison_operator=properties["ComparisonOperator"], evaluation_periods=int(properties["EvaluationPeriods"]),
            period=int(properties.get("Period", 60)), threshold=float(properties.get("Threshold", 0)),
            statistic=properties.get("Statistic"), description=properties.get("AlarmDescription"),
            dimensions=[{"name": d["Name"], "value": d["Value"]} for d in properties.get("Dimensions", [])],
            alarm_actions=properties.get("AlarmActions", []), ok_actions=properties.get("OKActions", []),
            insufficient_data_actions=properties.get("InsufficientDataActions", []), unit=properties.get("Unit"),
            actions_enabled=True, treat_missing_data=properties.get("TreatMissingData"))

    _model("AWS::CloudWatch::Alarm", create, ref=lambda alarm: alarm.name, attributes={"Arn": lambda alarm: alarm.alarm_arn})


@patch
def dlm_lifecycle_policy():
    """Gap: AWS::DLM::LifecyclePolicy is skipped (moto has no DLM service); 2-5's snapshot policy
    for the TimescaleDB volumes would not exist.
    Fill: a model that keeps the policy (there is no backend to hold it). Ref is its id, GetAtt Arn
    its ARN."""

    def create(properties, name, account, region):
        return {"id": "policy-" + name.lower()[-17:], "account": account, "region": region}

    _model("AWS::DLM::LifecyclePolicy", create, ref=lambda p: p["id"],
           attributes={"Arn": lambda p: _arn("dlm", p["region"], p["account"], "policy/" + p["id"])})


@patch
def sqs_queue_policy():
    """Gap: AWS::SQS::QueuePolicy is skipped; 2-7's TLS-only queue policies would not reach the
    queues.
    Fill: a model that sets each queue's Policy attribute through moto's SQS backend (Queues are
    queue URLs, as CloudFormation takes them)."""
    from moto.sqs.models import sqs_backends

    def create(properties, name, account, region):
        backend = sqs_backends[account][region]
        for url in properties["Queues"]:
            backend.set_queue_attributes(url.rstrip("/").split("/")[-1], {"Policy": json.dumps(properties["PolicyDocument"])})
        return name

    _model("AWS::SQS::QueuePolicy", create, ref=lambda n: n)


@patch
def listener_certificate():
    """Gap: AWS::ElasticLoadBalancingV2::ListenerCertificate is skipped; 3-2's additional
    certificates would not be attached to the TLS listeners.
    Fill: a model that attaches them through moto's ELBv2 backend (add_listener_certificates)."""
    from moto.elbv2.models import elbv2_backends

    def create(properties, name, account, region):
        elbv2_backends[account][region].add_listener_certificates(properties["ListenerArn"], properties["Certificates"])
        return properties["ListenerArn"]

    _model("AWS::ElasticLoadBalancingV2::ListenerCertificate", create, ref=lambda arn: arn)


@patch
def autoscaling_lifecycle_hook():
    """Gap: AWS::AutoScaling::LifecycleHook is skipped; 5-1's draining hook (container instances
    leave the cluster before they terminate) would not exist.
    Fill: a model that creates the hook through moto's Auto Scaling backend."""
    from moto.autoscaling.models import autoscaling_backends

    def create(properties, name, account, region):
        hook_name = properties.get("LifecycleHookName", name)
        autoscaling_backends[account][region].create_lifecycle_hook(
            hook_name, properties["AutoScalingGroupName"], properties["LifecycleTransition"],
            int(properties["HeartbeatTimeout"]) if "HeartbeatTimeout" in properties else None,
            properties.get("DefaultResult", "ABANDON"))
        return hook_name

    _model("AWS::AutoScaling::LifecycleHook", create, ref=lambda n: n)


@patch
def service_discovery():
    """Gap: AWS::ServiceDiscovery::PrivateDnsNamespace and AWS::ServiceDiscovery::Service are
    skipped; 5-1's Cloud Map namespace and every 5-x service's discovery entry would not exist,
    and GetAtt Id (the namespace, exported by 5-1) and Arn (the ECS service registries) fail.
    Fill: models over moto's Service Discovery backend (create_private_dns_namespace, which also
    makes the private hosted zone, and create_service). Ref and GetAtt as in CloudFormation: the
    namespace's Ref and Id are its id; the service's Ref and Id its id, Arn its ARN."""
    from moto.servicediscovery.models import servicediscovery_backends

    def create_namespace(properties, name, account, region):
        backend = servicediscovery_backends[account][region]
        backend.create_private_dns_namespace(name=properties["Name"], creator_request_id=name,
                                             description=properties.get("Description", ""), vpc=properties["Vpc"],
                                             tags=_tags(properties), properties=properties.get("Properties", {}))
        return next(n for n in backend.namespaces.values() if n.name == properties["Name"])

    _model("AWS::ServiceDiscovery::PrivateDnsNamespace", create_namespace, ref=lambda n: n.id,
           attributes={"Id": lambda n: n.id, "Arn": lambda n: n.arn, "HostedZoneId": lambda n: n.dns_properties["HostedZoneId"]})

    def create_service(properties, name, account, region):
        return servicediscovery_backends[account][region].create_service(
            name=properties.get("Name", name), namespace_id=properties.get("NamespaceId"), creator_request_id=name,
            description=properties.get("Description", ""), dns_config=properties.get("DnsConfig"),
            health_check_config=properties.get("HealthCheckConfig"),
            health_check_custom_config=properties.get("HealthCheckCustomConfig"), tags=_tags(properties),
            service_type=properties.get("Type"))

    _model("AWS::ServiceDiscovery::Service", create_service, ref=lambda s: s.id,
           attributes={"Id": lambda s: s.id, "Arn": lambda s: s.arn, "Name": lambda s: s.name})


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
