//===- never-signaled.cpp - A wait that nothing in the program releases ---===//
//
// Flags a resource that is awaited but that nothing in the analyzed program
// signals.
//
// Only where the analysis sees every piece of code that can reach the
// resource: a local, an internal-linkage global, or a private field of a
// friendless class whose members are all analyzed, never handed by reference
// to a function outside the analyzed program. Other globals and fields may be
// signalled by code the analysis does not see, so the rule stays quiet there.
// Only resources released by code alone (events, channels, semaphores)
// count; a timer or a future completes from outside.
//
// A signal inside a lazy task (a coroutine returning a type whose model role
// is `task`) that is created and dropped, never awaited, started or kept,
// never runs: a resource signalled only there is reported too, with the
// place the task is created. So is a latch counted from a range's size
// whose one counting function can return on a path without counting it
// down: the count stays short.
//
// A coroutine handle a function takes out of a queue or a map, and resumes
// on some paths only: on the others the coroutine that parked it is
// dropped, and never resumes.
//
// A join of a thread that runs an event loop until the loop runs out of
// work waits, like a wait on a resource, for something the program must
// do: let the loop run out. A work guard made on the loop that nothing
// resets, and a loop that nothing stops, never do.
//
//===----------------------------------------------------------------------===//

#include "corolint/program/DroppedWaiters.h"
#include "corolint/program/LeakedHolds.h"
#include "corolint/program/LoopHandles.h"
#include "corolint/program/Threads.h"
#include "corolint/rules/Rule.h"
#include "llvm/ADT/BitVector.h"
#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace corolint {
namespace {

bool releasedOnlyByCode(llvm::StringRef Kind) {
  return Kind == "event" || Kind == "channel" || Kind == "semaphore" ||
         Kind == "signal";
}

/// What releasing \p R is called: a Qt signal is emitted, an event set.
llvm::StringRef releaseVerb(const Resource &R, llvm::StringRef Set,
                            llvm::StringRef Emit) {
  return R.Kind == "signal" ? Emit : Set;
}

/// Keys of objects passed to functions the program does not contain.
std::set<std::string> escapingObjects(const Program &P) {
  std::set<std::string> Escaping;
  for (const Function &F : P.functions())
    for (const SiteFact &S : F.fact().Sites)
      if (S.Kind == SiteKind::Call && !P.find(S.CalleeUsr))
        for (const ArgFact &A : S.Args)
          if (A.Ref.isKnown())
            Escaping.insert(A.Ref.Key);
  return Escaping;
}

bool isTask(const Program &P, const std::string &Type) {
  const TypeModel *T = P.models().type(Type);
  return T && T->Role == TypeRole::Task;
}

/// Whether the result of call \p At is dropped: not awaited, not kept in a
/// local or a field, not handed to another call of its function (nor a
/// member called on it), and not returned (a caller that returns a task is
/// taken to return this one).
bool resultDropped(const Program &P, SiteRef At, const std::string &Usr) {
  const Function &F = P.function(At.Function);
  const SiteFact &Call = F.site(At.Site);
  if (Call.AwaitedIn >= 0 || F.suspensionAwaiting(At.Site) ||
      !F.storesOf(At.Site).empty() || isTask(P, F.fact().ReturnType))
    return false;
  // Handed on: an argument of a call, or the object of a member call that
  // starts or converts it (`task().via(ex).start(cb)`, `.detach()`).
  return llvm::none_of(F.fact().Sites, [&](const SiteFact &S) {
    return S.ReceiverProducerUsr == Usr ||
           llvm::any_of(S.Args,
                        [&](const ArgFact &A) { return A.ProducerUsr == Usr; });
  });
}

/// Lazy tasks whose every creation drops them, with the first creation.
std::map<unsigned, SiteRef> neverStartedTasks(const Program &P) {
  std::map<unsigned, std::vector<SiteRef>> Created;
  std::set<unsigned> Started;
  for (const CallEdge &E : P.edges()) {
    const Function &Callee = P.function(E.Callee);
    if (!Callee.isCoroutine() || !isTask(P, Callee.fact().ReturnType))
      continue;
    if (E.Kind == EdgeKind::Calls &&
        resultDropped(P, E.From, Callee.fact().Usr))
      Created[E.Callee].push_back(E.From);
    else
      Started.insert(E.Callee);
  }
  std::map<unsigned, SiteRef> Result;
  for (auto &[Fn, Sites] : Created)
    if (!Started.count(Fn))
      Result[Fn] = *std::min_element(
          Sites.begin(), Sites.end(),
          [&](SiteRef A, SiteRef B) { return P.site(A).Loc < P.site(B).Loc; });
  return Result;
}

/// The calls into \p Fn, by place.
std::vector<const CallEdge *> callersOf(const Program &P, unsigned Fn) {
  std::vector<const CallEdge *> Callers;
  for (unsigned Index : P.edgesInto(Fn))
    Callers.push_back(&P.edges()[Index]);
  llvm::sort(Callers, [&](const CallEdge *A, const CallEdge *B) {
    return P.site(A->From).Loc < P.site(B->From).Loc;
  });
  return Callers;
}

Finding makeFinding(const Program &P, const Resource &R) {
  std::vector<SiteRef> Waits = R.Waits;
  std::sort(Waits.begin(), Waits.end(), [&](SiteRef A, SiteRef B) {
    return P.site(A).Loc < P.site(B).Loc;
  });
  Finding F;
  F.Severity = Level::Warning;
  F.Loc = P.site(Waits.front()).Loc;
  F.Function = P.function(Waits.front().Function).name().str();
  // A semaphore may start with units; what it cannot do is get more.
  F.Message =
      "'" + R.Name + "' (" + R.Kind +
      ") is awaited, but nothing in the program " +
      releaseVerb(R, "signals", "emits").str() + " it: " +
      (R.isSemaphore() ? "waits beyond the units it starts with never complete"
                       : "this wait never completes");
  F.Resources = {R.Key};
  for (const SiteRef &W : Waits) {
    // A member that returns the wait (`operator co_await` of a task group
    // over its event) is awaited by its callers: they are the waits a
    // reader knows, in the project when the member is in a library.
    const Function &Waiter = P.function(W.Function);
    if (!Waiter.isCoroutine() && P.site(W).Returned)
      for (const CallEdge *E : callersOf(P, W.Function))
        F.Path.push_back({P.site(E->From).Loc,
                          "'" + P.function(E->From.Function).name().str() +
                              "' awaits '" + Waiter.name().str() + "' here"});
    F.Path.push_back({P.site(W).Loc, "'" + Waiter.name().str() +
                                         "' waits for '" + R.Name + "' here"});
  }
  return F;
}

Finding
signalledOnlyInDroppedTasks(const Program &P, const Resource &R,
                            const std::map<unsigned, SiteRef> &Dropped) {
  Finding F = makeFinding(P, R);
  const SiteRef &Signal = R.Signals.front();
  const Function &Task = P.function(Signal.Function);
  SiteRef Created = Dropped.at(Signal.Function);
  F.Message = "'" + R.Name + "' (" + R.Kind + ") is awaited, but only '" +
              Task.name().str() +
              "' signals it, a lazy task that is created and dropped without "
              "being awaited or started, so it never runs: this wait never "
              "completes";
  F.Path.push_back({P.site(Created).Loc,
                    "'" + Task.name().str() +
                        "' is created here and dropped: it never starts"});
  for (const SiteRef &S : R.Signals)
    F.Path.push_back({P.site(S).Loc, "the signal that never runs"});
  return F;
}

/// Tasks that are only awaited or handed to a call (`sync_wait(compute())`):
/// what starts them waits for them to finish. A task kept in a variable may
/// be driven by hand (`t.resume()`), and one nothing starts, by anyone.
std::vector<bool> onlyAwaitedTasks(const Program &P) {
  std::vector<bool> Awaited(P.functions().size(), false), Kept = Awaited;
  for (const CallEdge &E : P.edges()) {
    const Function &Caller = P.function(E.From.Function);
    if (E.Kind == EdgeKind::Calls && !Caller.storesOf(E.From.Site).empty())
      Kept[E.Callee] = true;
    else if (E.Kind == EdgeKind::Calls || E.Kind == EdgeKind::Awaits)
      Awaited[E.Callee] = true;
  }
  for (size_t Fn = 0; Fn < Awaited.size(); ++Fn)
    Awaited[Fn] = Awaited[Fn] && !Kept[Fn];
  return Awaited;
}

/// `co_await std::suspend_always{}` in a task: the task's coroutine is
/// resumed by what it awaits, and this hands its handle to no one. (A
/// generator's or hand-driven coroutine's owner holds the handle; a task's
/// awaiter only waits for it to finish.)
void checkSuspendsForever(const Program &P, std::vector<Finding> &Out) {
  std::vector<bool> OnlyAwaited = onlyAwaitedTasks(P);
  for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn) {
    const Function &F = P.function(Fn);
    if (!F.isCoroutine() || !isTask(P, F.fact().ReturnType) ||
        !OnlyAwaited[Fn])
      continue;
    for (const SiteFact &S : F.fact().Sites) {
      if (S.Kind != SiteKind::Suspend || S.Implicit)
        continue;
      const TypeModel *T = P.models().type(S.AwaitableType);
      if (!T || T->Role != TypeRole::NeverResumes)
        continue;
      Finding R;
      R.Severity = Level::Warning;
      R.Loc = S.Loc;
      R.Function = F.name().str();
      R.Message = "'" + S.AwaitableType +
                  "' suspends this task and hands its handle to no one: a "
                  "task is resumed only by what it awaits, so this "
                  "co_await never completes, and whoever awaits or "
                  "sync-waits the task waits forever";
      Out.push_back(std::move(R));
    }
  }
}

