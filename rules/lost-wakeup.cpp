//===- lost-wakeup.cpp - Notify after an unlocked change of the predicate -===//
//
// Flags a notify on a condition variable that follows a change of the state
// its waiters test, made without the mutex they test it under, a wakeup of
// one waiter after a change that several waiting threads wait for
// (checkWakesOne), and a wait that tests no state at all
// (StatelessWaitCheck): lost wakeups.
//
// A condition variable keeps no state (models: `forgetsSignals`). A waiter
// takes the mutex, finds its predicate false and blocks, and the wait lets go
// of the mutex only once the waiter is blocked. A notifier that changes the
// state and notifies without taking that mutex in between can do both while
// the waiter is between its test and its block: the notification finds no
// one, and the waiter sleeps until the next one, which may never come.
// Holding the mutex at the change, or taking it anywhere between the change
// and the notify, closes that window.
//
// The waiters say what is guarded: a wait handed a lock over mutex M (its
// guard in the same function) with a predicate lambda whose `return` reads
// state S, inside a `while (!S)` loop, or under an `if` or a loop whose
// condition reads S (a field or a global). A wait with a timeout only delays,
// so only waits without one count. Each notify is then checked against the
// changes of S on the paths into it in the same function.
//
//===----------------------------------------------------------------------===//

#include "corolint/program/Locks.h"
#include "corolint/program/Threads.h"
#include "corolint/rules/Rule.h"
#include "llvm/ADT/BitVector.h"
#include <algorithm>
#include <map>
#include <set>

namespace corolint {
namespace {

/// The model of a condition variable's member that call \p S makes, if the
/// object's type forgets signals and \p Members lists it.
const TypeModel *forgetfulMember(const Program &P, const SiteFact &S,
                                 std::vector<std::string> TypeModel::*Members) {
  if (S.Kind != SiteKind::Call || !S.Receiver.isKnown())
    return nullptr;
  const TypeModel *T =
      P.models().typeForCall(S.Receiver.Type, S.CalleeName);
  if (!T || !T->ForgetsSignals ||
      !TypeModel::has(T->*Members, splitMember(S.CalleeName).second))
    return nullptr;
  return T;
}

/// Whether the lock \p A took is held at \p Site of \p F: taken on every
/// path to it, and some path from there reaches it without a release. In a
/// `catch` handler, which no path of the CFG reaches, taken before it in
/// the handler (`catch (...) { lock.lock(); finished(); throw; }`).
bool holds(const Function &F, const LockAcquisition &A, unsigned Site) {
  return (F.dominates(A.Site, Site) || !F.reachable(Site)) &&
         F.reaches(A.Site, Site,
                   [&](const SiteFact &S) { return releasesLock(S, A); });
}

/// What the untimed waits on one condition variable guard: the mutexes
/// they hold while testing, and the state they test.
struct Guarded {
  SiteRef Wait;
  std::set<std::string> Mutexes;
  std::string MutexName = "the mutex its waiters hold"; ///< For messages.
  std::map<std::string, ObjectRef> State;
};

class LostWakeupCheck {
public:
  explicit LostWakeupCheck(const Program &P) : P(P) {
    for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
      for (const SiteFact &S : P.function(Fn).fact().Sites)
        if (forgetfulMember(P, S, &TypeModel::Waits) && !P.passesTimeout(S))
          addWaiter(Fn, S);
  }

  void run(std::vector<Finding> &Out, uint64_t &Work) const {
    if (ByVariable.empty())
      return;
    std::vector<std::vector<unsigned>> Callees;
    for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
      for (const SiteFact &S : P.function(Fn).fact().Sites) {
        if (forgetfulMember(P, S, &TypeModel::Signals))
          checkNotify(Fn, S, Out);
        if (forgetfulMember(P, S, &TypeModel::WakesOne)) {
          if (Callees.empty())
            Callees = calleesOf(P, /*WithAwaits=*/false);
          checkWakesOne(Fn, S, Callees, Out, Work);
        }
      }
  }

private:
  void addWaiter(unsigned Fn, const SiteFact &Wait) {
    Guarded G;
    G.Wait = {Fn, Wait.Id};
    std::set<std::string> Locks;
    for (const ArgFact &A : Wait.Args)
      if (A.Ref.isKnown())
        Locks.insert(A.Ref.Key);
    // The mutexes of a guard handed to the wait; and a wait handed the
    // mutex itself (`QWaitCondition::wait(&mu_)`, `pthread_cond_wait(&cv,
    // &mu)`) that a lock of the function holds around it: what an accessor
    // returns (`locker.mutex()`) is not known to be that mutex.
    const Function &F = P.function(Fn);
    std::map<std::string, const ObjectRef *> HeldHere;
    for (const LockAcquisition &A : findLockAcquisitions(P, Fn)) {
      if (A.Holder && Locks.count(A.Holder->Key)) {
        for (const ObjectRef *M : A.Mutexes)
          for (const ObjectRef &R : P.resolve(Fn, *M))
            G.Mutexes.insert(R.Key);
        if (!A.Mutexes.empty())
          G.MutexName = "'" + A.Mutexes.front()->spelledName() + "'";
      }
      if (holds(F, A, Wait.Id))
        for (const ObjectRef *M : A.Mutexes)
          HeldHere.try_emplace(M->Key, M);
    }
    for (const ArgFact &A : Wait.Args)
      if (auto It = HeldHere.find(A.Ref.Key); It != HeldHere.end()) {
        for (const ObjectRef &R : P.resolve(Fn, A.Ref))
          G.Mutexes.insert(R.Key);
        G.MutexName = "'" + It->second->spelledName() + "'";
      }
    for (const ArgFact &A : Wait.Args)
      if (std::optional<unsigned> Pred = P.find(A.CallableUsr))
        addPredicateState(*Pred, G);
    for (const PollFact &Poll : P.function(Fn).fact().Polls)
      if (Poll.Kind == PollKind::Loop && llvm::is_contained(Poll.Sites, Wait.Id))
        for (const ObjectRef &R : P.resolve(Fn, Poll.Flag))
          G.State.try_emplace(R.Key, R);
    // `if (version_ == seen) cv.wait(lk);`: what the tests that decide
    // whether it waits read is guarded too, if other threads can see it.
    for (const ObjectRef &Read : Wait.ConditionReads)
      for (const ObjectRef &R : P.resolve(Fn, Read))
        if (R.K == ObjectRef::Kind::Field || R.K == ObjectRef::Kind::Global)
          G.State.try_emplace(R.Key, R);
    if (G.Mutexes.empty() || G.State.empty())
      return;
    for (const ObjectRef &Cv : P.resolve(Fn, Wait.Receiver))
      ByVariable[Cv.Key].push_back(G);
  }

