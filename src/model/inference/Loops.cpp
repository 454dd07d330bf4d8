//===- Loops.cpp - Loops and pools: callables queued, then drained --------===//
//
// A member that keeps a callable in a queue that another member takes
// out and calls in a loop hands work to a loop, or to a pool when the
// class drains the queue on threads of its own. Whether code goes round
// a loop at all (its CFG has a cycle) is asked by the event and
// scheduler rules too.
//
//===----------------------------------------------------------------------===//

#include "Inferrer.h"
#include <map>

namespace corolint::inference {

/// A member that keeps a callable it is handed in a field of its class,
/// which another member takes out and calls, registers work: the loop runs
/// it later (`post(f)`; with a duration, a timer: `add_timer(d, f)`).
void Inferrer::inferLoops() {
  for (const auto &[Usr, F] : Index.functions()) {
    // A model names the function, or its class, or the library it is in.
    if (F->IsLambda || Known.function(F->Name) ||
        Known.type(classOf(F->Name)) || Known.isLibraryCode(F->Name))
      continue;
    for (const FieldStoreFact &S : F->Stores)
      if (S.Kind == StoredKind::Callable && S.Param >= 0 &&
          classOf(S.Field) == classOf(F->Name)) {
        inferRegistration(*F, S);
        break;
      }
  }
  inferForwardedRegistrations();
  inferTimerSleeps();
}

/// A sleep built on a loop's timer: an awaiter whose `await_suspend` hands
/// a callable that resumes the waiter to a registration that runs it after
/// a duration (`loop->call_later(delay, [h] { h.resume(); })`) resumes the
/// coroutine once the duration passes. What takes a duration, and nothing
/// awaitable, and returns that awaiter (`after(10ms)`; not
/// `with_deadline(loop, op, 300ms)`, whose timer races the operation) is a
/// delay: awaited in a loop that tests a flag, it polls.
void Inferrer::inferTimerSleeps() {
  std::map<std::string, Registration> Inferred = inferredRegistrations();
  auto ResumesAfterADuration = [&](const SiteFact &S) {
    const FunctionModel *M = functionModelOf(Known, S);
    auto It = Inferred.find(S.CalleeName);
    auto Timer = [&](unsigned Index) {
      return (M && M->Delay && M->LoopCallback.has(Index)) ||
             (It != Inferred.end() && It->second.Delay &&
              It->second.Key == llvm::StringRef("loopCallback") &&
              It->second.Param == Index);
    };
    return S.Kind == SiteKind::Call &&
           llvm::any_of(S.Args, [&](const ArgFact &A) {
             auto Handed = Index.functions().find(A.CallableUsr);
             return Handed != Index.functions().end() &&
                    Handed->second->ResumesHandle && Timer(A.Index);
           });
  };
  std::map<std::string, std::string> Sleeps; // Awaiter -> evidence.
  for (const auto &[Usr, F] : Index.functions()) {
    if (F->IsLambda || memberOf(F->Name) != "await_suspend")
      continue;
    for (const FunctionFact *G : Index.reach(*F, /*Handed=*/false))
      for (const SiteFact &S : G->Sites)
        if (ResumesAfterADuration(S))
          Sleeps.try_emplace(classOf(F->Name).str(),
                             where(S.Loc) + ": '" + F->Name + "' hands '" +
                                 S.CalleeName +
                                 "' a callable that resumes the waiter, "
                                 "run once a duration passes");
  }
  for (const auto &[Usr, F] : Index.functions()) {
    auto Sleep = Sleeps.find(F->ReturnType);
    if (Sleep == Sleeps.end() || F->IsLambda || F->IsCoroutine ||
        Known.function(F->Name) || Known.isLibraryCode(F->Name) ||
        InferredFunctions.count(F->Name) || !takesOnlyADuration(*F))
      continue;
    InferredFunctions.insert(F->Name);
    Out.Functions.push_back(
        {F->Name,
         ordered_json({{"name", F->Name}, {"delay", true}}).dump(),
         {Sleep->second, where(F->Loc) + ": '" + F->Name +
                             "' takes a duration and returns the awaiter '" +
                             Sleep->first + "'"}});
  }
}

/// The registrations inferred so far (`loopCallback`, `offload`), by name.
std::map<std::string, Inferrer::Registration>
Inferrer::inferredRegistrations() const {
  std::map<std::string, Registration> ByName;
  for (const InferredEntry &E : Out.Functions) {
    ordered_json J = ordered_json::parse(E.ModelJson);
    for (const char *Key : {"loopCallback", "offload", "continuation"})
      if (J.contains(Key))
        ByName[E.Name] = {Key, J[Key].get<unsigned>(), J.value("delay", false)};
  }
  return ByName;
}

/// A function that hands its own callable parameter on to a registration
/// inferred here (`call_later(d, fn) { return add_timer(d, zero,
/// std::move(fn)); }`) registers it as that registration does: the callable
/// a program hands it runs on the same loop or pool, or after the same
/// future (`directlyStart(cb, ex)` handing `cb` to `start`). Wrappers of
/// wrappers too, to a fixpoint.
void Inferrer::inferForwardedRegistrations() {
  std::map<std::string, Registration> ByName = inferredRegistrations();
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const auto &[Usr, F] : Index.functions()) {
      if (F->IsLambda || InferredFunctions.count(F->Name) ||
          Known.function(F->Name) || Known.isLibraryCode(F->Name))
        continue;
      for (const SiteFact &S : F->Sites) {
        auto It = ByName.find(S.CalleeName);
        if (S.Kind != SiteKind::Call || It == ByName.end())
          continue;
        // A continuation waits on the object it is chained on: handed on
        // to another object's, it waits on that one, not on this.
        bool Continuation = It->second.Key == llvm::StringRef("continuation");
        if (Continuation && S.Receiver.isKnown())
          continue;
        auto Handed = llvm::find_if(S.Args, [&](const ArgFact &A) {
          return A.Index == It->second.Param &&
                 A.Ref.K == ObjectRef::Kind::Param && A.Ref.ParamIndex >= 0;
        });
        if (Handed == S.Args.end())
          continue;
        Registration R = It->second;
        R.Param = static_cast<unsigned>(Handed->Ref.ParamIndex);
        ordered_json J = {{"name", F->Name}, {R.Key, R.Param}};
        if (R.Delay)
          J["delay"] = true;
        InferredFunctions.insert(F->Name);
        Out.Functions.push_back(
            {F->Name,
             J.dump(),
             {where(S.Loc) + ": '" + F->Name + "' hands its argument " +
              std::to_string(R.Param) + " to '" + S.CalleeName + "', which " +
              (Continuation ? "chains" : "registers") + " it"}});
        ByName[F->Name] = R;
        Changed = true;
        break;
      }
    }
  }
}

