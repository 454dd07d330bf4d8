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

/// The model of call site \p S, if it is a call with one.
const FunctionModel *callModel(const Program &P, const SiteFact &S) {
  return S.Kind == SiteKind::Call ? P.modelOf(S) : nullptr;
}

/// Whether \p Obj, named in function \p Fn, keeps a handle of \p T.
bool holdsHandle(const Program &P, const StartedThread &T, unsigned Fn,
                 const ObjectRef &Obj) {
  return Obj.isKnown() &&
         llvm::any_of(P.resolve(Fn, Obj), [&](const ObjectRef &R) {
           return T.Holders.count(R.Key) != 0;
         });
}

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

/// The class of the handle that \p Store keeps of what a start returns:
/// the local's or the field's, or the class whose assignment operator
/// stores it (`jobs_[id] = std::async(...)` keeps a future).
std::string storedType(const SiteFact &Store) {
  if (Store.Kind == SiteKind::Call)
    return splitMember(Store.CalleeName).first.str();
  return Store.Receiver.Type;
}

class ThreadFinder {
public:
  explicit ThreadFinder(const Program &P)
      : P(P), Assignments(assignmentsOfObjects(P)) {}

  std::optional<StartedThread> threadAt(SiteRef At,
                                        std::vector<unsigned> Runs) const {
    const Function &F = P.function(At.Function);
    const SiteFact &S = F.site(At.Site);
    if (deferred(S))
      return std::nullopt;
    StartedThread T{At, std::move(Runs), {}, {}, {}};
    if (S.IsConstructor) {
      T.HandleType = splitMember(S.CalleeName).first.str();
      keep(T, At.Function, S.Receiver, S);
      keepInTables(T, At);
    }
    for (unsigned Store : F.storesOf(At.Site)) {
      if (T.HandleType.empty())
        T.HandleType = storedType(F.site(Store));
      keep(T, At.Function, F.site(Store).Receiver, F.site(Store));
    }
    if (T.Holders.empty() || T.HandleType.empty())
      return std::nullopt;
    followMoves(T);
    return T;
  }

private:
  /// Whether start \p S runs its callable later on the waiting thread
  /// (`std::launch::deferred`): no thread.
  bool deferred(const SiteFact &S) const {
    const FunctionModel *M = callModel(P, S);
    return M && runsDeferred(*M, S);
  }

  /// `workers_.push_back(std::thread(run))`: a call that keeps its argument
  /// (models' `storesCallable`) keeps the handle made for it in the object
  /// it is called on, a table of handles.
  void keepInTables(StartedThread &T, SiteRef Made) const {
    for (const SiteFact &S : P.function(Made.Function).fact().Sites) {
      const FunctionModel *M = callModel(P, S);
      if (M && !S.OtherObject && llvm::any_of(S.Args, [&](const ArgFact &A) {
            return A.MadeBy == static_cast<int>(Made.Site) &&
                   M->StoresCallable.has(A.Index);
          }))
        keep(T, Made.Function, S.Receiver, /*Table=*/true);
    }
  }

  /// Adds \p Holder, which site \p Store puts a handle in. An assignment
  /// operator of another class than the holder's assigns an element of it
  /// (`jobs_[id] = std::move(f)`): the holder is a table of handles.
  void keep(StartedThread &T, unsigned Fn, const ObjectRef &Holder,
            const SiteFact &Store) const {
    keep(T, Fn, Holder,
         Store.Kind == SiteKind::Call && !Store.IsConstructor &&
             splitMember(Store.CalleeName).first != Holder.Type);
  }

  void keep(StartedThread &T, unsigned Fn, const ObjectRef &Holder,
            bool Table) const {
    if (!Holder.isKnown())
      return;
    for (const ObjectRef &Obj : P.resolve(Fn, Holder)) {
      T.Holders.try_emplace(Obj.Key, Obj);
      if (Table)
        T.Tables.insert(Obj.Key);
    }
  }

  /// Adds the objects a local holder's handle is assigned to
  /// (`jobs_[id] = std::move(running)`), also through a reference
  /// parameter a helper is handed it by, transitively. A field's handle
  /// moved into another field (`previous_ = std::move(current_)`) retires
  /// an older thread, which the new one may wait for.
  void followMoves(StartedThread &T) const {
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const SiteRef &At : Assignments) {
        const SiteFact &S = P.site(At);
        if (llvm::none_of(S.Args, [&](const ArgFact &A) {
              return (A.Ref.K == ObjectRef::Kind::Local ||
                      A.Ref.K == ObjectRef::Kind::Param) &&
                     holdsHandle(P, T, At.Function, A.Ref);
            }))
          continue;
        size_t Before = T.Holders.size();
        keep(T, At.Function, S.Receiver, S);
        Changed |= T.Holders.size() != Before;
      }
    }
  }

  const Program &P;
  std::vector<SiteRef> Assignments;
};

/// Whether a function asks which thread runs it (models'
/// `threadIdentity`), itself or through the functions it calls: code that
/// asks has seen that it may run on the thread it would join.
class ThreadQuestions {
public:
  explicit ThreadQuestions(const Program &P)
      : P(P), Calls(calleesOf(P, /*WithAwaits=*/true)),
        Within(P.functions().size()) {}

