//===- GraphDot.cpp - The call/wait graph for Graphviz --------------------===//
//
// Functions are boxes (coroutines with rounded corners, loop code blue, worker
// code grey), resources are hexagons; edges carry their kind.
//
//===----------------------------------------------------------------------===//

#include "Reporters.h"
#include "llvm/Support/Format.h"
#include <cassert>

namespace corolint {

llvm::StringRef edgeKindName(EdgeKind K) {
  switch (K) {
  case EdgeKind::Calls:
    return "calls";
  case EdgeKind::Awaits:
    return "awaits";
  case EdgeKind::LoopCallback:
    return "loop-callback";
  case EdgeKind::Spawns:
    return "spawns";
  case EdgeKind::Offload:
    return "offload";
  case EdgeKind::Continuation:
    return "continuation";
  }
  return "calls";
}

namespace {

std::string quote(llvm::StringRef S) {
  std::string R = "\"";
  for (char C : S) {
    if (C == '"' || C == '\\')
      R += '\\';
    R += C;
  }
  return R + "\"";
}

void writeFunctionNodes(llvm::raw_ostream &OS, const Program &P) {
  for (unsigned I = 0; I < P.functions().size(); ++I) {
    const Function &F = P.function(I);
    const ExecutionContext &C = P.context(I);
    OS << "  f" << I << " [label=" << quote(F.name()) << ", shape=box";
    if (F.isCoroutine())
      OS << ", style=\"rounded,bold\"";
    if (C.Loop)
      OS << ", color=blue";
    else if (C.Worker)
      OS << ", color=gray50";
    OS << "];\n";
  }
}

void writeResourceNodes(llvm::raw_ostream &OS, const Program &P) {
  for (unsigned I = 0; I < P.resources().size(); ++I) {
    const Resource &R = P.resources()[I];
    OS << "  r" << I << " [label=" << quote(R.Name + "\\n" + R.Kind)
       << ", shape=hexagon];\n";
    for (const SiteRef &W : R.Waits)
      OS << "  f" << W.Function << " -> r" << I
         << " [label=\"waits\", style=dashed];\n";
    for (const SiteRef &S : R.Signals)
      OS << "  f" << S.Function << " -> r" << I
         << " [label=\"signals\", color=darkgreen];\n";
    for (const SiteRef &L : R.Locks)
      OS << "  f" << L.Function << " -> r" << I << " [label=\"locks\"];\n";
  }
}

class GraphDotReporter final : public Reporter {
public:
  bool showsFindings() const override { return false; }
  void write(llvm::raw_ostream &OS,
             const AnalysisResults &Results) const override;
};

void GraphDotReporter::write(llvm::raw_ostream &OS,
                             const AnalysisResults &Results) const {
  assert(Results.Linked && "a graph needs the linked program");
  const Program &P = *Results.Linked;
  OS << "digraph corolint {\n  rankdir=LR;\n  node [fontname=\"monospace\"];\n";
  writeFunctionNodes(OS, P);
  writeResourceNodes(OS, P);
  for (const CallEdge &E : P.edges())
    OS << "  f" << E.From.Function << " -> f" << E.Callee << " [label=\""
       << edgeKindName(E.Kind) << "\"];\n";
  OS << "}\n";
}

} // namespace

std::unique_ptr<Reporter> createGraphDotReporter() {
  return std::make_unique<GraphDotReporter>();
}

std::string summarizeProgram(const Program &P) {
  unsigned Coroutines = 0, Loop = 0;
  for (unsigned I = 0; I < P.functions().size(); ++I) {
    Coroutines += P.function(I).isCoroutine();
    Loop += P.context(I).Loop;
  }
  return std::to_string(P.functions().size()) + " functions (" +
         std::to_string(Coroutines) + " coroutines, " + std::to_string(Loop) +
         " on the loop), " + std::to_string(P.edges().size()) +
         " call edges, " + std::to_string(P.resources().size()) + " resources";
}

} // namespace corolint
