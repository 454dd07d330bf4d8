//===- Locks.cpp - Where functions take locks, and what releases them -----===//

#include "corolint/program/Locks.h"
#include "llvm/ADT/StringExtras.h"
#include <map>
#include <optional>
#include <set>

namespace corolint {
namespace {

bool hasTag(const SiteFact &S, const std::vector<std::string> &Tags) {
  return llvm::any_of(
      S.Args, [&](const ArgFact &A) { return TypeModel::has(Tags, A.Type); });
}

/// A guard holds a synchronous mutex unless it was given none
/// (default-constructed), told not to take it (std::defer_lock), or given an
/// async mutex (std::unique_lock over folly::coro::Mutex): that one suspends
/// its waiters instead of blocking them.
bool constructedHolding(const SiteFact &S, const TypeModel &Guard,
                        const ApiModels &Models) {
  if (hasTag(S, Guard.DeferTags))
    return false;
  bool HasMutex = false;
  for (const ArgFact &A : S.Args) {
    if (const TypeModel *T = Models.type(A.Type))
      if (T->Role == TypeRole::AsyncMutex)
        return false;
    HasMutex |= A.Ref.isKnown() || !A.Type.empty();
  }
  return HasMutex;
}

std::vector<const ObjectRef *> namedArgs(const SiteFact &S) {
  std::vector<const ObjectRef *> Refs;
  for (const ArgFact &A : S.Args)
    if (A.Ref.isKnown())
      Refs.push_back(&A.Ref);
  return Refs;
}

/// "lock 'lk' on 'm'": the guard \p S, over the mutexes guard \p Made was
/// constructed with (itself, or the one a function returned into it).
std::string describeGuard(const SiteFact &S, const SiteFact &Made) {
  std::vector<std::string> Mutexes;
  for (const ObjectRef *M : namedArgs(Made))
    Mutexes.push_back("'" + M->spelledName() + "'");
  std::string What = "lock '" + S.Receiver.spelledName() + "'";
  if (!Mutexes.empty())
    What += " on " + llvm::join(Mutexes, ", ");
  return What;
}

class AcquisitionFinder {
public:
  AcquisitionFinder(const Program &P, unsigned Fn)
      : P(P), F(P.function(Fn)), Models(P.models()),
        Semaphores(P.semaphoreLocks(Fn)) {}

  std::vector<LockAcquisition> find() {
    for (const SiteFact &S : F.fact().Sites) {
      if (S.Receiver.isKnown())
        addSite(S);
      if (S.Kind == SiteKind::Call)
        addUnitsGuard(S);
    }
    return std::move(Found);
  }

private:
  void addSite(const SiteFact &S) {
    if (S.Kind == SiteKind::ScopeBegin)
      return addGuard(S);
    if (S.Kind != SiteKind::Call)
      return;
    const TypeModel *T = Models.typeForCall(S.Receiver.Type, S.CalleeName);
    if (!T)
      return;
    llvm::StringRef Member = splitMember(S.CalleeName).second;
    if (Semaphores.Takes.count(S.Id))
      addSemaphoreLock(S, *T, TypeModel::has(T->TryLock, Member));
    else if (T->Role == TypeRole::SyncMutex && TypeModel::has(T->Lock, Member))
      Found.push_back(
          {S.Id,
           &S.Receiver,
           T,
           {&S.Receiver},
           nullptr,
           false,
           false,
           "mutex '" + S.Receiver.spelledName() + "' locked with lock()"});
    else if (T->Role == TypeRole::SyncGuard && TypeModel::has(T->Lock, Member))
      addRelock(S, *T);
    else if (T->Role == TypeRole::AsyncMutex &&
             (TypeModel::has(T->Lock, Member) ||
              TypeModel::has(T->TryLock, Member)))
      addAsyncLock(S, *T, TypeModel::has(T->TryLock, Member));
  }

  void addGuard(const SiteFact &S) {
    const TypeModel *T = Models.type(S.Receiver.Type);
    if (!T || T->Role != TypeRole::SyncGuard)
      return;
    if (constructedHolding(S, *T, Models))
      return Found.push_back({S.Id, &S.Receiver, T, namedArgs(S), nullptr,
                              false, hasTag(S, T->TryTags),
                              describeGuard(S, S)});
    if (const SiteFact *Made = guardMadeBy(S, *T))
      Found.push_back({S.Id, &S.Receiver, T, namedArgs(*Made), nullptr, false,
                       hasTag(*Made, T->TryTags),
                       describeGuard(S, *Made) + ", taken by '" +
                           F.site(S.OperandCall).CalleeName + "'"});
  }

