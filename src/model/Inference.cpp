//===- Inference.cpp - Roles inferred from a library's own code -----------===//
//
// Reads the role evidence the frontend records for member functions (the
// fields they work on, what they keep there, whether they resume a handle or
// call a callable they took from somewhere) and turns it into model entries.
// Each rule below says what must hold; a class that shows only part of it is
// left alone, because a wrong role costs more than a missing one.
//
//===----------------------------------------------------------------------===//

#include "corolint/model/Inference.h"
#include "corolint/JsonText.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

using ordered_json = nlohmann::ordered_json;

namespace corolint {
namespace {

/// How deep a member's helpers are followed: `set()` that calls
/// `resume_waiters()`, which posts a lambda that resumes.
constexpr unsigned MaxHelperDepth = 3;

/// A callable kept in a field: queued, or assigned as the one callback.
bool isCallableStore(const FieldStoreFact &S) {
  return S.Kind == StoredKind::Callable || S.Kind == StoredKind::Callback;
}

std::string where(const SourceLoc &L) {
  return L.File + ":" + std::to_string(L.Line) + ":" + std::to_string(L.Col);
}

llvm::StringRef classOf(llvm::StringRef Qualified) {
  return splitMember(Qualified).first;
}

llvm::StringRef memberOf(llvm::StringRef Qualified) {
  return splitMember(Qualified).second;
}

/// Members that are the awaiter protocol or the object's life, not an API
/// that waits or signals.
bool isProtocolMember(llvm::StringRef Class, llvm::StringRef Member) {
  llvm::StringRef Short = memberOf(Class);
  return Member.starts_with("await_") || Member == "operator co_await" ||
         Member == Short || Member == ("~" + Short).str() ||
         Member.starts_with("operator=");
}

/// The facts of every function, once, looked up by USR and by class.
class FactIndex {
public:
  explicit FactIndex(const std::vector<TuFacts> &Units) {
    // In the linker's order, so that every order of the same units infers
    // the same (a function seen in two units keeps the first one's facts).
    std::vector<const TuFacts *> Sorted;
    for (const TuFacts &U : Units)
      Sorted.push_back(&U);
    std::stable_sort(Sorted.begin(), Sorted.end(),
                     [](const TuFacts *A, const TuFacts *B) {
                       return A->MainFile < B->MainFile;
                     });
    for (const TuFacts *U : Sorted)
      for (const FunctionFact &F : U->Functions)
        ByUsr.try_emplace(F.Usr, &F);
    for (const auto &[Usr, F] : ByUsr)
      if (!F->IsLambda)
        MembersOf[classOf(F->Name).str()].push_back(F);
  }

  const std::map<std::string, const FunctionFact *> &functions() const {
    return ByUsr;
  }
  llvm::ArrayRef<const FunctionFact *> membersOf(llvm::StringRef Class) const {
    auto It = MembersOf.find(Class.str());
    if (It == MembersOf.end())
      return {};
    return It->second;
  }
  /// \p F and the functions it calls or (with \p Handed) hands a callable
  /// of, up to MaxHelperDepth calls away, in the order first reached.
  std::vector<const FunctionFact *> reach(const FunctionFact &F,
                                          bool Handed = true) const {
    std::vector<const FunctionFact *> Reached{&F};
    std::set<const FunctionFact *> Seen{&F};
    size_t Begin = 0;
    for (unsigned Depth = 0; Depth < MaxHelperDepth; ++Depth) {
      size_t End = Reached.size();
      for (size_t I = Begin; I < End; ++I)
        for (const SiteFact &S : Reached[I]->Sites) {
          add(S.CalleeUsr, Reached, Seen);
          for (const ArgFact &A : S.Args)
            if (Handed)
              add(A.CallableUsr, Reached, Seen);
        }
      Begin = End;
    }
    return Reached;
  }

private:
  void add(const std::string &Usr, std::vector<const FunctionFact *> &Reached,
           std::set<const FunctionFact *> &Seen) const {
    auto It = ByUsr.find(Usr);
    if (It != ByUsr.end() && Seen.insert(It->second).second)
      Reached.push_back(It->second);
  }

  std::map<std::string, const FunctionFact *> ByUsr;
  std::map<std::string, std::vector<const FunctionFact *>> MembersOf;
};

class Inferrer {
public:
  Inferrer(const std::vector<TuFacts> &Units, const ApiModels &Known)
      : Index(Units), Known(Known) {}

  InferredModels run() {
    inferTasks();
    inferEvents();
    inferLoops();
    inferSyncWaits();
    inferTimeouts();
    return std::move(Out);
  }

private:
  /// The awaiters (their classes) of one awaitable.
  using AwaiterSet = std::set<std::string>;
  /// A field an awaiter keeps a waiter in: the handle, or itself.
  struct WaiterStore {
    std::string Field;
    std::string Awaiter; ///< The class whose await_suspend keeps it.
    SourceLoc Loc;
    /// What is kept is a callable that resumes the waiter (`then([h] {
    /// h.resume(); })`): calling it resumes.
    bool ByCallable = false;
  };

  /// How code uses a class whose waiters it resumes itself.
  struct LockUse {
    bool Locked = false;
    /// A function waits on an object and then signals that same object.
    bool Relocked = false;
    std::set<std::string> Guards; ///< Classes whose destructor releases it.
  };
  /// What a scheduler's member does, over all its overloads.
  struct SchedulerUses {
    bool Yield = false, Delay = false, Bounds = false, RunsLoop = false;
    void add(const SchedulerUses &O) {
      Yield |= O.Yield;
      Delay |= O.Delay;
      Bounds |= O.Bounds;
      RunsLoop |= O.RunsLoop;
    }
  };

