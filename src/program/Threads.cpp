//===- Threads.cpp - Threads the program starts, and who joins them -------===//
//
// A thread cannot finish while it waits for itself to finish: code that runs
// on a thread and joins it (or destroys a handle whose destructor joins it)
// never returns from the join, or the library refuses it
// (resource_deadlock_would_occur). Which thread code runs on is known here
// only for the thread's own callable and what it calls on the same object.
//
//===----------------------------------------------------------------------===//

#include "corolint/program/Threads.h"
#include <algorithm>
#include <set>

namespace corolint {
namespace {

/// Assignments whose value is a named object (`jobs_[id] = std::move(f)`):
/// the sites a handle moves along.
std::vector<SiteRef> assignmentsOfObjects(const Program &P) {
  std::vector<SiteRef> Result;
  for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
    for (const SiteFact &S : P.function(Fn).fact().Sites)
      if (S.Kind == SiteKind::Call && storesValue(S) &&
          llvm::any_of(S.Args,
                       [](const ArgFact &A) { return A.Ref.isKnown(); }))
        Result.push_back({Fn, S.Id});
  return Result;
}

class ThreadFinder {
public:
  explicit ThreadFinder(const Program &P)
      : P(P), Assignments(assignmentsOfObjects(P)) {}

  std::optional<StartedThread> threadAt(SiteRef At,
                                        std::vector<unsigned> Runs) const {
    const Function &F = P.function(At.Function);
    const SiteFact &S = F.site(At.Site);
    StartedThread T{At, std::move(Runs), {}, {}};
    if (S.IsConstructor && S.Receiver.isKnown())
      keep(T, At.Function, S.Receiver);
    for (unsigned Store : F.storesOf(At.Site))
      keep(T, At.Function, F.site(Store).Receiver);
    if (T.Holders.empty())
      return std::nullopt;
    followMoves(T);
    return T;
  }

private:
  void keep(StartedThread &T, unsigned Fn, const ObjectRef &Holder) const {
    if (!Holder.isKnown())
      return;
    if (T.HandleType.empty())
      T.HandleType = Holder.Type;
    for (const ObjectRef &Obj : P.resolve(Fn, Holder))
      T.Holders.try_emplace(Obj.Key, Obj);
  }

  /// Adds the objects a holder's handle is assigned to, transitively.
  void followMoves(StartedThread &T) const {
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const SiteRef &At : Assignments) {
        const SiteFact &S = P.site(At);
        if (llvm::none_of(S.Args, [&](const ArgFact &A) {
              return T.Holders.count(A.Ref.Key) != 0;
            }))
          continue;
        size_t Before = T.Holders.size();
        keep(T, At.Function, S.Receiver);
        Changed |= T.Holders.size() != Before;
      }
    }
  }

  const Program &P;
  std::vector<SiteRef> Assignments;
};

/// Whether \p Fn asks which thread runs it (models' `threadIdentity`).
bool asksThread(const Program &P, unsigned Fn) {
  return llvm::any_of(P.function(Fn).fact().Sites, [&](const SiteFact &S) {
    const FunctionModel *M = S.Kind == SiteKind::Call ? P.modelOf(S) : nullptr;
    return M && M->ThreadIdentity;
  });
}

/// The waits for \p T in function \p Fn, with the holder each goes
/// through and whether that holder keeps other handles too.
class WaitFinder {
public:
  WaitFinder(const Program &P, const StartedThread &T, unsigned Fn)
      : P(P), T(T), F(P.function(Fn)), Fn(Fn) {}

  void find(llvm::function_ref<void(unsigned Site, const ObjectRef &Holder,
                                    bool MayBeOther)>
                Found) const {
    const FunctionModel *Start = P.modelOf(P.site(T.Start));
    bool DestroyJoins = Start && !Start->BlockingResult.empty();
    // Elements erased from a holder, and the holders a destroyed handle
    // was taken from: an element moved out first is empty when erased.
    std::vector<std::pair<unsigned, ObjectRef>> Erased;
    std::set<std::string> TakenOut;
    for (const SiteFact &S : F.fact().Sites) {
      const FunctionModel *M =
          S.Kind == SiteKind::Call ? P.modelOf(S) : nullptr;
      if (M && M->Joins)
        if (std::optional<ObjectRef> H = handleIn(S.Receiver))
          Found(S.Id, *H, H->Type != T.HandleType);
      if (M && M->DestroysElements && DestroyJoins)
        if (std::optional<ObjectRef> H = holder(S.Receiver))
          Erased.push_back({S.Id, *H});
      if (S.Kind == SiteKind::ScopeEnd && DestroyJoins)
        if (std::optional<ObjectRef> H = takenFrom(S.Receiver);
            H && !handedOn(S)) {
          TakenOut.insert(H->Key);
          Found(S.Id, *H, H->Type != T.HandleType);
        }
    }
    for (const auto &[Site, H] : Erased)
      if (!TakenOut.count(H.Key))
        Found(Site, H, true);
  }

private:
  /// The holder \p Obj is, if it is one.
  std::optional<ObjectRef> holder(const ObjectRef &Obj) const {
    if (!Obj.isKnown())
      return std::nullopt;
    for (const ObjectRef &R : P.resolve(Fn, Obj))
      if (auto It = T.Holders.find(R.Key); It != T.Holders.end())
        return It->second;
    return std::nullopt;
  }