  /// What a predicate reads: the objects its `return` names, and those it
  /// calls const members on (`ready.load()`, `queue.empty()`).
  void addPredicateState(unsigned Pred, Guarded &G) const {
    const FunctionFact &F = P.function(Pred).fact();
    std::vector<ObjectRef> Read = F.Reads;
    for (const SiteFact &S : F.Sites)
      if (S.Kind == SiteKind::Call && S.Receiver.isKnown() && !S.Mutates)
        Read.push_back(S.Receiver);
    for (const ObjectRef &Obj : Read)
      for (const ObjectRef &R : P.resolve(Pred, Obj))
        G.State.try_emplace(R.Key, R);
  }

  void checkNotify(unsigned Fn, const SiteFact &Notify,
                   std::vector<Finding> &Out) const {
    std::set<std::string> Reported;
    for (const ObjectRef &Cv : P.resolve(Fn, Notify.Receiver)) {
      auto It = ByVariable.find(Cv.Key);
      if (It == ByVariable.end())
        continue;
      for (const Guarded &G : It->second)
        if (std::optional<Finding> F = unguardedChange(Fn, Notify, G);
            F && Reported.insert(F->Message).second)
          Out.push_back(std::move(*F));
    }
  }

  /// The locks in \p Fn that may be on \p G's mutexes: those on one of
  /// them, and, since missing a lock would report correct code, those the
  /// analysis cannot tie to a mutex of the program: a guard over no named
  /// mutex or over a local (a reference to the real one), and a guard a
  /// function returns (`auto lk = lock();`).
  std::vector<LockAcquisition> mayGuard(unsigned Fn, const Guarded &G) const {
    std::vector<LockAcquisition> Result;
    std::set<unsigned> Sites;
    for (LockAcquisition &A : findLockAcquisitions(P, Fn)) {
      Sites.insert(A.Site);
      bool Unknown = A.Mutexes.empty();
      bool Ours = false;
      for (const ObjectRef *M : A.Mutexes)
        for (const ObjectRef &R : P.resolve(Fn, *M)) {
          Ours |= G.Mutexes.count(R.Key) > 0;
          Unknown |= R.K == ObjectRef::Kind::Local;
        }
      if (Ours || Unknown)
        Result.push_back(std::move(A));
    }
    for (const SiteFact &S : P.function(Fn).fact().Sites) {
      const TypeModel *T = S.Kind == SiteKind::ScopeBegin
                               ? P.models().type(S.Receiver.Type)
                               : nullptr;
      if (T && T->Role == TypeRole::SyncGuard && !Sites.count(S.Id) &&
          S.OperandCall >= 0)
        Result.push_back({S.Id, &S.Receiver, T, {}, nullptr, false, false,
                          "lock '" + S.Receiver.spelledName() + "'"});
    }
    return Result;
  }

  /// Whether every call into \p Fn is made with one of \p G's mutexes (or
  /// a lock that may be one) held: the caller guards what \p Fn changes.
  bool calledUnderLock(unsigned Fn, const Guarded &G) const {
    llvm::ArrayRef<unsigned> Into = P.edgesInto(Fn);
    return !Into.empty() && llvm::all_of(Into, [&](unsigned Index) {
      const CallEdge &E = P.edges()[Index];
      return (E.Kind == EdgeKind::Calls || E.Kind == EdgeKind::Awaits) &&
             heldAt(P.function(E.From.Function), mayGuard(E.From.Function, G),
                    E.From.Site);
    });
  }

