// 5-8a-certs-le (5-7a-certs-le before 3.30.0): the certbot task (docs: ecs/deployment) that requests a
// Let's Encrypt certificate with the Route 53 DNS-01 challenge and imports it into ACM; with
// SupportProxyTLS it also stores a copy in the ProxyTLSSecret of 4-1 for the proxy. One
// certificate per stack (3.11.2), told apart by CertificateID; 5-8b runs the exported task
// definition on a schedule. First run: the RunCertbotTaskCLICommand output.
#include "ttsgen/catalog/production.hpp"
#include "ttsgen/exports/ecs.hpp"
#include "ttsgen/exports/secrets.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/common.hpp"
#include "ttsgen/stacks/ecs_service.hpp"
#include "ttsgen/stacks/shared_parameters.hpp"
#include "ttsgen/stacks/stacks.hpp"

namespace ttsgen::stacks {

using namespace cfn;

namespace {

// Production fix (catalog/production.hpp): the DNS-01 challenge changes only the TXT records
// _acme-challenge.<Domain> (which also answers for *.<Domain>), not any record of the zone.
Value answer_dns_challenge_only() {
  Value statement = allow("AnswerDNSChallenge", {"route53:ChangeResourceRecordSets"},
                          sub("arn:${AWS::Partition}:route53:::hostedzone/${HostedZoneId}"));
  statement.set("Condition",
                Value::map({{"ForAllValues:StringEquals",
                             Value::map({{"route53:ChangeResourceRecordSetsNormalizedRecordNames",
                                          Value::list({sub("_acme-challenge.${Domain}")})},
                                         {"route53:ChangeResourceRecordSetsRecordTypes", Value::list({"TXT"})}})}}));
  return statement;
}

}  // namespace

StackModel build_certs_le(const Release& release) {
  StackBuilder s(release, "certs-le");
  ecs::Cluster cluster = ecs::cluster(s, false);
  const std::string group = "Certificate";

  auto& certificate_id = ecs::certificate_id(s,
                                             "Name of this certificate among the 5-8a-certs-le stacks of the cluster "
                                             "(e.g. main); 5-8b-ecs-certbot-scheduled-task refers to it.",
                                             group);
  auto& domain = s.shared(shared::domain());
  // 3.14.0: the wildcard subdomain (*.domain, multi-tenant) is requested unless skipped.
  auto& skip_wildcard = s.flag("SkipWildcardSubdomain", false)
                            .description("Request the certificate for the domain only, without *.domain (single-tenant).")
                            .group(group)
                            .label("Skip wildcard subdomain");
  auto& zone = s.parameter("HostedZoneId", "AWS::Route53::HostedZone::Id")
                   .description("Route 53 hosted zone of the domain, for the DNS-01 challenge.")
                   .group(group)
                   .label("Hosted zone");
  auto& email = s.parameter("LetsEncryptEmail")
                    .description("Email address for the Let's Encrypt account (expiry notices).")
                    .allowed_pattern("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")
                    .constraint_description("an email address")
                    .group(group)
                    .label("Let's Encrypt email");
  auto& existing = s.optional_string("ExistingCertARN")
                       .description("ARN of the ACM certificate this stack renews. Leave empty on the first deployment; "
                                    "after the first run, set it to the new certificate's ARN (also in 3-2).")
                       .allowed_pattern("^$|^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]+$")
                       .constraint_description("empty, or an ACM certificate ARN")
                       .group(group)
                       .label("Existing certificate ARN");
  // 3.10.6: RenewBeforeExpiry.
  auto& renew = s.parameter("RenewBeforeExpiry", param_type::kNumber)
                    .description("Days before expiry from which a run renews the certificate.")
                    .default_value(30)
                    .min_value(1)
                    .max_value(60)
                    .group(group)
                    .label("Renew before expiry (days)");
  // 3.23.0: a copy for the proxy.
  auto& proxy_tls = s.shared(shared::support_proxy_tls());
  const Condition& tls = s.is_true(proxy_tls);
  const Condition& renewing = s.is_set(existing);

  const bool fixes = catalog::has_production_fixes(release);
  ecs::Component certbot(s, cluster,
                         {.prefix = "Certbot",
                          .title = "certbot",
                          .name = "certbot",
                          // 3.11.2: the certbot image of the release.
                          .image = ecs::tts_image(release, "-aws-certbot"),
                          .cpu = 256,
                          .memory = 512,
                          .kind = ecs::Kind::Task,
                          // 3.26.1 added 8 and 16 vCPU to the service templates only.
                          .large_task_sizes = false,
                          .group = "Certbot task",
                          // Production fix: several 5-8a stacks (one per CertificateID) in a cluster.
                          .instance = fixes ? "-${CertificateID}" : ""});
  Value proxy_secret = s.import(exports::secrets::proxy_tls);
  certbot.env("DOMAIN", ref(domain))
      .env("SKIP_WILDCARD_SUBDOMAIN", ref(skip_wildcard))
      .env("HOSTED_ZONE_ID", ref(zone))
      .env("LETSENCRYPT_EMAIL", ref(email))
      .env("EXISTING_CERTIFICATE_ARN", ref(existing))
      .env("RENEW_BEFORE_EXPIRY", ref(renew))
      .env("PROXY_TLS_SECRET_ARN", proxy_secret, &tls)
      .task_permission(fixes ? answer_dns_challenge_only()
                             : allow("AnswerDNSChallenge", {"route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets"},
                                     sub("arn:${AWS::Partition}:route53:::hostedzone/${HostedZoneId}")))
      // GetChange is on change/*; ListHostedZones has no resource-level permissions.
      .task_permission(allow("WaitForDNS", {"route53:GetChange"}, sub("arn:${AWS::Partition}:route53:::change/*")))
      .task_permission(allow("FindHostedZone", {"route53:ListHostedZones", "acm:ListCertificates"}, "*"))
      // A renewal re-imports into the existing certificate; the first run imports a new one.
      .task_permission(allow("ImportCertificate", {"acm:ImportCertificate", "acm:DescribeCertificate", "acm:AddTagsToCertificate"},
                             if_(renewing, ref(existing), arn("acm", "certificate/*"))))
      .task_permission(allow("StoreProxyCertificate", {"secretsmanager:PutSecretValue", "secretsmanager:DescribeSecret"},
                             proxy_secret),
                       &tls);
  if (fixes) certbot.task_permission(allow("ReadZone", {"route53:ListResourceRecordSets"},
                                           sub("arn:${AWS::Partition}:route53:::hostedzone/${HostedZoneId}")));
  Resource& task = certbot.build();
  if (fixes)
    certbot.task_role().security_exception(
        "ImportCertificate", "the first run imports a new certificate, whose ARN nobody knows before; from then on "
                             "ExistingCertARN limits the import to that certificate (docs/decisions-production.md)");

  lint_suppress_template(s, "W6001",
                         "RunCertbotTaskCLICommand is documented to carry the cluster, subnets and security group of "
                         "run-task; they are imports of 5-1-ecs-cluster and 1-1-vpc");
  s.output("RunCertbotTaskCLICommand",
           sub("aws ecs run-task --region ${AWS::Region} --cluster ${ClusterName} --task-definition ${CertbotTaskDefinition} "
               "--network-configuration 'awsvpcConfiguration={subnets=[${Subnet1},${Subnet2}],securityGroups=[${SecurityGroup}],"
               "assignPublicIp=DISABLED}'",
               {{"ClusterName", cluster.name},
                {"Subnet1", select(0, cluster.subnets)},
                {"Subnet2", select(1, cluster.subnets)},
                {"SecurityGroup", cluster.tasks_security_group}}))
      .description("Runs the certbot task once (append --launch-type FARGATE when the cluster has no container "
                   "instances); the task log prints the CertificateArn");
  s.export_value(exports::ecs::certbot_task_definition_arn, ref(task), certificate_id);
  if (fixes)
    s.export_value(exports::ecs::certbot_task_definition_family_arn,
                   sub("arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task-definition/${Family}",
                       {{"Family", certbot.family()}}),
                   certificate_id);
  s.export_value(exports::ecs::certbot_task_role_arn, get_att(certbot.task_role(), "Arn"), certificate_id);
  s.export_value(exports::ecs::certbot_execution_role_arn, get_att(certbot.execution_role(), "Arn"), certificate_id);
  return s.finish();
}

}  // namespace ttsgen::stacks
