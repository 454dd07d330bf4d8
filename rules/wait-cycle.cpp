//===- wait-cycle.cpp - Waits that can only be released by each other -----===//
//
// Flags tasks, events and promises that wait on each other in a cycle, so
// that none of them is ever signalled.
//
// A node (resource or coroutine completion) is deadlocked when every one of
// its signallers requires a deadlocked node first. The deadlocked set is the
// greatest such set: start from every node that is waited on and signalled,
// and drop a node as soon as one of its signallers requires nothing in the
// set. What remains is stuck for good; each cycle among it is reported once.
// Nodes that are stuck only because they depend on a cycle are the same bug
// and are not reported again. A node that nothing signals belongs to
// never-signaled.
//
//===----------------------------------------------------------------------===//

#include "corolint/Rule.h"
#include "corolint/WaitGraph.h"
#include <algorithm>
#include <set>

namespace corolint {
namespace {

std::set<unsigned> deadlockedNodes(const WaitGraph &G) {
  std::set<unsigned> Stuck;
  for (unsigned I = 0; I < G.nodes().size(); ++I)
    if (!G.nodes()[I].Waits.empty() && !G.nodes()[I].Signallers.empty())
      Stuck.insert(I);
  auto CanFire = [&](const Signaller &S) {
    return std::none_of(S.Requires.begin(), S.Requires.end(),
                        [&](const auto &R) { return Stuck.count(R.first); });
  };
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (auto It = Stuck.begin(); It != Stuck.end();) {
      const std::vector<Signaller> &Sigs = G.nodes()[*It].Signallers;
      if (std::any_of(Sigs.begin(), Sigs.end(), CanFire)) {
        It = Stuck.erase(It);
        Changed = true;
      } else {
        ++It;
      }
    }
  }
  return Stuck;
}

/// One step of a cycle: node From is signalled at Signal only after the wait
/// Wait on node To.
struct CycleStep {
  unsigned From;
  SiteRef Signal;
  unsigned To;
  SiteRef Wait;
};

/// The shortest cycle through \p Start inside \p Stuck, by breadth-first
/// search over "signalled only after waiting for" edges.
std::vector<CycleStep> shortestCycle(const WaitGraph &G, unsigned Start,
                                     const std::set<unsigned> &Stuck) {
  std::map<unsigned, CycleStep> ReachedBy;
  std::vector<unsigned> Frontier{Start};
  while (!Frontier.empty()) {
    std::vector<unsigned> Next;
    for (unsigned N : Frontier)
      for (const Signaller &S : G.nodes()[N].Signallers)
        for (const auto &[To, Wait] : S.Requires) {
          if (!Stuck.count(To) || ReachedBy.count(To))
            continue;
          ReachedBy[To] = {N, S.Site, To, Wait};
          if (To == Start) {
            std::vector<CycleStep> Cycle;
            for (unsigned At = Start;;) {
              Cycle.push_back(ReachedBy[At]);
              At = ReachedBy[At].From;
              if (At == Start)
                break;
            }
            std::reverse(Cycle.begin(), Cycle.end());
            return Cycle;
          }
          Next.push_back(To);
        }
    Frontier = std::move(Next);
  }
  return {};
}

std::string describeCycle(const WaitGraph &G, const std::vector<CycleStep> &C) {
  if (C.size() == 1)
    return G.nodes()[C[0].From].release() + " only after a wait for itself";
  std::string S;
  for (size_t I = 0; I < C.size(); ++I)
    S += std::string(I == 0              ? ""
                     : I + 1 == C.size() ? ", and "
                                         : ", ") +
         G.nodes()[C[I].From].release() + " only after " +
         G.nodes()[C[I].To].release();
  return S;
}

Finding makeFinding(const Program &P, const WaitGraph &G,
                    const std::vector<CycleStep> &Cycle) {
  Finding R;
  R.Rule = "wait-cycle";
  R.Severity = Level::Error;
  R.Loc = P.site(Cycle.front().Wait).Loc;
  R.Function = P.function(Cycle.front().Wait.Function).name().str();
  R.Message = "deadlock: " + describeCycle(G, Cycle) +
              "; nothing else signals them, so these waits never complete";
  for (const CycleStep &Step : Cycle) {
    const WaitNode &To = G.nodes()[Step.To];
    const WaitNode &From = G.nodes()[Step.From];
    if (To.K == WaitNode::Kind::Resource)
      R.Resources.push_back(P.resources()[To.Index].Key);
    R.Path.push_back({P.site(Step.Wait).Loc,
                      "'" + P.function(Step.Wait.Function).name().str() +
                          "' waits for " + To.Name + " here"});
    R.Path.push_back({P.site(Step.Signal).Loc, "only then " + From.release()});
  }
  std::sort(R.Resources.begin(), R.Resources.end());
  return R;
}

class WaitCycleRule : public Rule {
public:
  void check(const Program &P, std::vector<Finding> &Out) const override {
    WaitGraph G(P);
    std::set<unsigned> Stuck = deadlockedNodes(G);
    std::set<unsigned> Reported;
    // Nodes in name order, so the same cycle always starts at the same
    // member whatever the order of the program's resources.
    std::vector<unsigned> Order(Stuck.begin(), Stuck.end());
    std::sort(Order.begin(), Order.end(), [&](unsigned A, unsigned B) {
      return G.nodes()[A].Name < G.nodes()[B].Name;
    });
    for (unsigned Start : Order) {
      if (Reported.count(Start))
        continue;
      std::vector<CycleStep> Cycle = shortestCycle(G, Start, Stuck);
      if (Cycle.empty())
        continue; // Stuck behind a cycle reported from another member.
      for (const CycleStep &Step : Cycle)
        Reported.insert(Step.From);
      Out.push_back(makeFinding(P, G, Cycle));
    }
  }
};

} // namespace

std::unique_ptr<Rule> createWaitCycleRule() {
  return std::make_unique<WaitCycleRule>();
}

} // namespace corolint
