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

#include "corolint/program/Locks.h"
#include "corolint/rules/Rule.h"

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
  void checkFunction(const Program &P, unsigned Fn,
                     std::vector<Finding> &Out) const {
    const Function &F = P.function(Fn);
    const ApiModels &Models = P.models();
    for (const LockAcquisition &A : findLockAcquisitions(P, Fn)) {
      if (A.Async)
        continue; // What an async mutex is for.
      auto Releases = [&](const SiteFact &Other) {
        return releasesLock(Other, A);
      };
      for (const SiteFact &Suspend : F.fact().Sites)
        if (suspends(Suspend, Models) &&
            F.reaches(A.Site, Suspend.Id, Releases))
          Out.push_back(makeFinding(F, A, Suspend));
    }
  }
};

} // namespace

std::unique_ptr<Rule> createLockAcrossSuspendRule() {
  return std::make_unique<LockAcrossSuspendRule>();
}

} // namespace corolint
