#include "ttsgen/check/graph.hpp"

#include <algorithm>
#include <set>

namespace ttsgen::check {

void StackGraph::link(std::size_t producer, std::size_t consumer, const std::string& name) {
  auto it = std::find_if(edges.begin(), edges.end(),
                         [&](const Edge& e) { return e.producer == producer && e.consumer == consumer; });
  if (it == edges.end()) {
    Edge e{producer, consumer, {}};
    auto at = std::lower_bound(edges.begin(), edges.end(), e, [](const Edge& a, const Edge& b) {
      return a.consumer != b.consumer ? a.consumer < b.consumer : a.producer < b.producer;
    });
    it = edges.insert(at, std::move(e));
  }
  auto pos = std::lower_bound(it->imports.begin(), it->imports.end(), name);
  if (pos == it->imports.end() || *pos != name) it->imports.insert(pos, name);
}

std::vector<std::size_t> StackGraph::dependencies_of(std::size_t consumer) const {
  std::vector<std::size_t> producers;
  for (const auto& e : edges)
    if (e.consumer == consumer) producers.push_back(e.producer);
  std::sort(producers.begin(), producers.end());
  return producers;
}

namespace {

// A cycle among the nodes Kahn's algorithm could not order: every one of them has a dependency
// among them, so walking dependencies from any of them must return to a node already seen.
std::vector<std::size_t> find_cycle(const StackGraph& graph, const std::vector<bool>& done) {
  std::size_t start = 0;
  while (start < graph.nodes.size() && done[start]) ++start;
  std::vector<std::size_t> path;
  std::vector<std::size_t> position(graph.nodes.size(), graph.nodes.size());
  std::size_t node = start;
  while (position[node] == graph.nodes.size()) {
    position[node] = path.size();
    path.push_back(node);
    for (std::size_t d : graph.dependencies_of(node)) {
      if (!done[d]) {
        node = d;
        break;
      }
    }
  }
  // path[position[node]..] is the cycle, each entry depending on the next; report it producer
  // first, as "a → b" reads "b imports from a".
  std::vector<std::size_t> cycle(path.begin() + static_cast<std::ptrdiff_t>(position[node]), path.end());
  std::reverse(cycle.begin(), cycle.end());
  // Start at the lowest-numbered member, so a cycle always reads the same way.
  std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
  cycle.push_back(cycle.front());
  return cycle;
}

}  // namespace

DeploymentOrder deployment_order(const StackGraph& graph) {
  std::size_t n = graph.nodes.size();
  std::vector<std::size_t> waiting(n, 0);  // number of unmet dependencies
  for (const auto& e : graph.edges) ++waiting[e.consumer];
  std::set<std::size_t> ready;
  for (std::size_t i = 0; i < n; ++i)
    if (waiting[i] == 0) ready.insert(i);
  DeploymentOrder result;
  std::vector<bool> done(n, false);
  while (!ready.empty()) {
    std::size_t next = *ready.begin();
    ready.erase(ready.begin());
    done[next] = true;
    result.order.push_back(next);
    for (const auto& e : graph.edges)
      if (e.producer == next && --waiting[e.consumer] == 0) ready.insert(e.consumer);
  }
  if (result.order.size() < n) {
    result.order.clear();
    result.cycle = find_cycle(graph, done);
  }
  return result;
}

}  // namespace ttsgen::check
