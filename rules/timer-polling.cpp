//===- timer-polling.cpp - Waiting by waking up
//----------------------------===//
//
// Flags code that waits for a flag by waking up to look at it: a repeating
// timer callback that only returns while the flag is unset, or a loop that
// sleeps until it changes, when the flag can never change while it waits; a
// loop that yields until the flag changes; and a loop on the event loop's
// thread that spins on a flag.
//
// The frontend records the shapes (PollFact): a flag test that opens a
// function, and loops whose condition is a flag. This rule decides with the
// linked program: whether the code runs repeatedly (a repeating timer, or a
// callback that re-arms itself while the flag is unset), whether what runs
// while waiting does any work (a call into the program, or to a library
// operation the models know, is work), and who sets the flag, under which
// lock and on which paths. A poll that sleeps between looks lets the loop
// run its setter: slow, not stuck, unless no setter can get through.
//
//===----------------------------------------------------------------------===//

#include "corolint/program/Locks.h"
#include "corolint/rules/Rule.h"
#include <map>
#include <optional>

namespace corolint {
namespace {

/// What the code that runs while the flag is unset does.
struct WaitingBody {
  bool Work = false;   ///< Calls the program, or a modelled operation.
  bool Pause = false;  ///< Sleeps or yields (models: delay, yield).
  bool Yields = false; ///< ... and only yields.
  bool Blocks = false; ///< Calls a blocking function: blocking-call's.
  bool Suspends = false;
  std::vector<unsigned> Registrations; ///< Loop-callback registrations.
};

WaitingBody classify(const Program &P, const Function &F,
                     const PollFact &Poll) {
  WaitingBody B;
  bool Delays = false;
  for (unsigned Id : Poll.Sites) {
    const SiteFact &S = F.site(Id);
    if (S.Kind == SiteKind::Suspend) {
      B.Suspends = true;
      continue;
    }
    if (S.Kind != SiteKind::Call)
      continue;
    // A model says what a library call does, even when the library's source
    // is part of the analyzed program.
    const FunctionModel *M = P.modelOf(S);
    if (!M) {
      // Into the program is work, unless it only reads an object and gives
      // the value back (`sched->size()` in a log line); into unmodelled
      // library code (durations, conversions, logging) is neither work nor
      // waiting.
      B.Work |= !S.Query && P.find(S.CalleeUsr).has_value();
      continue;
    }
    // Logging (`printf`, `fprintf(stderr, ...)`) is side work.
    if (standardStreamWritten(P, S))
      continue;
    if (!M->LoopCallback.empty())
      B.Registrations.push_back(Id);
    if (M->Delay || M->Yield) {
      B.Pause = true;
      Delays |= M->Delay;
    } else if (!M->Blocking.empty()) {
      B.Blocks = true;
    } else if (M->LoopCallback.empty()) {
      B.Work = true;
    }
  }
  B.Yields = B.Pause && !Delays;
  return B;
}

/// The first sleep or yield between the looks of \p Poll, and which.
std::optional<PathStep> pauseOf(const Program &P, const Function &F,
                                const PollFact &Poll) {
  for (unsigned Id : Poll.Sites) {
    const SiteFact &S = F.site(Id);
    const FunctionModel *M = S.Kind == SiteKind::Call ? P.modelOf(S) : nullptr;
    if (M && (M->Delay || M->Yield))
      return PathStep{S.Loc, std::string(M->Delay ? "sleeps" : "yields") +
                                 " here between looks"};
  }
  return std::nullopt;
}

/// A write that changes a flag after it was made: not a constructor's member
/// initializer, which gives the flag its first value.
bool isLaterWrite(const SiteFact &S) {
  return S.Kind == SiteKind::Write && !S.Initial;
}

/// The value a write to a flag gives it, when the code spells it: a built-in
/// assignment's constant, or the one an assignment operator is handed
/// (`state_ = State::Failed` on a `std::atomic`).
std::optional<int64_t> writtenValue(const SiteFact &S) {
  if (S.Kind == SiteKind::Write)
    return S.Value;
  if (S.Kind == SiteKind::Call && S.Args.size() == 1 &&
      splitMember(S.CalleeName).second == "operator=")
    return S.Args.front().Constant;
  return std::nullopt;
}

/// Whether writing \p Value to the flag of \p Poll ends its wait: `ready_ =
/// false` in a reset does not end `while (!ready_)`, nor `state_ =
/// State::Failed` a wait for `State::Completed`.
bool endsWait(const PollFact &Poll, int64_t Value) {
  bool Set = Poll.Value ? Value == *Poll.Value : Value != 0;
  return Set == Poll.Negated;
}

/// What setting the flag of \p Poll means, for a message: nothing more for
/// a truth value; for an enumerator, which value it is set to.
std::string setTo(const PollFact &Poll) {
  if (!Poll.Value)
    return "";
  return (Poll.Negated ? " to '" : " to another value than '") +
         Poll.ValueName + "'";
}

/// While what the poll waits, for a message.
std::string waitingWhile(const PollFact &Poll) {
  if (!Poll.Value)
    return "while it is unset";
  return (Poll.Negated ? "while it is not '" : "while it is '") +
         Poll.ValueName + "'";
}

/// Every write to one object, by location, and the objects handed to calls.
class FlagWriters {
public:
  explicit FlagWriters(const Program &P) : P(P) {
    for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
      for (const SiteFact &S : P.function(Fn).fact().Sites) {
        if (S.Receiver.isKnown() &&
            (isLaterWrite(S) || (S.Kind == SiteKind::Call && S.Mutates)))
          for (const ObjectRef &R : P.resolve(Fn, S.Receiver))
            ByKey[R.Key].push_back({Fn, S.Id});
        if (S.Kind == SiteKind::Call && !S.Query)
          for (const ArgFact &A : S.Args)
            if (A.Ref.isKnown())
              HandedToCalls.insert(A.Ref.Key);
        if (std::optional<int64_t> Value = initialValue(S))
          for (const ObjectRef &R : P.resolve(Fn, S.Receiver))
            Starts[R.Key].insert(*Value);
      }
  }