  /// A change of \p G's state in \p Fn that reaches \p Notify with none of
  /// its mutexes held at the change nor taken on the way.
  std::optional<Finding> unguardedChange(unsigned Fn, const SiteFact &Notify,
                                         const Guarded &G) const {
    const Function &F = P.function(Fn);
    std::vector<LockAcquisition> Guards = mayGuard(Fn, G);
    auto TakesMutex = [&](const SiteFact &S) {
      return llvm::any_of(Guards,
                          [&](const LockAcquisition &A) { return A.Site == S.Id; });
    };
    for (const SiteFact &S : F.fact().Sites) {
      const ObjectRef *Changed = changedState(Fn, S, G);
      if (!Changed || !F.reaches(S.Id, Notify.Id, TakesMutex) ||
          heldAt(F, Guards, S.Id))
        continue;
      if (calledUnderLock(Fn, G))
        return std::nullopt;
      return makeFinding(Fn, S, Notify, G, *Changed);
    }
    return std::nullopt;
  }

  /// The state of \p G that site \p S changes: an assignment to it or a
  /// non-const member call on it (`ready.store(true)`, `queue.push(x)`).
  const ObjectRef *changedState(unsigned Fn, const SiteFact &S,
                                const Guarded &G) const {
    if (!changesItsObject(S) || !S.Receiver.isKnown())
      return nullptr;
    for (const ObjectRef &R : P.resolve(Fn, S.Receiver))
      if (auto It = G.State.find(R.Key); It != G.State.end())
        return &It->second;
    return nullptr;
  }

  /// `closing_ = true; cv.notify_one();` while several threads wait on `cv`
  /// for `closing_`: one of them wakes, and unless it wakes the next, the
  /// others sleep on. A flag set to a constant counts unless a waiter
  /// clears it again (`ready_ = false`). A counter bumped may be an item
  /// for one waiter, which one wakeup serves: it counts only when the
  /// waiters change nothing their predicate reads (an epoch each compares
  /// with the one it has seen), so that what wakes one wakes all. A queue
  /// pushed (a call) is an item for one waiter.
  void checkWakesOne(unsigned Fn, const SiteFact &Notify,
                     const std::vector<std::vector<unsigned>> &Callees,
                     std::vector<Finding> &Out, uint64_t &Work) const {
    const Function &F = P.function(Fn);
    // A notify that goes round a loop may wake each waiter in turn, and so
    // may one whose function a caller calls in a loop (once per waiter).
    if (F.repeats(Notify.Id) || llvm::any_of(P.edgesInto(Fn), [&](unsigned E) {
          SiteRef Call = P.edges()[E].From;
          return P.function(Call.Function).repeats(Call.Site);
        }))
      return;
    auto None = [](const SiteFact &) { return false; };
    for (const ObjectRef &Cv : P.resolve(Fn, Notify.Receiver)) {
      auto It = ByVariable.find(Cv.Key);
      if (It == ByVariable.end() || wakesAll(Fn, Cv.Key))
        continue;
      for (const Guarded &G : It->second) {
        std::vector<unsigned> Roots;
        std::optional<SiteRef> Start =
            severalThreadsWait(Cv, G.Wait.Function, Roots, Work);
        if (!Start || reachesSiteOn(Callees, Roots, Cv.Key,
                                    &LostWakeupCheck::signals, Work))
          continue;
        for (const SiteFact &S : F.fact().Sites) {
          const ObjectRef *Changed =
              S.Kind == SiteKind::Write ? changedState(Fn, S, G) : nullptr;
          if (!Changed || !F.reaches(S.Id, Notify.Id, None))
            continue;
          // A count: what the waiters share and change or hand to a call
          // (`std::exchange(pending_, 0)`) takes from it; a waiter's own
          // `seen = epoch_` takes nothing.
          bool TakenBack =
              S.Value ? reachesSiteOn(Callees, Roots, Changed->Key,
                                      &LostWakeupCheck::changes, Work)
                      : llvm::any_of(G.State, [&](const auto &Read) {
                          const ObjectRef &R = Read.second;
                          return (R.K == ObjectRef::Kind::Field ||
                                  R.K == ObjectRef::Kind::Global) &&
                                 reachesSiteOn(Callees, Roots, Read.first,
                                               &LostWakeupCheck::touches, Work);
                        });
          if (!TakenBack) {
            Out.push_back(oneWakeupFinding(Fn, S, Notify, G, *Changed, *Start));
            return;
          }
        }
      }
    }
  }

  /// Whether \p Fn also wakes every waiter of condition variable \p Cv.
  bool wakesAll(unsigned Fn, const std::string &Cv) const {
    return llvm::any_of(P.function(Fn).fact().Sites, [&](const SiteFact &S) {
      return forgetfulMember(P, S, &TypeModel::Signals) &&
             !forgetfulMember(P, S, &TypeModel::WakesOne) && on(Fn, S, Cv);
    });
  }

