//===- lock-across-suspend.cpp - Sync lock held across a suspension -------===//
//
// Flags a synchronous lock that is still held when a coroutine suspends.
//
// Holding is decided on the CFG, not on the lexical scope: a lock is held at a
// suspension when some path from where it was taken reaches the suspension
// without passing a release (the guard's destructor, its unlock member, or the
// mutex's unlock on the same object), and unless the suspension is a wait
// that is handed the lock and lets go of it meanwhile (an async condition
// variable). Which types are locks and which members release them is model
// data.
//
//===----------------------------------------------------------------------===//

#include "corolint/program/Locks.h"
#include "corolint/rules/Rule.h"
#include <set>

namespace corolint {
namespace {

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

/// Whether \p Suspend awaits a wait that is handed the lock \p A took (its
/// guard or one of its mutexes) and lets go of it while suspended, as an
/// async condition variable's `co_await cv.wait(mutex, pred)` does.
bool releasedWhileSuspended(const Program &P, const Function &F,
                            const LockAcquisition &A,
                            const SiteFact &Suspend) {
  std::set<std::string> Held{A.Holder->Key};
  for (const ObjectRef *Mutex : A.Mutexes)
    Held.insert(Mutex->Key);
  for (unsigned Call : F.callsAwaitedBy(Suspend.Id)) {
    const SiteFact &Wait = F.site(Call);
    if (!Wait.Receiver.isKnown())
      continue;
    const TypeModel *T =
        P.models().typeForCall(Wait.Receiver.Type, Wait.CalleeName);
    if (!T || !T->WaitReleasesLock ||
        !TypeModel::has(T->Waits, splitMember(Wait.CalleeName).second))
      continue;
    if (llvm::any_of(Wait.Args, [&](const ArgFact &Arg) {
          return Arg.Ref.isKnown() && Held.count(Arg.Ref.Key);
        }))
      return true;
  }
  return false;
}

Finding makeFinding(const Function &F, const LockAcquisition &A,
                    const SiteFact &Suspend) {
  const SiteFact &Lock = F.site(A.Site);
  Finding R;
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
    for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
      if (P.function(Fn).isCoroutine() && P.function(Fn).hasCfg())
        checkFunction(P, Fn, Out);
  }

private:
  /// One search per acquisition, over what runs while it is held: linear
  /// in the function for locks that are released (scoped guards), where one
  /// search per pair of lock and suspension was quadratic.
  void checkFunction(const Program &P, unsigned Fn,
                     std::vector<Finding> &Out) const {
    const Function &F = P.function(Fn);
    llvm::BitVector Suspends(F.fact().Sites.size());
    for (const SiteFact &S : F.fact().Sites)
      if (suspends(S, P.models()))
        Suspends.set(S.Id);
    if (Suspends.none())
      return;
    for (const LockAcquisition &A : findLockAcquisitions(P, Fn)) {
      if (A.Async)
        continue; // What an async mutex is for.
      std::vector<unsigned> Held;
      F.visitReachable(
          A.Site, [&](const SiteFact &Other) { return releasesLock(Other, A); },
          [&](unsigned Site) {
            ++Work;
            if (Suspends.test(Site))
              Held.push_back(Site);
          });
      llvm::sort(Held);
      for (unsigned Site : Held)
        if (!releasedWhileSuspended(P, F, A, F.site(Site)))
          Out.push_back(makeFinding(F, A, F.site(Site)));
    }
  }
};

} // namespace

std::unique_ptr<Rule> createLockAcrossSuspendRule() {
  return std::make_unique<LockAcrossSuspendRule>();
}

} // namespace corolint