  /// The one value that what \p Flag in \p Fn denotes starts with, when
  /// the code gives it one (`std::atomic<State> state_{State::Running}`).
  std::optional<int64_t> startValue(unsigned Fn, const ObjectRef &Flag) const {
    std::set<int64_t> Values;
    for (const ObjectRef &R : P.resolve(Fn, Flag))
      if (auto It = Starts.find(R.Key); It != Starts.end())
        Values.insert(It->second.begin(), It->second.end());
    if (Values.size() != 1)
      return std::nullopt;
    return *Values.begin();
  }

  /// Whether some call is handed what \p Flag in \p Fn denotes
  /// (`std::exchange(ready_, true)`, `std::atomic_store(&ready_, true)`,
  /// `std::swap`): it may set it.
  bool handedToACall(unsigned Fn, const ObjectRef &Flag) const {
    return llvm::any_of(P.resolve(Fn, Flag), [&](const ObjectRef &R) {
      return HandedToCalls.count(R.Key) != 0;
    });
  }

  /// The writes to what \p Flag in \p Fn denotes, outside \p Except.
  std::vector<SiteRef> of(unsigned Fn, const ObjectRef &Flag,
                          const std::vector<unsigned> &Except) const {
    std::vector<SiteRef> Result;
    for (const ObjectRef &R : P.resolve(Fn, Flag)) {
      auto It = ByKey.find(R.Key);
      if (It == ByKey.end())
        continue;
      for (const SiteRef &W : It->second)
        if (W.Function != Fn || !llvm::is_contained(Except, W.Site))
          Result.push_back(W);
    }
    llvm::sort(Result, [&](const SiteRef &A, const SiteRef &B) {
      return P.site(A).Loc < P.site(B).Loc;
    });
    return Result;
  }

private:
  /// The constant a member initializer gives its object: `ready_ = false`
  /// written in the class, or handed to its constructor (`state_{Idle}`).
  static std::optional<int64_t> initialValue(const SiteFact &S) {
    if (S.Kind == SiteKind::Write && S.Initial)
      return S.Value;
    if (S.Kind == SiteKind::Call && S.IsConstructor && S.Args.size() == 1 &&
        S.Receiver.K == ObjectRef::Kind::Field)
      return S.Args.front().Constant;
    return std::nullopt;
  }