  /// A call that starts threads that run waiting function \p Waiter at
  /// once, on one object that owns \p Cv: one start that goes round a
  /// loop, or two in one function that can run at once. A start is a call
  /// whose model offloads its callable (a thread, a pool's task); not a
  /// loop that the program made a work queue, which may have one thread. A
  /// field's key is every object's of its class, so the waiter must be a
  /// member of that class and the starts say which object it runs on
  /// (startedOn). \p Roots gets the functions the threads run.
  std::optional<SiteRef> severalThreadsWait(const ObjectRef &Cv,
                                            unsigned Waiter,
                                            std::vector<unsigned> &Roots,
                                            uint64_t &Work) const {
    // The class whose objects own the variable; none for a global.
    std::string Owner;
    if (Cv.K == ObjectRef::Kind::Field)
      Owner = splitMember(Cv.Name).first.str();
    else if (Cv.K != ObjectRef::Kind::Global)
      return std::nullopt;
    if (!onObjectOf(Waiter, Owner))
      return std::nullopt;
    std::vector<std::pair<const CallEdge *, std::string>> Starts;
    for (unsigned Index : startsReaching(P, Waiter, Work)) {
      const CallEdge &E = P.edges()[Index];
      const FunctionModel *M = P.modelOf(P.site(E.From));
      if (M && !M->Offload.empty())
        if (std::optional<std::string> On = startedOn(E, Owner, Waiter))
          Starts.push_back({&E, *On});
    }
    std::optional<SiteRef> Start;
    for (const auto &[A, OnA] : Starts)
      for (const auto &[B, OnB] : Starts)
        if (!Start && OnA == OnB && A->From.Function == B->From.Function &&
            !(B->From < A->From) && runAtOnce(P, A->From, B->From))
          Start = A->From;
    if (Start) {
      Roots = {Waiter};
      for (const auto &[E, On] : Starts)
        Roots.push_back(E->Callee);
    }
    return Start;
  }

  /// Whether \p Fn runs on an object of class \p Owner (any, when empty).
  bool onObjectOf(unsigned Fn, llvm::StringRef Owner) const {
    return Owner.empty() || P.function(Fn).fact().ObjectClass == Owner;
  }

  /// The object whose \p Waiter the thread that \p Start starts runs: the
  /// starting member's own (`this`), when \p Owner's member starts it; or a
  /// named local or global that the thread's callable calls \p Waiter on
  /// (`QThread::create([&q] { q.work(); })` in `main`), also through a
  /// reference field that the callable's class is constructed with
  /// (`pub_.wait()`, `pub_` bound to `main`'s `publisher`).
  std::optional<std::string> startedOn(const CallEdge &Start,
                                       llvm::StringRef Owner,
                                       unsigned Waiter) const {
    if (onObjectOf(Start.From.Function, Owner))
      return std::string("this");
    const std::string &Usr = P.function(Waiter).fact().Usr;
    for (const SiteFact &S : P.function(Start.Callee).fact().Sites) {
      if (S.CalleeUsr != Usr || S.OtherObject || !S.Receiver.isKnown())
        continue;
      std::vector<ObjectRef> On = P.resolve(Start.Callee, S.Receiver);
      if (On.size() == 1 &&
          (On[0].K == ObjectRef::Kind::Local ||
           On[0].K == ObjectRef::Kind::Global) &&
          !madeInALoop(Start.From.Function, On[0]))
        return On[0].Key;
    }
    return std::nullopt;
  }

  /// Whether local \p Obj of \p Fn is made anew on each turn of a loop
  /// (`for (...) { feed f; threads.emplace_back(...); }`): one per thread.
  bool madeInALoop(unsigned Fn, const ObjectRef &Obj) const {
    const Function &F = P.function(Fn);
    return Obj.K == ObjectRef::Kind::Local &&
           llvm::any_of(F.fact().Sites, [&](const SiteFact &S) {
             return S.Kind == SiteKind::ScopeBegin &&
                    S.Receiver.Key == Obj.Key && F.repeats(S.Id);
           });
  }

  /// Whether \p S, in \p Fn, signals the object \p Key or changes it.
  using SiteTest = bool (LostWakeupCheck::*)(unsigned Fn, const SiteFact &S,
                                             const std::string &Key) const;
  bool signals(unsigned Fn, const SiteFact &S, const std::string &Key) const {
    return forgetfulMember(P, S, &TypeModel::Signals) && on(Fn, S, Key);
  }
  bool changes(unsigned Fn, const SiteFact &S, const std::string &Key) const {
    return changesItsObject(S) && on(Fn, S, Key);
  }
  /// Changes it, or hands it to a call that may (`std::exchange(n, 0)`).
  bool touches(unsigned Fn, const SiteFact &S, const std::string &Key) const {
    return changes(Fn, S, Key) || llvm::any_of(S.Args, [&](const ArgFact &A) {
             return denotes(Fn, A.Ref, Key);
           });
  }
  /// An assignment to its object, or a non-const member call on it.
  static bool changesItsObject(const SiteFact &S) {
    return (S.Kind == SiteKind::Write && !S.Initial) ||
           (S.Kind == SiteKind::Call && S.Mutates);
  }
  bool on(unsigned Fn, const SiteFact &S, const std::string &Key) const {
    return denotes(Fn, S.Receiver, Key);
  }
  /// Whether \p Ref, in \p Fn, may name the object \p Key.
  bool denotes(unsigned Fn, const ObjectRef &Ref,
               const std::string &Key) const {
    return Ref.isKnown() &&
           llvm::any_of(P.resolve(Fn, Ref),
                        [&](const ObjectRef &R) { return R.Key == Key; });
  }