  void inferTasks();
  std::vector<WaiterStore> waiterStores() const;
  void inferEvents();
  void inferEvent(llvm::StringRef Class,
                  const std::vector<const WaiterStore *> &Stores);
  std::set<std::string> waitMembers(llvm::StringRef Class,
                                    const AwaiterSet &Awaiters) const;
  LockUse lockUse(llvm::StringRef Class, const AwaiterSet &Awaiters,
                  const std::set<std::string> &Waits,
                  const std::set<std::string> &Signals) const;
  std::set<std::string> awaitResults(llvm::StringRef Class,
                                     const AwaiterSet &Awaiters) const;
  void inferLock(llvm::StringRef Class, const AwaiterSet &Awaiters,
                 const std::set<std::string> &Waits,
                 const std::set<std::string> &Signals, const LockUse &Use,
                 std::vector<std::string> Evidence);
  void inferPromises(llvm::StringRef State, const AwaiterSet &Awaiters,
                     const std::vector<const WaiterStore *> &Stores,
                     const std::vector<std::string> &Evidence);
  bool inferPromise(llvm::StringRef Promise,
                    const std::set<std::string> &Members,
                    llvm::StringRef Future,
                    const std::vector<const WaiterStore *> &Stores,
                    std::vector<std::string> Evidence);
  void inferContinuations(llvm::StringRef State, llvm::StringRef Future);
  void inferSyncWaits();
  void inferTimeouts();
  bool handsADeadline(const SiteFact &Call) const;
  std::set<std::string> blockingByBody() const;
  static bool
  blocksOnEveryPath(const FunctionFact &F,
                    llvm::function_ref<bool(const SiteFact &)> Blocks);
  bool hasMember(llvm::StringRef Type, llvm::StringRef Member) const {
    return llvm::any_of(Index.membersOf(Type), [&](const FunctionFact *M) {
      return memberOf(M->Name) == Member;
    });
  }
  bool hasCoAwaitOperator(llvm::StringRef Type) const {
    return hasMember(Type, "operator co_await");
  }
  bool hasAwaiterMembers(llvm::StringRef Type) const {
    return hasCoAwaitOperator(Type) || hasMember(Type, "await_suspend");
  }
  void inferScheduler(llvm::StringRef Class, const AwaiterSet &Awaiters,
                      std::vector<std::string> Evidence);
  SchedulerUses schedulerUse(llvm::StringRef Class, const AwaiterSet &Awaiters,
                             const FunctionFact &Member) const;
  void inferLoops();
  void inferRegistration(const FunctionFact &F, const FieldStoreFact &Store);

  const FunctionFact *resumerFrom(const FunctionFact &Member,
                                  const WaiterStore &Store) const;
  void addCallableStores(const FunctionFact &Suspend, const FunctionFact &G,
                         std::vector<WaiterStore> &Stores) const;
  /// The constructor argument that sets a field which the awaiters'
  /// \p Readers (`await_ready`) read, themselves or through their helpers
  /// (`is_set()`), or -1.
  int stateArg(llvm::StringRef Class, const AwaiterSet &Awaiters,
               std::initializer_list<llvm::StringRef> Readers) const;
  const FunctionFact *resumerOfItsOwn(llvm::StringRef Class) const;
  std::set<const FunctionFact *>
  waitPath(const std::vector<const WaiterStore *> &Stores) const;
  bool drainsInALoop(const FunctionFact &Drainer) const;
  bool runsALoop(const FunctionFact &Body) const;
  static bool hasCycle(const FunctionFact &F);
  bool drivenByItsClass(llvm::StringRef Class,
                        const FunctionFact &Drainer) const;
  bool hasRole(llvm::StringRef Type, TypeRole Role) const {
    const TypeModel *T = Known.type(Type);
    return T && T->Role == Role;
  }
  bool isDuration(llvm::StringRef Type) const {
    return hasRole(Type, TypeRole::Duration);
  }
  /// It returns one of \p Awaiters, or a class derived from one.
  static bool returnsAwaiter(const FunctionFact &Member,
                             const AwaiterSet &Awaiters) {
    return Awaiters.count(Member.ReturnType) ||
           llvm::any_of(Member.ReturnBases, [&](const std::string &Base) {
             return Awaiters.count(Base);
           });
  }