  const Program &P;
  std::map<std::string, std::vector<SiteRef>> ByKey;
  std::set<std::string> HandedToCalls;
  std::map<std::string, std::set<int64_t>> Starts;
};

/// Where the poll runs: the first site of its body (the function's first
/// part or its resumed part), or its function's start.
SiteRef pollSite(unsigned Fn, const PollFact &Poll) {
  return {Fn, Poll.Sites.empty() ? 0u : Poll.Sites.front()};
}

/// Who sets the flag of \p Poll, for a message.
std::string whoSets(const Program &P, const PollFact &Poll,
                    const std::vector<SiteRef> &Setters) {
  std::string Flag = "'" + Poll.Flag.spelledName() + "'";
  if (!Setters.empty())
    return Flag + " is set" + setTo(Poll) + " in '" +
           P.function(Setters.front().Function).name().str() + "'";
  return Poll.Flag.Internal
             ? "nothing in the analyzed program sets " + Flag + setTo(Poll)
             : Flag + " is set outside the analyzed program";
}

/// Why a poll that lets the loop run between its looks never ends.
struct EndlessPoll {
  Level Severity = Level::Warning;
  std::string Why;
  std::vector<PathStep> Steps;
};

Finding makeFinding(const Program &P, unsigned Fn, const PollFact &Poll,
                    Level Severity, const std::string &How,
                    const std::string &Why,
                    const std::vector<SiteRef> &Setters) {
  Finding R;
  R.Severity = Severity;
  R.Loc = Poll.Loc;
  R.Function = P.function(Fn).name().str();
  R.Resources.push_back(Poll.Flag.Key);
  std::string Flag = "'" + Poll.Flag.spelledName() + "'";
  R.Message =
      "waiting by polling: '" + P.function(Fn).name().str() + "' " + How + Why;
  for (const CallEdge &E : P.loopChain(pollSite(Fn, Poll)))
    if (E.Kind == EdgeKind::LoopCallback)
      R.Path.push_back({P.site(E.From).Loc, "handed to the loop here"});
  if (std::optional<PathStep> Pause = pauseOf(P, P.function(Fn), Poll))
    R.Path.push_back(std::move(*Pause));
  for (const SiteRef &S : Setters)
    R.Path.push_back({P.site(S).Loc, Flag + " is set here"});
  return R;
}
/// One run of the rule over a program: who writes each flag, the edges into
/// each function and the callbacks each site registers, computed once.
class PollingCheck {
public:
  explicit PollingCheck(const Program &P)
      : P(P), Writers(P), Into(P.functions().size()) {
    for (const CallEdge &E : P.edges()) {
      Into[E.Callee].push_back(&E);
      if (E.Kind == EdgeKind::LoopCallback)
        CallbacksAt[E.From].push_back(E.Callee);
    }
    for (const Resource &R : P.resources())
      AllSignals.insert(R.Signals.begin(), R.Signals.end());
  }

  void run(std::vector<Finding> &Out) const {
    for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
      for (const PollFact &Poll : P.function(Fn).fact().Polls) {
        if (!Poll.OnlyCalls)
          continue;
        WaitingBody Body = classify(P, P.function(Fn), Poll);
        if (Body.Work)
          continue;
        std::vector<SiteRef> Setters = Writers.of(Fn, Poll.Flag, Poll.Sites);
        llvm::erase_if(Setters, [&](const SiteRef &W) {
          std::optional<int64_t> Value = writtenValue(P.site(W));
          return Value && !endsWait(Poll, *Value);
        });
        if (Poll.Kind == PollKind::Loop)
          checkLoop(Fn, Poll, Body, Setters, Out);
        else
          checkGuard(Fn, Poll, Body, Setters, Out);
      }
  }

private:
  void checkLoop(unsigned Fn, const PollFact &Poll, const WaitingBody &Body,
                 const std::vector<SiteRef> &Setters,
                 std::vector<Finding> &Out) const {
    std::string Flag = "'" + Poll.Flag.spelledName() + "'";
    if (Body.Yields) {
      Out.push_back(makeFinding(
          P, Fn, Poll, Level::Warning,
          "yields in a loop until " + Flag +
              " changes; on an executor that resumes the yielder at once "
              "this spins at full CPU",
          "; " + whoSets(P, Poll, Setters), Setters));
      return;
    }
    if (Body.Pause) {
      reportIfEndless(Fn, Poll, "sleeps in a loop until " + Flag + " changes",
                      Setters, Out);
      return;
    }
    if (Body.Suspends || Body.Blocks || !P.runsOnLoop(pollSite(Fn, Poll)))
      return; // Waits on something else, or blocking-call's finding.
    bool OnlyLoopSets =
        !Setters.empty() && llvm::all_of(Setters, [&](const SiteRef &S) {
          return P.context(S.Function).Loop && !P.context(S.Function).Worker;
        });
    std::string How =
        "spins on the event loop's thread until " + Flag + " changes; " +
        (OnlyLoopSets ? "only code the loop runs sets it, and the loop never "
                        "gets to run it: this never ends"
                      : "nothing else runs on the loop meanwhile");
    Out.push_back(makeFinding(P, Fn, Poll,
                              OnlyLoopSets ? Level::Error : Level::Warning, How,
                              "; " + whoSets(P, Poll, Setters), Setters));
  }