  /// Whether a function of \p From, or one they call, has a site that \p Test
  /// holds for on object \p Key.
  bool reachesSiteOn(const std::vector<std::vector<unsigned>> &Callees,
                     llvm::ArrayRef<unsigned> From, const std::string &Key,
                     SiteTest Test, uint64_t &Work) const {
    return anyReached(Callees, From, [&](unsigned Fn) {
      return llvm::any_of(P.function(Fn).fact().Sites, [&](const SiteFact &S) {
        ++Work;
        return (this->*Test)(Fn, S, Key);
      });
    });
  }

  Finding oneWakeupFinding(unsigned Fn, const SiteFact &Change,
                           const SiteFact &Notify, const Guarded &G,
                           const ObjectRef &State, SiteRef Start) const {
    std::string Cv = "'" + Notify.Receiver.spelledName() + "'";
    std::string What = "'" + State.spelledName() + "'";
    Finding R;
    R.Severity = Level::Warning;
    R.Loc = Notify.Loc;
    R.Function = P.function(Fn).name().str();
    R.Resources = {Notify.Receiver.Key, State.Key};
    R.Message = Cv + " wakes one waiter after " + What +
                " changed, but several threads wait on it for " + What +
                " and the one woken wakes no other: the rest sleep on, "
                "and whatever waits for them waits forever; wake them all";
    R.Path = {{Change.Loc, What + " changes here"},
              {P.site(G.Wait).Loc, "each thread waits for it here"},
              {P.site(Start).Loc, "several threads that wait are started here"},
              {Notify.Loc, "only one of them is woken here"}};
    return R;
  }

  /// Whether a lock of \p Guards is held at \p Site.
  static bool heldAt(const Function &F,
                     const std::vector<LockAcquisition> &Guards,
                     unsigned Site) {
    return llvm::any_of(
        Guards, [&](const LockAcquisition &A) { return holds(F, A, Site); });
  }

  Finding makeFinding(unsigned Fn, const SiteFact &Change,
                      const SiteFact &Notify, const Guarded &G,
                      const ObjectRef &State) const {
    const SiteFact &Wait = P.site(G.Wait);
    std::string Cv = "'" + Notify.Receiver.spelledName() + "'";
    std::string What = "'" + State.spelledName() + "'";
    const std::string &Mutex = G.MutexName;
    Finding R;
    R.Severity = Level::Warning;
    R.Loc = Notify.Loc;
    R.Function = P.function(Fn).name().str();
    R.Resources = {Notify.Receiver.Key, State.Key};
    R.Message = Cv + " is notified after " + What + " changed without " +
                Mutex + ": a waiter that has just found its predicate false "
                "and is not yet blocked misses this notification and can "
                "sleep forever; change " + What + " while holding " + Mutex +
                ", or lock it before notifying";
    R.Path = {{Change.Loc, What + " changes here without " + Mutex},
              {Wait.Loc, "a waiter tests " + What + " under " + Mutex +
                             " here"},
              {Notify.Loc, "notified here"}};
    return R;
  }

  const Program &P;
  /// Condition variable key -> what its untimed waits guard.
  std::map<std::string, std::vector<Guarded>> ByVariable;
};

/// A wait on a condition variable that tests no state: handed no
/// predicate, in no loop, on every path of its function. It returns only
/// when a notify comes after it; a notify from other code that runs first
/// (the other thread was quicker) finds no waiter and is forgotten, and the
/// wait never returns. With a predicate, or a state tested in a loop or an
/// `if` around it, the waiter sees that the change already happened.
class StatelessWaitCheck {
public:
  explicit StatelessWaitCheck(const Program &P) : P(P) {}

  void run(std::vector<Finding> &Out) const {
    for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
      for (const SiteFact &S : P.function(Fn).fact().Sites)
        if (testsNoState(Fn, S))
          if (std::optional<SiteRef> Notify = notifyElsewhere(Fn, S))
            if (!startsNotifierUnderLock(Fn, S, *Notify))
              Out.push_back(makeFinding(Fn, S, *Notify));
  }

private:
  bool testsNoState(unsigned Fn, const SiteFact &Wait) const {
    const Function &F = P.function(Fn);
    return forgetfulMember(P, Wait, &TypeModel::Waits) &&
           !P.passesTimeout(Wait) && !handedAPredicate(Wait) &&
           ((!F.repeats(Wait.Id) && F.onEveryPath(Wait.Id)) ||
            testedBeforeItsLock(F, Wait) || countsWakeups(F, Wait)) &&
           !callersTestState(Fn) && !uncalledWrapper(Fn, Wait) &&
           !announcedBefore(Fn, Wait) && !announcedUnderItsLock(Fn, Wait);
  }

  /// `void condition::wait(mutex &m) { uv_cond_wait(raw(), m.raw()); }`: a
  /// wait handed its caller's mutex is a wrapper, which callers call holding
  /// that mutex and testing their state under it. When the program calls it
  /// nowhere (a library's API), there is no caller to judge.
  bool uncalledWrapper(unsigned Fn, const SiteFact &Wait) const {
    return P.edgesInto(Fn).empty() &&
           llvm::any_of(Wait.Args, [&](const ArgFact &A) {
             return A.Ref.K == ObjectRef::Kind::Param &&
                    A.Ref.Key != Wait.Receiver.Key;
           });
  }

