//===- WaitGraph.cpp - What must complete before each signal --------------===//

#include "corolint/program/WaitGraph.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>
#include <map>
#include <set>

namespace corolint {

namespace {

/// Keeps the requirements both sides have: a must-analysis meet. Where both
/// name a site for the same wait, the first in program order stands for it,
/// whichever side it came from, so that the fixpoint's values only ever go
/// down and it ends (keeping one side's site let two call paths hand each
/// other's sites back and forth forever).
void intersectInto(Requirements &Into, const Requirements &Other) {
  for (auto It = Into.begin(); It != Into.end();) {
    auto Theirs = Other.find(It->first);
    if (Theirs == Other.end()) {
      It = Into.erase(It);
      continue;
    }
    It->second = std::min(It->second, Theirs->second);
    ++It;
  }
}

/// Adds \p Other's requirements to \p Into, the first site in program
/// order standing for a wait both name.
void unionInto(Requirements &Into, const Requirements &Other) {
  for (const auto &[Node, Site] : Other) {
    auto [It, Inserted] = Into.try_emplace(Node, Site);
    if (!Inserted)
      It->second = std::min(It->second, Site);
  }
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

/// Whether the wait at \p W is raced or bounded in its co_await
/// (`co_await (gate.passed() || delay(5s))`, a timeout around it): it may
/// end without its resource, so nothing after it requires that resource.
static bool racedWait(const Program &P, SiteRef W) {
  const Function &F = P.function(W.Function);
  int Suspend = F.site(W.Site).AwaitedIn;
  return Suspend >= 0 &&
         llvm::any_of(F.callsAwaitedBy(Suspend), [&](unsigned Call) {
           const FunctionModel *M = P.modelOf(F.site(Call));
           return M && (M->Race || M->Timeout);
         });
}

/// A wait whose object is bound to several (a reference field each
/// constructor binds to another queue, a parameter each caller passes
/// another) waits on one of them in each run, on which one the binding does
/// not say: what follows it requires none of them in particular.
void WaitGraph::addResourceNodes() {
  std::map<SiteRef, unsigned> ResourcesWaitedAt;
  for (const Resource &R : P.resources())
    for (const SiteRef &W : R.Waits)
      ++ResourcesWaitedAt[W];
  for (unsigned I = 0; I < P.resources().size(); ++I) {
    const Resource &R = P.resources()[I];
    WaitNode N;
    N.Index = I;
    N.Name = "'" + R.Name + "'";
    N.Waits = R.Waits;
    N.MayHoldUnits = R.isSemaphore() || R.StartsSignalled;
    for (const SiteRef &W : R.Waits)
      if (!racedWait(P, W) && ResourcesWaitedAt[W] == 1)
        WaitsIn[W.Function].push_back(
            {W.Site, static_cast<unsigned>(Nodes.size())});
    NodeOfResource[R.Key] = Nodes.size();
    Nodes.push_back(std::move(N));
  }
}

// A continuation attached to a resource waits on it, but the code after the
// attaching call does not: it is a wait of the node only, not of its function.
void WaitGraph::addContinuationWaits() {
  for (const CallEdge &E : P.edges()) {
    if (E.Kind != EdgeKind::Continuation)
      continue;
    for (unsigned N : receiverNodes(E.From))
      Nodes[N].Waits.push_back(E.From);
  }
}

void WaitGraph::addTaskWait(unsigned Coroutine, SiteRef Wait) {
  auto [It, Inserted] = TaskNodeOf.try_emplace(Coroutine, Nodes.size());
  if (Inserted) {
    WaitNode N;
    N.K = WaitNode::Kind::TaskCompletion;
    N.Index = Coroutine;
    N.Name = "coroutine '" + P.function(Coroutine).name().str() + "'";
    Nodes.push_back(std::move(N));
  }
  Nodes[It->second].Waits.push_back(Wait);
  if (!racedWait(P, Wait))
    WaitsIn[Wait.Function].push_back({Wait.Site, It->second});
}

// Awaiting a coroutine's call waits for it to finish, and so does awaiting
// an object its task was kept in, anywhere in the program: a local
// (`auto t = fetch(); co_await t;`), a field assigned or initialized from it
// (`Cache() : loaded_(load())`, the usual home of a shared task), or a
// reference parameter bound to either. An object that holds tasks of several
// coroutines, or anything else, at different times holds none we can name.
void WaitGraph::addTaskNodes() {
  for (const CallEdge &E : P.edges())
    if ((E.Kind == EdgeKind::Awaits || E.Kind == EdgeKind::Calls) &&
        P.function(E.Callee).isCoroutine())
      if (std::optional<unsigned> Direct =
              P.function(E.From.Function).suspensionAwaiting(E.From.Site))
        addTaskWait(E.Callee, {E.From.Function, *Direct});
  // Object -> the coroutines whose tasks it holds.
  std::map<std::string, std::vector<unsigned>> TasksIn =
      storedValues<unsigned>(P, [&](unsigned Fn, const SiteFact &S) {
        return storedCoroutine(Fn, S);
      });
  for (auto It = TasksIn.begin(); It != TasksIn.end();)
    It = llvm::all_equal(It->second) ? std::next(It) : TasksIn.erase(It);
  if (TasksIn.empty())
    return;
  for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
    for (const SiteFact &S : P.function(Fn).fact().Sites) {
      if (S.Kind != SiteKind::Suspend || !S.Operand.isKnown())
        continue;
      for (const ObjectRef &Obj : P.resolve(Fn, S.Operand)) {
        auto It = TasksIn.find(Obj.Key);
        if (It != TasksIn.end())
          addTaskWait(It->second.front(), {Fn, S.Id});
      }
    }
}

/// The coroutine whose task \p Store keeps, when it stores a call to one.
std::optional<unsigned>
WaitGraph::storedCoroutine(unsigned Fn, const SiteFact &Store) const {
  if (Store.OperandCall < 0)
    return std::nullopt;
  std::optional<unsigned> Callee =
      P.find(P.function(Fn).site(Store.OperandCall).CalleeUsr);
  if (!Callee || !P.function(*Callee).isCoroutine())
    return std::nullopt;
  return Callee;
}

Requirements WaitGraph::dominatingWaits(SiteRef At) const {
  Requirements R;
  const Function &F = P.function(At.Function);
  for (const WaitEvent &W : WaitsIn[At.Function])
    if (W.Site != At.Site && F.dominates(W.Site, At.Site))
      R.try_emplace(W.Node, SiteRef{At.Function, W.Site});
  return R;
}

/// The resource nodes of the object a call is made on (a continuation's
/// future, following reference parameters).
std::vector<unsigned> WaitGraph::receiverNodes(SiteRef Call) const {
  std::vector<unsigned> Result;
  const ObjectRef &Receiver = P.site(Call).Receiver;
  if (!Receiver.isKnown())
    return Result;
  for (const ObjectRef &Obj : P.resolve(Call.Function, Receiver)) {
    auto It = NodeOfResource.find(Obj.Key);
    if (It != NodeOfResource.end())
      Result.push_back(It->second);
  }
  return Result;
}

/// What an edge's site requires within its own function: the waits that
/// dominate it, and for a continuation the object it is attached to (it runs
/// only once that is fulfilled). Fixed, so computed once, before the fixpoint.
Requirements WaitGraph::localRequirements(const CallEdge &E) const {
  Requirements R = dominatingWaits(E.From);
  if (E.Kind == EdgeKind::Continuation)
    for (unsigned N : receiverNodes(E.From))
      R.try_emplace(N, E.From);
  return R;
}

Requirements WaitGraph::requirementsAt(SiteRef At) const {
  Requirements R = dominatingWaits(At);
  if (const std::optional<Requirements> &E = Entry[At.Function])
    R.insert(E->begin(), E->end());
  return R;
}

/// The calls of a chained continuation that its chaining makes: the
/// library's wrapper of the callable (a lambda written in code the chaining
/// call reaches: `new (&slot_) function([fn] { fn(v); })`), or the chaining
/// call running it at once when the future is fulfilled already. Either
/// runs it as chained, once what it is chained on completes; taken as calls
/// of their own, with nothing before them, they would empty the meet of its
/// entry. Per edge: whether to leave it out of the meet.
std::vector<bool> WaitGraph::chainingCalls() const {
  std::vector<bool> Skip(P.edges().size(), false);
  std::vector<std::vector<unsigned>> Calls(P.functions().size());
  for (const CallEdge &E : P.edges())
    if (E.Kind == EdgeKind::Calls)
      Calls[E.From.Function].push_back(E.Callee);
  // What each chaining function runs: the functions, and their names, which
  // a lambda's owner is known by.
  struct Reach {
    std::set<unsigned> Functions;
    std::set<std::string> Names;
  };
  std::map<unsigned, Reach> ReachOf;
  auto ReachFrom = [&](unsigned Start) -> const Reach & {
    auto [It, New] = ReachOf.try_emplace(Start);
    Reach &R = It->second;
    if (!New)
      return R;
    std::vector<unsigned> Work{Start};
    R.Functions.insert(Start);
    while (!Work.empty()) {
      unsigned Fn = Work.back();
      Work.pop_back();
      R.Names.insert(P.function(Fn).name().str());
      for (unsigned Callee : Calls[Fn])
        if (R.Functions.insert(Callee).second)
          Work.push_back(Callee);
    }
    return R;
  };
  for (const CallEdge &Chained : P.edges()) {
    if (Chained.Kind != EdgeKind::Continuation)
      continue;
    std::optional<unsigned> Chaining = P.find(P.site(Chained.From).CalleeUsr);
    if (!Chaining)
      continue;
    const Reach &R = ReachFrom(*Chaining);
    for (unsigned I : P.edgesInto(Chained.Callee)) {
      const CallEdge &E = P.edges()[I];
      const FunctionFact &Caller = P.function(E.From.Function).fact();
      if (E.Kind == EdgeKind::Calls &&
          (R.Functions.count(E.From.Function) ||
           (Caller.IsLambda && R.Names.count(Caller.Owner))))
        Skip[I] = true;
    }
  }
  return Skip;
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
  std::vector<bool> Chaining = chainingCalls();
  std::vector<Requirements> Local;
  Local.reserve(P.edges().size());
  for (const CallEdge &E : P.edges())
    Local.push_back(localRequirements(E));
  for (bool Changed = true; Changed;) {
    Changed = false;
    std::vector<std::optional<Requirements>> Next(P.functions().size());
    for (unsigned I = 0; I < P.edges().size(); ++I) {
      const CallEdge &E = P.edges()[I];
      // A caller still unknown constrains nothing yet; nor does a chaining
      // call, which runs the continuation as chained.
      if (!Entry[E.From.Function] || Chaining[I])
        continue;
      Requirements AtEdge = Local[I];
      unionInto(AtEdge, *Entry[E.From.Function]);
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
