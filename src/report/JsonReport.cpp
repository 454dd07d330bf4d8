//===- JsonReport.cpp - Findings and graph as JSON ------------------------===//

#include "corolint/report/Report.h"
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace corolint {

static json locJson(const SourceLoc &L) {
  return {{"file", L.File}, {"line", L.Line}, {"column", L.Col}};
}

void writeJsonReport(llvm::raw_ostream &OS,
                     const std::vector<Finding> &Findings,
                     const std::vector<std::string> &Fingerprints,
                     const std::vector<UnitError> &Errors) {
  json Items = json::array();
  for (size_t I = 0; I < Findings.size(); ++I) {
    const Finding &F = Findings[I];
    json Path = json::array();
    for (const PathStep &S : F.Path)
      Path.push_back({{"location", locJson(S.Loc)}, {"message", S.Message}});
    Items.push_back({{"rule", F.Rule},
                     {"level", levelName(F.Severity).str()},
                     {"location", locJson(F.Loc)},
                     {"message", F.Message},
                     {"function", F.Function},
                     {"resources", F.Resources},
                     {"path", Path}});
    if (I < Fingerprints.size())
      Items.back()["fingerprint"] = Fingerprints[I];
  }
  json Unanalyzed = json::array();
  for (const UnitError &E : Errors)
    Unanalyzed.push_back({{"file", E.File}, {"error", E.Message}});
  json Doc = {{"format", "corolint-findings"},
              {"version", 1},
              {"findings", Items},
              {"unanalyzed", Unanalyzed}};
  OS << Doc.dump(2) << '\n';
}

void writeGraphJson(llvm::raw_ostream &OS, const Program &P) {
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
  OS << Doc.dump(2) << '\n';
}

} // namespace corolint