  /// `if (in_flight() == 0) return; ...; std::unique_lock lk(mu_);
  /// cv.wait(lk);`: the wait runs on some paths only, but whatever chose
  /// them ran before the guard it is handed took the mutex, and from there
  /// on it waits on every path. A notify between the test and the lock
  /// finds no waiter, as for a wait that tests nothing. So in a loop that
  /// takes the mutex anew on each turn and goes on to the wait whatever it
  /// finds (`for (;;) { std::unique_lock lk(mu_); cv_.wait(lk); last =
  /// closing_; ... if (last) return; }`): what it tests, it tests after
  /// the wait or without the lock.
  bool testedBeforeItsLock(const Function &F, const SiteFact &Wait) const {
    auto AtWait = [&](const SiteFact &S) { return S.Id == Wait.Id; };
    return llvm::any_of(guardTakings(F, Wait), [&](const SiteFact *Lock) {
      return !F.reachesExit(Lock->Id, AtWait) &&
             !F.reaches(Lock->Id, Lock->Id, AtWait);
    });
  }

  /// Where the guard \p Wait is handed is made, taking its mutex, on every
  /// path to the wait (`std::unique_lock lk(mu_);`).
  std::vector<const SiteFact *> guardTakings(const Function &F,
                                             const SiteFact &Wait) const {
    std::vector<const SiteFact *> Takings;
    for (const ArgFact &A : Wait.Args) {
      const TypeModel *T =
          A.Ref.isKnown() ? P.models().type(A.Ref.Type) : nullptr;
      if (!T || T->Role != TypeRole::SyncGuard)
        continue;
      for (const SiteFact &Lock : F.fact().Sites)
        if (Lock.Kind == SiteKind::ScopeBegin &&
            Lock.Receiver.Key == A.Ref.Key && F.dominates(Lock.Id, Wait.Id))
          Takings.push_back(&Lock);
    }
    return Takings;
  }

  /// `for (size_t seen = 0; seen < n; ++seen) cv.wait(lk);`: a loop that
  /// waits once per notification it expects, testing no shared state (its
  /// conditions read no field or global) and doing nothing else but count
  /// (no call but the wait, a write to a local on the way round). A
  /// notification sent while the waiter is not yet waiting is not counted,
  /// and the loop waits for one that never comes. (`while (!done) {
  /// cv.wait(lk); done = check(); }` calls what it tests.)
  bool countsWakeups(const Function &F, const SiteFact &Wait) const {
    if (!F.repeats(Wait.Id) || !Wait.ConditionReads.empty() ||
        !touchesOnlyItsLocks(F, Wait))
      return false;
    bool Counts = false;
    auto None = [](const SiteFact &) { return false; };
    for (const SiteFact &S : F.fact().Sites) {
      if (S.Id == Wait.Id || !F.reaches(Wait.Id, S.Id, None) ||
          !F.reaches(S.Id, Wait.Id, None))
        continue;
      if (S.Kind == SiteKind::Write && S.Receiver.K == ObjectRef::Kind::Local)
        Counts = true;
      else if (S.Kind == SiteKind::Call || S.Kind == SiteKind::Suspend ||
               S.Kind == SiteKind::Write)
        return false;
    }
    return Counts;
  }

  /// Whether the only fields \p F reads or writes are the condition
  /// variable and the mutexes and guards it names: no shared state it
  /// could test after a wakeup (`if (stopped_) return;`) or copy into a
  /// local (`seen = acked_`).
  bool touchesOnlyItsLocks(const Function &F, const SiteFact &Wait) const {
    std::set<std::string> Locks{Wait.Receiver.Name};
    auto Note = [&](const ObjectRef &R) {
      const TypeModel *T = R.isKnown() ? P.models().type(R.Type) : nullptr;
      if (T &&
          (T->Role == TypeRole::SyncMutex || T->Role == TypeRole::SyncGuard))
        Locks.insert(R.Name);
    };
    for (const SiteFact &S : F.fact().Sites) {
      Note(S.Receiver);
      for (const ArgFact &A : S.Args)
        Note(A.Ref);
    }
    return llvm::all_of(F.fact().Fields, [&](const std::string &Field) {
      return Locks.count(Field) != 0;
    });
  }

  /// Whether the wait is handed anything but its variable and a lock or
  /// mutex: a predicate, however spelled (a lambda, a named one, a
  /// `std::bind`, a function object, a `std::function` member).
  bool handedAPredicate(const SiteFact &Wait) const {
    return llvm::any_of(Wait.Args, [&](const ArgFact &A) {
      if (A.Ref.isKnown() && A.Ref.Key == Wait.Receiver.Key)
        return false; // `pthread_cond_wait(&cv, ...)`: the variable itself.
      const TypeModel *T =
          P.models().type(A.Ref.isKnown() ? A.Ref.Type : A.Type);
      return !T || (T->Role != TypeRole::SyncGuard &&
                    T->Role != TypeRole::SyncMutex &&
                    T->Role != TypeRole::AsyncGuard &&
                    T->Role != TypeRole::AsyncMutex);
    });
  }