/// The code of \p Class (its members, and the lambdas written in them) but
/// \p Target itself that calls \p Target or hands it on as a callable.
std::vector<Inferrer::ClassUse>
Inferrer::classUsesOf(llvm::StringRef Class, const FunctionFact &Target) const {
  std::vector<ClassUse> Uses;
  for (const auto &[Usr, F] : Index.functions()) {
    llvm::StringRef Home = F->IsLambda ? llvm::StringRef(F->Owner) : F->Name;
    if (F == &Target || classOf(Home) != Class)
      continue;
    for (const SiteFact &S : F->Sites) {
      bool Handed = llvm::any_of(S.Args, [&](const ArgFact &A) {
        return A.CallableUsr == Target.Usr;
      });
      if (Handed || S.CalleeUsr == Target.Usr)
        Uses.push_back({F, Handed});
    }
  }
  return Uses;
}

/// The class calls \p Drainer itself, from its own code (a worker thread's
/// body that its constructor starts): its queue runs on threads of its own,
/// as a pool's does, not on a loop that its user runs.
bool Inferrer::drivenByItsClass(llvm::StringRef Class,
                                const FunctionFact &Drainer) const {
  return !classUsesOf(Class, Drainer).empty();
}

/// The class runs \p Drainer on threads of its own: code of the class hands
/// it (or a member that calls it) to a thread as a callable, or a lambda of
/// the class (a thread's body) calls it. A public `run()` that calls it
/// runs it on whatever thread calls `run()`: a loop its user runs.
bool Inferrer::onThreadsOfItsClass(llvm::StringRef Class,
                                   const FunctionFact &Drainer,
                                   std::set<const FunctionFact *> &Seen) const {
  if (!Seen.insert(&Drainer).second)
    return false;
  return llvm::any_of(classUsesOf(Class, Drainer), [&](const ClassUse &U) {
    return U.Handed || U.By->IsLambda ||
           onThreadsOfItsClass(Class, *U.By, Seen);
  });
}

/// A loop drains its queue in a loop: \p Drainer, or a function that
/// calls it (a thread body's `while (running_) run_one();`), goes round.
/// What calls a kept callable once is a callable wrapper's `operator()` or
/// a future's continuation, not a loop.
bool Inferrer::drainsInALoop(const FunctionFact &Drainer) const {
  if (hasCycle(Drainer))
    return true;
  llvm::StringRef Class = classOf(Drainer.Name);
  return llvm::any_of(Index.functions(), [&](const auto &Entry) {
    const FunctionFact &F = *Entry.second;
    llvm::StringRef Home = F.IsLambda ? llvm::StringRef(F.Owner) : F.Name;
    return classOf(Home) == Class && hasCycle(F) &&
           llvm::any_of(F.Sites, [&](const SiteFact &S) {
             return S.CalleeUsr == Drainer.Usr;
           });
  });
}