  bool asks(unsigned Fn) const {
    return llvm::any_of(P.function(Fn).fact().Sites, [&](const SiteFact &S) {
      const FunctionModel *M = callModel(P, S);
      return M && M->ThreadIdentity;
    });
  }

  bool asksWithin(unsigned Fn) {
    if (!Within[Fn])
      Within[Fn] = anyReached(Calls, Fn,
                              [&](unsigned Reached) { return asks(Reached); });
    return *Within[Fn];
  }

private:
  const Program &P;
  std::vector<std::vector<unsigned>> Calls;
  std::vector<std::optional<bool>> Within;
};

/// The waits for thread \p T in function \p Fn, reached by \p Via (none in
/// the thread's callable).
class WaitFinder {
public:
  WaitFinder(const Program &P, const StartedThread &T, unsigned Fn,
             const CallEdge *Via)
      : P(P), T(T), F(P.function(Fn)), Fn(Fn), Via(Via) {}

  void find(llvm::function_ref<void(unsigned Site, SelfJoin::Kind How,
                                    const ObjectRef &Holder)>
                Found) const {
    const FunctionModel *Start = P.modelOf(P.site(T.Start));
    bool DestroyJoins = Start && !Start->BlockingResult.empty();
    // An element moved out before it is erased is empty when erased: the
    // wait, if any, is where what was moved out goes.
    std::vector<std::pair<unsigned, ObjectRef>> Erased;
    std::set<std::string> TakenOut;
    for (const SiteFact &S : F.fact().Sites) {
      if (S.Kind == SiteKind::ScopeBegin && S.OperandCall >= 0)
        if (std::optional<ObjectRef> H = takenFrom(S))
          TakenOut.insert(H->Key);
      const FunctionModel *M = S.OtherObject ? nullptr : callModel(P, S);
      if (M && M->Joins)
        if (std::optional<ObjectRef> H = handleIn(S.Receiver))
          Found(S.Id, SelfJoin::Kind::Joins, *H);
        else if (std::optional<ObjectRef> Range = holder(S.ReceiverHolder))
          Found(S.Id, SelfJoin::Kind::Joins, *Range);
      if (M && M->DestroysElements && DestroyJoins)
        if (std::optional<ObjectRef> H = holder(S.Receiver);
            H && T.Tables.count(H->Key))
          Erased.push_back({S.Id, *H});
      if (S.Kind == SiteKind::ScopeEnd && DestroyJoins)
        if (std::optional<ObjectRef> H = takenFrom(S.Receiver);
            H && !handedOn(S))
          Found(S.Id, SelfJoin::Kind::DestroysHandle, *H);
    }
    for (const auto &[Site, H] : Erased)
      if (!TakenOut.count(H.Key))
        Found(Site, SelfJoin::Kind::ErasesHandles, H);
  }

private:
  /// The holder \p Obj is, if it is one. A local holder is a new object in
  /// each call (a recursive `std::async` joins a child, not itself); a
  /// parameter is what the call on the way to here passes.
  std::optional<ObjectRef> holder(const ObjectRef &Obj) const {
    if (!Obj.isKnown() || Obj.K == ObjectRef::Kind::Local)
      return std::nullopt;
    for (const ObjectRef &R : bound(Obj))
      if (auto It = T.Holders.find(R.Key);
          It != T.Holders.end() && R.K != ObjectRef::Kind::Local)
        return It->second;
    return std::nullopt;
  }

  std::vector<ObjectRef> bound(const ObjectRef &Obj) const {
    if (Obj.K != ObjectRef::Kind::Param)
      return P.resolve(Fn, Obj);
    if (!Via || Via->Callee != Fn)
      return {};
    // One call up only: what a parameter of the caller is bound to depends
    // on the call further up, which resolve() would not follow alone.
    for (const ArgFact &A : P.site(Via->From).Args)
      if (static_cast<int>(A.Index) == Obj.ParamIndex && A.Ref.isKnown() &&
          !A.OtherObject && A.Ref.K != ObjectRef::Kind::Param)
        return P.resolve(Via->From.Function, A.Ref);
    return {};
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
    for (const SiteFact &S : F.fact().Sites)
      if (S.Kind == SiteKind::ScopeBegin && S.Receiver.Key == Local.Key &&
          S.OperandCall >= 0)
        return takenFrom(S);
    return std::nullopt;
  }

  std::optional<ObjectRef> takenFrom(const SiteFact &Begin) const {
    if (Begin.Receiver.Type != T.HandleType)
      return std::nullopt;
    const SiteFact &Init = F.site(Begin.OperandCall);
    if (Init.OtherObject)
      return std::nullopt;
    return holder(Init.Receiver);
  }

  /// Whether the local that \p End destroys is handed on before (to a
  /// reaper, into another table): what is destroyed then is empty.
  bool handedOn(const SiteFact &End) const {
    return llvm::any_of(F.fact().Sites, [&](const SiteFact &S) {
      return S.Kind == SiteKind::Call &&
             llvm::any_of(S.Args, [&](const ArgFact &A) {
               return A.Ref.Key == End.Receiver.Key;
             });
    });
  }