  /// A guard is polling when its function runs again and again: a repeating
  /// timer's callback waiting for the flag to be set, or a callback that
  /// re-arms itself from the guard's branch.
  void checkGuard(unsigned Fn, const PollFact &Poll, const WaitingBody &Body,
                  const std::vector<SiteRef> &Setters,
                  std::vector<Finding> &Out) const {
    bool Rearms = llvm::any_of(Body.Registrations, [&](unsigned Site) {
      auto It = CallbacksAt.find({Fn, Site});
      return It != CallbacksAt.end() &&
             llvm::any_of(It->second,
                          [&](unsigned T) { return runsFunction(T, Fn); });
    });
    if (!Rearms && !(waitsForAChange(Fn, Poll) && repeats(Fn)))
      return;
    std::string How = "timer callback polls '" + Poll.Flag.spelledName() +
                      "': on every tick " + waitingWhile(Poll) + " it only " +
                      (Rearms ? "re-arms the timer and returns" : "returns");
    reportIfEndless(Fn, Poll, How, Setters, Out);
  }

  /// Whether the guard returns until its flag changes: while it is unset,
  /// or while it holds the value it starts with (`if (state == Running)
  /// return;` with `state_{Running}`). One that returns while its flag is
  /// set (`if (closed) return;`) is how a timer skips its work for good.
  bool waitsForAChange(unsigned Fn, const PollFact &Poll) const {
    return Poll.Negated ||
           (Poll.Value && Writers.startValue(Fn, Poll.Flag) == Poll.Value);
  }

  /// A poll that lets the loop run between its looks ends once code that
  /// runs sets the flag: it is slow, not stuck, and is reported only when
  /// it can never see the flag change.
  void reportIfEndless(unsigned Fn, const PollFact &Poll,
                       const std::string &How,
                       const std::vector<SiteRef> &Setters,
                       std::vector<Finding> &Out) const {
    std::optional<EndlessPoll> E = endless(Fn, Poll, Setters);
    if (!E)
      return;
    Finding R = makeFinding(P, Fn, Poll, E->Severity, How, E->Why, Setters);
    R.Path.insert(R.Path.end(), E->Steps.begin(), E->Steps.end());
    Out.push_back(std::move(R));
  }

  std::optional<EndlessPoll>
  endless(unsigned Fn, const PollFact &Poll,
          const std::vector<SiteRef> &Setters) const {
    std::string Flag = "'" + Poll.Flag.spelledName() + "'";
    if (Setters.empty()) {
      if (!Poll.Flag.Internal || Writers.handedToACall(Fn, Poll.Flag))
        return std::nullopt; // Code the analysis does not follow may set it.
      return EndlessPoll{Level::Warning,
                         ", and nothing in the analyzed program sets " + Flag +
                             setTo(Poll) +
                             ": this never ends; wait on an event that the "
                             "code that makes it true signals",
                         {}};
    }
    if (std::optional<EndlessPoll> E = setUnderHeldLock(Fn, Poll, Setters))
      return E;
    return setOnOnePath(Fn, Poll, Setters);
  }