/// \p Body, or a function it calls, goes round a loop: a thread's body
/// (`[this] { executor(); }`), not a callback run once when work is done.
bool Inferrer::runsALoop(const FunctionFact &Body) const {
  if (hasCycle(Body))
    return true;
  return llvm::any_of(Body.Sites, [&](const SiteFact &S) {
    auto It = Index.functions().find(S.CalleeUsr);
    return It != Index.functions().end() && hasCycle(*It->second);
  });
}

/// \p F's CFG has a cycle: a loop statement (or a goto back).
bool Inferrer::hasCycle(const FunctionFact &F) {
  enum { New, Open, Done };
  std::vector<int> State(F.Cfg.size(), New);
  std::vector<std::pair<unsigned, size_t>> Stack;
  if (F.CfgEntry < F.Cfg.size()) {
    Stack.push_back({F.CfgEntry, 0});
    State[F.CfgEntry] = Open;
  }
  while (!Stack.empty()) {
    auto &[B, Next] = Stack.back();
    if (Next == F.Cfg[B].Succs.size()) {
      State[B] = Done;
      Stack.pop_back();
      continue;
    }
    unsigned S = F.Cfg[B].Succs[Next++];
    if (S >= F.Cfg.size() || State[S] == Done)
      continue;
    if (State[S] == Open)
      return true;
    State[S] = Open;
    Stack.push_back({S, 0});
  }
  return false;
}

void Inferrer::inferRegistration(const FunctionFact &F,
                                 const FieldStoreFact &Store) {
  llvm::StringRef Class = classOf(F.Name);
  if (!InferredFunctions.insert(F.Name).second)
    return; // Another instantiation of the same template member.
  // The drainer calls what it takes itself, or through what it calls: a
  // member that only makes callables that call (`submit_all` keeping
  // `[task] { (*task)(); }` for each job) fills the queue.
  const FunctionFact *Drainer = nullptr;
  for (const FunctionFact *Member : Index.membersOf(Class))
    if (Member->Name != F.Name && memberOf(Member->Name) != "operator()" &&
        llvm::is_contained(Member->Fields, Store.Field) &&
        llvm::any_of(
            Index.reach(*Member, /*Handed=*/false),
            [](const FunctionFact *G) { return G->InvokesCallable; }) &&
        drainsInALoop(*Member)) {
      Drainer = Member;
      break;
    }
  if (!Drainer)
    return;
  std::set<const FunctionFact *> Seen;
  bool Pool = onThreadsOfItsClass(Class, *Drainer, Seen);
  ordered_json J = {{"name", F.Name}};
  J[Pool ? "offload" : "loopCallback"] = Store.Param;
  std::vector<std::string> Evidence{
      where(Store.Loc) + ": '" + F.Name + "' keeps its argument " +
          std::to_string(Store.Param) + ", a callable, in '" + Store.Field +
          "'",
      where(Drainer->Loc) + ": '" + Drainer->Name +
          "' takes callables from it and calls them" +
          (Pool ? ", on threads its class starts" : "")};
  if (!Pool && llvm::any_of(F.ParamTypes, [&](const std::string &T) {
        return isDuration(T);
      })) {
    J["delay"] = true;
    Evidence.push_back("'" + F.Name +
                       "' takes a duration: the callable runs once it passes");
  }
  Out.Functions.push_back({F.Name, J.dump(), std::move(Evidence)});
  if (!Pool)
    inferLoopRun(*Drainer, Store.Field);
}

/// The member that drains a loop's queue runs that loop on the thread that
/// calls it, as `io_context::run_one` does: called from the loop's own
/// code, it serves the loop's events there, nested, rather than stalling
/// them.
void Inferrer::inferLoopRun(const FunctionFact &Drainer,
                            llvm::StringRef Queue) {
  if (!InferredFunctions.insert(Drainer.Name).second)
    return;
  ordered_json J = {{"name", Drainer.Name}, {"runsLoop", true}};
  Out.Functions.push_back(
      {Drainer.Name,
       J.dump(),
       {where(Drainer.Loc) + ": '" + Drainer.Name +
        "' takes the callables kept in '" + Queue.str() +
        "' and calls them: it runs that loop on the thread that calls it"}});
}

} // namespace corolint::inference