  const Program &P;
  const StartedThread &T;
  const Function &F;
  unsigned Fn;
  const CallEdge *Via;
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

/// The keys of the loop objects whose every run is a call a thread's
/// callable makes itself.
std::set<std::string> loopsRunOnlyByThreads(const Program &P) {
  std::vector<bool> ThreadBody(P.functions().size(), false);
  for (const CallEdge &E : P.edges())
    if (E.Kind == EdgeKind::Offload)
      ThreadBody[E.Callee] = true;
  std::set<std::string> Loops, RunElsewhere;
  for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
    for (const SiteFact &S : P.function(Fn).fact().Sites) {
      const FunctionModel *M = callModel(P, S);
      if (!M || !M->RunsLoop || !S.Receiver.isKnown())
        continue;
      for (const ObjectRef &Loop : P.resolve(Fn, S.Receiver)) {
        Loops.insert(Loop.Key);
        if (!ThreadBody[Fn])
          RunElsewhere.insert(Loop.Key);
      }
    }
  for (const std::string &Key : RunElsewhere)
    Loops.erase(Key);
  return Loops;
}

std::set<std::string> workQueues(const Program &P) {
  std::set<std::string> Loops = loopsRunOnlyByThreads(P);
  if (Loops.empty())
    return {};
  // A loop handed to a library's constructor has an object made on it (a
  // socket, a timer, a strand), and one handed to a spawn runs a coroutine:
  // it serves I/O, not only jobs. A class of the program's that keeps it
  // (`Archiver a(jobs)`) is seen using it through its reference field.
  for (unsigned Fn = 0; Fn < P.functions().size() && !Loops.empty(); ++Fn)
    for (const SiteFact &S : P.function(Fn).fact().Sites) {
      const FunctionModel *M = callModel(P, S);
      bool Spawns = M && !M->Spawn.empty();
      bool MadeOn = S.IsConstructor && !P.find(S.CalleeUsr);
      if (S.Kind != SiteKind::Call || !(MadeOn || Spawns))
        continue;
      // Given an executor the loop handed out (`tcp::acceptor acc(ex_)`
      // with `ex_ = io.get_executor()`), too: it resolves to the loop.
      for (const ArgFact &A : S.Args)
        if (A.Ref.isKnown())
          for (const ObjectRef &Loop : P.resolve(Fn, A.Ref))
            Loops.erase(Loop.Key);
    }
  return Loops;
}

LoopRunners loopRunners(const Program &P, const ObjectRef &Loop) {
  LoopRunners Result;
  if (Loop.K != ObjectRef::Kind::Local && Loop.K != ObjectRef::Kind::Global)
    return Result;
  for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
    for (const SiteFact &S : P.function(Fn).fact().Sites)
      if (const FunctionModel *M = callModel(P, S);
          M && M->RunsLoop && S.Receiver.Key == Loop.Key)
        Result.Runs.push_back({{Fn, S.Id}});
  if (Result.Runs.empty())
    return Result;
  // Per run, the functions whose calls reach it: one walk up from each
  // run, not one down from each thread start.
  std::vector<std::vector<unsigned>> Callers(P.functions().size());
  for (const CallEdge &E : P.edges())
    if (P.bindsParameters(E) && E.Kind == EdgeKind::Calls)
      Callers[E.Callee].push_back(E.From.Function);
  std::vector<std::set<unsigned>> ReachingRun;
  for (const LoopRunners::Run &Run : Result.Runs) {
    std::set<unsigned> &Reaching = ReachingRun.emplace_back();
    anyReached(Callers, llvm::ArrayRef<unsigned>(Run.At.Function),
               [&](unsigned Fn) {
                 Reaching.insert(Fn);
                 return false;
               });
  }
  std::vector<bool> ReachedByAThread(Result.Runs.size(), false);
  for (const CallEdge &E : P.edges()) {
    if (E.Kind != EdgeKind::Offload)
      continue;
    bool InALoop = P.function(E.From.Function).repeats(E.From.Site);
    bool Runs = false;
    for (size_t I = 0; I < Result.Runs.size(); ++I)
      if (ReachingRun[I].count(E.Callee)) {
        Runs = ReachedByAThread[I] = true;
        Result.Runs[I].StartedInALoop |= InALoop;
      }
    Result.Threads += Runs;
  }
  // A run that no started thread reaches is made on the thread that calls
  // it.
  if (llvm::is_contained(ReachedByAThread, false))
    ++Result.Threads;
  return Result;
}

namespace {

/// The thread among \p Threads that runs the program's event loop, and the
/// call that runs it: the only thread whose callables reach calls that run
/// a loop (models' `runsLoop`), and that reaches every such call of the
/// program. Then the loop's callbacks and coroutines run on that thread.
std::optional<std::pair<size_t, SiteRef>>
loopThread(const Program &P, const std::vector<StartedThread> &Threads) {
  std::vector<SiteRef> LoopRuns;
  for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
    for (const SiteFact &S : P.function(Fn).fact().Sites)
      if (const FunctionModel *M = callModel(P, S); M && M->RunsLoop)
        LoopRuns.push_back({Fn, S.Id});
  if (LoopRuns.empty())
    return std::nullopt;
  std::vector<std::vector<unsigned>> Calls = calleesOf(P, /*WithAwaits=*/false);
  std::optional<std::pair<size_t, SiteRef>> Found;
  for (size_t I = 0; I < Threads.size(); ++I) {
    std::set<unsigned> Reached;
    anyReached(Calls, Threads[I].Runs, [&](unsigned Fn) {
      Reached.insert(Fn);
      return false;
    });
    size_t Runs = llvm::count_if(LoopRuns, [&](const SiteRef &At) {
      return Reached.count(At.Function) != 0;
    });
    if (Runs == 0)
      continue;
    if (Found || Runs != LoopRuns.size())
      return std::nullopt;
    Found = {I, *llvm::find_if(LoopRuns, [&](const SiteRef &At) {
               return Reached.count(At.Function) != 0;
             })};
  }
  return Found;
}

/// Where the event loop starts code of its own: callbacks and spawned
/// coroutines, and coroutines, which it resumes.
std::vector<unsigned> loopEntries(const Program &P) {
  std::vector<unsigned> Entries;
  for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn) {
    bool Handed = llvm::any_of(P.edgesInto(Fn), [&](unsigned E) {
      return handsToLoop(P.edges()[E].Kind);
    });
    if (P.context(Fn).Loop && (Handed || P.function(Fn).isCoroutine()))
      Entries.push_back(Fn);
  }
  return Entries;
}

/// The search for waits on a thread made by code that runs on it.
class SelfJoinSearch {
public:
  explicit SelfJoinSearch(const Program &P)
      : P(P), CallsFrom(P.functions().size()), Questions(P) {
    // Calls of a function's body on the same object: a member called on
    // `this` (implicitly or not), a free function, a lambda, a callable the
    // object keeps in a field (when that callable has no object of its
    // own, or the same class's); and a member called on a parameter the
    // caller was given the object as (givenOwnObject). A callable handed to
    // code the analysis cannot see may run on any thread.
    for (const CallEdge &E : P.edges()) {
      const SiteFact &S = P.site(E.From);
      if (!P.bindsParameters(E) || E.Kind != EdgeKind::Calls || S.OtherObject)
        continue;
      if (!S.Receiver.isKnown() || runsKeptCallable(E))
        CallsFrom[E.From.Function].push_back(&E);
      else if (P.function(E.From.Function).ownsParameter(S.Receiver))
        CallsOnParam[E.From.Function].push_back(
            {&E, static_cast<unsigned>(S.Receiver.ParamIndex)});
    }
  }