  /// Whether a caller calls the waiting function in a loop or under a
  /// condition that tests state: a wrapper (`void CondVar::Wait() {
  /// pthread_cond_wait(...); }`) whose callers test it (`while
  /// (jobs_.empty()) cv_.Wait();`).
  bool callersTestState(unsigned Fn) const {
    return llvm::any_of(P.edgesInto(Fn), [&](unsigned Index) {
      const CallEdge &E = P.edges()[Index];
      return (E.Kind == EdgeKind::Calls || E.Kind == EdgeKind::Awaits) &&
             testedAround(P.function(E.From.Function), P.site(E.From));
    });
  }

  /// Whether \p Call runs under a test in \p Caller: in a loop, or on some
  /// paths only, unless the others are early returns written before it
  /// under conditions that read no field or global (`if (!sink) return 1;
  /// ... log.flush();`), which test nothing the notifier changes. The facts
  /// name the fields and globals enclosing conditions read for a call on a
  /// named object.
  bool testedAround(const Function &Caller, const SiteFact &Call) const {
    if (Caller.repeats(Call.Id))
      return true;
    if (Caller.onEveryPath(Call.Id))
      return false;
    bool Known = Call.Receiver.isKnown() ||
                 llvm::any_of(Call.Args,
                              [](const ArgFact &A) { return A.Ref.isKnown(); });
    return !Known || !Call.ConditionReads.empty() ||
           !skippedOnlyByEarlyReturns(Caller, Call);
  }

  /// Whether every path of \p F that does not pass \p Call ends at a
  /// `return` written before it.
  static bool skippedOnlyByEarlyReturns(const Function &F,
                                        const SiteFact &Call) {
    const FunctionFact &Fact = F.fact();
    if (!F.hasCfg() || Call.Pos.Block < 0)
      return false;
    llvm::BitVector Seen(Fact.Cfg.size());
    std::vector<unsigned> Work{Fact.CfgEntry};
    Seen.set(Fact.CfgEntry);
    while (!Work.empty()) {
      unsigned B = Work.back();
      Work.pop_back();
      const CfgBlockFact &Block = Fact.Cfg[B];
      if (llvm::is_contained(Block.Succs, Fact.CfgExit) && !Block.NoReturn &&
          !Block.Throws &&
          (!Block.Return || Call.Loc < *Block.Return ||
           Block.Return->File != Call.Loc.File))
        return false;
      for (unsigned Succ : Block.Succs)
        if (Succ != static_cast<unsigned>(Call.Pos.Block) && !Seen.test(Succ)) {
          Seen.set(Succ);
          Work.push_back(Succ);
        }
    }
    return true;
  }

  /// Whether the waiter signals another object on every path to its wait
  /// (`ready.count_down(); co_await cv.wait(lk);`): it tells the notifier
  /// that it is about to wait, and the notifier waits for that. The order
  /// is the program's, not the scheduler's, as long as the waiter already
  /// holds the lock it waits with: a guard it takes after it has told
  /// (`work_cv_.notify_one(); std::unique_lock lock(mutex_);
  /// done_cv_.wait(lock);`) leaves the notifier a window before the wait.
  bool announcedBefore(unsigned Fn, const SiteFact &Wait) const {
    const Function &F = P.function(Fn);
    return llvm::any_of(P.resources(), [&](const Resource &R) {
      return llvm::any_of(R.Signals, [&](const SiteRef &Signal) {
        return Signal.Function == Fn && Signal.Site != Wait.Id &&
               F.dominates(Signal.Site, Wait.Id) &&
               !lockedAfter(F, Signal.Site, Wait);
      });
    });
  }

  /// Whether the waiter changes a field or a global that other code
  /// reads, under the guard it waits with, before it waits (`std::unique_lock
  /// lk(m_); jobs_.push_back(job); done_.wait(lk);`, `waiting_ = true;`):
  /// code that notifies once it sees the change under that mutex cannot
  /// notify before the wait lets go of it.
  bool announcedUnderItsLock(unsigned Fn, const SiteFact &Wait) const {
    const Function &F = P.function(Fn);
    return llvm::any_of(guardTakings(F, Wait), [&](const SiteFact *Lock) {
      return llvm::any_of(F.fact().Sites, [&](const SiteFact &S) {
        return S.Id != Lock->Id && changesNamedState(Fn, S, Wait, 0) &&
               F.dominates(Lock->Id, S.Id) && F.dominates(S.Id, Wait.Id);
      });
    });
  }

  /// Whether site \p S of \p Fn changes a field or global other code names
  /// (not \p Wait's variable): itself, or through a member of the same
  /// object it calls (`enqueue_locked(req);`), up to two calls deep.
  bool changesNamedState(unsigned Fn, const SiteFact &S, const SiteFact &Wait,
                         unsigned Depth) const {
    if ((S.Kind == SiteKind::Write ||
         (S.Kind == SiteKind::Call && S.Mutates)) &&
        (S.Receiver.K == ObjectRef::Kind::Field ||
         S.Receiver.K == ObjectRef::Kind::Global))
      return S.Receiver.Key != Wait.Receiver.Key &&
             readElsewhere(Fn, S.Receiver);
    std::optional<unsigned> Callee = S.Kind == SiteKind::Call &&
                                             !S.Receiver.isKnown() &&
                                             !S.OtherObject && Depth < 2
                                         ? P.find(S.CalleeUsr)
                                         : std::nullopt;
    return Callee && llvm::any_of(P.function(*Callee).fact().Sites,
                                  [&](const SiteFact &Inner) {
                                    return changesNamedState(*Callee, Inner,
                                                             Wait, Depth + 1);
                                  });
  }

