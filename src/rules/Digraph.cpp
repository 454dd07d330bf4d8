//===- Digraph.cpp - Strongly connected components, counted ---------------===//

#include "corolint/rules/Digraph.h"
#include "llvm/ADT/SCCIterator.h"

namespace corolint {

Digraph::Digraph(unsigned NumNodes) {
  Nodes.resize(NumNodes + 1);
  for (unsigned I = 0; I < Nodes.size(); ++I)
    Nodes[I] = {I, {}, this};
  for (unsigned I = 0; I < NumNodes; ++I)
    Nodes.back().Succs.push_back(&Nodes[I]);
}

void Digraph::addEdge(unsigned From, unsigned To) {
  Nodes[From].Succs.push_back(&Nodes[To]);
}

std::vector<std::vector<unsigned>> Digraph::components() const {
  std::vector<std::vector<unsigned>> Result;
  for (auto It = llvm::scc_begin(this); !It.isAtEnd(); ++It) {
    std::vector<unsigned> Component;
    for (const Node *N : *It)
      if (N != root())
        Component.push_back(N->Index);
    if (!Component.empty())
      Result.push_back(std::move(Component));
  }
  return Result;
}

} // namespace corolint