  /// Searches for waits on \p T from \p Seeds, code that runs on it:
  /// breadth first, so each chain is a shortest one. A function that asks
  /// which thread it is on stops the search. \p Loop, when set, is the
  /// call that runs the event loop on \p T, whose code \p Seeds are.
  void search(const StartedThread &T, llvm::ArrayRef<unsigned> Seeds,
              std::optional<SiteRef> Loop, uint64_t &Work) {
    std::map<unsigned, const CallEdge *> ReachedBy;
    std::vector<unsigned> Queue;
    for (unsigned Seed : Seeds)
      if (ReachedBy.try_emplace(Seed, nullptr).second)
        Queue.push_back(Seed);
    for (size_t I = 0; I < Queue.size(); ++I) {
      unsigned Fn = Queue[I];
      if (Questions.asks(Fn))
        continue;
      auto Add = [&](unsigned Site, SelfJoin::Kind How,
                     const ObjectRef &Holder) {
        if (Questions.asksWithin(Fn))
          return;
        SelfJoin J{T,
                   {Fn, Site},
                   How,
                   Holder,
                   Loop || How == SelfJoin::Kind::ErasesHandles ||
                       T.Tables.count(Holder.Key) != 0,
                   chainTo(ReachedBy, Fn),
                   Loop};
        auto [It, New] = ByWait.try_emplace(J.Wait, J);
        // A thread whose own single handle it is makes it certain.
        if (!New && It->second.MayBeOther && !J.MayBeOther)
          It->second = std::move(J);
      };
      WaitFinder(P, T, Fn, ReachedBy[Fn]).find(Add);
      auto Follow = [&](const CallEdge *E) {
        ++Work;
        if (!releasedBefore(T, E->From) &&
            ReachedBy.try_emplace(E->Callee, E).second)
          Queue.push_back(E->Callee);
      };
      for (const CallEdge *E : CallsFrom[Fn])
        Follow(E);
      for (auto [E, Param] : CallsOnParam[Fn])
        if (givenOwnObject(ReachedBy[Fn], Param))
          Follow(E);
    }
  }

  std::vector<SelfJoin> result() {
    std::vector<SelfJoin> Result;
    for (auto &[At, J] : ByWait)
      Result.push_back(std::move(J));
    return Result;
  }

private:
  /// `on_error_(*this, e)` running `fail_fast`: a callable kept in a field
  /// of the caller's object that has no object of its own, or one of the
  /// caller's class (a lambda capturing `this`, written in a member).
  bool runsKeptCallable(const CallEdge &E) const {
    const SiteFact &S = P.site(E.From);
    if (!P.invokesHeldCallable(E) || S.Receiver.K != ObjectRef::Kind::Field)
      return false;
    const std::string &Callee = P.function(E.Callee).fact().ObjectClass;
    return Callee.empty() ||
           Callee == P.function(E.From.Function).fact().ObjectClass;
  }

  /// Whether the call \p By passes its caller's own object as parameter
  /// \p Param: then a member called on that parameter is called on the
  /// same object.
  bool givenOwnObject(const CallEdge *By, unsigned Param) const {
    return By && llvm::any_of(P.site(By->From).Args, [&](const ArgFact &A) {
             return A.Index == Param && A.OwnObject;
           });
  }

