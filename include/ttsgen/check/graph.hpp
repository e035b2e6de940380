#pragma once
// The stack dependency graph of a release: a stack depends on the stacks whose exports it imports.
// The graph is derived from the templates' imports and exports (check/set_checks.hpp), never
// written by hand; the deployment order is its topological order, ties broken by numbering, so
// that a valid set deploys in exactly its numbering order.

#include <cstddef>
#include <string>
#include <vector>

namespace ttsgen::check {

struct StackGraph {
  struct Edge {
    std::size_t producer;              // index into nodes
    std::size_t consumer;              // index into nodes
    std::vector<std::string> imports;  // the imported names (patterns as written), sorted
  };
  std::vector<std::string> nodes;  // stack names, in numbering order
  std::vector<Edge> edges;         // sorted by (consumer, producer)

  // Adds `name` to the edge producer → consumer (creating it).
  void link(std::size_t producer, std::size_t consumer, const std::string& name);
  // The producers that `consumer` depends on, in numbering order.
  std::vector<std::size_t> dependencies_of(std::size_t consumer) const;
};

struct DeploymentOrder {
  std::vector<std::size_t> order;  // every node, each after all it depends on (empty on a cycle)
  std::vector<std::size_t> cycle;  // on a cycle: its nodes in dependency order, first repeated last
  bool ok() const { return cycle.empty(); }
};

// Kahn's algorithm that always takes the lowest-numbered ready stack; on a cycle it returns one.
DeploymentOrder deployment_order(const StackGraph& graph);

}  // namespace ttsgen::check