/// Every construction of \p R takes its count (argument \p CountArg) from
/// the size of a range (`latch remaining(shards.size())`): one count for
/// each element, which the program starts a task for. A count of another
/// kind (a constant, `count_if(...)`, the winners of a race counting a latch
/// of one) says nothing of which tasks must count it down.
bool countedFromARange(const Program &P, const Resource &R, int CountArg) {
  bool Constructed = false;
  for (const Function &F : P.functions())
    for (const SiteFact &S : F.fact().Sites) {
      if (!S.IsConstructor || S.Receiver.Key != R.Key)
        continue;
      Constructed = true;
      auto Count = llvm::find_if(S.Args, [&](const ArgFact &A) {
        return A.Index == static_cast<unsigned>(CountArg);
      });
      if (Count == S.Args.end() || Count->ProducerUsr.empty() ||
          llvm::none_of(F.fact().Sites, [&](const SiteFact &Producer) {
            return Producer.Kind == SiteKind::Call &&
                   Producer.CalleeUsr == Count->ProducerUsr &&
                   splitMember(Producer.CalleeName).second == "size";
          }))
        return false;
    }
  return Constructed;
}

/// A latch counted from a range's size is counted down once by the task
/// started for each element: a function that counts \p R down, once on a
/// path and never in a loop, and can return on another path without
/// counting it down or handing it on (an early `co_return` for an empty
/// shard) leaves the count short, and the wait never completes. Only when
/// that function is all the code that counts it down and does not wait on
/// it itself.
std::optional<Finding> countSkipped(const Program &P, const Resource &R) {
  const TypeModel *T = P.models().type(R.Type);
  if (!T || T->CountArg < 0 || R.Signals.empty() ||
      !countedFromARange(P, R, T->CountArg))
    return std::nullopt;
  unsigned Fn = R.Signals.front().Function;
  const Function &Counter = P.function(Fn);
  std::set<std::string> Names; // What the counter calls the latch.
  for (const SiteRef &S : R.Signals) {
    if (S.Function != Fn || Counter.repeats(S.Site) ||
        !Counter.site(S.Site).Receiver.isKnown())
      return std::nullopt;
    Names.insert(Counter.site(S.Site).Receiver.Key);
  }
  if (llvm::any_of(R.Waits, [&](const SiteRef &W) { return W.Function == Fn; }))
    return std::nullopt;
  auto Uses = [&](const SiteFact &S) {
    return Names.count(S.Receiver.Key) ||
           llvm::any_of(S.Args, [&](const ArgFact &A) {
             return A.Ref.isKnown() && Names.count(A.Ref.Key);
           });
  };
  std::optional<SourceLoc> End = returnWithout(Counter, Uses);
  if (!End)
    return std::nullopt;
  Finding F = makeFinding(P, R);
  const std::string Name = Counter.name().str();
  F.Message = "'" + R.Name + "' (" + R.Kind + ") is counted down by '" + Name +
              "', but '" + Name +
              "' can end without counting it down: its count then never "
              "reaches zero, and this wait never completes";
  F.Path.push_back(
      {*End, "'" + Name + "' can end after this without counting it down"});
  F.Path.push_back({Counter.site(R.Signals.front().Site).Loc,
                    "the count-down that path skips"});
  return F;
}