  /// Whether code before \p At on every path lets go of \p T's handle:
  /// detaches a holder (models' `releases`), or moves it out into a local
  /// (`std::thread self = std::move(thread_)`). What \p At calls then joins
  /// nothing through it.
  bool releasedBefore(const StartedThread &T, SiteRef At) const {
    const Function &F = P.function(At.Function);
    auto Holds = [&](const ObjectRef &Obj) {
      return holdsHandle(P, T, At.Function, Obj);
    };
    return llvm::any_of(F.fact().Sites, [&](const SiteFact &S) {
      const FunctionModel *M = callModel(P, S);
      bool Releases =
          (M && M->Releases && !S.OtherObject && Holds(S.Receiver)) ||
          (S.Kind == SiteKind::ScopeBegin && S.Receiver.Type == T.HandleType &&
           llvm::any_of(S.Args, [&](const ArgFact &A) {
             return !A.OtherObject && Holds(A.Ref);
           }));
      return Releases && S.Id != At.Site && F.dominates(S.Id, At.Site);
    });
  }

  static std::vector<CallEdge>
  chainTo(std::map<unsigned, const CallEdge *> &ReachedBy, unsigned Fn) {
    std::vector<CallEdge> Chain;
    for (const CallEdge *E = ReachedBy[Fn]; E; E = ReachedBy[E->From.Function])
      Chain.push_back(*E);
    std::reverse(Chain.begin(), Chain.end());
    return Chain;
  }

  const Program &P;
  std::vector<std::vector<const CallEdge *>> CallsFrom;
  /// Member calls on a parameter of the calling function, with its index.
  std::map<unsigned, std::vector<std::pair<const CallEdge *, unsigned>>>
      CallsOnParam;
  ThreadQuestions Questions;
  std::map<SiteRef, SelfJoin> ByWait;
};

} // namespace

std::vector<SelfJoin> selfJoins(const Program &P, uint64_t &Work) {
  std::vector<StartedThread> Threads = startedThreads(P);
  if (Threads.empty())
    return {};
  SelfJoinSearch Search(P);
  for (const StartedThread &T : Threads)
    Search.search(T, T.Runs, std::nullopt, Work);
  if (auto Loop = loopThread(P, Threads))
    Search.search(Threads[Loop->first], loopEntries(P), Loop->second, Work);
  return Search.result();
}

namespace {

/// The guards made on loops (models' `keepsLoopBusy`), by loop key: the
/// object a call's result initializes, or a constructor builds.
struct LoopGuard {
  SiteRef Made;
  ObjectRef Guard;
};

/// The objects the loop argument \p A of the call at \p At names: the
/// object passed, or the one whose member made it (`io.get_executor()`).
std::vector<ObjectRef> loopsNamedBy(const Program &P, SiteRef At,
                                    const ArgFact &A) {
  if (A.Ref.isKnown())
    return P.resolve(At.Function, A.Ref);
  const Function &F = P.function(At.Function);
  if (A.MadeBy < 0 || static_cast<size_t>(A.MadeBy) >= F.fact().Sites.size())
    return {};
  const SiteFact &Maker = F.site(A.MadeBy);
  if (!Maker.Receiver.isKnown() || Maker.OtherObject)
    return {};
  return P.resolve(At.Function, Maker.Receiver);
}

std::map<std::string, std::vector<LoopGuard>> loopGuards(const Program &P) {
  std::map<std::string, std::vector<LoopGuard>> Guards;
  for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
    for (const SiteFact &S : P.function(Fn).fact().Sites) {
      const FunctionModel *M = callModel(P, S);
      if (!M || M->KeepsLoopBusy < 0)
        continue;
      const ObjectRef &Guard = S.StoredIn.isKnown() ? S.StoredIn : S.Receiver;
      if (!Guard.isKnown() || Guard.Alias)
        continue;
      for (const ArgFact &A : S.Args)
        if (static_cast<int>(A.Index) == M->KeepsLoopBusy)
          for (const ObjectRef &Loop : loopsNamedBy(P, {Fn, S.Id}, A))
            Guards[Loop.Key].push_back({{Fn, S.Id}, Guard});
    }
  return Guards;
}

/// Whether \p S lets go of the guard \p Key: a call on it that may change
/// it (`reset()`, an assignment), or one it is handed to.
bool letsGoOf(const SiteFact &S, llvm::StringRef Key) {
  if (S.Kind == SiteKind::Call && S.Receiver.Key == Key &&
      (S.Mutates || S.IsConstructor))
    return true;
  if (S.Kind == SiteKind::ScopeEnd && S.Receiver.Key == Key)
    return true;
  return llvm::any_of(S.Args,
                      [&](const ArgFact &A) { return A.Ref.Key == Key; });
}

/// Whether some `stopsLoop` call may stop a loop other than those of \p
/// Named: one on an object that does not resolve to one of them (a
/// pointer, a parameter no caller binds, an expression) may stop any.
/// Those that do resolve go in \p Stopped.
bool stopsUnnamedLoop(const Program &P, const std::set<std::string> &Named,
                      std::set<std::string> &Stopped) {
  for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
    for (const SiteFact &S : P.function(Fn).fact().Sites) {
      const FunctionModel *M = callModel(P, S);
      if (!M || !M->StopsLoop)
        continue;
      if (!S.Receiver.isKnown() || S.OtherObject)
        return true;
      for (const ObjectRef &L : P.resolve(Fn, S.Receiver)) {
        if (!Named.count(L.Key))
          return true;
        Stopped.insert(L.Key);
      }
    }
  return false;
}

/// The calls that run a loop until it runs out of work, reached from \p
/// T's callables through calls and awaits: `runsLoop` with no bound, made
/// once (not `while (...) io.run_one()`).
std::vector<SiteRef>
runsUntilIdle(const Program &P, const StartedThread &T,
              const std::vector<std::vector<unsigned>> &Callees,
              uint64_t &Work) {
  std::vector<SiteRef> Runs;
  anyReached(Callees, T.Runs, [&](unsigned Fn) {
    const Function &F = P.function(Fn);
    for (const SiteFact &S : F.fact().Sites) {
      ++Work;
      const FunctionModel *M = callModel(P, S);
      if (M && M->RunsLoop && S.Receiver.isKnown() && !P.passesTimeout(S) &&
          !F.repeats(S.Id))
        Runs.push_back({Fn, S.Id});
    }
    return false;
  });
  return Runs;
}

/// Whether the guard is still alive at \p Join: one that nothing lets go
/// of anywhere (a lambda that resets a local guard it captured lets go of
/// it), and a field of the object whose member joins (the object, and its
/// guard, outlive the join), or a local made in the join's function on
/// every path to it and not let go of on some path from there to it.
bool guardAliveAt(const Program &P, const LoopGuard &G, SiteRef Join,
                  const std::set<std::string> &LetGo) {
  if (LetGo.count(G.Guard.Key))
    return false;
  if (G.Guard.K == ObjectRef::Kind::Field)
    return P.function(Join.Function).fact().ObjectClass ==
           splitMember(G.Guard.Name).first;
  if (G.Guard.K == ObjectRef::Kind::Global)
    return true;
  if (G.Made.Function != Join.Function)
    return false;
  const Function &F = P.function(Join.Function);
  return F.dominates(G.Made.Site, Join.Site) &&
         F.reaches(G.Made.Site, Join.Site,
                   [&](const SiteFact &S) { return letsGoOf(S, G.Guard.Key); });
}

} // namespace

