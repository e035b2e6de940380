#include <catch2/catch.hpp>

#include "ttsgen/check/graph.hpp"

using ttsgen::check::deployment_order;
using ttsgen::check::StackGraph;

namespace {

StackGraph graph_of(std::size_t n, std::initializer_list<std::pair<std::size_t, std::size_t>> edges) {
  StackGraph g;
  for (std::size_t i = 0; i < n; ++i) g.nodes.push_back("s" + std::to_string(i));
  for (auto [producer, consumer] : edges) g.link(producer, consumer, "x");
  return g;
}

}  // namespace

TEST_CASE("a set whose imports all point back deploys in numbering order", "[check][graph]") {
  auto order = deployment_order(graph_of(5, {{0, 1}, {0, 2}, {1, 3}, {2, 3}, {0, 4}}));
  REQUIRE(order.ok());
  CHECK(order.order == std::vector<std::size_t>{0, 1, 2, 3, 4});
}

TEST_CASE("stacks without dependencies keep their numbering; dependencies come first", "[check][graph]") {
  // s0 imports from s3: s3 must come before s0, the rest keeps its numbering.
  auto order = deployment_order(graph_of(4, {{3, 0}}));
  REQUIRE(order.ok());
  CHECK(order.order == std::vector<std::size_t>{1, 2, 3, 0});
}

TEST_CASE("a cycle is found and reported in dependency order", "[check][graph]") {
  auto order = deployment_order(graph_of(4, {{0, 1}, {1, 2}, {2, 1}, {2, 3}}));
  CHECK_FALSE(order.ok());
  CHECK(order.order.empty());
  // s1 imports from s2 and s2 from s1: reported producer first, closed.
  REQUIRE(order.cycle.size() == 3);
  CHECK(order.cycle.front() == order.cycle.back());
  CHECK(order.cycle == std::vector<std::size_t>{1, 2, 1});
}

TEST_CASE("a longer cycle names every member once", "[check][graph]") {
  auto order = deployment_order(graph_of(5, {{0, 1}, {1, 2}, {2, 3}, {3, 1}, {3, 4}}));
  REQUIRE_FALSE(order.ok());
  CHECK(order.cycle == std::vector<std::size_t>{1, 2, 3, 1});
}

TEST_CASE("edges collect their imports once and in order", "[check][graph]") {
  StackGraph g = graph_of(3, {});
  g.link(0, 2, "b");
  g.link(0, 2, "a");
  g.link(0, 2, "b");
  g.link(1, 2, "c");
  REQUIRE(g.edges.size() == 2);
  CHECK(g.edges[0].imports == std::vector<std::string>{"a", "b"});
  CHECK(g.dependencies_of(2) == std::vector<std::size_t>{0, 1});
  CHECK(g.dependencies_of(0).empty());
}
