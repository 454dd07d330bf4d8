//===- lock-across-suspend.cpp - Sync lock held across a suspension -------===//
//
// Flags a synchronous lock that is still held when a coroutine suspends, or
// whose guard is moved into a callback handed to the event loop (the
// callback form of the same wait: the mutex stays locked until the loop
// runs the callback).
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
#include <map>
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

/// Per function, the registrations that hand the event loop a callback
/// into which a local is moved (`timer.async_wait([lock =
/// std::move(lock)](auto) { ... })`): the local's key, and the site. Built
/// once from the edges, where a guard is rare.
using MovedToLoop =
    std::map<unsigned, std::set<std::pair<std::string, unsigned>>>;

MovedToLoop localsMovedToLoop(const Program &P) {
  MovedToLoop Moved;
  for (const CallEdge &E : P.edges()) {
    if (!handsToLoop(E.Kind))
      continue;
    for (const ArgFact &A : P.site(E.From).Args)
      for (const std::string &Key : A.MovedIn)
        Moved[E.From.Function].insert({Key, E.From.Site});
  }
  return Moved;
}

Finding movedIntoCallback(const Function &F, const LockAcquisition &A,
                          const SiteFact &Registration) {
  Finding R;
  R.Severity = Level::Warning;
  R.Loc = Registration.Loc;
  R.Function = F.name().str();
  R.Message = A.What +
              " is moved into a callback handed to the event loop, so the "
              "mutex stays locked until the loop runs the callback; loop code "
              "that takes it meanwhile blocks the loop's thread, the one that "
              "must run the callback to unlock it; unlock before handing the "
              "callback over and lock again inside it";
  R.Resources.push_back(A.Holder->Key);
  for (const ObjectRef *Mutex : A.Mutexes)
    R.Resources.push_back(Mutex->Key);
  R.Path.push_back({F.site(A.Site).Loc, A.What + " acquired here"});
  R.Path.push_back({Registration.Loc,
                    "the guard is moved into the callback here, still "
                    "holding the mutex"});
  return R;
}

/// Where code on the loop takes a mutex and waits for it, by the mutex's
/// key: while a coroutine is suspended holding that mutex, such a lock
/// blocks the loop's thread, the thread that may be the one to resume the
/// holder (on a loop of one thread, for ever).
std::map<std::string, std::vector<SiteRef>> loopLockers(const Program &P) {
  std::map<std::string, std::vector<SiteRef>> Lockers;
  for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn) {
    if (!P.context(Fn).Loop)
      continue;
    for (const LockAcquisition &A : findLockAcquisitions(P, Fn))
      if (!A.Async && !A.Try && P.runsOnLoop({Fn, A.Site}))
        for (const ObjectRef *Mutex : A.Mutexes)
          Lockers[Mutex->Key].push_back({Fn, A.Site});
  }
  return Lockers;
}

/// Two functions each of its own unit's main file (two programs of one
/// compile database, each with its `SessionCache`) share no object.
bool sameUnitIfOwn(const Program &P, unsigned A, unsigned B) {
  const FunctionFact &FA = P.function(A).fact(), &FB = P.function(B).fact();
  return !FA.MainFileOnly || !FB.MainFileOnly || FA.Loc.File == FB.Loc.File;
}

/// A lock a finding says is held: across a suspension of \p Fn, or by a
/// callback its guard was moved into.
struct HeldLock {
  size_t Finding;
  unsigned Fn;
  LockAcquisition A;
  bool InCallback;
};

