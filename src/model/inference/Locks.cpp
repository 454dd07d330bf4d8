//===- Locks.cpp - Async mutexes and the guards that release them ---------===//
//
// A class whose waiters it resumes itself is a lock when its holder
// releases it: taken for an event, it would be a task waiting for what
// only it signals later.
//
//===----------------------------------------------------------------------===//

#include "Inferrer.h"
#include <algorithm>
#include <iterator>

namespace corolint::inference {

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

/// A lock or a guard: a model says so, or it can be released (an `unlock`
/// member: what `std::unique_lock` requires of a mutex, and what every
/// async mutex and guard offers).
bool Inferrer::isLockable(llvm::StringRef Type) const {
  if (const TypeModel *T = Known.type(Type))
    return T->Role == TypeRole::SyncMutex || T->Role == TypeRole::SyncGuard ||
           T->Role == TypeRole::AsyncMutex || T->Role == TypeRole::AsyncGuard;
  return hasMember(Type, "unlock");
}

/// A condition variable's wait: a wait of \p Class is handed a lock that
/// it works on, itself (`co_await lock.coLock()` once woken) or through
/// its awaiter (`m_lock.m_mutex->unlock()` in `await_suspend`). It lets go
/// of the lock while suspended: a wait that kept it would wait for a
/// notifier that needs it. The evidence, or empty.
std::string Inferrer::lockLetGo(llvm::StringRef Class,
                                const AwaiterSet &Awaiters,
                                const std::set<std::string> &Waits) const {
  std::vector<const FunctionFact *> AwaiterCode = awaitingCode(Awaiters);
  for (const FunctionFact *Wait : Index.membersOf(Class)) {
    if (!Waits.count(memberOf(Wait->Name).str()))
      continue;
    for (auto [I, Lock] : llvm::enumerate(Wait->ParamTypes)) {
      if (Lock.empty() || Lock == Class || !isLockable(Lock))
        continue;
      auto WorksOnIt = [&, I = I, &Lock = Lock](const FunctionFact *G,
                                                const SiteFact &S) {
        const ObjectRef &R = S.Receiver;
        return (G == Wait && R.K == ObjectRef::Kind::Param &&
                R.ParamIndex == static_cast<int>(I)) ||
               R.Type == Lock || classOf(R.Name) == Lock;
      };
      std::vector<const FunctionFact *> Code = Index.reach(*Wait);
      llvm::append_range(Code, AwaiterCode);
      for (const FunctionFact *G : Code)
        for (const SiteFact &S : G->Sites)
          if (S.Kind == SiteKind::Call && WorksOnIt(G, S))
            return where(S.Loc) + ": '" + Wait->Name + "' is handed a '" +
                   Lock + "' and works on it here ('" + S.CalleeName +
                   "'): a condition variable, which lets go of the lock "
                   "while it waits";
    }
  }
  return "";
}

/// How the program uses \p Class: some function waits on an object of it
/// and then signals that same object (`co_await m.lock(); ...;
/// m.unlock();`), or what awaiting it gives is a guard whose destructor
/// signals it (also through the guard's helpers): a lock, whose holder
/// releases it, which taken for an event would be a task waiting for what
/// only it signals later.
Inferrer::LockUse
Inferrer::lockUse(llvm::StringRef Class, const AwaiterSet &Awaiters,
                  const std::set<std::string> &Waits,
                  const std::set<std::string> &Signals) const {
  LockUse Use;
  std::set<std::string> Results = awaitResults(Class, Awaiters);
  // A member that waits as well (`produce()` waiting for room, then waking
  // consumers; `scoped_lock(task)`) gives back nothing it was not handed.
  auto IsSignal = [&](const SiteFact &S) {
    llvm::StringRef Member = memberOf(S.CalleeName);
    return S.Kind == SiteKind::Call && classOf(S.CalleeName) == Class &&
           Signals.count(Member.str()) && !Waits.count(Member.str());
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
      else if (IsSignal(S) && Waited.count(S.Receiver.Key)) {
        Use.Locked = Use.Relocked = true;
        Use.Releases.insert(memberOf(S.CalleeName).str());
      }
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
/// cv.notify()`): no role. A lock whose constructor's argument sets the
/// state its awaiter works on is a semaphore or an auto-reset event
/// (inferCountedLock).
void Inferrer::inferLock(llvm::StringRef Class, const AwaiterSet &Awaiters,
                         const std::set<std::string> &Waits,
                         const std::set<std::string> &Signals,
                         const LockUse &Use,
                         std::vector<std::string> Evidence) {
  // A member that both takes and gives back (`scoped_lock(task)` running
  // the task between) neither takes the lock for its caller nor releases it.
  std::set<std::string> Takes, Releases;
  std::set_difference(Waits.begin(), Waits.end(), Signals.begin(),
                      Signals.end(), std::inserter(Takes, Takes.end()));
  std::set_difference(Signals.begin(), Signals.end(), Waits.begin(),
                      Waits.end(), std::inserter(Releases, Releases.end()));
  if (Takes.empty() || Releases.empty())
    return;
  if (int Arg = stateArg(Class, Awaiters, {"await_ready", "await_suspend"});
      Arg >= 0)
    return inferCountedLock(Class, Takes, Releases, Use, Arg,
                            std::move(Evidence));
  // Taken with nothing, a lock waits for its own state; a condition
  // variable's wait is handed the lock it lets go of (`wait(mutex, pred)`).
  bool TakenWithNothing =
      llvm::all_of(Index.membersOf(Class), [&](const FunctionFact *Member) {
        return !Takes.count(memberOf(Member->Name).str()) ||
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
                                     {"lock", Takes},
                                     {"unlock", Releases}})
                           .dump(),
                       std::move(Evidence)});
  for (const std::string &Guard : Use.Guards)
    if (!describedByModel(Guard))
      Out.Types.push_back(
          {Guard,
           ordered_json({{"name", Guard}, {"role", "async-guard"}}).dump(),
           std::vector<std::string>{"its destructor releases '" + Class.str() +
                                    "'"}});
}

/// A lock whose constructor's argument \p Arg sets the state its awaiter
/// works on: by the argument's type, a count of units (an integer: a
/// semaphore, whose releases are the signals code calls after waiting,
/// libcoro's `semaphore(std::ptrdiff_t)`) or an initial state (a boolean:
/// an auto-reset event, cppcoro's `async_auto_reset_event(bool)`). An
/// argument of another type tells neither: no role.
void Inferrer::inferCountedLock(llvm::StringRef Class,
                                const std::set<std::string> &Waits,
                                const std::set<std::string> &Signals,
                                const LockUse &Use, int Arg,
                                std::vector<std::string> Evidence) {
  std::string Type = stateArgType(Class, Arg);
  bool Semaphore = isIntegerType(Type) && !Use.Releases.empty();
  if (!Semaphore && Type != "bool")
    return;
  ordered_json J = {{"name", Class},
                    {"role", "resource"},
                    {"resourceKind", Semaphore ? "semaphore" : "event"},
                    {"waits", Waits},
                    {"signals", Signals}};
  std::string Argument =
      "its constructor's argument " + std::to_string(Arg) + " ('" + Type;
  if (Semaphore) {
    J["unlock"] = Use.Releases;
    Evidence.push_back(Argument +
                       "') counts the units its awaiter takes; code that "
                       "takes one gives it back with '" +
                       *Use.Releases.begin() + "'");
  } else {
    J["setByArg"] = Arg;
    Evidence.push_back(Argument +
                       "') sets what its awaiter tests: it starts set or "
                       "not, and a wait takes the set state");
  }
  Out.Types.push_back({Class.str(), J.dump(), std::move(Evidence)});
}

} // namespace corolint::inference
