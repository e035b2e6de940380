#pragma once
// Exports of 3-2-load-balancer-rules (stable key "load-balancer-rules"): the target groups that
// the ECS services register with. Every exported target group exists whatever the parameters say
// (listeners may be switched off; an ECS service must then not register, see the consumers).
// Container ports (docs: ecs/architecture): GS 1700/udp, 1881, 1882, 1887, 1888; AS 1883; proxy (Envoy) 1884
// gRPC, 1885 HTTP, 8886 interop TLS, 8987 LBS CUPS mTLS, 8889 TTGP, 8443 HTTPS pass-through;
// Identity Server 1886 interop.
// Health checks (TCP, from the load balancer's addresses in the VPC): the traffic port, except the
// UDP target group (TCP 1885 of the target: the Gateway Server task, or before 3.26.0 the container
// instance that runs the UDP daemon, which must listen on host port 1885) and the proxy's 8443,
// 8886, 8987 and 8889 target groups (TCP 1885 of the proxy task). Which listener uses which target
// group, per parameter and release: docs/decisions-edge.md.

#include "ttsgen/catalog/export.hpp"

namespace ttsgen::exports::load_balancer {

using catalog::Export;

inline constexpr Export gs_udp{"load-balancer-rules", "GatewayServerUDPTargetGroupArn",
                               "Target group of the Semtech UDP packet forwarder port 1700 (Gateway Server)"};
inline constexpr Export gs_mqtt_v2{"load-balancer-rules", "GatewayServerMQTTV2TargetGroupArn",
                                   "Target group of gateway MQTT v2 (1881/8881, Gateway Server port 1881)"};
inline constexpr Export gs_mqtt{"load-balancer-rules", "GatewayServerMQTTTargetGroupArn",
                                "Target group of gateway MQTT v3 (1882/8882, Gateway Server port 1882)"};
inline constexpr Export gs_basic_station{"load-balancer-rules", "GatewayServerBasicStationTargetGroupArn",
                                         "Target group of LoRa Basics Station LNS (1887/8887, Gateway Server port 1887)"};
inline constexpr Export gs_tabs_hubs{"load-balancer-rules", "GatewayServerTabsHubsTargetGroupArn",
                                     "Target group of Tabs Hubs LNS (1888/8888, Gateway Server port 1888)"};
inline constexpr Export as_mqtt{"load-balancer-rules", "ApplicationServerMQTTTargetGroupArn",
                                "Target group of application MQTT (1883/8883, Application Server port 1883)"};
inline constexpr Export proxy_grpc{"load-balancer-rules", "ProxyGRPCTargetGroupArn", "Target group of gRPC (1884/8884, proxy port 1884)"};
inline constexpr Export proxy_http{"load-balancer-rules", "ProxyHTTPTargetGroupArn", "Target group of HTTP(S) (80/443, proxy port 1885)"};
inline constexpr Export is_interop{"load-balancer-rules", "IdentityServerInteropTargetGroupArn",
                                   "Target group of Backend Interfaces interop when the load balancer terminates TLS "
                                   "(8886, Identity Server port 1886)"};
inline constexpr Export proxy_interop{"load-balancer-rules", "ProxyInteropTargetGroupArn",
                                      "Target group of Backend Interfaces interop when the proxy terminates TLS (8886, proxy port 8886)"};
// 3.23.0 … 3.29.2: with SupportProxyTLS, 443 passes TLS through to the proxy. From 3.30.0 no
// listener uses it, but it stays exported so that the 3.30.0 update in numbering order (3-2 before
// the proxy stack, which imports it until 3.29.2) does not remove an export still in use.
inline constexpr Export proxy_https{"load-balancer-rules", "ProxyHTTPSTargetGroupArn",
                                    "Target group of HTTPS passed through to the proxy when it terminates TLS (443, proxy port 8443)"};
// 3.30.0
inline constexpr Export proxy_lbs_cups_mtls{"load-balancer-rules", "ProxyLBSCUPSmTLSTargetGroupArn",
                                            "Target group of LBS CUPS with mutual TLS (8987, proxy port 8987)"};
// 3.32.0
inline constexpr Export proxy_ttgp{"load-balancer-rules", "ProxyTTGPTargetGroupArn",
                                   "Target group of The Things Industries Gateway Protocol (8889, proxy port 8889)"};

// The listener switches of 3-2 (parameters "<Service>Enabled", String true/false). ECS refuses a
// service whose target group has no listener, so a stack whose service registers with one of the
// target groups above carries the switch of that target group's listener under the same name, with
// the same default, and registers exactly when 3-2 has the listener (tests/unit/
// target_group_registration_test.cpp evaluates both sides for every release). 3-2's Rules make sure
// a switched-on service always has a listener (EnableNonTLSListeners or a TLSCertificateARN).
struct ListenerSwitch {
  std::string_view name;   // parameter name, the same in every template
  std::string_view label;  // console label
  bool enabled_by_default;
};
inline constexpr ListenerSwitch udp_enabled{"UDPEnabled", "Semtech UDP (1700)", true};
inline constexpr ListenerSwitch gateway_mqtt_v2_enabled{"GatewayMQTTV2Enabled", "Gateway MQTT v2 (1881, 8881)", true};
inline constexpr ListenerSwitch gateway_mqtt_enabled{"GatewayMQTTEnabled", "Gateway MQTT (1882, 8882)", true};
inline constexpr ListenerSwitch basic_station_enabled{"BasicStationEnabled", "LoRa Basics Station (1887, 8887)", true};
inline constexpr ListenerSwitch tabs_hubs_enabled{"TabsHubsEnabled", "Tabs Hubs (1888, 8888)", true};
inline constexpr ListenerSwitch application_mqtt_enabled{"ApplicationMQTTEnabled", "Application MQTT (1883, 8883)", true};
inline constexpr ListenerSwitch grpc_enabled{"GRPCEnabled", "gRPC (1884, 8884)", true};
inline constexpr ListenerSwitch http_enabled{"HTTPEnabled", "HTTP and HTTPS (80, 443)", true};
inline constexpr ListenerSwitch interop_enabled{"InteropEnabled", "Backend Interfaces interop (8886)", false};
// 3.30.0
inline constexpr ListenerSwitch lbs_cups_mtls_enabled{"LBSCUPSmTLSEnabled", "LBS CUPS with mutual TLS (8987)", false};
// 3.32.0
inline constexpr ListenerSwitch ttgp_enabled{"TTGPEnabled", "The Things Industries Gateway Protocol (8889)", false};

}  // namespace ttsgen::exports::load_balancer