std::vector<BusyLoopJoin> joinsOfBusyLoops(const Program &P, uint64_t &Work) {
  std::vector<BusyLoopJoin> Result;
  std::map<std::string, std::vector<LoopGuard>> Guards = loopGuards(P);
  if (Guards.empty())
    return Result;
  std::vector<std::vector<unsigned>> Callees(P.functions().size());
  for (const CallEdge &E : P.edges())
    if (E.Kind == EdgeKind::Calls || E.Kind == EdgeKind::Awaits)
      Callees[E.From.Function].push_back(E.Callee);
  std::vector<std::pair<StartedThread, std::vector<SiteRef>>> Runners;
  std::set<std::string> RunLoops;
  for (StartedThread &T : startedThreads(P)) {
    std::vector<SiteRef> Runs = runsUntilIdle(P, T, Callees, Work);
    for (const SiteRef &Run : Runs)
      for (const ObjectRef &Loop :
           P.resolve(Run.Function, P.site(Run).Receiver))
        RunLoops.insert(Loop.Key);
    if (!Runs.empty())
      Runners.push_back({std::move(T), std::move(Runs)});
  }
  std::set<std::string> Stopped;
  if (Runners.empty() || stopsUnnamedLoop(P, RunLoops, Stopped))
    return Result;
  std::set<std::string> LetGo;
  for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
    for (const SiteFact &S : P.function(Fn).fact().Sites)
      for (const auto &[Loop, Made] : Guards)
        for (const LoopGuard &G : Made)
          if (!(SiteRef{Fn, S.Id} == G.Made) && letsGoOf(S, G.Guard.Key))
            LetGo.insert(G.Guard.Key);
  for (const auto &[T, Runs] : Runners)
    for (const SiteRef &Run : Runs)
      for (const ObjectRef &Loop :
           P.resolve(Run.Function, P.site(Run).Receiver)) {
        auto Kept = Guards.find(Loop.Key);
        if (Kept == Guards.end() || Stopped.count(Loop.Key))
          continue;
        for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
          for (const SiteFact &S : P.function(Fn).fact().Sites) {
            const FunctionModel *M = S.OtherObject ? nullptr : callModel(P, S);
            if (!M || !M->Joins || !holdsHandle(P, T, Fn, S.Receiver))
              continue;
            for (const LoopGuard &G : Kept->second)
              if (guardAliveAt(P, G, {Fn, S.Id}, LetGo)) {
                Result.push_back({T, {Fn, S.Id}, Run, Loop, G.Made, G.Guard});
                break;
              }
          }
      }
  return Result;
}

static bool handedToAny(const Program &P, SiteRef At,
                        const std::set<std::string> &Keys) {
  return llvm::any_of(P.handedTo(At), [&](const ObjectRef &O) {
    return Keys.count(O.Key) != 0;
  });
}

