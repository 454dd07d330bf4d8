//===- JsonReport.cpp - Findings and graph as JSON ------------------------===//

#include "Reporters.h"
#include "corolint/JsonText.h"
#include <cassert>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace corolint {
namespace {

json locJson(const SourceLoc &L) {
  return {{"file", L.File}, {"line", L.Line}, {"column", L.Col}};
}

/// The findings of docs/output.md that need attention, with the units that
/// could not be analyzed.
class JsonReporter final : public Reporter {
public:
  void write(llvm::raw_ostream &OS,
             const AnalysisResults &Results) const override;
};

void JsonReporter::write(llvm::raw_ostream &OS,
                         const AnalysisResults &Results) const {
  json Items = json::array();
  for (const ReportedFinding &RF : Results.Findings) {
    if (!RF.needsAttention())
      continue;
    const Finding &F = RF.F;
    json Path = json::array();
    for (const PathStep &S : F.Path)
      Path.push_back({{"location", locJson(S.Loc)}, {"message", S.Message}});
    Items.push_back({{"rule", F.Rule},
                     {"level", levelName(F.Severity).str()},
                     {"location", locJson(F.Loc)},
                     {"message", F.Message},
                     {"function", F.Function},
                     {"resources", F.Resources},
                     {"path", Path},
                     {"fingerprint", RF.Fingerprint}});
  }
  json Unanalyzed = json::array();
  for (const UnitError &E : Results.Unanalyzed)
    Unanalyzed.push_back({{"file", E.File}, {"error", E.Message}});
  json Doc = {{"format", "corolint-findings"},
              {"version", 1},
              {"findings", Items},
              {"unanalyzed", Unanalyzed}};
  OS << jsonText(Doc, 2) << '\n';
}

/// The linked call/wait graph (docs/output.md), instead of findings.
class GraphJsonReporter final : public Reporter {
public:
  bool showsFindings() const override { return false; }
  void write(llvm::raw_ostream &OS,
             const AnalysisResults &Results) const override;
};

void GraphJsonReporter::write(llvm::raw_ostream &OS,
                              const AnalysisResults &Results) const {
  assert(Results.Linked && "a graph needs the linked program");
  const Program &P = *Results.Linked;
  json Functions = json::array();
  for (unsigned I = 0; I < P.functions().size(); ++I) {
    const Function &F = P.function(I);
    const ExecutionContext &C = P.context(I);
    Functions.push_back({{"id", I},
                         {"usr", F.fact().Usr},
                         {"name", F.fact().Name},
                         {"location", locJson(F.fact().Loc)},
                         {"coroutine", F.isCoroutine()},
                         {"loop", C.Loop},
                         {"worker", C.Worker}});
  }
  json Edges = json::array();
  for (const CallEdge &E : P.edges())
    Edges.push_back({{"from", E.From.Function},
                     {"to", E.Callee},
                     {"kind", edgeKindName(E.Kind).str()},
                     {"location", locJson(P.site(E.From).Loc)}});
  json Resources = json::array();
  auto Sites = [&](const std::vector<SiteRef> &Refs) {
    json A = json::array();
    for (const SiteRef &R : Refs)
      A.push_back(
          {{"function", R.Function}, {"location", locJson(P.site(R).Loc)}});
    return A;
  };
  for (const Resource &R : P.resources())
    Resources.push_back({{"key", R.Key},
                         {"name", R.Name},
                         {"type", R.Type},
                         {"kind", R.Kind},
                         {"waits", Sites(R.Waits)},
                         {"signals", Sites(R.Signals)},
                         {"locks", Sites(R.Locks)}});
  json Doc = {{"format", "corolint-graph"},
              {"version", 1},
              {"functions", Functions},
              {"edges", Edges},
              {"resources", Resources}};
  OS << jsonText(Doc, 2) << '\n';
}

} // namespace

std::unique_ptr<Reporter> createJsonReporter() {
  return std::make_unique<JsonReporter>();
}

std::unique_ptr<Reporter> createGraphJsonReporter() {
  return std::make_unique<GraphJsonReporter>();
}

} // namespace corolint