  /// `auto guard = lock();` where the program's `lock()` is
  /// `return std::unique_lock<std::mutex>(mutex_);`: the constructor, in
  /// the function that initializes the guard \p Local, of the one guard of
  /// its type that it makes, holding a mutex of its own object's or a
  /// global (not a parameter, which each caller binds). Null otherwise.
  const SiteFact *guardMadeBy(const SiteFact &Local, const TypeModel &Guard) {
    if (Local.OperandCall < 0)
      return nullptr;
    std::optional<unsigned> Maker = P.find(F.site(Local.OperandCall).CalleeUsr);
    if (!Maker || P.function(*Maker).fact().ReturnType != Local.Receiver.Type)
      return nullptr;
    const std::vector<SiteFact> &Sites = P.function(*Maker).fact().Sites;
    // A named guard (`std::unique_lock lk(mu_); ...; return lk;`) is both
    // its local's beginning and its constructor's call.
    auto IsLocal = [&](const ObjectRef &R) {
      return R.isKnown() && llvm::any_of(Sites, [&](const SiteFact &S) {
               return S.Kind == SiteKind::ScopeBegin && S.Receiver.Key == R.Key;
             });
    };
    const SiteFact *Made = nullptr;
    for (const SiteFact &S : Sites) {
      bool MakesGuard =
          S.Kind == SiteKind::ScopeBegin
              ? Models.type(S.Receiver.Type) == &Guard
              : S.Kind == SiteKind::Call && S.IsConstructor &&
                    !IsLocal(S.Receiver) &&
                    Models.type(splitMember(S.CalleeName).first) == &Guard;
      if (!MakesGuard)
        continue;
      if (Made || !constructedHolding(S, Guard, Models) ||
          llvm::any_of(namedArgs(S), [](const ObjectRef *M) {
            return M->K == ObjectRef::Kind::Param || !M->ThroughParam.empty();
          }))
        return nullptr;
      Made = &S;
    }
    return Made;
  }

  /// `lk.lock()` on a guard takes again the mutexes it was constructed with.
  void addRelock(const SiteFact &S, const TypeModel &Guard) {
    LockAcquisition A{
        S.Id,    &S.Receiver,
        &Guard,  {},
        nullptr, false,
        false,   "lock '" + S.Receiver.spelledName() + "' relocked"};
    for (const SiteFact &Other : F.fact().Sites)
      if (Other.Kind == SiteKind::ScopeBegin &&
          Other.Receiver.Key == S.Receiver.Key)
        A.Mutexes = namedArgs(Other);
    Found.push_back(std::move(A));
  }

  /// The local initialized from the lock's result holds it; a lock whose
  /// result is dropped is held until the mutex's unlock.
  void addAsyncLock(const SiteFact &S, const TypeModel &Mutex, bool Try) {
    LockAcquisition A{S.Id,   &S.Receiver,
                      &Mutex, {&S.Receiver},
                      &Mutex, true,
                      Try,    "async mutex '" + S.Receiver.spelledName() + "'"};
    for (const SiteFact *Local : localsStoring(S)) {
      A.Holder = &Local->Receiver;
      A.HolderType = Models.type(Local->Receiver.Type);
    }
    Found.push_back(std::move(A));
  }

  /// A unit the function gives back itself: held like a mutex locked by
  /// hand, until the give-back. Awaited, it suspends its waiters.
  void addSemaphoreLock(const SiteFact &S, const TypeModel &Semaphore,
                        bool Try) {
    bool Async = S.AwaitedIn >= 0;
    // A synchronous try is tested on the spot (`if (sem.try_acquire())`):
    // whether it holds depends on the branch, as for a mutex's try_lock,
    // which is not followed either.
    if (Try && !Async)
      return;
    Found.push_back({S.Id,
                     &S.Receiver,
                     &Semaphore,
                     {&S.Receiver},
                     nullptr,
                     Async,
                     Try,
                     "semaphore '" + S.Receiver.spelledName() + "'"});
  }

  /// `auto units = co_await get_units(sem, 1)`: the local holds a unit of
  /// the semaphore until it is destroyed or gives it back. Units dropped at
  /// once hold nothing.
  void addUnitsGuard(const SiteFact &S) {
    const FunctionModel *M = functionModelOf(Models, S);
    if (!M || M->LockArg < 0 || S.AwaitedIn < 0)
      return;
    for (const ArgFact &Arg : S.Args)
      if (static_cast<int>(Arg.Index) == M->LockArg && Arg.Ref.isKnown())
        for (const SiteFact *Local : localsStoring(S))
          Found.push_back(
              {S.Id,
               &Local->Receiver,
               Models.type(Local->Receiver.Type),
               {&Arg.Ref},
               nullptr,
               true,
               false,
               "units of semaphore '" + Arg.Ref.spelledName() + "'"});
  }

