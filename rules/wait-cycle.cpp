//===- wait-cycle.cpp - Waits that can only be released by each other -----===//
//
// Flags tasks, events and promises that wait on each other in a cycle, so
// that none of them is ever signalled.
//
// A cycle is definite (error) when no signaller outside it can fire, and
// possible (warning) when the only signallers that could start it run on some
// paths of their function only: the finding names that signaller.
//
// A semaphore may start with units, which let its waits through with no
// signal, and the analysis does not see how many: it is never stuck. (Its
// uses as a lock are lock-order-cycle's.)
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
// A thread that joins itself is the shortest such cycle: code that runs on a
// thread the program started, through its callable and the calls it makes on
// the same object, waits for that thread to finish (a join, or the
// destruction of a handle whose destructor joins). It is definite when the
// object joined holds that thread's handle only, and possible when the wait
// destroys a handle taken out of a container of such handles, which may be
// another thread's. Code that asks which thread it runs on on the way is
// taken to have checked.
//
//===----------------------------------------------------------------------===//

#include "corolint/program/Threads.h"
#include "corolint/program/WaitGraph.h"
#include "corolint/rules/Digraph.h"
#include "corolint/rules/Rule.h"
#include <algorithm>
#include <set>

namespace corolint {
namespace {

/// Whether signaller \p S of node \p N can be counted on to fire once its
/// requirements are met. Always, for the definite analysis; for the relaxed
/// one, only when it runs on every path of its function.
using FiresPredicate = llvm::function_ref<bool(unsigned N, unsigned S)>;

/// The greatest set of nodes none of whose signallers can fire. Linear in
/// the size of the graph: each signaller counts its requirements that are
/// still in the set, and a node leaves the set once one of its signallers'
/// counts reaches zero; each requirement is decremented at most once. A
/// signaller that \p Fires rejects keeps one count that nothing removes.
std::set<unsigned> deadlockedNodes(const WaitGraph &G, FiresPredicate Fires,
                                   uint64_t &Work) {
  const std::vector<WaitNode> &Nodes = G.nodes();
  std::vector<bool> Stuck(Nodes.size());
  for (unsigned I = 0; I < Nodes.size(); ++I)
    Stuck[I] = !Nodes[I].Waits.empty() && !Nodes[I].Signallers.empty() &&
               !Nodes[I].MayHoldUnits;
  // For each node, the (node, signaller) pairs that require it.
  std::vector<std::vector<std::pair<unsigned, unsigned>>> RequiredBy(
      Nodes.size());
  std::vector<std::vector<unsigned>> Pending(Nodes.size());
  std::vector<unsigned> Freed;
  for (unsigned N = 0; N < Nodes.size(); ++N) {
    Pending[N].resize(Nodes[N].Signallers.size());
    for (unsigned S = 0; S < Nodes[N].Signallers.size(); ++S) {
      Pending[N][S] = !Fires(N, S);
      for (const auto &Req : Nodes[N].Signallers[S].Requires) {
        ++Work;
        RequiredBy[Req.first].push_back({N, S});
        Pending[N][S] += Stuck[Req.first];
      }
    }
  }
  // Counted against the initial set first, so that every node freed below
  // was counted as stuck by everything that requires it.
  for (unsigned N = 0; N < Nodes.size(); ++N)
    for (unsigned Count : Pending[N])
      if (Stuck[N] && Count == 0) {
        Stuck[N] = false;
        Freed.push_back(N);
      }
  while (!Freed.empty()) {
    unsigned Y = Freed.back();
    Freed.pop_back();
    Work += RequiredBy[Y].size();
    for (const auto &[N, S] : RequiredBy[Y])
      if (--Pending[N][S] == 0 && Stuck[N]) {
        Stuck[N] = false;
        Freed.push_back(N);
      }
  }
  std::set<unsigned> Result;
  for (unsigned I = 0; I < Nodes.size(); ++I)
    if (Stuck[I])
      Result.insert(I);
  return Result;
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
                                     const std::set<unsigned> &Stuck,
                                     uint64_t &Work) {
  std::map<unsigned, CycleStep> ReachedBy;
  std::vector<unsigned> Frontier{Start};
  while (!Frontier.empty()) {
    std::vector<unsigned> Next;
    for (unsigned N : Frontier)
      for (const Signaller &S : G.nodes()[N].Signallers)
        for (const auto &[To, Wait] : S.Requires) {
          ++Work;
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

/// A signaller of a node of \p Cycle that needs nothing of the cycle: it
/// could start it, but runs on some paths only.
std::optional<SiteRef> breakerOf(const WaitGraph &G,
                                 const std::vector<CycleStep> &Cycle) {
  std::set<unsigned> Members;
  for (const CycleStep &Step : Cycle)
    Members.insert(Step.From);
  for (const CycleStep &Step : Cycle)
    for (const Signaller &S : G.nodes()[Step.From].Signallers)
      if (llvm::none_of(S.Requires, [&](const auto &Req) {
            return Members.count(Req.first) != 0;
          }))
        return S.Site;
  return std::nullopt;
}

Finding makeFinding(const Program &P, const WaitGraph &G,
                    const std::vector<CycleStep> &Cycle, bool Definite) {
  Finding R;
  R.Severity = Definite ? Level::Error : Level::Warning;
  R.Loc = P.site(Cycle.front().Wait).Loc;
  R.Function = P.function(Cycle.front().Wait.Function).name().str();
  std::optional<SiteRef> Breaker =
      Definite ? std::nullopt : breakerOf(G, Cycle);
  if (Definite || !Breaker)
    R.Message = "deadlock: " + describeCycle(G, Cycle) +
                "; nothing else signals them, so these waits never complete";
  else
    R.Message = "possible deadlock: " + describeCycle(G, Cycle) + "; only '" +
                P.function(Breaker->Function).name().str() +
                "' can break the cycle, and it signals on some paths only";
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
  if (Breaker)
    R.Path.push_back({P.site(*Breaker).Loc,
                      "the signal that could break the cycle, on some paths "
                      "only"});
  std::sort(R.Resources.begin(), R.Resources.end());
  return R;
}

/// The strongly connected components of "signalled only after waiting for"
/// inside \p Within that hold a cycle: several nodes, or one that requires
/// itself.
std::vector<std::set<unsigned>> cyclicComponents(const WaitGraph &G,
                                                 const std::set<unsigned> &Within,
                                                 uint64_t &Work) {
  Digraph D(G.nodes().size());
  std::set<unsigned> SelfLoops;
  for (unsigned N : Within)
    for (const Signaller &S : G.nodes()[N].Signallers)
      for (const auto &Req : S.Requires)
        if (Within.count(Req.first)) {
          D.addEdge(N, Req.first);
          if (Req.first == N)
            SelfLoops.insert(N);
        }
  std::vector<std::set<unsigned>> Result;
  for (const std::vector<unsigned> &C : D.components())
    if (C.size() > 1 || SelfLoops.count(C.front()))
      Result.emplace_back(C.begin(), C.end());
  Work += D.edgesWalked();
  return Result;
}

/// What self-join \p J does, as the message says it ("joins 'reader_'").
std::string selfJoinAction(const Program &P, const SelfJoin &J) {
  const SiteFact &Wait = P.site(J.Wait);
  std::string Holder = "'" + J.Holder.spelledName() + "'";
  bool Table = J.Thread.Tables.count(J.Holder.Key) != 0 ||
               J.How == SelfJoin::Kind::ErasesHandles;
  std::string Where = Table ? ", where that thread's own handle is kept"
                            : ", which holds that thread";
  const std::string &Why = P.modelOf(P.site(J.Thread.Start))->BlockingResult;
  switch (J.How) {
  case SelfJoin::Kind::Joins:
    return "joins " + Holder + Where;
  case SelfJoin::Kind::DestroysHandle:
    return "destroys '" + Wait.Receiver.spelledName() +
           "', a handle taken from " + Holder + Where + " (" + Why + ")";
  case SelfJoin::Kind::ErasesHandles:
    break;
  }
  return "erases handles from " + Holder + Where + " (" + Why + ")";
}

/// The last step of a self-join's path, at the wait.
std::string selfJoinWaitStep(const Program &P, const SelfJoin &J) {
  switch (J.How) {
  case SelfJoin::Kind::Joins:
    return "'" + P.site(J.Wait).spelledCallee() +
           "' waits here for the thread it runs on";
  case SelfJoin::Kind::DestroysHandle:
    return "destroyed here, which waits for its thread";
  case SelfJoin::Kind::ErasesHandles:
    break;
  }
  return "the handles erased here wait for their threads";
}

/// Who waits, and on which thread ("'W', called on the thread that
/// 'std::thread::thread' starts to run 'run',").
std::string selfJoinSubject(const Program &P, const SelfJoin &J) {
  std::string Waiter = "'" + P.function(J.Wait.Function).name().str() + "'";
  std::string Starter = "'" + P.site(J.Thread.Start).CalleeName + "'";
  std::string First =
      J.Chain.empty()
          ? Waiter
          : "'" + P.function(J.Chain.front().From.Function).name().str() + "'";
  if (J.Loop) {
    std::string Callback = "a callback of the event loop ('" +
                           P.site(*J.Loop).CalleeName +
                           "') on the thread that " + Starter + " starts,";
    return J.Chain.empty() ? Waiter + ", " + Callback
                           : Waiter + ", called by " + First + ", " + Callback;
  }
  return J.Chain.empty() ? Waiter + ", run on a thread by " + Starter + ","
                         : Waiter + ", called on the thread that " + Starter +
                               " starts to run " + First + ",";
}

/// A thread that waits for itself to finish.
Finding selfJoinFinding(const Program &P, const SelfJoin &J) {
  const SiteFact &Start = P.site(J.Thread.Start);
  Finding R;
  R.Severity = J.MayBeOther ? Level::Warning : Level::Error;
  R.Loc = P.site(J.Wait).Loc;
  R.Function = P.function(J.Wait.Function).name().str();
  R.Resources.push_back(J.Holder.Key);
  R.Message = std::string(J.MayBeOther ? "possible deadlock: " : "deadlock: ") +
              selfJoinSubject(P, J) + " " + selfJoinAction(P, J) + ": " +
              (J.Loop         ? "when that loop is this object's, "
               : J.MayBeOther ? "when it is its own, "
                              : "") +
              "a thread cannot wait for itself to finish; the wait throws "
              "resource_deadlock_would_occur (in a destructor the process "
              "terminates) or never returns";
  std::string Starter = "'" + Start.CalleeName + "'";
  if (J.Loop) {
    R.Path.push_back({Start.Loc, Starter + " starts a thread here"});
    R.Path.push_back({P.site(*J.Loop).Loc,
                      "'" + P.site(*J.Loop).CalleeName +
                          "' runs the event loop on that thread, and every "
                          "callback of the loop with it"});
  } else {
    unsigned Run =
        J.Chain.empty() ? J.Wait.Function : J.Chain.front().From.Function;
    R.Path.push_back({Start.Loc, Starter + " starts a thread that runs '" +
                                     P.function(Run).name().str() + "' here"});
  }
  for (const CallEdge &E : J.Chain)
    R.Path.push_back(
        {P.site(E.From).Loc,
         "calls '" + P.function(E.Callee).name().str() + "' on that thread"});
  R.Path.push_back({P.site(J.Wait).Loc, selfJoinWaitStep(P, J)});
  return R;
}

class WaitCycleRule : public Rule {
public:
  void check(const Program &P, std::vector<Finding> &Out) const override {
    WaitGraph G(P);
    std::set<unsigned> Stuck =
        deadlockedNodes(G, [](unsigned, unsigned) { return true; }, Work);
    std::set<unsigned> Reported;
    reportCycles(P, G, Stuck, Stuck, true, Reported, Out);
    // Then the cycles that only signallers on some paths can break.
    std::set<unsigned> MaybeStuck =
        deadlockedNodes(G, [&](unsigned N, unsigned S) {
          SiteRef At = G.nodes()[N].Signallers[S].Site;
          return P.function(At.Function).onEveryPath(At.Site);
        },
        Work);
    std::set<unsigned> Starts;
    for (unsigned N : MaybeStuck)
      if (!Stuck.count(N))
        Starts.insert(N);
    reportCycles(P, G, Starts, MaybeStuck, false, Reported, Out);
    for (const SelfJoin &J : selfJoins(P, Work))
      Out.push_back(selfJoinFinding(P, J));
  }

private:
  /// Reports the shortest cycle inside \p Within through each of \p Starts
  /// not reported yet. A cycle through a node stays inside the node's
  /// strongly connected component, so each search is confined to it, and a
  /// node that is stuck only behind a cycle (a component of its own) is not
  /// searched at all: linear in the graph but for components with several
  /// cycles, each searched once per start not yet reported.
  void reportCycles(const Program &P, const WaitGraph &G,
                           const std::set<unsigned> &Starts,
                           const std::set<unsigned> &Within, bool Definite,
                           std::set<unsigned> &Reported,
                           std::vector<Finding> &Out) const {
    // Nodes in name order, so the same cycle always starts at the same
    // member whatever the order of the program's resources.
    std::vector<unsigned> Order(Starts.begin(), Starts.end());
    std::sort(Order.begin(), Order.end(), [&](unsigned A, unsigned B) {
      return G.nodes()[A].Name < G.nodes()[B].Name;
    });
    std::vector<std::set<unsigned>> Components =
        cyclicComponents(G, Within, Work);
    std::map<unsigned, const std::set<unsigned> *> ComponentOf;
    for (const std::set<unsigned> &C : Components)
      for (unsigned N : C)
        ComponentOf[N] = &C;
    for (unsigned Start : Order) {
      auto C = ComponentOf.find(Start);
      if (Reported.count(Start) || C == ComponentOf.end())
        continue;
      std::vector<CycleStep> Cycle = shortestCycle(G, Start, *C->second, Work);
      if (Cycle.empty())
        continue;
      for (const CycleStep &Step : Cycle)
        Reported.insert(Step.From);
      Out.push_back(makeFinding(P, G, Cycle, Definite));
    }
  }
};

} // namespace

std::unique_ptr<Rule> createWaitCycleRule() {
  return std::make_unique<WaitCycleRule>();
}

} // namespace corolint