/// An event that one function sets, once, and that this function can end
/// without setting on a path that records another outcome instead (`if
/// (bad) { m_failed = true; co_return; }`): a waiter that is woken only by
/// the set (and would look at the outcome once woken) is never woken on
/// that path. A path that skips the set and records nothing (`if (done_)
/// return;`, a count that is not yet down) is a setter's normal way to wait
/// for its turn, and is not reported.
std::optional<Finding> setOnlyOnOnePath(const Program &P, const Resource &R,
                                        const std::set<SiteRef> &AllSignals) {
  const TypeModel *T = P.models().type(R.Type);
  if ((T && T->CountArg >= 0) || (R.Kind != "event" && R.Kind != "signal") ||
      R.Signals.empty())
    return std::nullopt;
  unsigned Fn = R.Signals.front().Function;
  const Function &Setter = P.function(Fn);
  if (!runsOnce(P, Fn))
    return std::nullopt;
  std::set<unsigned> Sets;
  for (const SiteRef &S : R.Signals) {
    if (S.Function != Fn || Setter.repeats(S.Site))
      return std::nullopt;
    Sets.insert(S.Site);
  }
  if (llvm::any_of(R.Waits, [&](const SiteRef &W) { return W.Function == Fn; }))
    return std::nullopt;
  std::optional<SkippedSet> Skip = skipsSet(P, Fn, Sets, AllSignals);
  if (!Skip)
    return std::nullopt;
  Finding F = makeFinding(P, R);
  const std::string Name = Setter.name().str();
  const std::string &Outcome = Skip->Outcome;
  const std::string Set = releaseVerb(R, "set", "emit").str();
  const std::string Setting = releaseVerb(R, "setting", "emitting").str();
  F.Message = "'" + R.Name + "' (" + R.Kind + ") is " +
              releaseVerb(R, "set", "emitted").str() + " only by '" + Name +
              "', which can end without " + Setting + " it, recording '" +
              Outcome + "' instead: on that path this wait never completes";
  F.Path.push_back(
      {Skip->Instead->Loc, "'" + Name + "' records '" + Outcome +
                               "' here, on a path that skips the " + Set});
  F.Path.push_back({Skip->End, "'" + Name + "' can end after this without " +
                                   Setting + " '" + R.Name + "'"});
  F.Path.push_back(
      {Setter.site(*Sets.begin()).Loc, "the " + Set + " that path skips"});
  return F;
}

