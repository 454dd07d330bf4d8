//===- lock-across-suspend.cpp - Sync lock held across a suspension -------===//
//
// Flags a synchronous lock that is still held when a coroutine suspends.
//
// Holding is decided on the CFG, not on the lexical scope: a lock is held at a
// suspension when some path from where it was taken reaches the suspension
// without passing a release (the guard's destructor, its unlock member, or the
// mutex's unlock on the same object). Which types are locks and which members
// release them is model data.
//
//===----------------------------------------------------------------------===//

#include "corolint/Rule.h"
#include "llvm/ADT/StringExtras.h"

namespace corolint {
namespace {

/// One place where a coroutine starts holding a synchronous lock.
struct Acquisition {
  unsigned Site;
  const ObjectRef *Holder; ///< The guard, or the mutex locked by hand.
  const TypeModel *HolderType;
  std::string What; ///< "lock 'g' on 'm'" or "mutex 'm'".
};

/// A guard holds a synchronous mutex unless it was given none
/// (default-constructed), told not to take it (std::defer_lock), or given an
/// async mutex (std::unique_lock over folly::coro::Mutex): that one suspends
/// its waiters instead of blocking them.
bool constructedHolding(const SiteFact &S, const TypeModel &Guard,
                        const ApiModels &Models) {
  bool HasMutex = false;
  for (const ArgFact &A : S.Args) {
    if (TypeModel::has(Guard.DeferTags, A.Type))
      return false;
    if (const TypeModel *T = Models.type(A.Type))
      if (T->Role == TypeRole::AsyncMutex)
        return false;
    HasMutex |= A.Ref.isKnown() || !A.Type.empty();
  }
  return HasMutex;
}

std::string describeGuard(const SiteFact &S) {
  std::vector<std::string> Mutexes;
  for (const ArgFact &A : S.Args)
    if (A.Ref.isKnown())
      Mutexes.push_back("'" + A.Ref.spelledName() + "'");
  std::string What = "lock '" + S.Receiver.spelledName() + "'";
  if (!Mutexes.empty())
    What += " on " + llvm::join(Mutexes, ", ");
  return What;
}

std::optional<Acquisition> asAcquisition(const SiteFact &S,
                                         const ApiModels &Models) {
  if (!S.Receiver.isKnown())
    return std::nullopt;
  if (S.Kind == SiteKind::ScopeBegin) {
    const TypeModel *T = Models.type(S.Receiver.Type);
    if (T && T->Role == TypeRole::SyncGuard &&
        constructedHolding(S, *T, Models))
      return Acquisition{S.Id, &S.Receiver, T, describeGuard(S)};
    return std::nullopt;
  }
  if (S.Kind != SiteKind::Call)
    return std::nullopt;
  const TypeModel *T = Models.typeForCall(S.Receiver.Type, S.CalleeName);
  if (!T || !TypeModel::has(T->Lock, splitMember(S.CalleeName).second))
    return std::nullopt;
  if (T->Role == TypeRole::SyncMutex)
    return Acquisition{S.Id, &S.Receiver, T,
                       "mutex '" + S.Receiver.spelledName() +
                           "' locked with lock()"};
  if (T->Role == TypeRole::SyncGuard)
    return Acquisition{S.Id, &S.Receiver, T,
                       "lock '" + S.Receiver.spelledName() + "' relocked"};
  return std::nullopt;
}

/// Whether \p S ends the guard that adopted the mutex \p Key.
bool endsAdoptingGuard(const SiteFact &S, const std::string &Key) {
  if (S.Kind != SiteKind::ScopeEnd)
    return false;
  for (const ArgFact &A : S.Args)
    if (A.Ref.isKnown() && A.Ref.Key == Key)
      return true;
  return false;
}

bool releases(const SiteFact &S, const Acquisition &A) {
  if (A.HolderType->Role == TypeRole::SyncMutex &&
      endsAdoptingGuard(S, A.Holder->Key))
    return true;
  if (S.Receiver.Key != A.Holder->Key)
    return false;
  if (S.Kind == SiteKind::ScopeEnd)
    return true;
  return S.Kind == SiteKind::Call &&
         TypeModel::has(A.HolderType->Unlock, splitMember(S.CalleeName).second);
}

/// A written co_await or co_yield that can really suspend.
bool suspends(const SiteFact &S, const ApiModels &Models) {
  if (S.Kind != SiteKind::Suspend || S.Implicit)
    return false;
  const TypeModel *T = Models.type(S.AwaitableType);
  return !T || T->Role != TypeRole::NoSuspend;
}

const char *suspendWord(const SiteFact &S) {
  return S.Suspend == SuspendKind::CoYield ? "co_yield" : "co_await";
}

Finding makeFinding(const Function &F, const Acquisition &A,
                    const SiteFact &Suspend) {
  const SiteFact &Lock = F.site(A.Site);
  Finding R;
  R.Rule = "lock-across-suspend";
  R.Severity = Level::Warning;
  R.Loc = Suspend.Loc;
  R.Function = F.name().str();
  R.Message = A.What + " is held across " + suspendWord(Suspend) +
              "; the coroutine can resume on another thread or let another "
              "coroutine on this thread block on the same mutex; release it "
              "before suspending or use an async mutex";
  R.Resources.push_back(A.Holder->Key);
  for (const ArgFact &Arg : Lock.Args)
    if (Arg.Ref.isKnown())
      R.Resources.push_back(Arg.Ref.Key);
  R.Path.push_back({Lock.Loc, A.What + " acquired here"});
  R.Path.push_back({Suspend.Loc, std::string("coroutine suspends here (") +
                                     suspendWord(Suspend) +
                                     ") with the lock held"});
  return R;
}

class LockAcrossSuspendRule : public Rule {
public:
  void check(const Program &P, std::vector<Finding> &Out) const override {
    for (const Function &F : P.functions())
      if (F.isCoroutine() && F.hasCfg())
        checkFunction(F, P.models(), Out);
  }

private:
  void checkFunction(const Function &F, const ApiModels &Models,
                     std::vector<Finding> &Out) const {
    for (const SiteFact &S : F.fact().Sites) {
      std::optional<Acquisition> A = asAcquisition(S, Models);
      if (!A)
        continue;
      auto Releases = [&](const SiteFact &Other) {
        return releases(Other, *A);
      };
      for (const SiteFact &Suspend : F.fact().Sites)
        if (suspends(Suspend, Models) &&
            F.reaches(A->Site, Suspend.Id, Releases))
          Out.push_back(makeFinding(F, *A, Suspend));
    }
  }
};

} // namespace

std::unique_ptr<Rule> createLockAcrossSuspendRule() {
  return std::make_unique<LockAcrossSuspendRule>();
}

} // namespace corolint