  /// Whether a function other than \p Fn names \p Field.
  bool readElsewhere(unsigned Fn, const ObjectRef &Field) const {
    for (unsigned G = 0; G < P.functions().size(); ++G)
      if (G != Fn &&
          std::binary_search(P.function(G).fact().Fields.begin(),
                             P.function(G).fact().Fields.end(), Field.Name))
        return true;
    return false;
  }

  /// Whether the guard \p Wait is handed takes its mutex after \p Site, on
  /// every path from there to the wait.
  bool lockedAfter(const Function &F, unsigned Site,
                   const SiteFact &Wait) const {
    return llvm::any_of(guardTakings(F, Wait), [&](const SiteFact *Lock) {
      return F.dominates(Site, Lock->Id);
    });
  }

  /// The start-up handshake: the waiter takes a lock, starts the code that
  /// will notify (hands a callable to a thread), and waits with the lock
  /// still held, while the notifier takes a lock before it notifies. The
  /// notifier cannot get the mutex before the wait releases it.
  bool startsNotifierUnderLock(unsigned Fn, const SiteFact &Wait,
                               SiteRef Notify) const {
    const Function &F = P.function(Fn);
    std::vector<LockAcquisition> Locks = findLockAcquisitions(P, Fn);
    // Taken before the start, which comes before the wait, and still held
    // there.
    bool Handshake = llvm::any_of(F.fact().Sites, [&](const SiteFact &Start) {
      return Start.Kind == SiteKind::Call &&
             llvm::any_of(
                 Start.Args,
                 [](const ArgFact &A) { return !A.CallableUsr.empty(); }) &&
             F.dominates(Start.Id, Wait.Id) &&
             llvm::any_of(Locks, [&](const LockAcquisition &A) {
               return F.dominates(A.Site, Start.Id) && holds(F, A, Wait.Id);
             });
    });
    if (!Handshake)
      return false;
    const Function &Notifier = P.function(Notify.Function);
    return llvm::any_of(findLockAcquisitions(P, Notify.Function),
                        [&](const LockAcquisition &A) {
                          return Notifier.dominates(A.Site, Notify.Site);
                        });
  }

  /// A notify of the waited variable in another function, which may run
  /// before the wait: the first of its resource's signals there.
  std::optional<SiteRef> notifyElsewhere(unsigned Fn,
                                         const SiteFact &Wait) const {
    std::set<std::string> Waited;
    for (const ObjectRef &Cv : P.resolve(Fn, Wait.Receiver))
      Waited.insert(Cv.Key);
    std::optional<SiteRef> First;
    for (const Resource &R : P.resources())
      if (Waited.count(R.Key))
        for (const SiteRef &Signal : R.Signals)
          if (Signal.Function != Fn && (!First || Signal < *First))
            First = Signal;
    return First;
  }

  Finding makeFinding(unsigned Fn, const SiteFact &Wait, SiteRef Notify) const {
    std::string Cv = "'" + Wait.Receiver.spelledName() + "'";
    Finding R;
    R.Severity = Level::Warning;
    R.Loc = Wait.Loc;
    R.Function = P.function(Fn).name().str();
    R.Resources = {Wait.Receiver.Key};
    // testedBeforeItsLock: some test chose this path, before the lock.
    const Function &F = P.function(Fn);
    bool TestedEarlier = !F.repeats(Wait.Id) && !F.onEveryPath(Wait.Id);
    R.Message = "waits on " + Cv +
                (TestedEarlier ? " without testing any state under the "
                                 "mutex it is handed (what chose this path "
                                 "ran before it was taken)"
                               : " without testing any state") +
                ": a notify "
                "that comes before this wait finds no waiter and is "
                "forgotten (a condition variable keeps no state), and the "
                "wait never returns; hand the wait a predicate over the "
                "state the notifier changes, or test that state in a loop "
                "around it";
    R.Path = {
        {Wait.Loc, TestedEarlier ? "waits here, testing nothing since it "
                                   "took the mutex"
                                 : "waits here, testing nothing first"},
        {P.site(Notify).Loc, "notified here, in '" +
                                 P.function(Notify.Function).name().str() +
                                 "', which may run first"}};
    return R;
  }

  const Program &P;
};

class LostWakeupRule : public Rule {
public:
  void check(const Program &P, std::vector<Finding> &Out) const override {
    LostWakeupCheck(P).run(Out, Work);
    StatelessWaitCheck(P).run(Out);
  }
};

} // namespace

std::unique_ptr<Rule> createLostWakeupRule() {
  return std::make_unique<LostWakeupRule>();
}

} // namespace corolint