Finding busyLoopJoinFinding(const Program &P, const BusyLoopJoin &J) {
  Finding F;
  F.Severity = Level::Warning;
  F.Loc = P.site(J.Join).Loc;
  F.Function = P.function(J.Join.Function).name().str();
  std::string Loop = J.Loop.spelledName(), Guard = J.Guard.spelledName();
  F.Message = "the join waits for a thread that runs '" + Loop +
              "' until it runs out of work, but the work guard '" + Guard +
              "' keeps it from ever running out and nothing resets the "
              "guard or stops '" +
              Loop +
              "': the join never returns; reset the guard (or stop the "
              "loop) before joining";
  F.Resources = {J.Loop.Key};
  F.Path.push_back(
      {P.site(J.GuardMade).Loc,
       "the guard '" + Guard + "' is made on '" + Loop + "' here"});
  F.Path.push_back(
      {P.site(J.Run).Loc, "the thread runs '" + Loop + "' here, in '" +
                              P.function(J.Run.Function).name().str() + "'"});
  F.Path.push_back(
      {P.site(J.Join).Loc, "'" + F.Function + "' joins the thread here"});
  return F;
}

Finding openHandleRunFinding(const Program &P, const RunKeptByOpenHandle &R) {
  Finding F;
  F.Severity = Level::Warning;
  F.Loc = P.site(R.Run).Loc;
  F.Function = P.function(R.Run.Function).name().str();
  std::string Loop = "'" + R.Loop.spelledName() + "'";
  std::string Handle = "'" + R.Handle.spelledName() + "'";
  std::string Other = "'" + R.Other.spelledName() + "'";
  F.Message = "the run of " + Loop +
              " returns only once no handle is active, but the handle " +
              Handle +
              " is never stopped or closed, while the program closes " + Other +
              " to shut the loop down: the run never returns, and nothing "
              "after it runs; close " +
              Handle + " with the others";
  F.Resources = {R.Loop.Key, R.Handle.Key};
  F.Path.push_back({P.site(R.Activated).Loc, Handle + " is made active here"});
  F.Path.push_back({P.site(R.Closed).Loc, Other + " is closed here"});
  return F;
}