  FactIndex Index;
  const ApiModels &Known;
  /// The classes coroutines of the program return.
  std::set<std::string> TaskTypes;
  /// The futures inferred here.
  std::set<std::string> FutureTypes;
  std::set<std::string> InferredFunctions;
  InferredModels Out;
};

/// A task: a class that coroutines return, that starts them suspended (its
/// promise's `initial_suspend()` returns what never resumes by itself,
/// `std::suspend_always`), and that is awaitable: code awaits it, or it
/// has `operator co_await` or the awaiter's members. A generator starts
/// suspended too, but is iterated, not awaited.
void Inferrer::inferTasks() {
  std::map<std::string, const FunctionFact *> Lazy;
  std::map<std::string, const SiteFact *> Awaited;
  for (const auto &[Usr, F] : Index.functions()) {
    for (const SiteFact &S : F->Sites)
      if (S.Kind == SiteKind::Suspend && !S.Implicit &&
          !S.AwaitableType.empty())
        Awaited.try_emplace(S.AwaitableType, &S);
    if (!F->IsCoroutine || F->ReturnType.empty())
      continue;
    TaskTypes.insert(F->ReturnType);
    if (hasRole(F->InitialSuspend, TypeRole::NeverResumes))
      Lazy.try_emplace(F->ReturnType, F);
  }
  for (const auto &[Type, Coroutine] : Lazy) {
    if (Known.type(Type) || Known.isLibraryCode(Type))
      continue;
    std::string Why;
    if (auto It = Awaited.find(Type); It != Awaited.end())
      Why = where(It->second->Loc) + ": awaited here";
    else if (hasAwaiterMembers(Type))
      Why = "it has the awaiter's members";
    else
      continue;
    Out.Types.push_back(
        {Type, ordered_json({{"name", Type}, {"role", "task"}}).dump(),
         {where(Coroutine->Loc) + ": '" + Coroutine->Name +
              "' returns it and starts suspended ('" +
              Coroutine->InitialSuspend + "')",
          Why}});
  }
}

/// Every field that an `await_suspend` keeps its handle, or its awaiter, in,
/// itself or through a helper it hands them to.
std::vector<Inferrer::WaiterStore> Inferrer::waiterStores() const {
  std::vector<WaiterStore> Stores;
  for (const auto &[Usr, F] : Index.functions()) {
    if (F->IsLambda || memberOf(F->Name) != "await_suspend")
      continue;
    for (const FunctionFact *G : Index.reach(*F)) {
      for (const FieldStoreFact &S : G->Stores)
        if (S.Kind == StoredKind::Handle || S.Kind == StoredKind::Self)
          Stores.push_back({S.Field, classOf(F->Name).str(), S.Loc});
      addCallableStores(*F, *G, Stores);
    }
  }
  return Stores;
}

/// \p G, run by the awaiter's \p Suspend, hands a lambda that resumes a
/// handle to a function that keeps that argument in a field
/// (`fut.then([h](T) { h.resume(); })`): the field keeps the waiter.
void Inferrer::addCallableStores(const FunctionFact &Suspend,
                                 const FunctionFact &G,
                                 std::vector<WaiterStore> &Stores) const {
  for (const SiteFact &S : G.Sites) {
    auto Callee = Index.functions().find(S.CalleeUsr);
    if (S.Kind != SiteKind::Call || Callee == Index.functions().end())
      continue;
    for (const ArgFact &A : S.Args) {
      auto Handed = Index.functions().find(A.CallableUsr);
      if (Handed == Index.functions().end() || !Handed->second->ResumesHandle)
        continue;
      for (const FieldStoreFact &Kept : Callee->second->Stores)
        if (isCallableStore(Kept) &&
            Kept.Param == static_cast<int>(A.Index))
          Stores.push_back({Kept.Field, classOf(Suspend.Name).str(), Kept.Loc,
                            /*ByCallable=*/true});
    }
  }
}

/// An event: an awaiter's `await_suspend` keeps the waiter in a field of
/// the class, and a member of that class resumes what it finds there,
/// itself or through its helpers (also by posting a lambda that resumes).
void Inferrer::inferEvents() {
  std::vector<WaiterStore> Stores = waiterStores();
  std::map<std::string, std::vector<const WaiterStore *>> ByClass;
  for (const WaiterStore &S : Stores)
    ByClass[classOf(S.Field).str()].push_back(&S);
  for (const auto &[Class, ClassStores] : ByClass)
    if (!Class.empty() && !Known.type(Class) && !Known.isLibraryCode(Class))
      inferEvent(Class, ClassStores);
}

const FunctionFact *Inferrer::resumerFrom(const FunctionFact &Member,
                                          const WaiterStore &Store) const {
  std::vector<const FunctionFact *> Reached = Index.reach(Member);
  bool Touches = llvm::any_of(Reached, [&](const FunctionFact *G) {
    return llvm::is_contained(G->Fields, Store.Field);
  });
  if (!Touches)
    return nullptr;
  // A kept callable is called once, where a state is fulfilled; one called
  // going round a loop is a loop's queue, drained.
  auto Resumer = llvm::find_if(Reached, [&](const FunctionFact *G) {
    return G->ResumesHandle ||
           (Store.ByCallable && G->InvokesCallable && !hasCycle(*G));
  });
  return Resumer == Reached.end() ? nullptr : *Resumer;
}

void Inferrer::inferEvent(llvm::StringRef Class,
                          const std::vector<const WaiterStore *> &Stores) {
  std::set<std::string> Signals;
  std::vector<std::string> Evidence;
  AwaiterSet Awaiters; ///< Those whose waiters a signal resumes.
  std::set<const FunctionFact *> PartOfTheWait = waitPath(Stores);
  for (const FunctionFact *Member : Index.membersOf(Class)) {
    llvm::StringRef Name = memberOf(Member->Name);
    if (isProtocolMember(Class, Name) || Member->IsCoroutine ||
        PartOfTheWait.count(Member))
      continue;
    for (const WaiterStore *S : Stores)
      if (const FunctionFact *Resumer = resumerFrom(*Member, *S)) {
        if (Signals.insert(Name.str()).second)
          Evidence.push_back(where(Member->Loc) + ": '" + Member->Name +
                             "' resumes the waiters kept in '" + S->Field +
                             "' (in '" + Resumer->Name + "')");
        if (Awaiters.insert(S->Awaiter).second && Awaiters.size() == 1)
          Evidence.insert(Evidence.begin(),
                          where(S->Loc) + ": '" + S->Awaiter +
                              "::await_suspend' keeps its waiter in '" +
                              S->Field + "'");
      }
  }
  if (Signals.empty())
    return;
  if (const FunctionFact *Own = resumerOfItsOwn(Class)) {
    if (!Own->IsCoroutine && runsALoop(*Own))
      inferScheduler(Class, Awaiters, std::move(Evidence));
    return;
  }
  std::set<std::string> Waits = waitMembers(Class, Awaiters);
  if (Waits.empty())
    return inferPromises(Class, Awaiters, Stores, Evidence);
  if (LockUse Use = lockUse(Class, Awaiters, Waits, Signals); Use.Locked)
    return inferLock(Class, Awaiters, Waits, Signals, Use,
                     std::move(Evidence));
  ordered_json J = {{"name", Class},
                    {"role", "resource"},
                    {"resourceKind", "event"},
                    {"waits", Waits},
                    {"signals", Signals}};
  if (int Arg = stateArg(Class, Awaiters, {"await_ready"}); Arg >= 0) {
    J["setByArg"] = Arg;
    Evidence.push_back("its awaiter's 'await_ready' tests what its "
                       "constructor's argument " +
                       std::to_string(Arg) + " sets");
  }
  Out.Types.push_back({Class.str(), J.dump(), std::move(Evidence)});
}

/// A member that returns the awaiter (or a class derived from it: `lock()`
/// returning `lock_operation<void>`) waits; one handed an awaiter too is a
/// helper of the waiter list (`reverse(awaiter *)`).
std::set<std::string> Inferrer::waitMembers(llvm::StringRef Class,
                                            const AwaiterSet &Awaiters) const {
  std::set<std::string> Waits;
  if (Awaiters.count(Class.str()))
    Waits.insert("operator co_await");
  for (const FunctionFact *Member : Index.membersOf(Class))
    if (returnsAwaiter(*Member, Awaiters) && !Member->IsCoroutine &&
        !llvm::any_of(Member->ParamTypes, [&](const std::string &T) {
          return Awaiters.count(T);
        }))
      Waits.insert(memberOf(Member->Name).str());
  return Waits;
}

/// What awaiting \p Class gives: the classes the `await_resume` of its
/// awaiters return, and of the awaiters its members return
/// (`co_await m.scoped_lock()` gives a `scoped_lock`).
std::set<std::string> Inferrer::awaitResults(llvm::StringRef Class,
                                             const AwaiterSet &Awaiters) const {
  AwaiterSet All = Awaiters;
  for (const FunctionFact *Member : Index.membersOf(Class))
    if (returnsAwaiter(*Member, Awaiters))
      All.insert(Member->ReturnType);
  std::set<std::string> Results;
  for (const std::string &Awaiter : All)
    for (const FunctionFact *Member : Index.membersOf(Awaiter))
      if (memberOf(Member->Name) == "await_resume" &&
          !Member->ReturnType.empty())
        Results.insert(Member->ReturnType);
  return Results;
}

/// How the program uses \p Class: some function waits on an object of it
/// and then signals that same object (`co_await m.lock(); ...;
/// m.unlock();`), or what awaiting it gives is a guard whose destructor
/// signals it (also through the guard's helpers): a lock, whose holder
/// releases it, which taken for an event would be a task waiting for what
/// only it signals later.
Inferrer::LockUse Inferrer::lockUse(llvm::StringRef Class,
                                    const AwaiterSet &Awaiters,
                                    const std::set<std::string> &Waits,
                                    const std::set<std::string> &Signals) const {
  LockUse Use;
  std::set<std::string> Results = awaitResults(Class, Awaiters);
  auto IsSignal = [&](const SiteFact &S) {
    return S.Kind == SiteKind::Call && classOf(S.CalleeName) == Class &&
           Signals.count(memberOf(S.CalleeName).str());
  };
  for (const auto &[Usr, F] : Index.functions()) {
    llvm::StringRef Owner = classOf(F->Name);
    if (!F->IsLambda && memberOf(F->Name).starts_with("~") &&
        Results.count(Owner.str())) {
      for (const FunctionFact *G : Index.reach(*F))
        if (llvm::any_of(G->Sites, IsSignal)) {
          Use.Locked = true;
          Use.Guards.insert(Owner.str());
          break;
        }
      continue;
    }
    std::set<std::string> Waited;
    for (const SiteFact &S : F->Sites) {
      if (S.Kind == SiteKind::Suspend && S.Operand.isKnown() &&
          S.AwaitableType == Class)
        Waited.insert(S.Operand.Key);
      if (S.Kind != SiteKind::Call || !S.Receiver.isKnown() ||
          classOf(S.CalleeName) != Class)
        continue;
      if (Waits.count(memberOf(S.CalleeName).str()))
        Waited.insert(S.Receiver.Key);
      else if (IsSignal(S) && Waited.count(S.Receiver.Key))
        Use.Locked = Use.Relocked = true;
    }
  }
  return Use;
}

/// A lock: an async mutex, whose waits take it and whose signals release
/// it, when what awaiting it gives is a guard whose destructor releases it
/// (an async guard), or when code that waits on it with no argument signals
/// the same object later (`co_await m.lock(); ...; m.unlock();`). A wait
/// handed an argument, then a signal, is a condition variable's consumer
/// notifying its producer back (`co_await cv.wait(mutex, pred); ...;
/// cv.notify()`): no role. A lock whose
/// constructor's argument sets the state its awaiter works on is left
/// alone: the argument may be a count (a semaphore) or an initial state (an
/// auto-reset event), which the facts do not tell apart.
void Inferrer::inferLock(llvm::StringRef Class, const AwaiterSet &Awaiters,
                         const std::set<std::string> &Waits,
                         const std::set<std::string> &Signals,
                         const LockUse &Use,
                         std::vector<std::string> Evidence) {
  if (stateArg(Class, Awaiters, {"await_ready", "await_suspend"}) >= 0)
    return;
  // Taken with nothing, a lock waits for its own state; a condition
  // variable's wait is handed the lock it lets go of (`wait(mutex, pred)`).
  bool TakenWithNothing =
      llvm::all_of(Index.membersOf(Class), [&](const FunctionFact *Member) {
        return !Waits.count(memberOf(Member->Name).str()) ||
               Member->ParamTypes.empty();
      });
  if (Use.Guards.empty() && !(Use.Relocked && TakenWithNothing))
    return;
  for (const std::string &Guard : Use.Guards)
    Evidence.push_back("the destructor of '" + Guard + "' releases it");
  if (Use.Relocked && TakenWithNothing)
    Evidence.push_back("code that takes it with no argument releases the "
                       "same object later");
  Out.Types.push_back({Class.str(),
                       ordered_json({{"name", Class},
                                     {"role", "async-mutex"},
                                     {"lock", Waits},
                                     {"unlock", Signals}})
                           .dump(),
                       std::move(Evidence)});
  for (const std::string &Guard : Use.Guards)
    if (!Known.type(Guard) && !Known.isLibraryCode(Guard))
      Out.Types.push_back(
          {Guard,
           ordered_json({{"name", Guard}, {"role", "async-guard"}}).dump(),
           std::vector<std::string>{"its destructor releases '" +
                                    Class.str() + "'"}});
}

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
    llvm::StringRef Class = classOf(F->Name);
    if (!F->IsLambda && !F->IsCoroutine && Class != State &&
        !Awaiters.count(Class.str()) && returnsAwaiter(*F, Awaiters))
      FutureWaits[Class.str()].insert(memberOf(F->Name).str());
  }
  for (const auto &[Future, Waits] : FutureWaits) {
    if (Known.type(Future) || Known.isLibraryCode(Future))
      continue;
    std::map<std::string, std::set<std::string>> HandsOut;
    for (const auto &[Usr, F] : Index.functions())
      if (!F->IsLambda && F->ReturnType == Future &&
          classOf(F->Name) != Future && !classOf(F->Name).empty())
        HandsOut[classOf(F->Name).str()].insert(memberOf(F->Name).str());
    bool Paired = false;
    for (const auto &[Promise, Members] : HandsOut)
      Paired |= inferPromise(Promise, Members, Future, Stores, Evidence);
    if (!Paired)
      continue;
    FutureTypes.insert(Future);
    std::vector<std::string> Because = Evidence;
    Because.push_back("'" + Future + "' returns the awaiter: " +
                      llvm::join(Waits, ", "));
    Out.Types.push_back({Future,
                         ordered_json({{"name", Future},
                                       {"role", "resource"},
                                       {"resourceKind", "future"},
                                       {"waits", Waits}})
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
  if (Known.type(Promise) || Known.isLibraryCode(Promise))
    return false;
  std::set<std::string> Signals;
  for (const FunctionFact *Member : Index.membersOf(Promise)) {
    llvm::StringRef Name = memberOf(Member->Name);
    if (isProtocolMember(Promise, Name) || Member->IsCoroutine)
      continue;
    for (const WaiterStore *S : Stores)
      if (const FunctionFact *Resumer = resumerFrom(*Member, *S)) {
        if (Signals.insert(Name.str()).second)
          Evidence.push_back(where(Member->Loc) + ": '" + Member->Name +
                             "' resumes the waiters kept in '" + S->Field +
                             "' (in '" + Resumer->Name + "')");
      }
  }
  if (Signals.empty())
    return false;
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

/// `fut.then(f)`: a member of \p Future that keeps its callable argument in
/// a field of \p State where code of the state calls what it finds.
void Inferrer::inferContinuations(llvm::StringRef State,
                                  llvm::StringRef Future) {
  auto Called = [&](const FieldStoreFact &S) {
    return isCallableStore(S) && S.Param >= 0 && classOf(S.Field) == State &&
           llvm::any_of(Index.membersOf(State), [&](const FunctionFact *M) {
             return llvm::is_contained(M->Fields, S.Field) &&
                    llvm::any_of(Index.reach(*M), [](const FunctionFact *G) {
                      return G->InvokesCallable;
                    });
           });
  };
  for (const FunctionFact *Member : Index.membersOf(Future)) {
    auto Kept = llvm::find_if(Member->Stores, Called);
    if (Member->IsCoroutine || Kept == Member->Stores.end() ||
        Known.function(Member->Name) ||
        !InferredFunctions.insert(Member->Name).second)
      continue;
    Out.Functions.push_back(
        {Member->Name,
         ordered_json({{"name", Member->Name}, {"continuation", Kept->Param}})
             .dump(),
         {where(Kept->Loc) + ": '" + Member->Name + "' keeps its argument " +
          std::to_string(Kept->Param) + ", a callable, in '" + Kept->Field +
          "', which code of '" + State.str() + "' calls"}});
  }
}

/// A scheduler: code of its own resumes the waiters its awaiter keeps.
/// Awaiting what a member returns moves the coroutine onto it (`yield`,
/// `schedule()`); a member that takes a duration and returns something
/// awaitable and nothing else resumes the coroutine once it passes
/// (`delay`: `yield_for`; not `poll(fd, op, timeout)`, which waits for
/// the descriptor, nor `schedule(task, timeout)`, which bounds the task
/// and shares its name with a yield). A member
/// that resumes the waiters and that the class's own code never calls runs
/// the scheduler's loop on its caller's thread (`process_events`).
void Inferrer::inferScheduler(llvm::StringRef Class,
                              const AwaiterSet &Awaiters,
                              std::vector<std::string> Evidence) {
  std::map<std::string, SchedulerUses> ByName;
  for (const FunctionFact *Member : Index.membersOf(Class))
    if (!isProtocolMember(Class, memberOf(Member->Name)) &&
        !Known.function(Member->Name))
      ByName[Member->Name].add(schedulerUse(Class, Awaiters, *Member));
  for (const auto &[Name, U] : ByName) {
    ordered_json J = {{"name", Name}};
    std::string Why;
    if (U.Yield) {
      J["yield"] = true;
      Why = "awaiting what it returns moves the coroutine onto '" +
            Class.str() + "', whose own code resumes it";
    } else if (U.Delay && !U.Bounds) {
      J["delay"] = true;
      Why = "it takes a duration and returns an awaitable of '" + Class.str() +
            "', whose own code resumes the waiter";
    } else if (U.RunsLoop) {
      J["blocking"] = "runs the scheduler's loop";
      J["blockingKind"] = "deadlock";
      Why = "it resumes the waiters of '" + Class.str() +
            "' on its caller's thread, and no code of the class calls it";
    } else {
      continue;
    }
    std::vector<std::string> Because = Evidence;
    Because.push_back("'" + Name + "': " + Why);
    InferredFunctions.insert(Name);
    Out.Functions.push_back({Name, J.dump(), std::move(Because)});
  }
}

Inferrer::SchedulerUses
Inferrer::schedulerUse(llvm::StringRef Class, const AwaiterSet &Awaiters,
                       const FunctionFact &Member) const {
  SchedulerUses U;
  bool TakesDuration = llvm::any_of(
      Member.ParamTypes, [&](const std::string &T) { return isDuration(T); });
  bool OnlyDuration = Member.ParamTypes.size() == 1 && TakesDuration;
  bool TakesAwaitable =
      llvm::any_of(Member.ParamTypes, [&](const std::string &T) {
        return Awaiters.count(T) || TaskTypes.count(T);
      });
  bool Awaiting = returnsAwaiter(Member, Awaiters);
  if (Awaiting || TaskTypes.count(Member.ReturnType)) {
    U.Bounds = TakesAwaitable;
    U.Yield = Awaiting && !Member.IsCoroutine && !TakesDuration &&
              !TakesAwaitable;
    U.Delay = OnlyDuration;
    return U;
  }
  U.RunsLoop =
      !Member.IsCoroutine && !drivenByItsClass(Class, Member) &&
      // Called, not handed to a thread it starts (`make_unique`).
      llvm::any_of(Index.reach(Member, /*Handed=*/false),
                   [&](const FunctionFact *G) {
                     return G->ResumesHandle && classOf(G->Name) == Class;
                   });
  return U;
}

/// Code of \p Class itself resumes the waiters it keeps: a lambda written
/// in one of its members calls members of the class that resume handles.
/// A thread body that its constructor or factory starts, going round a
/// loop, makes it a scheduler or a pool (`co_await pool.schedule()`
/// resumes on its worker); a lambda that resumes them once the work it
/// awaited is done (`async_scope::spawn`'s coroutine, or the scope-exit
/// callback in it) makes it neither, and no event that the program
/// signals either. A lambda that resumes a handle itself (`post([h] {
/// h.resume(); })`) is a signal handed to a loop. The lambda, or null.
const FunctionFact *Inferrer::resumerOfItsOwn(llvm::StringRef Class) const {
  for (const auto &[Usr, F] : Index.functions()) {
    if (!F->IsLambda || F->ResumesHandle || classOf(F->Owner) != Class)
      continue;
    if (llvm::any_of(Index.reach(*F), [&](const FunctionFact *G) {
          return G->ResumesHandle && classOf(G->Name) == Class;
        }))
      return F;
  }
  return nullptr;
}

/// What the awaiters that keep waiters in \p Stores run when they are
/// awaited: `try_await(h)`, which starts the tasks awaited, is part of the
/// wait, not a signal (libcoro's when_all_ready_awaitable).
std::set<const FunctionFact *>
Inferrer::waitPath(const std::vector<const WaiterStore *> &Stores) const {
  std::set<const FunctionFact *> Path;
  for (const WaiterStore *S : Stores)
    for (const FunctionFact *Member : Index.membersOf(S->Awaiter))
      if (memberOf(Member->Name).starts_with("await_"))
        for (const FunctionFact *G : Index.reach(*Member))
          Path.insert(G);
  return Path;
}

/// Read from `await_ready`, the argument makes an event constructed set.
int Inferrer::stateArg(llvm::StringRef Class, const AwaiterSet &Awaiters,
                       std::initializer_list<llvm::StringRef> Readers) const {
  std::set<std::string> Read;
  for (const std::string &Awaiter : Awaiters)
    for (const FunctionFact *Member : Index.membersOf(Awaiter))
      if (llvm::is_contained(Readers, memberOf(Member->Name)))
        for (const FunctionFact *G : Index.reach(*Member))
          Read.insert(G->Fields.begin(), G->Fields.end());
  for (const FunctionFact *Member : Index.membersOf(Class))
    if (isConstructorName(Member->Name))
      for (const FieldInitFact &Init : Member->FieldInits)
        if (Read.count(Init.Field))
          return static_cast<int>(Init.Param);
  return -1;
}

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
}

/// The class calls \p Drainer itself, from its own code (a worker thread's
/// body that its constructor starts): its queue runs on threads of its own,
/// as a pool's does, not on a loop that its user runs.
bool Inferrer::drivenByItsClass(llvm::StringRef Class,
                                const FunctionFact &Drainer) const {
  for (const auto &[Usr, F] : Index.functions()) {
    llvm::StringRef Home = F->IsLambda ? llvm::StringRef(F->Owner) : F->Name;
    if (F == &Drainer || classOf(Home) != Class)
      continue;
    for (const SiteFact &S : F->Sites)
      if (S.CalleeUsr == Drainer.Usr ||
          llvm::any_of(S.Args, [&](const ArgFact &A) {
            return A.CallableUsr == Drainer.Usr;
          }))
        return true;
  }
  return false;
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
  const FunctionFact *Drainer = nullptr;
  for (const FunctionFact *Member : Index.membersOf(Class))
    if (Member->Name != F.Name &&
        memberOf(Member->Name) != "operator()" &&
        llvm::is_contained(Member->Fields, Store.Field) &&
        llvm::any_of(Index.reach(*Member),
                     [](const FunctionFact *G) {
                       return G->InvokesCallable;
                     }) &&
        drainsInALoop(*Member)) {
      Drainer = Member;
      break;
    }
  if (!Drainer)
    return;
  bool Pool = drivenByItsClass(Class, *Drainer);
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
}

/// A deadline combinator, known by how it is called, so also when only
/// declared (`within(op, 5s)` defined in another library): a call handed an
/// awaitable (a task, or what has `operator co_await`) and a duration, whose
/// result is awaited, bounds what it was handed: `timeout: true`.
void Inferrer::inferTimeouts() {
  std::map<std::string, const SiteFact *> Bounding;
  for (const auto &[Usr, F] : Index.functions()) {
    std::set<int> Awaited;
    for (const SiteFact &S : F->Sites)
      if (S.Kind == SiteKind::Suspend && S.OperandCall >= 0)
        Awaited.insert(S.OperandCall);
    for (const SiteFact &S : F->Sites)
      if (S.Kind == SiteKind::Call && Awaited.count(S.Id) && handsADeadline(S))
        Bounding.try_emplace(S.CalleeName, &S);
  }
  for (const auto &[Name, S] : Bounding) {
    if (Name.empty() || functionModelOf(Known, *S) ||
        Known.isLibraryCode(Name) || !InferredFunctions.insert(Name).second)
      continue;
    Out.Functions.push_back(
        {Name, ordered_json({{"name", Name}, {"timeout", true}}).dump(),
         {where(S->Loc) + ": '" + Name +
          "' is handed an awaitable and a duration, and what it returns is "
          "awaited"}});
  }
}

bool Inferrer::handsADeadline(const SiteFact &Call) const {
  auto IsAwaitable = [&](const ArgFact &A) {
    return TaskTypes.count(A.Type) || hasRole(A.Type, TypeRole::Task) ||
           hasCoAwaitOperator(A.Type);
  };
  auto IsDuration = [&](const ArgFact &A) {
    return isDuration(A.Type) || isDuration(A.BuiltFrom);
  };
  return llvm::any_of(Call.Args, IsAwaitable) &&
         llvm::any_of(Call.Args, IsDuration);
}

/// Sync-over-async: a function that is not a coroutine and, on every path
/// from its entry to its exit, calls something that blocks (a model says
/// so, `std::condition_variable::wait`, or its body does, through helpers),
/// blocks; when it is handed an awaitable (`sync_wait(task)`) or is a
/// member of a future inferred here (`get()`), what it waits for is a
/// coroutine or a fulfilment that loop code may have to run: on the loop,
/// it deadlocks. Other functions that block by body need no role: the call
/// graph follows their bodies.
void Inferrer::inferSyncWaits() {
  std::set<std::string> Blocking = blockingByBody();
  for (const auto &[Usr, F] : Index.functions()) {
    if (!Blocking.count(Usr) || Known.function(F->Name) ||
        Known.isLibraryCode(F->Name) ||
        !InferredFunctions.insert(F->Name).second)
      continue;
    // A task, or what has `operator co_await`: not an awaiter, which a
    // scheduler's helper is handed by pointer (`schedule_impl(op)`).
    auto Awaitable = llvm::find_if(F->ParamTypes, [&](const std::string &T) {
      return TaskTypes.count(T) || hasCoAwaitOperator(T);
    });
    bool FutureMember = FutureTypes.count(classOf(F->Name).str());
    if (Awaitable == F->ParamTypes.end() && !FutureMember)
      continue;
    std::string What = FutureMember ? "waits for a future to be fulfilled"
                                    : "waits for a coroutine to finish";
    Out.Functions.push_back(
        {F->Name,
         ordered_json({{"name", F->Name},
                       {"blocking", What},
                       {"blockingKind", "deadlock"}})
             .dump(),
         {where(F->Loc) + ": '" + F->Name +
          "' blocks on every path from its entry to its exit, " +
          (FutureMember ? "a member of the future '" +
                              classOf(F->Name).str() + "'"
                        : "handed the awaitable '" + *Awaitable + "'")}});
  }
}

/// The functions (USRs) that block on every path, to a fixpoint over the
/// helpers they call.
std::set<std::string> Inferrer::blockingByBody() const {
  std::set<std::string> Blocking;
  auto Blocks = [&](const SiteFact &S) {
    if (S.Kind != SiteKind::Call)
      return false;
    if (Blocking.count(S.CalleeUsr))
      return true;
    const FunctionModel *M = functionModelOf(Known, S);
    // Taking a mutex is a lock's business (lock-order-cycle), not a wait.
    return M && !M->Blocking.empty() && M->Kind != BlockingKind::Lock;
  };
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const auto &[Usr, F] : Index.functions())
      if (!F->IsCoroutine && !F->IsLambda && !Blocking.count(Usr) &&
          blocksOnEveryPath(*F, Blocks))
        Changed |= Blocking.insert(Usr).second;
  }
  return Blocking;
}

/// The exit of \p F's CFG is reachable, and not without a site that
/// \p Blocks.
bool Inferrer::blocksOnEveryPath(
    const FunctionFact &F,
    llvm::function_ref<bool(const SiteFact &)> Blocks) {
  auto ExitReached = [&](bool PassBlocking) {
    std::vector<bool> Seen(F.Cfg.size());
    std::vector<unsigned> Work{F.CfgEntry};
    while (!Work.empty()) {
      unsigned B = Work.back();
      Work.pop_back();
      if (B >= F.Cfg.size() || Seen[B])
        continue;
      Seen[B] = true;
      if (!PassBlocking &&
          llvm::any_of(F.Cfg[B].Sites, [&](unsigned Id) {
            return Id < F.Sites.size() && Blocks(F.Sites[Id]);
          }))
        continue;
      if (B == F.CfgExit)
        return true;
      llvm::append_range(Work, F.Cfg[B].Succs);
    }
    return false;
  };
  return !F.Cfg.empty() && ExitReached(true) && !ExitReached(false);
}

/// A YAML scalar: a name in single quotes (names hold `::` and spaces), a
/// number or a boolean as it is.
std::string yamlScalar(const ordered_json &V) {
  if (!V.is_string())
    return V.dump();
  std::string Out = "'";
  for (char C : V.get<std::string>()) {
    if (C == '\'')
      Out += '\'';
    Out += C;
  }
  return Out + "'";
}

void writeYamlEntries(const std::vector<InferredEntry> &Entries,
                      const char *Section, std::string &Out) {
  if (Entries.empty())
    return;
  Out += "    " + std::string(Section) + ":\n";
  for (const InferredEntry &E : Entries) {
    for (const std::string &Why : E.Evidence)
      Out += "      # " + Why + "\n";
    ordered_json J = ordered_json::parse(E.ModelJson);
    const char *Lead = "      - ";
    for (const auto &[Key, Value] : J.items()) {
      Out += Lead + Key + ": ";
      if (Value.is_array()) {
        Out += "[";
        for (size_t I = 0; I < Value.size(); ++I)
          Out += (I ? ", " : "") + yamlScalar(Value[I]);
        Out += "]";
      } else {
        Out += yamlScalar(Value);
      }
      Out += "\n";
      Lead = "        ";
    }
  }
}

} // namespace

