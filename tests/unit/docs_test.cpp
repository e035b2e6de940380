// The generated stack reference.
#include "ttsgen/docs/reference.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include "ttsgen/stacks/registry.hpp"

using namespace ttsgen::docs;
using ttsgen::catalog::operator""_v;

namespace {
const Page& page(const std::vector<Page>& pages, const std::string& name) {
  auto it = std::find_if(pages.begin(), pages.end(), [&](const Page& p) { return p.file_name == name; });
  REQUIRE(it != pages.end());
  return *it;
}
}  // namespace

TEST_CASE("an index in deployment order, then a page per stack", "[docs]") {
  auto pages = stack_reference("3.35.2"_v);
  REQUIRE(pages.size() == ttsgen::stacks::stacks_in("3.35.2"_v).size() + 1);
  CHECK(pages[0].file_name == "README.md");
  CHECK(pages[1].file_name == "1-1-vpc.md");
  const std::string& index = pages[0].content;
  CHECK(index.starts_with("# Stack reference, release 3.35.2\n"));
  CHECK(index.find("| 1 | [`1-1-vpc`](1-1-vpc.md) |") != std::string::npos);
  CHECK(index.find("| 2 | [`1-2-bastion`](1-2-bastion.md) | Bastion host | optional | every cluster (primary and secondary) | [`1-1-vpc`](1-1-vpc.md) |") != std::string::npos);
}

TEST_CASE("a stack page: parameters by console group, outputs, imports with their producer", "[docs]") {
  auto pages = stack_reference("3.35.2"_v);
  const std::string& bastion = page(pages, "1-2-bastion.md").content;
  CHECK(bastion.starts_with("# `1-2-bastion`: Bastion host\n"));
  CHECK(bastion.find("| Optional | yes |") != std::string::npos);
  // Groups in console order, General first.
  CHECK(bastion.find("### General") < bastion.find("### Instance"));
  CHECK(bastion.find("| `InstanceType` | Instance type | `String` | `t3.micro` | `t3.nano`, ") != std::string::npos);
  CHECK(bastion.find("| `KeyName` | SSH key name | `AWS::EC2::KeyPair::KeyName` | — | any |") != std::string::npos);
  // A pattern with `|` stays inside its table cell.
  CHECK(bastion.find("pattern `^$\\|^[0-9a-fA-F:]+") != std::string::npos);
  CHECK(bastion.find("| `BastionSecurityGroupId` | `${NetworkName}-${Environment}-${Cluster}-BastionSecurityGroupId` | [`1-1-vpc`](1-1-vpc.md) |") != std::string::npos);
  CHECK(bastion.find("| `BastionPublicIP` | Public IPv4 address of the bastion, for SSH | — |") != std::string::npos);

  const std::string& vpc = page(pages, "1-1-vpc.md").content;
  auto used_by = vpc.find("| Used by | ");
  REQUIRE(used_by != std::string::npos);
  CHECK(vpc.substr(used_by, vpc.find('\n', used_by) - used_by).find("[`1-2-bastion`](1-2-bastion.md)") != std::string::npos);
  CHECK(vpc.find("None: the stack needs no other stack of the cluster.") != std::string::npos);
}

TEST_CASE("Markdown escaping", "[docs]") {
  CHECK(escape("a <b> *c* d_e") == "a \\<b\\> \\*c\\* d\\_e");
  CHECK(cell("x|y\nz") == "x\\|y z");
  CHECK(code_cell("^$|^a") == "`^$\\|^a`");
  CHECK(code_cell("a`b") == "`` a`b ``");
}