Finding stoppedLoopJoinFinding(const Program &P, const StoppedLoopJoin &J) {
  Finding F;
  F.Severity = Level::Warning;
  F.Loc = P.site(J.Join).Loc;
  F.Function = P.function(J.Join.Function).name().str();
  std::string Loop = "'" + J.Loop.spelledName() + "'";
  std::string Joined = "'" + J.Joined.spelledName() + "'";
  F.Message = "the join waits for the tasks of " + Joined +
              ", which wait for handlers they post to " + Loop + ", but " +
              Loop +
              " was stopped before the join: a handler posted after the "
              "stop never runs, its task waits forever and so does the "
              "join; join " +
              Joined + " before stopping " + Loop;
  F.Resources = {J.Loop.Key, J.Joined.Key};
  F.Path.push_back(
      {P.site(J.Post).Loc,
       "a task of " + Joined + " hands a handler to " + Loop + " here"});
  F.Path.push_back({P.site(J.Signal).Loc,
                    "only that handler signals what the task waits for"});
  F.Path.push_back({P.site(J.Wait).Loc, "the task waits for it here"});
  F.Path.push_back({P.site(J.Stop).Loc, Loop + " is stopped here"});
  F.Path.push_back({P.site(J.Join).Loc, "then " + Joined + " is joined here"});
  return F;
}

Finding leakedHoldFinding(const Program &P, const LeakedHold &L) {
  Finding F;
  F.Severity = Level::Warning;
  F.Loc = L.Return;
  F.Function = P.function(L.Take.Function).name().str();
  std::string Named = "'" + L.Named.spelledName() + "'";
  // Through a member (`limiter_->acquire()`), the object the code names is
  // no semaphore itself.
  std::string Kind = L.Through.empty() ? "semaphore " : "";
  std::string What =
      L.Semaphore ? "a unit of " + Kind + Named : "mutex " + Named;
  std::string Taken = What + " is taken here";
  if (!L.Through.empty())
    Taken += ", by '" + L.Through + "' (of '" + L.Object.spelledName() + "')";
  F.Message =
      "this return keeps " + What + ", which '" + F.Function +
      "' takes and gives back itself on its other path: " +
      (L.Semaphore
           ? "each return here keeps one unit for good, and once none is "
             "left every acquire of " +
                 Named +
                 " waits forever; release it before returning, or release "
                 "it in a scope guard"
           : "the next lock of " + Named +
                 " waits forever; unlock it before returning, or hold it "
                 "in a lock guard");
  F.Resources = {L.Object.Key};
  F.Path.push_back({P.site(L.Take).Loc, Taken});
  F.Path.push_back({L.Return, "the function returns here still holding it"});
  F.Path.push_back(
      {P.site(L.GiveBack).Loc, "it is given back here, on another path"});
  return F;
}