std::string InferredModels::modelJson() const {
  ordered_json J = {{"library", "inferred"},
                    {"functions", ordered_json::array()},
                    {"types", ordered_json::array()}};
  for (const InferredEntry &E : Functions)
    J["functions"].push_back(ordered_json::parse(E.ModelJson));
  for (const InferredEntry &E : Types)
    J["types"].push_back(ordered_json::parse(E.ModelJson));
  return J.dump();
}

std::string InferredModels::yaml() const {
  std::string Out =
      "# Roles corolint inferred from the project's code "
      "(docs/inference.md).\n"
      "# Review them and keep what is right in .corolint.yaml: a model "
      "there\n# always wins over inference.\n";
  if (empty())
    return Out + "Models: []\n";
  Out += "Models:\n  - library: inferred\n";
  writeYamlEntries(Functions, "functions", Out);
  writeYamlEntries(Types, "types", Out);
  return Out;
}

InferredModels inferModels(const std::vector<TuFacts> &Units,
                           const ApiModels &Known) {
  return Inferrer(Units, Known).run();
}

llvm::Error addInferredModels(const std::vector<TuFacts> &Units,
                              ApiModels &Models) {
  InferredModels Inferred = inferModels(Units, Models);
  if (Inferred.empty())
    return llvm::Error::success();
  Models.noteInferred();
  return Models.addJson(Inferred.modelJson(), InferredOrigin);
}

} // namespace corolint