  /// Every setter takes, before it sets the flag, a mutex that the poll
  /// holds from before its first look to its end: the flag cannot change
  /// while the poll waits for it to.
  std::optional<EndlessPoll>
  setUnderHeldLock(unsigned Fn, const PollFact &Poll,
                   const std::vector<SiteRef> &Setters) const {
    if (Poll.Sites.empty())
      return std::nullopt;
    const Function &F = P.function(Fn);
    unsigned First = Poll.Sites.front();
    for (const LockAcquisition &Held : findLockAcquisitions(P, Fn)) {
      if (Held.Try || !F.dominates(Held.Site, First) ||
          releasedBetween(Fn, Held, Held.Site, First))
        continue;
      std::vector<PathStep> Steps;
      const ObjectRef *Mutex = nullptr;
      for (const SiteRef &W : Setters) {
        // `peer.ready_ = true` under this object's mutex: another object's
        // flag, which fields name alike.
        const SiteFact &Set = P.site(W);
        if (Set.OtherObject || !Set.Receiver.ThroughParam.empty())
          return std::nullopt;
        std::optional<LockAcquisition> Setting = takenBefore(W, Held);
        if (!Setting)
          return std::nullopt;
        Mutex = Setting->Mutexes.front();
        Steps.push_back({P.site({W.Function, Setting->Site}).Loc,
                         "'" + P.function(W.Function).name().str() +
                             "' waits here for '" + Mutex->spelledName() +
                             "' before it sets the flag"});
      }
      std::string Name = "'" + Mutex->spelledName() + "'";
      Steps.insert(Steps.begin(), {F.site(Held.Site).Loc,
                                   "'" + F.name().str() + "' takes " + Name +
                                       " here and holds it "
                                       "while it polls"});
      // A warning: two objects of the class, or shared locks on both sides,
      // look alike here.
      return EndlessPoll{
          Level::Warning,
          " while it holds " + Name + ", and the code that sets '" +
              Poll.Flag.spelledName() + "' must take " + Name +
              " first: the flag never changes, so this never ends; let go "
              "of the lock between looks, or wait on an event",
          std::move(Steps)};
    }
    return std::nullopt;
  }

  /// Whether a site on some path from \p From to \p To in \p Fn lets go of
  /// what \p A took (a release in a loop lies on a path from its end back).
  bool releasedBetween(unsigned Fn, const LockAcquisition &A, unsigned From,
                       unsigned To) const {
    const Function &F = P.function(Fn);
    auto None = [](const SiteFact &) { return false; };
    bool Released = false;
    F.visitReachable(From, None, [&](unsigned S) {
      Released |=
          S != From && releasesLock(F.site(S), A) && F.reaches(S, To, None);
    });
    return Released;
  }

  /// The acquisition in \p Write's function of a mutex \p Held holds, made
  /// before the write on every path and not let go of before it.
  std::optional<LockAcquisition>
  takenBefore(SiteRef Write, const LockAcquisition &Held) const {
    const Function &G = P.function(Write.Function);
    for (const LockAcquisition &A : findLockAcquisitions(P, Write.Function)) {
      bool Same = llvm::any_of(A.Mutexes, [&](const ObjectRef *M) {
        return llvm::any_of(
            Held.Mutexes, [&](const ObjectRef *H) { return H->Key == M->Key; });
      });
      if (Same && !A.Try && G.dominates(A.Site, Write.Site) &&
          !releasedBetween(Write.Function, A, A.Site, Write.Site))
        return A;
    }
    return std::nullopt;
  }

  /// One function that runs once sets the flag, and can end without setting
  /// it on a path that records another outcome instead (`if (!parsed) {
  /// failed_ = true; return; }`): on that path the poll goes on for ever.
  std::optional<EndlessPoll>
  setOnOnePath(unsigned Fn, const PollFact &Poll,
               const std::vector<SiteRef> &Setters) const {
    unsigned SetterFn = Setters.front().Function;
    std::set<unsigned> Sets;
    for (const SiteRef &S : Setters)
      if (S.Function == SetterFn)
        Sets.insert(S.Site);
    if (SetterFn == Fn || Sets.size() != Setters.size() ||
        !runsOnce(P, SetterFn))
      return std::nullopt;
    const Function &Setter = P.function(SetterFn);
    // `if (ready_) { ++redundant_; co_return; }`: the path that skips the
    // set finds the flag set already.
    const std::string &Key = P.site(Setters.front()).Receiver.Key;
    if (llvm::any_of(Setter.fact().Polls,
                     [&](const PollFact &Q) { return Q.Flag.Key == Key; }))
      return std::nullopt;
    std::optional<SkippedSet> Skip = skipsSet(P, SetterFn, Sets, AllSignals);
    if (!Skip || skipEndsThePoll(Fn, Poll, SetterFn, Sets))
      return std::nullopt;
    std::string Name = "'" + Setter.name().str() + "'";
    std::string Outcome = "'" + Skip->Outcome + "'";
    return EndlessPoll{
        Level::Warning,
        "; '" + Poll.Flag.spelledName() + "' is set" + setTo(Poll) +
            " only by " + Name +
            ", which can end without setting it, recording " + Outcome +
            " instead: on that path this never ends; test both, or wait on "
            "an event that both paths signal",
        {{Skip->Instead->Loc,
          Name + " records " + Outcome + " here, on a path that skips the set"},
         {Skip->End, Name + " can end after this without setting '" +
                         Poll.Flag.spelledName() + "'" + setTo(Poll)}}};
  }

