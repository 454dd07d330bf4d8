//===- Digraph.h - Strongly connected components, counted -------*- C++ -*-===//
//
// A directed graph over node indices for the rules' cycle searches. Its
// components come from llvm::scc_iterator (Tarjan's algorithm), which walks
// what is reachable from one entry node: a root with an edge to every node
// makes that the whole graph. The walk counts the edges it follows, so that
// tests bound a search's work instead of timing it.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_RULES_DIGRAPH_H
#define COROLINT_RULES_DIGRAPH_H

#include "llvm/ADT/GraphTraits.h"
#include <cstdint>
#include <vector>

namespace corolint {

class Digraph {
public:
  struct Node {
    unsigned Index;
    std::vector<const Node *> Succs;
    const Digraph *Owner;
  };

  explicit Digraph(unsigned NumNodes);
  Digraph(const Digraph &) = delete;
  Digraph &operator=(const Digraph &) = delete;

  void addEdge(unsigned From, unsigned To);

  /// Each strongly connected component as its node indices, every node in
  /// exactly one; linear in nodes plus edges.
  std::vector<std::vector<unsigned>> components() const;

  /// Edges followed by components() so far, the root's included.
  uint64_t edgesWalked() const { return Walked; }

  const Node *root() const { return &Nodes.back(); }
  void countWalk(const Node *N) const { Walked += N->Succs.size(); }

private:
  std::vector<Node> Nodes; ///< The graph's nodes, then the root.
  mutable uint64_t Walked = 0;
};

} // namespace corolint

template <> struct llvm::GraphTraits<const corolint::Digraph *> {
  using NodeRef = const corolint::Digraph::Node *;
  using ChildIteratorType = std::vector<NodeRef>::const_iterator;
  static NodeRef getEntryNode(const corolint::Digraph *G) { return G->root(); }
  // scc_iterator asks for each node's first child once, when it visits it.
  static ChildIteratorType child_begin(NodeRef N) {
    N->Owner->countWalk(N);
    return N->Succs.begin();
  }
  static ChildIteratorType child_end(NodeRef N) { return N->Succs.end(); }
};

#endif
