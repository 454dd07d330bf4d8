//===- never-signaled.cpp - A wait that nothing in the program releases ---===//
//
// Flags a resource that is awaited but that nothing in the analyzed program
// signals.
//
// Only where the analysis sees every piece of code that can reach the
// resource: a local or an internal-linkage global, never handed by reference
// to a function outside the analyzed program. An external global or a field
// may be signalled by code the analysis does not see, so the rule stays quiet
// there. Only resources released by code alone (events, channels, semaphores)
// count; a timer or a future completes from outside.
//
//===----------------------------------------------------------------------===//

#include "corolint/Rule.h"
#include <set>

namespace corolint {
namespace {

bool releasedOnlyByCode(llvm::StringRef Kind) {
  return Kind == "event" || Kind == "channel" || Kind == "semaphore";
}

/// Keys of objects passed to functions the program does not contain.
std::set<std::string> escapingObjects(const Program &P) {
  std::set<std::string> Escaping;
  for (const Function &F : P.functions())
    for (const SiteFact &S : F.fact().Sites)
      if (S.Kind == SiteKind::Call && !P.find(S.CalleeUsr))
        for (const ArgFact &A : S.Args)
          if (A.Ref.isKnown())
            Escaping.insert(A.Ref.Key);
  return Escaping;
}

Finding makeFinding(const Program &P, const Resource &R) {
  std::vector<SiteRef> Waits = R.Waits;
  std::sort(Waits.begin(), Waits.end(), [&](SiteRef A, SiteRef B) {
    return P.site(A).Loc < P.site(B).Loc;
  });
  Finding F;
  F.Rule = "never-signaled";
  F.Severity = Level::Warning;
  F.Loc = P.site(Waits.front()).Loc;
  F.Function = P.function(Waits.front().Function).name().str();
  F.Message = "'" + R.Name + "' (" + R.Kind +
              ") is awaited, but nothing in the program signals it: this "
              "wait never completes";
  F.Resources = {R.Key};
  for (const SiteRef &W : Waits)
    F.Path.push_back({P.site(W).Loc, "'" + P.function(W.Function).name().str() +
                                         "' waits for '" + R.Name + "' here"});
  return F;
}

class NeverSignaledRule : public Rule {
public:
  void check(const Program &P, std::vector<Finding> &Out) const override {
    std::set<std::string> Escaping = escapingObjects(P);
    for (const Resource &R : P.resources())
      if (!R.Waits.empty() && R.Signals.empty() && R.Internal &&
          releasedOnlyByCode(R.Kind) && !Escaping.count(R.Key))
        Out.push_back(makeFinding(P, R));
  }
};

} // namespace

std::unique_ptr<Rule> createNeverSignaledRule() {
  return std::make_unique<NeverSignaledRule>();
}

} // namespace corolint
