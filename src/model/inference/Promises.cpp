//===- Promises.cpp - Promises, their futures and continuations -----------===//
//
// Waiters kept in a state that no member of its own hands out to be
// awaited are a future's: the class that hands out the future and
// resumes them is its promise, and a member of the future that keeps a
// callable the state calls chains a continuation.
//
//===----------------------------------------------------------------------===//

#include "Inferrer.h"
#include "llvm/ADT/StringExtras.h"
#include <map>

namespace corolint::inference {

/// A promise and its future: the awaiters keep their waiters in a state
/// that none of its own members hands out to be awaited. A future is a
/// class whose member returns the awaiter (`operator co_await`); a promise
/// is a class whose member returns the future (`get_future()`: it hands
/// it out) and whose members resume the waiters kept in the state
/// (`set_value()` calling `state_->fulfil()`): the two share the state.
/// A member of the future that keeps a callable in the state, which the
/// state's code calls, chains a continuation (`then(f)`).
void Inferrer::inferPromises(llvm::StringRef State, const AwaiterSet &Awaiters,
                             const std::vector<const WaiterStore *> &Stores,
                             const std::vector<std::string> &Evidence) {
  std::map<std::string, std::set<std::string>> FutureWaits;
  for (const auto &[Usr, F] : Index.functions()) {
    // A free `operator co_await(future<T> &&)` is its operand's.
    bool FreeCoAwait =
        memberOf(F->Name) == "operator co_await" && F->ParamTypes.size() == 1;
    std::string Class = FreeCoAwait ? F->ParamTypes[0] : classOf(F->Name).str();
    if (!F->IsLambda && !F->IsCoroutine && !Class.empty() && Class != State &&
        !Awaiters.count(Class) && returnsAwaiter(*F, Awaiters))
      FutureWaits[Class].insert(memberOf(F->Name).str());
  }
  for (const auto &[Future, Waits] : FutureWaits) {
    if (describedByModel(Future))
      continue;
    std::map<std::string, std::set<std::string>> HandsOut;
    for (const auto &[Usr, F] : Index.functions())
      // A member of a class, not a free function of a namespace
      // (`make_ready_future()`).
      if (!F->IsLambda && F->ReturnType == Future &&
          classOf(F->Name) != Future && hasFields(classOf(F->Name)))
        HandsOut[classOf(F->Name).str()].insert(memberOf(F->Name).str());
    bool Paired = false;
    for (const auto &[Promise, Members] : HandsOut)
      Paired |= inferPromise(Promise, Members, Future, Stores, Evidence);
    if (!Paired)
      continue;
    std::vector<std::string> Because = Evidence;
    Because.push_back("'" + Future +
                      "' returns the awaiter: " + llvm::join(Waits, ", "));
    std::set<std::string> Blocking = blockingMembersOf(Future);
    if (!Blocking.empty())
      Because.push_back("'" + Future + "' blocks until it is fulfilled: " +
                        llvm::join(Blocking, ", "));
    for (const std::string &Member : Blocking)
      FutureWaitsForFulfilment.insert(Future + "::" + Member);
    std::set<std::string> AllWaits = Waits;
    AllWaits.insert(Blocking.begin(), Blocking.end());
    Out.Types.push_back({Future,
                         ordered_json({{"name", Future},
                                       {"role", "resource"},
                                       {"resourceKind", "future"},
                                       {"waits", AllWaits}})
                             .dump(),
                         std::move(Because)});
    inferContinuations(State, Future);
  }
}

/// \p Promise, whose \p Members return \p Future, is its promise when some
/// of its members resume the waiters the future's awaiter keeps.
bool Inferrer::inferPromise(llvm::StringRef Promise,
                            const std::set<std::string> &Members,
                            llvm::StringRef Future,
                            const std::vector<const WaiterStore *> &Stores,
                            std::vector<std::string> Evidence) {
  if (describedByModel(Promise))
    return false;
  Signalling Found = signalsOf(Promise, Stores, {});
  const std::set<std::string> &Signals = Found.Signals;
  if (Signals.empty())
    return false;
  // The state's evidence, then the promise's own (its first line repeats
  // where the awaiter keeps its waiter).
  Evidence.insert(Evidence.end(), std::next(Found.Evidence.begin()),
                  Found.Evidence.end());
  Evidence.push_back("'" + Promise.str() + "' hands out '" + Future.str() +
                     "': " + llvm::join(Members, ", "));
  Out.Types.push_back({Promise.str(),
                       ordered_json({{"name", Promise},
                                     {"handsOut", Members},
                                     {"role", "resource"},
                                     {"resourceKind", "promise"},
                                     {"signals", Signals}})
                           .dump(),
                       std::move(Evidence)});
  return true;
}

/// `fut.then(f)`: a member of \p Future that keeps its callable argument,
/// itself or through what it hands it to (callableKept), in a field of
/// \p State where code of the state calls what it finds.
void Inferrer::inferContinuations(llvm::StringRef State,
                                  llvm::StringRef Future) {
  auto Called = [&](const FieldStoreFact &S) {
    return classOf(S.Field) == State &&
           llvm::any_of(Index.membersOf(State), [&](const FunctionFact *M) {
             return llvm::is_contained(M->Fields, S.Field) &&
                    llvm::any_of(Index.reach(*M), [](const FunctionFact *G) {
                      return G->InvokesCallable;
                    });
           });
  };
  for (const FunctionFact *Member : Index.membersOf(Future)) {
    if (Member->IsCoroutine || Known.function(Member->Name) ||
        InferredFunctions.count(Member->Name))
      continue;
    // The parameters it stores or hands on, themselves or in a lambda.
    std::set<unsigned> Params;
    for (const FieldStoreFact &S : Member->Stores)
      if (S.Param >= 0)
        Params.insert(S.Param);
    for (const SiteFact &S : Member->Sites)
      for (const ArgFact &A : S.Args) {
        if (A.Ref.K == ObjectRef::Kind::Param && A.Ref.ParamIndex >= 0)
          Params.insert(A.Ref.ParamIndex);
        Params.insert(A.CapturedCallables.begin(), A.CapturedCallables.end());
      }
    for (unsigned Param : Params) {
      std::vector<FieldStoreFact> Kept = callableKept(*Member, Param);
      auto InState = llvm::find_if(Kept, Called);
      if (InState == Kept.end())
        continue;
      InferredFunctions.insert(Member->Name);
      Out.Functions.push_back(
          {Member->Name,
           ordered_json({{"name", Member->Name}, {"continuation", Param}})
               .dump(),
           {where(InState->Loc) + ": '" + Member->Name +
            "' keeps its argument " + std::to_string(Param) +
            ", a callable, in '" + InState->Field + "', which code of '" +
            State.str() + "' calls"}});
      break;
    }
  }
}

/// `lazy.start(callback)`: a member that hands its callable parameter to
/// a coroutine which awaits an object of the member's class it is handed
/// too and only then calls the callable (async_simple's `LazyBase::start`,
/// launching a detached coroutine that awaits the lazy and calls the
/// callback with its result): the callable runs once that object
/// completes, a continuation. What hands it on (`directlyStart`) chains it too
/// (inferForwardedRegistrations).
void Inferrer::inferStartCallbacks() {
  for (const auto &[Usr, F] : Index.functions()) {
    if (F->IsCoroutine || F->IsLambda || InferredFunctions.count(F->Name) ||
        Known.function(F->Name) || Known.isLibraryCode(F->Name))
      continue;
    for (const SiteFact &S : F->Sites) {
      auto Callee = Index.functions().find(S.CalleeUsr);
      if (S.Kind != SiteKind::Call || Callee == Index.functions().end() ||
          !Callee->second->IsCoroutine)
        continue;
      llvm::StringRef Class = classOf(F->Name);
      auto Chained = llvm::find_if(S.Args, [&](const ArgFact &A) {
        return A.Ref.K == ObjectRef::Kind::Param && A.Ref.ParamIndex >= 0 &&
               !Class.empty() &&
               callsAfterAwaiting(*Callee->second, A.Index, Class);
      });
      if (Chained == S.Args.end())
        continue;
      unsigned Param = static_cast<unsigned>(Chained->Ref.ParamIndex);
      InferredFunctions.insert(F->Name);
      Out.Functions.push_back(
          {F->Name,
           ordered_json({{"name", F->Name}, {"continuation", Param}}).dump(),
           {where(S.Loc) + ": '" + F->Name + "' hands its argument " +
            std::to_string(Param) +
            ", a callable, to a coroutine that calls it once it has "
            "awaited the '" +
            classOf(F->Name).str() + "' it is handed"}});
      break;
    }
  }
}

/// Coroutine \p C calls its parameter \p Param (its `operator()`), and
/// only after awaiting what it gets from another of its parameters, of
/// class \p Awaited (`cb(co_await lazy.coAwaitTry())`): every path to each
/// such call passes that suspension.
bool Inferrer::callsAfterAwaiting(const FunctionFact &C, unsigned Param,
                                  llvm::StringRef Awaited) {
  auto OnParam = [](const SiteFact &S, auto Test) {
    return S.Receiver.K == ObjectRef::Kind::Param &&
           S.Receiver.ParamIndex >= 0 &&
           Test(static_cast<unsigned>(S.Receiver.ParamIndex));
  };
  std::vector<const SiteFact *> Waits;
  for (const SiteFact &Wait : C.Sites)
    if (Wait.Kind == SiteKind::Call && Wait.AwaitedIn >= 0 &&
        static_cast<size_t>(Wait.AwaitedIn) < C.Sites.size() &&
        OnParam(Wait, [&](unsigned I) {
          return I != Param && I < C.ParamTypes.size() &&
                 C.ParamTypes[I] == Awaited;
        }))
      Waits.push_back(&C.Sites[Wait.AwaitedIn]);
  bool Called = false;
  for (const SiteFact &Call : C.Sites) {
    if (Call.Kind != SiteKind::Call ||
        !OnParam(Call, [&](unsigned I) { return I == Param; }))
      continue;
    if (!llvm::StringRef(Call.CalleeName).ends_with("operator()") ||
        llvm::none_of(Waits, [&](const SiteFact *Wait) {
          return passesBefore(C, *Wait, Call);
        }))
      return false;
    Called = true;
  }
  return Called;
}

/// Every path of \p F's CFG from its entry to \p Later passes \p Earlier,
/// and some path reaches \p Later.
bool Inferrer::passesBefore(const FunctionFact &F, const SiteFact &Earlier,
                            const SiteFact &Later) {
  if (Earlier.Pos.Block < 0 || Later.Pos.Block < 0)
    return false;
  if (Earlier.Pos.Block == Later.Pos.Block)
    return Earlier.Pos.Index < Later.Pos.Index;
  auto Target = static_cast<unsigned>(Later.Pos.Block);
  return reachesBlock(F, Target, [](unsigned) { return false; }) &&
         !reachesBlock(F, Target, [&](unsigned B) {
           return static_cast<int>(B) == Earlier.Pos.Block;
         });
}

} // namespace corolint::inference