namespace {

/// Finds, for one join after a stop, a task of the joined object that waits
/// for a handler it posts to the stopped loop.
class StoppedLoopJoinFinder {
public:
  StoppedLoopJoinFinder(const Program &P, uint64_t &Work)
      : P(P), Work(Work), Callees(calleesOf(P, /*WithAwaits=*/true)),
        Threads(startedThreads(P)) {}

  std::optional<StoppedLoopJoin> find(SiteRef Stop, const ObjectRef &Loop,
                                      SiteRef Join,
                                      const ObjectRef &Joined) const {
    // The tasks of a pool (`post(pool_, task)`), or what the threads whose
    // handles the joined object keeps run.
    std::vector<unsigned> Tasks;
    for (const CallEdge &E : P.edges())
      if (E.Kind == EdgeKind::Offload && handedToAny(P, E.From, {Joined.Key}))
        Tasks.push_back(E.Callee);
    for (const StartedThread &T : Threads)
      if (T.Holders.count(Joined.Key))
        llvm::append_range(Tasks, T.Runs);
    if (Tasks.empty() || tasksEndBefore(Stop, Joined, Tasks))
      return std::nullopt;
    std::optional<StoppedLoopJoin> Found;
    anyReached(Callees, Tasks, [&](unsigned Fn) {
      for (const SiteFact &W : P.function(Fn).fact().Sites) {
        ++Work;
        if (std::optional<std::pair<SiteRef, SiteRef>> PostAndSignal =
                signalledOnlyFromLoop({Fn, W.Id}, Loop.Key, Tasks)) {
          Found = {Stop,
                   Loop,
                   Join,
                   Joined,
                   {Fn, W.Id},
                   PostAndSignal->first,
                   PostAndSignal->second};
          return true;
        }
      }
      return false;
    });
    return Found;
  }

private:
  /// Whether the stopping function waits, before \p Stop, for what the
  /// tasks signal (a latch each counts down at its end) or joins them.
  bool tasksEndBefore(SiteRef Stop, const ObjectRef &Joined,
                      const std::vector<unsigned> &Tasks) const {
    std::set<unsigned> Reached;
    anyReached(Callees, Tasks, [&](unsigned Fn) {
      Reached.insert(Fn);
      return false;
    });
    std::set<unsigned> WaitedBefore;
    const Function &F = P.function(Stop.Function);
    for (const SiteFact &S : F.fact().Sites) {
      ++Work;
      if (S.Id == Stop.Site ||
          !F.reaches(S.Id, Stop.Site, [](const SiteFact &) { return false; }))
        continue;
      const FunctionModel *M = callModel(P, S);
      if (M && M->Joins && S.Receiver.isKnown() &&
          llvm::any_of(P.resolve(Stop.Function, S.Receiver),
                       [&](const ObjectRef &O) { return O.Key == Joined.Key; }))
        return true;
      WaitedBefore.insert(S.Id);
    }
    for (const Resource &R : P.resources())
      if (llvm::any_of(R.Waits,
                       [&](const SiteRef &W) {
                         return W.Function == Stop.Function &&
                                WaitedBefore.count(W.Site);
                       }) &&
          llvm::any_of(R.Signals, [&](const SiteRef &Sig) {
            return Reached.count(Sig.Function) != 0;
          }))
        return true;
    return false;
  }

  /// When \p Wait is an untimed wait on a resource whose every signal is
  /// made by a handler handed to loop \p Loop, and such a hand-off is made
  /// by code the tasks run: that hand-off and a signal.
  std::optional<std::pair<SiteRef, SiteRef>>
  signalledOnlyFromLoop(SiteRef Wait, const std::string &Loop,
                        const std::vector<unsigned> &Tasks) const {
    if (P.passesTimeout(P.site(Wait)))
      return std::nullopt;
    for (const Resource &R : P.resources()) {
      if (!llvm::is_contained(R.Waits, Wait) || R.Signals.empty())
        continue;
      // `if (f.wait_for(2s) == ready) f.get();`: a timed wait on it in the
      // same function may be what lets this one through.
      if (llvm::any_of(R.Waits, [&](const SiteRef &Other) {
            return Other.Function == Wait.Function &&
                   P.passesTimeout(P.site(Other));
          }))
        return std::nullopt;
      std::optional<SiteRef> Post;
      for (const SiteRef &Signal : R.Signals) {
        std::optional<SiteRef> By = postedTo(Signal.Function, Loop, Tasks);
        if (!By)
          return std::nullopt;
        Post = Post ? Post : By;
      }
      return std::make_pair(*Post, R.Signals.front());
    }
    return std::nullopt;
  }

  /// A hand-off of \p Fn to loop \p Loop, made by code the tasks reach,
  /// when every way into \p Fn is one to that loop.
  std::optional<SiteRef> postedTo(unsigned Fn, const std::string &Loop,
                                  const std::vector<unsigned> &Tasks) const {
    llvm::ArrayRef<unsigned> Into = P.edgesInto(Fn);
    if (Into.empty())
      return std::nullopt;
    std::optional<SiteRef> Post;
    for (unsigned Index : Into) {
      const CallEdge &E = P.edges()[Index];
      // A loop that only threads run and that is only handed jobs is a
      // work queue, whose handlers are offloaded: the same hand-off.
      if ((E.Kind != EdgeKind::LoopCallback && E.Kind != EdgeKind::Offload) ||
          !handedToAny(P, E.From, {Loop}))
        return std::nullopt;
      if (!Post && anyReached(Callees, Tasks,
                              [&](unsigned F) { return F == E.From.Function; }))
        Post = E.From;
    }
    return Post;
  }