Finding droppedWaiterFinding(const Program &P, const DroppedWaiter &D) {
  Finding F;
  F.Severity = Level::Warning;
  F.Loc = D.Left;
  F.Function = P.function(D.Take.Function).name().str();
  const std::string Local = "'" + D.Local.spelledName() + "'";
  const std::string Container = "'" + D.Container.spelledName() + "'";
  F.Message = "'" + F.Function +
              "' takes a waiting coroutine's handle out of " + Container +
              " into " + Local +
              " and, on the path after this, neither resumes it nor hands it "
              "on: it is dropped, and the coroutine that parked it there never "
              "resumes; resume it (with an error) on this path too";
  F.Resources = {D.Container.Key};
  F.Path.push_back(
      {P.site(D.Take).Loc, Local + " is taken out of " + Container + " here"});
  F.Path.push_back(
      {D.Left, "after this, the path ends or takes the next one without it"});
  F.Path.push_back(
      {P.site(D.Resume).Loc, "it is resumed here, on another path"});
  return F;
}

class NeverSignaledRule : public Rule {
public:
  void check(const Program &P, std::vector<Finding> &Out) const override {
    checkSuspendsForever(P, Out);
    for (const BusyLoopJoin &J : joinsOfBusyLoops(P, Work))
      Out.push_back(busyLoopJoinFinding(P, J));
    for (const StoppedLoopJoin &J : joinsAfterLoopStops(P, Work))
      Out.push_back(stoppedLoopJoinFinding(P, J));
    for (const RunKeptByOpenHandle &R : runsKeptByOpenHandles(P))
      Out.push_back(openHandleRunFinding(P, R));
    for (const LeakedHold &L : findLeakedHolds(P))
      Out.push_back(leakedHoldFinding(P, L));
    for (const DroppedWaiter &D : findDroppedWaiters(P))
      Out.push_back(droppedWaiterFinding(P, D));
    std::set<std::string> Escaping = escapingObjects(P);
    std::map<unsigned, SiteRef> Dropped = neverStartedTasks(P);
    std::set<SiteRef> AllSignals;
    for (const Resource &R : P.resources())
      AllSignals.insert(R.Signals.begin(), R.Signals.end());
    for (const Resource &R : P.resources()) {
      // A semaphore used as a lock somewhere gets units back from its
      // holders: any wait on it can take one. One constructed signalled
      // lets its waits through without any signal.
      if (R.Waits.empty() || !R.Internal || !releasedOnlyByCode(R.Kind) ||
          Escaping.count(R.Key) || !R.Locks.empty() || R.StartsSignalled ||
          P.signalledThroughReference(R.Type))
        continue;
      if (R.Signals.empty())
        Out.push_back(makeFinding(P, R));
      else if (llvm::all_of(R.Signals, [&](const SiteRef &S) {
                 return Dropped.count(S.Function) != 0;
               }))
        Out.push_back(signalledOnlyInDroppedTasks(P, R, Dropped));
      else if (std::optional<Finding> Short = countSkipped(P, R))
        Out.push_back(std::move(*Short));
      else if (std::optional<Finding> Skipped =
                   setOnlyOnOnePath(P, R, AllSignals))
        Out.push_back(std::move(*Skipped));
    }
  }
};

} // namespace

std::unique_ptr<Rule> createNeverSignaledRule() {
  return std::make_unique<NeverSignaledRule>();
}

} // namespace corolint