  /// Whether the setter's code on no path to or from its sets \p Sets
  /// (where it records another outcome) ends the poll itself: stops the
  /// event loop (models' `stopsLoop`), or makes a call the poll makes once
  /// its flag is set, to the same function on the same object
  /// (`poll_.stop()`, `uv_timer_stop(&job->poll)`).
  bool skipEndsThePoll(unsigned Fn, const PollFact &Poll, unsigned SetterFn,
                       const std::set<unsigned> &Sets) const {
    const Function &Poller = P.function(Fn);
    const Function &Setter = P.function(SetterFn);
    std::vector<const SiteFact *> Ends;
    for (const SiteFact &S : Poller.fact().Sites)
      if (S.Kind == SiteKind::Call && !S.Query &&
          !llvm::is_contained(Poll.Sites, S.Id))
        Ends.push_back(&S);
    auto Same = [&](const SiteFact &A, const SiteFact &B) {
      if (A.CalleeUsr != B.CalleeUsr || A.Receiver.Key != B.Receiver.Key ||
          A.Args.size() != B.Args.size())
        return false;
      for (size_t I = 0; I < A.Args.size(); ++I)
        if (A.Args[I].Ref.Key != B.Args[I].Ref.Key)
          return false;
      return A.Receiver.isKnown() ||
             llvm::any_of(A.Args,
                          [](const ArgFact &Arg) { return Arg.Ref.isKnown(); });
    };
    return llvm::any_of(Setter.fact().Sites, [&](const SiteFact &S) {
      if (S.Kind != SiteKind::Call || !apartFrom(Setter, S.Id, Sets))
        return false;
      const FunctionModel *M = P.modelOf(S);
      return (M && M->StopsLoop) ||
             llvm::any_of(Ends, [&](const SiteFact *E) { return Same(*E, S); });
    });
  }

  /// \p Target is \p Fn, or calls it directly (a lambda around a member).
  bool runsFunction(unsigned Target, unsigned Fn) const {
    return Target == Fn || llvm::any_of(Into[Fn], [&](const CallEdge *E) {
             return E->From.Function == Target && E->Kind == EdgeKind::Calls;
           });
  }

  /// Whether a repeating registration runs \p Fn, or a lambda it runs
  /// that calls \p Fn on every path (`connect(&timer, &QTimer::timeout,
  /// this, [this] { pollReady(); })`).
  bool repeats(unsigned Fn) const {
    return registeredRepeating(Fn) ||
           llvm::any_of(Into[Fn], [&](const CallEdge *E) {
             const Function &Caller = P.function(E->From.Function);
             return E->Kind == EdgeKind::Calls && Caller.fact().IsLambda &&
                    Caller.onEveryPath(E->From.Site) &&
                    registeredRepeating(E->From.Function);
           });
  }

  bool registeredRepeating(unsigned Fn) const {
    return llvm::any_of(Into[Fn], [&](const CallEdge *E) {
      const FunctionModel *M = E->Kind == EdgeKind::LoopCallback
                                   ? P.modelOf(P.site(E->From))
                                   : nullptr;
      return M && M->Repeats;
    });
  }

  const Program &P;
  FlagWriters Writers;
  std::vector<std::vector<const CallEdge *>> Into;
  std::map<SiteRef, std::vector<unsigned>> CallbacksAt;
  std::set<SiteRef> AllSignals;
};

class TimerPollingRule : public Rule {
public:
  void check(const Program &P, std::vector<Finding> &Out) const override {
    PollingCheck(P).run(Out);
  }
};

} // namespace

std::unique_ptr<Rule> createTimerPollingRule() {
  return std::make_unique<TimerPollingRule>();
}

} // namespace corolint
