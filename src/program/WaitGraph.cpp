//===- WaitGraph.cpp - What must complete before each signal --------------===//

#include "corolint/WaitGraph.h"
#include <algorithm>

namespace corolint {

namespace {

/// Keeps the requirements both sides have: a must-analysis meet.
void intersectInto(Requirements &Into, const Requirements &Other) {
  for (auto It = Into.begin(); It != Into.end();)
    It = Other.count(It->first) ? std::next(It) : Into.erase(It);
}

/// The suspension that awaits call \p Call in \p F, if one does.
std::optional<unsigned> suspensionAwaiting(const Function &F, unsigned Call) {
  for (const SiteFact &S : F.fact().Sites)
    if (S.Kind == SiteKind::Suspend && S.OperandCall == static_cast<int>(Call))
      return S.Id;
  return std::nullopt;
}

} // namespace

WaitGraph::WaitGraph(const Program &P) : P(P) {
  WaitsIn.resize(P.functions().size());
  addResourceNodes();
  addContinuationWaits();
  addTaskNodes();
  computeEntryRequirements();
  addSignallers();
}

void WaitGraph::addResourceNodes() {
  for (unsigned I = 0; I < P.resources().size(); ++I) {
    const Resource &R = P.resources()[I];
    WaitNode N;
    N.Index = I;
    N.Name = "'" + R.Name + "'";
    N.Waits = R.Waits;
    for (const SiteRef &W : R.Waits)
      WaitsIn[W.Function].push_back(
          {W.Site, static_cast<unsigned>(Nodes.size())});
    Nodes.push_back(std::move(N));
  }
}

// A continuation attached to a resource waits on it, but the code after the
// attaching call does not: it is a wait of the node only, not of its function.
void WaitGraph::addContinuationWaits() {
  for (const CallEdge &E : P.edges()) {
    if (E.Kind != EdgeKind::Continuation)
      continue;
    const ObjectRef &Receiver = P.site(E.From).Receiver;
    if (!Receiver.isKnown())
      continue;
    for (const ObjectRef &Obj : P.resolve(E.From.Function, Receiver))
      for (WaitNode &N : Nodes)
        if (N.K == WaitNode::Kind::Resource &&
            P.resources()[N.Index].Key == Obj.Key)
          N.Waits.push_back(E.From);
  }
}

void WaitGraph::addTaskNodes() {
  for (const CallEdge &E : P.edges()) {
    if (E.Kind != EdgeKind::Awaits)
      continue;
    std::optional<unsigned> Suspend =
        suspensionAwaiting(P.function(E.From.Function), E.From.Site);
    if (!Suspend)
      continue;
    auto [It, Inserted] = TaskNodeOf.try_emplace(E.Callee, Nodes.size());
    if (Inserted) {
      WaitNode N;
      N.K = WaitNode::Kind::TaskCompletion;
      N.Index = E.Callee;
      N.Name = "coroutine '" + P.function(E.Callee).name().str() + "'";
      Nodes.push_back(std::move(N));
    }
    SiteRef Wait{E.From.Function, *Suspend};
    Nodes[It->second].Waits.push_back(Wait);
    WaitsIn[Wait.Function].push_back({Wait.Site, It->second});
  }
}

Requirements WaitGraph::dominatingWaits(SiteRef At) const {
  Requirements R;
  const Function &F = P.function(At.Function);
  for (const WaitEvent &W : WaitsIn[At.Function])
    if (W.Site != At.Site && F.dominates(W.Site, At.Site))
      R.try_emplace(W.Node, SiteRef{At.Function, W.Site});
  return R;
}

/// A continuation runs only once the object it was attached to is
/// fulfilled: it requires that object, when the object is a resource.
void WaitGraph::addReceiverRequirement(SiteRef Registration,
                                       Requirements &Into) const {
  const ObjectRef &Receiver = P.site(Registration).Receiver;
  if (!Receiver.isKnown())
    return;
  for (const ObjectRef &Obj : P.resolve(Registration.Function, Receiver))
    for (unsigned N = 0; N < Nodes.size(); ++N)
      if (Nodes[N].K == WaitNode::Kind::Resource &&
          P.resources()[Nodes[N].Index].Key == Obj.Key)
        Into.try_emplace(N, Registration);
}

Requirements WaitGraph::requirementsAt(SiteRef At) const {
  Requirements R = dominatingWaits(At);
  if (const std::optional<Requirements> &E = Entry[At.Function])
    R.insert(E->begin(), E->end());
  return R;
}

// A function can only start once whatever precedes every way into it has
// completed: the meet over incoming edges of what the edge's site requires.
// Iterated to a fixpoint from "everything" (unknown) downwards; functions
// nothing calls or registers require nothing.
void WaitGraph::computeEntryRequirements() {
  Entry.assign(P.functions().size(), std::nullopt);
  std::vector<bool> HasCallers(P.functions().size(), false);
  for (const CallEdge &E : P.edges())
    HasCallers[E.Callee] = true;
  for (unsigned F = 0; F < P.functions().size(); ++F)
    if (!HasCallers[F])
      Entry[F] = Requirements();
  for (bool Changed = true; Changed;) {
    Changed = false;
    std::vector<std::optional<Requirements>> Next(P.functions().size());
    for (const CallEdge &E : P.edges()) {
      if (!Entry[E.From.Function])
        continue; // The caller is still unknown: it constrains nothing yet.
      Requirements AtEdge = requirementsAt(E.From);
      if (E.Kind == EdgeKind::Continuation)
        addReceiverRequirement(E.From, AtEdge);
      std::optional<Requirements> &N = Next[E.Callee];
      if (!N)
        N = std::move(AtEdge);
      else
        intersectInto(*N, AtEdge);
    }
    for (unsigned F = 0; F < P.functions().size(); ++F) {
      if (!HasCallers[F] || !Next[F] || Next[F] == Entry[F])
        continue;
      Entry[F] = std::move(Next[F]);
      Changed = true;
    }
  }
  for (std::optional<Requirements> &E : Entry)
    if (!E)
      E = Requirements(); // Reached only from an unreachable cycle of calls.
}

void WaitGraph::addSignallers() {
  for (WaitNode &N : Nodes) {
    if (N.K == WaitNode::Kind::Resource) {
      for (const SiteRef &S : P.resources()[N.Index].Signals)
        N.Signallers.push_back({S, requirementsAt(S)});
      continue;
    }
    // A coroutine finishes at its final suspension, after every wait that
    // dominates it.
    const Function &F = P.function(N.Index);
    for (const SiteFact &S : F.fact().Sites)
      if (S.Kind == SiteKind::Suspend && S.Suspend == SuspendKind::Final) {
        SiteRef At{N.Index, S.Id};
        N.Signallers.push_back({At, requirementsAt(At)});
      }
  }
}

} // namespace corolint