  const Program &P;
  uint64_t &Work;
  std::vector<std::vector<unsigned>> Callees;
  std::vector<StartedThread> Threads;
};

} // namespace

/// The one object \p Ref names in \p Fn: a parameter that callers bind to
/// several objects names none (each call pairs its own).
static std::optional<ObjectRef> oneObject(const Program &P, unsigned Fn,
                                          const ObjectRef &Ref) {
  std::vector<ObjectRef> Objects = P.resolve(Fn, Ref);
  if (Objects.size() != 1)
    return std::nullopt;
  return std::move(Objects.front());
}

std::vector<StoppedLoopJoin> joinsAfterLoopStops(const Program &P,
                                                 uint64_t &Work) {
  std::vector<StoppedLoopJoin> Result;
  std::optional<StoppedLoopJoinFinder> Finder;
  for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn) {
    const Function &F = P.function(Fn);
    for (const SiteFact &Stop : F.fact().Sites) {
      const FunctionModel *M = callModel(P, Stop);
      // A stop that goes round a loop stops one object per turn (`for
      // (auto &s : shards_) { s->pool.join(); s->io.stop(); }`), which
      // its key does not tell apart.
      std::optional<ObjectRef> Loop =
          M && M->StopsLoop && Stop.Receiver.isKnown() && !F.repeats(Stop.Id)
              ? oneObject(P, Fn, Stop.Receiver)
              : std::nullopt;
      if (!Loop)
        continue;
      // Any other call on the loop after the stop (`restart()`, `run()`)
      // may serve what is queued again.
      auto Uses = [&](const SiteFact &S) {
        return S.Id != Stop.Id && S.Receiver.isKnown() &&
               llvm::any_of(P.resolve(Fn, S.Receiver), [&](const ObjectRef &O) {
                 return O.Key == Loop->Key;
               });
      };
      for (const SiteFact &Join : F.fact().Sites) {
        const FunctionModel *J = callModel(P, Join);
        if (!J || !J->Joins || !Join.Receiver.isKnown() ||
            !F.reaches(Stop.Id, Join.Id, Uses))
          continue;
        // `for (auto &t : workers_) t.join()` joins what `workers_` holds.
        std::optional<ObjectRef> Joined =
            oneObject(P, Fn,
                      Join.ReceiverHolder.isKnown() ? Join.ReceiverHolder
                                                    : Join.Receiver);
        if (!Joined)
          continue;
        if (!Finder)
          Finder.emplace(P, Work);
        if (std::optional<StoppedLoopJoin> Found =
                Finder->find({Fn, Stop.Id}, *Loop, {Fn, Join.Id}, *Joined))
          Result.push_back(std::move(*Found));
      }
    }
  }
  return Result;
}

std::vector<std::vector<unsigned>> calleesOf(const Program &P,
                                             bool WithAwaits) {
  std::vector<std::vector<unsigned>> Callees(P.functions().size());
  for (const CallEdge &E : P.edges())
    if (P.bindsParameters(E) && (WithAwaits || E.Kind == EdgeKind::Calls))
      Callees[E.From.Function].push_back(E.Callee);
  return Callees;
}

std::set<unsigned> startsReaching(const Program &P, unsigned F,
                                  uint64_t &Work) {
  std::set<unsigned> Starts;
  std::set<unsigned> Seen{F};
  std::vector<unsigned> Pending{F};
  while (!Pending.empty()) {
    unsigned At = Pending.back();
    Pending.pop_back();
    for (unsigned Index : P.edgesInto(At)) {
      ++Work;
      const CallEdge &E = P.edges()[Index];
      if (E.Kind == EdgeKind::Offload)
        Starts.insert(Index);
      else if ((E.Kind == EdgeKind::Calls || E.Kind == EdgeKind::Awaits) &&
               Seen.insert(E.From.Function).second)
        Pending.push_back(E.From.Function);
    }
  }
  return Starts;
}

/// Whether the thread a start call makes ends before the statement does:
/// its handle, which waits for it when destroyed (models'
/// `blockingResult`), is dropped at once (`std::async(f);`).
static bool endsAtOnce(const Program &P, const SiteFact &Start) {
  const FunctionModel *M = P.modelOf(Start);
  return M && !M->BlockingResult.empty() && !Start.StoredIn.isKnown() &&
         !Start.Returned;
}

bool runAtOnce(const Program &P, SiteRef A, SiteRef B) {
  const Function &F = P.function(A.Function);
  if (A == B)
    return F.repeats(A.Site);
  if (A.Function != B.Function)
    return true;
  auto Joins = [&](const SiteFact &S) {
    const FunctionModel *M = S.Kind == SiteKind::Call ? P.modelOf(S) : nullptr;
    return M && M->Joins;
  };
  auto Overlaps = [&](SiteRef First, SiteRef Second) {
    return !endsAtOnce(P, P.site(First)) &&
           F.reaches(First.Site, Second.Site, Joins);
  };
  return Overlaps(A, B) || Overlaps(B, A);
}

} // namespace corolint