  /// The locals initialized from what call \p S gave back.
  std::vector<const SiteFact *> localsStoring(const SiteFact &S) const {
    std::vector<const SiteFact *> Locals;
    for (unsigned Store : F.storesOf(S.Id))
      if (F.site(Store).Kind == SiteKind::ScopeBegin)
        Locals.push_back(&F.site(Store));
    return Locals;
  }

  const Program &P;
  const Function &F;
  const ApiModels &Models;
  const SemaphoreLockSites &Semaphores;
  std::vector<LockAcquisition> Found;
};

/// The semaphore of a member call that takes a unit (a wait or a try), or
/// null.
const TypeModel *semaphoreTaken(const SiteFact &S, const ApiModels &Models) {
  if (S.Kind != SiteKind::Call || !S.Receiver.isKnown())
    return nullptr;
  const TypeModel *T = Models.typeForCall(S.Receiver.Type, S.CalleeName);
  if (!T || !T->isSemaphore())
    return nullptr;
  llvm::StringRef Member = splitMember(S.CalleeName).second;
  return TypeModel::has(T->Waits, Member) || TypeModel::has(T->TryLock, Member)
             ? T
             : nullptr;
}

/// Whether \p S ends a guard that adopted the mutex \p Key.
bool endsAdoptingGuard(const SiteFact &S, const std::string &Key) {
  if (S.Kind != SiteKind::ScopeEnd)
    return false;
  return llvm::any_of(S.Args, [&](const ArgFact &A) {
    return A.Ref.isKnown() && A.Ref.Key == Key;
  });
}

bool unlocks(const SiteFact &S, const ObjectRef &Obj, const TypeModel *T) {
  return S.Kind == SiteKind::Call && T && S.Receiver.Key == Obj.Key &&
         TypeModel::has(T->Unlock, splitMember(S.CalleeName).second);
}

} // namespace

SemaphoreLockSites findSemaphoreLockSites(const Function &F,
                                          const ApiModels &Models) {
  SemaphoreLockSites Result;
  auto NothingBlocks = [](const SiteFact &) { return false; };
  for (const SiteFact &Take : F.fact().Sites) {
    const TypeModel *T = semaphoreTaken(Take, Models);
    if (!T)
      continue;
    auto GivesBack = [&](const SiteFact &S) {
      return unlocks(S, Take.Receiver, T);
    };
    // A unit given back on some paths only (`if (cancelled) jobs.release();`)
    // is an event consumed that is sometimes put back, not a lock.
    if (F.reachesExit(Take.Id, GivesBack))
      continue;
    for (const SiteFact &Back : F.fact().Sites)
      if (GivesBack(Back) && F.reaches(Take.Id, Back.Id, NothingBlocks)) {
        Result.Takes.insert(Take.Id);
        Result.GivesBack.insert(Back.Id);
      }
  }
  return Result;
}

std::vector<LockAcquisition> findLockAcquisitions(const Program &P,
                                                  unsigned Fn) {
  return AcquisitionFinder(P, Fn).find();
}

bool releasesLock(const SiteFact &S, const LockAcquisition &A) {
  bool HeldByMutex = !A.Mutexes.empty() && A.Holder == A.Mutexes.front();
  if (HeldByMutex && endsAdoptingGuard(S, A.Holder->Key))
    return true;
  if (S.Receiver.Key == A.Holder->Key && S.Kind == SiteKind::ScopeEnd)
    return true;
  // `hand_off(std::move(lk))`: the guard's new owner lets go of it.
  if (llvm::any_of(S.Args, [&](const ArgFact &Arg) {
        return Arg.HandedOver && Arg.Ref.Key == A.Holder->Key;
      }))
    return true;
  if (unlocks(S, *A.Holder, A.HolderType))
    return true;
  // An async lock's holder may be an unmodelled guard; the mutex's own
  // unlock still releases it, and so does the guard's member of that name
  // (`lk.unlock()`).
  return A.MutexType && (unlocks(S, *A.Mutexes.front(), A.MutexType) ||
                         (!A.HolderType && unlocks(S, *A.Holder, A.MutexType)));
}

namespace {

/// The keys of the mutexes \p A takes in \p Fn, resolved through
/// parameters and references to the objects they name.
std::set<std::string> mutexKeys(const Program &P, unsigned Fn,
                                const LockAcquisition &A) {
  std::set<std::string> Keys;
  for (const ObjectRef *M : A.Mutexes)
    for (const ObjectRef &R : P.resolve(Fn, *M))
      Keys.insert(R.Key);
  return Keys;
}

/// How far into the functions a holder calls a blocking operation is looked
/// for: the held region's helpers and theirs.
constexpr unsigned SlowHoldDepth = 3;

} // namespace

SlowHolders::SlowHolders(const Program &P) : P(P) {
  for (const CallEdge &E : P.edges())
    if (E.Kind == EdgeKind::Calls || E.Kind == EdgeKind::Awaits)
      Callees[E.From].push_back(E.Callee);
  // Only a holder on another thread can keep the loop waiting: one on the
  // loop takes its turn, and main before it runs the loop has let go.
  for (unsigned G = 0; G < P.functions().size(); ++G)
    if (P.context(G).Worker)
      for (LockAcquisition &A : findLockAcquisitions(P, G))
        if (!A.Try && !A.Async)
          Held.push_back({G, std::move(A)});
}

std::optional<SlowHold> SlowHolders::of(unsigned Fn,
                                        const LockAcquisition &Taken) const {
  std::set<std::string> Keys = mutexKeys(P, Fn, Taken);
  if (Keys.empty())
    return std::nullopt;
  for (const auto &[G, A] : Held) {
    if (G == Fn || llvm::none_of(mutexKeys(P, G, A), [&](const std::string &K) {
          return Keys.count(K) != 0;
        }))
      continue;
    std::optional<SlowHold> Found;
    const Function &F = P.function(G);
    F.visitReachable(
        A.Site, [&](const SiteFact &S) { return releasesLock(S, A); },
        [&](unsigned Site) {
          if (Found || Site == A.Site || releasesLock(F.site(Site), A))
            return;
          if (auto Op = blockingFrom({G, Site}, Keys, &A))
            Found = SlowHold{{G, A.Site}, {G, Site}, *Op};
        });
    if (Found)
      return Found;
  }
  return std::nullopt;
}

bool SlowHolders::blocks(SiteRef At, const std::set<std::string> &Keys,
                         const LockAcquisition *A) const {
  const SiteFact &S = P.site(At);
  const FunctionModel *M = S.Kind == SiteKind::Call ? P.modelOf(S) : nullptr;
  if (!M || M->Blocking.empty() || M->Kind == BlockingKind::Lock ||
      P.returnsAtOnce(At))
    return false;
  // A wait handed the mutex or its guard lets go of it. In a helper, the
  // lock arrives as a parameter: any mutex or guard it is handed
  // (`wait_for_job(lock)` doing `cv.wait(lock)`) is let go.
  auto Names = [&](const ObjectRef &R) {
    if (!R.isKnown())
      return false;
    if (Keys.count(R.Key) || (A && R.Key == A->Holder->Key))
      return true;
    const TypeModel *T = A ? nullptr : P.models().type(R.Type);
    return T &&
           (T->Role == TypeRole::SyncMutex || T->Role == TypeRole::SyncGuard);
  };
  return !Names(S.Receiver) && llvm::none_of(S.Args, [&](const ArgFact &Arg) {
    return Names(Arg.Ref);
  });
}

std::optional<SiteRef>
SlowHolders::blockingFrom(SiteRef At, const std::set<std::string> &Keys,
                          const LockAcquisition *A) const {
  if (blocks(At, Keys, A))
    return At;
  std::set<unsigned> Seen;
  std::vector<unsigned> Frontier;
  auto Enter = [&](SiteRef From) {
    if (auto It = Callees.find(From); It != Callees.end())
      for (unsigned H : It->second)
        if (Seen.insert(H).second)
          Frontier.push_back(H);
  };
  Enter(At);
  for (unsigned Depth = 0; Depth < SlowHoldDepth && !Frontier.empty();
       ++Depth) {
    std::vector<unsigned> Level = std::move(Frontier);
    Frontier.clear();
    for (unsigned H : Level)
      for (const SiteFact &S : P.function(H).fact().Sites) {
        if (blocks({H, S.Id}, Keys, nullptr))
          return SiteRef{H, S.Id};
        Enter({H, S.Id});
      }
  }
  return std::nullopt;
}

} // namespace corolint