/// Notes the other functions on the loop that take a mutex \p H holds.
void noteLoopLockers(const Program &P, const HeldLock &H,
                     const std::map<std::string, std::vector<SiteRef>> &Lockers,
                     Finding &R) {
  const unsigned Fn = H.Fn;
  const LockAcquisition &A = H.A;
  const char *Holds = H.InCallback
                          ? "while the callback holds it, this waits and "
                            "blocks the loop's thread, for ever if that thread "
                            "is the one to run the callback"
                          : "while this coroutine is suspended holding it, "
                            "this waits and blocks the loop's thread, for ever "
                            "if that thread is the one to resume it";
  std::set<SiteRef> Noted;
  for (const ObjectRef *Mutex : A.Mutexes) {
    auto It = Lockers.find(Mutex->Key);
    if (It == Lockers.end())
      continue;
    for (const SiteRef &At : It->second)
      if (At.Function != Fn && sameUnitIfOwn(P, Fn, At.Function) &&
          Noted.insert(At).second)
        R.Path.push_back(
            {P.site(At).Loc, "'" + P.function(At.Function).name().str() +
                                 "' takes '" + Mutex->spelledName() +
                                 "' here, on the loop: " + Holds});
  }
}

class LockAcrossSuspendRule : public Rule {
public:
  void check(const Program &P, std::vector<Finding> &Out) const override {
    size_t Before = Out.size();
    std::vector<HeldLock> Held;
    MovedToLoop Moved = localsMovedToLoop(P);
    for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn) {
      if (!P.function(Fn).hasCfg())
        continue;
      if (P.function(Fn).isCoroutine())
        checkFunction(P, Fn, Out, Held);
      if (auto It = Moved.find(Fn); It != Moved.end())
        checkCallbacks(P, Fn, It->second, Out, Held);
    }
    if (Out.size() == Before)
      return;
    // Built only when something is held across a suspension.
    std::map<std::string, std::vector<SiteRef>> Lockers = loopLockers(P);
    for (const HeldLock &H : Held)
      noteLoopLockers(P, H, Lockers, Out[H.Finding]);
  }

private:
  /// The sites \p Wanted holds for that some path from where \p A took its
  /// lock reaches with the lock still held, in order: one search per
  /// acquisition, over what runs while it is held.
  std::vector<unsigned>
  reachedHolding(const Function &F, const LockAcquisition &A,
                 llvm::function_ref<bool(unsigned)> Wanted) const {
    std::vector<unsigned> Reached;
    F.visitReachable(
        A.Site, [&](const SiteFact &Other) { return releasesLock(Other, A); },
        [&](unsigned Site) {
          ++Work;
          if (Wanted(Site))
            Reached.push_back(Site);
        });
    llvm::sort(Reached);
    return Reached;
  }

  /// A guard moved into a callback that the loop runs later (one of
  /// \p Moved, \p Fn's) holds its mutex until then, as one held across a
  /// co_await does.
  void checkCallbacks(const Program &P, unsigned Fn,
                      const std::set<std::pair<std::string, unsigned>> &Moved,
                      std::vector<Finding> &Out,
                      std::vector<HeldLock> &Held) const {
    const Function &F = P.function(Fn);
    for (const LockAcquisition &A : findLockAcquisitions(P, Fn)) {
      if (A.Async || A.Try)
        continue;
      auto MovesGuard = [&](unsigned Site) {
        return Moved.count({A.Holder->Key, Site}) != 0;
      };
      for (unsigned Site : reachedHolding(F, A, MovesGuard)) {
        Held.push_back({Out.size(), Fn, A, true});
        Out.push_back(movedIntoCallback(F, A, F.site(Site)));
      }
    }
  }

  /// One search per acquisition, over what runs while it is held: linear
  /// in the function for locks that are released (scoped guards), where one
  /// search per pair of lock and suspension was quadratic.
  void checkFunction(const Program &P, unsigned Fn, std::vector<Finding> &Out,
                     std::vector<HeldLock> &Held) const {
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
      for (unsigned Site : reachedHolding(
               F, A, [&](unsigned Site) { return Suspends.test(Site); }))
        if (!releasedWhileSuspended(P, F, A, F.site(Site))) {
          Held.push_back({Out.size(), Fn, A, false});
          Out.push_back(makeFinding(F, A, F.site(Site)));
        }
    }
  }
};

} // namespace

std::unique_ptr<Rule> createLockAcrossSuspendRule() {
  return std::make_unique<LockAcrossSuspendRule>();
}

} // namespace corolint