  /// The holder of \p Obj's handle: itself, or what it was taken from.
  std::optional<ObjectRef> handleIn(const ObjectRef &Obj) const {
    if (std::optional<ObjectRef> H = holder(Obj))
      return H;
    return takenFrom(Obj);
  }

  /// The holder that local \p Local, a handle, was initialized from by a
  /// call on it (`auto mine = std::move(jobs_[id])`).
  std::optional<ObjectRef> takenFrom(const ObjectRef &Local) const {
    if (Local.Type != T.HandleType)
      return std::nullopt;
    for (const SiteFact &S : F.fact().Sites) {
      if (S.Kind != SiteKind::ScopeBegin || S.Receiver.Key != Local.Key ||
          S.OperandCall < 0)
        continue;
      return holder(F.site(S.OperandCall).Receiver);
    }
    return std::nullopt;
  }

  /// Whether the local that \p End destroys is waited on or handed on
  /// before: what is destroyed then has no thread left to wait for.
  bool handedOn(const SiteFact &End) const {
    return llvm::any_of(F.fact().Sites, [&](const SiteFact &S) {
      return S.Kind == SiteKind::Call &&
             (S.Receiver.Key == End.Receiver.Key ||
              llvm::any_of(S.Args, [&](const ArgFact &A) {
                return A.Ref.Key == End.Receiver.Key;
              }));
    });
  }

  const Program &P;
  const StartedThread &T;
  const Function &F;
  unsigned Fn;
};

} // namespace

std::vector<StartedThread> startedThreads(const Program &P) {
  std::map<SiteRef, std::vector<unsigned>> Offloads;
  for (const CallEdge &E : P.edges())
    if (E.Kind == EdgeKind::Offload)
      Offloads[E.From].push_back(E.Callee);
  std::vector<StartedThread> Result;
  if (Offloads.empty())
    return Result;
  ThreadFinder Finder(P);
  for (auto &[At, Runs] : Offloads)
    if (std::optional<StartedThread> T = Finder.threadAt(At, Runs))
      Result.push_back(std::move(*T));
  return Result;
}

std::vector<SelfJoin> selfJoins(const Program &P, uint64_t &Work) {
  std::vector<StartedThread> Threads = startedThreads(P);
  if (Threads.empty())
    return {};
  // Calls on the same object: a member called on `this` (implicitly or
  // not), a free function, a lambda.
  std::vector<std::vector<const CallEdge *>> CallsFrom(P.functions().size());
  for (const CallEdge &E : P.edges())
    if (E.Kind == EdgeKind::Calls && !P.site(E.From).Receiver.isKnown())
      CallsFrom[E.From.Function].push_back(&E);
  std::map<SiteRef, SelfJoin> ByWait;
  for (const StartedThread &T : Threads) {
    // Breadth first from the callables, so each chain is a shortest one;
    // a function that asks which thread it is on stops the search.
    std::map<unsigned, const CallEdge *> ReachedBy;
    auto ChainTo = [&](unsigned Fn) {
      std::vector<CallEdge> Chain;
      for (const CallEdge *E = ReachedBy[Fn]; E;
           E = ReachedBy[E->From.Function])
        Chain.push_back(*E);
      std::reverse(Chain.begin(), Chain.end());
      return Chain;
    };
    std::vector<unsigned> Queue;
    for (unsigned Run : T.Runs)
      if (ReachedBy.try_emplace(Run, nullptr).second)
        Queue.push_back(Run);
    for (size_t I = 0; I < Queue.size(); ++I) {
      unsigned Fn = Queue[I];
      if (asksThread(P, Fn))
        continue;
      WaitFinder(P, T, Fn).find(
          [&](unsigned Site, const ObjectRef &Holder, bool MayBeOther) {
            if (!ByWait.count({Fn, Site}))
              ByWait.emplace(
                  SiteRef{Fn, Site},
                  SelfJoin{T, {Fn, Site}, Holder, MayBeOther, ChainTo(Fn)});
          });
      for (const CallEdge *E : CallsFrom[Fn]) {
        ++Work;
        if (ReachedBy.try_emplace(E->Callee, E).second)
          Queue.push_back(E->Callee);
      }
    }
  }
  std::vector<SelfJoin> Result;
  for (auto &[At, J] : ByWait)
    Result.push_back(std::move(J));
  return Result;
}

} // namespace corolint
