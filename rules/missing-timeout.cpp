//===- missing-timeout.cpp - Awaits on the network with no deadline -------===//
//
// Flags a co_await on an operation that waits for something outside the
// process (a peer) with no deadline, and a timeout wrapped around a coroutine
// that never suspends, which can never fire.
//
// An external await is bounded when its own awaited expression holds a
// timeout (`folly::coro::timeout(...)`, an Asio `cancel_after` token) or a
// race against a delay (`read || timer.async_wait()`); when a timer callback
// anywhere in the program cancels its I/O object (a watchdog that closes the
// socket); when every await of its coroutine is itself bounded, so that a
// caller's deadline covers it; or when the function that starts the
// coroutine arms a timer that stops the event loop (a test harness's
// watchdog). Which operations are external, which calls bound them, which
// members cancel an object and which calls stop a loop is model data.
//
//===----------------------------------------------------------------------===//

#include "corolint/rules/Rule.h"
#include <set>

namespace corolint {
namespace {

const FunctionModel *modelOf(const Program &P, const SiteFact &S) {
  return S.Kind == SiteKind::Call ? P.modelOf(S) : nullptr;
}

/// The calls of \p F inside the expression that suspension \p Suspend awaits.
std::vector<const SiteFact *> awaitedCalls(const Function &F,
                                           unsigned Suspend) {
  std::vector<const SiteFact *> Calls;
  for (unsigned Call : F.callsAwaitedBy(Suspend))
    Calls.push_back(&F.site(Call));
  return Calls;
}

/// The least fixpoint of "has it": \p Has holds the functions that have it
/// on their own, and a function has it too when one it inherits from does
/// (\p Inheritors lists, per function, those that inherit from it). One
/// worklist, so linear in the dependencies.
void inheritForward(std::vector<bool> &Has,
                    const std::vector<std::vector<unsigned>> &Inheritors) {
  std::vector<unsigned> Work;
  for (unsigned Fn = 0; Fn < Has.size(); ++Fn)
    if (Has[Fn])
      Work.push_back(Fn);
  while (!Work.empty()) {
    unsigned Done = Work.back();
    Work.pop_back();
    for (unsigned Fn : Inheritors[Done])
      if (!Has[Fn]) {
        Has[Fn] = true;
        Work.push_back(Fn);
      }
  }
}

/// The least set of functions in which a function is once \p Joins says so of
/// the set so far: grown from nothing, so that a recursion no outside
/// evidence supports stays out. A function is looked at again when one it
/// depends on joins (\p Dependents lists, per function, those that depend
/// on it).
std::vector<bool> growFromNothing(
    const std::vector<std::vector<unsigned>> &Dependents,
    llvm::function_ref<bool(unsigned, const std::vector<bool> &)> Joins) {
  size_t N = Dependents.size();
  std::vector<bool> In(N, false);
  std::vector<unsigned> Work(N);
  for (unsigned Fn = 0; Fn < N; ++Fn)
    Work[Fn] = Fn;
  while (!Work.empty()) {
    unsigned Fn = Work.back();
    Work.pop_back();
    if (In[Fn] || !Joins(Fn, In))
      continue;
    In[Fn] = true;
    for (unsigned Dependent : Dependents[Fn])
      Work.push_back(Dependent);
  }
  return In;
}

/// What one site of a coroutine says about a property of the coroutine.
struct SiteVerdict {
  bool Holds = false;                  ///< The site alone gives it.
  std::optional<unsigned> IfCalleeHas; ///< It has it if this function does.
};

/// The coroutines with a property that a site gives directly or through a
/// coroutine it awaits.
std::vector<bool> markCoroutines(
    const Program &P,
    llvm::function_ref<SiteVerdict(const Function &, const SiteFact &)>
        Verdict) {
  size_t N = P.functions().size();
  std::vector<bool> Has(N, false);
  std::vector<std::vector<unsigned>> Dependents(N);
  for (unsigned Fn = 0; Fn < N; ++Fn) {
    const Function &F = P.function(Fn);
    if (!F.isCoroutine())
      continue;
    for (const SiteFact &S : F.fact().Sites) {
      SiteVerdict V = Verdict(F, S);
      if (V.Holds)
        Has[Fn] = true;
      else if (V.IfCalleeHas)
        Dependents[*V.IfCalleeHas].push_back(Fn);
    }
  }
  inheritForward(Has, Dependents);
  return Has;
}

/// Coroutines of the program that complete after a delay: they await a
/// delay, or such a coroutine (`timeout(30s)` written over a steady_timer).
std::vector<bool> delayCoroutines(const Program &P) {
  return markCoroutines(P, [&](const Function &F, const SiteFact &S) {
    SiteVerdict V;
    if (S.Kind != SiteKind::Call ||
        !(S.AwaitedIn >= 0 || F.suspensionAwaiting(S.Id)))
      return V;
    const FunctionModel *M = P.modelOf(S);
    V.Holds = M && M->Delay;
    V.IfCalleeHas = P.find(S.CalleeUsr);
    return V;
  });
}

/// A timeout, or a race with a delay, in the awaited expression.
bool awaitHasDeadline(const Program &P, const std::vector<bool> &Delays,
                      const Function &F, unsigned Suspend) {
  bool Race = false, Delay = false;
  for (const SiteFact *S : awaitedCalls(F, Suspend)) {
    if (std::optional<unsigned> Callee = P.find(S->CalleeUsr))
      Delay |= Delays[*Callee];
    if (const FunctionModel *M = modelOf(P, *S)) {
      if (M->Timeout)
        return true;
      Race |= M->Race;
      Delay |= M->Delay;
    }
  }
  return Race && Delay;
}

/// The suspension that awaits \p Call: the co_await of its result, or the
/// one whose awaited expression contains it; -1 when none does.
int suspensionAwaiting(const Function &F, const SiteFact &Call) {
  if (std::optional<unsigned> Direct = F.suspensionAwaiting(Call.Id))
    return *Direct;
  return Call.AwaitedIn;
}

/// The I/O object an external call works on: the object of a member call,
/// or the argument the model names.
std::optional<ObjectRef> ioObject(const SiteFact &S, const FunctionModel &M) {
  if (S.Receiver.isKnown())
    return S.Receiver;
  for (const ArgFact &A : S.Args)
    if (static_cast<int>(A.Index) == M.ObjectArg && A.Ref.isKnown())
      return A.Ref;
  return std::nullopt;
}

/// Functions that stop the event loop running them on every path, or call
/// on every path one that does. A stop under a condition
/// (`if (!init()) app.exit(1);`) is no watchdog.
std::vector<bool> loopStoppers(const Program &P) {
  size_t N = P.functions().size();
  std::vector<bool> Stops(N, false);
  std::vector<std::vector<unsigned>> Callers(N);
  for (unsigned Fn = 0; Fn < N; ++Fn) {
    const Function &F = P.function(Fn);
    Stops[Fn] = llvm::any_of(F.fact().Sites, [&](const SiteFact &S) {
      const FunctionModel *M = modelOf(P, S);
      return M && M->StopsLoop && F.onEveryPath(S.Id);
    });
  }
  for (const CallEdge &E : P.edges())
    if (E.Kind == EdgeKind::Calls &&
        P.function(E.From.Function).onEveryPath(E.From.Site))
      Callers[E.Callee].push_back(E.From.Function);
  inheritForward(Stops, Callers);
  return Stops;
}

/// Whether \p E hands a callable to a timer (the loop runs it once a
/// duration passes).
bool armsTimer(const Program &P, const CallEdge &E) {
  const FunctionModel *M = modelOf(P, P.site(E.From));
  return E.Kind == EdgeKind::LoopCallback && M && M->Delay;
}

class DeadlineFacts {
public:
  explicit DeadlineFacts(const Program &P) : P(P), Delays(delayCoroutines(P)) {
    findWatchdogCancels();
    findWatchdogScopes();
    findBoundedCoroutines();
  }

  bool watched(unsigned Fn, const ObjectRef &Obj) const {
    for (const ObjectRef &R : P.resolve(Fn, Obj))
      if (Cancelled.count(R.Key))
        return true;
    return false;
  }
  bool boundedByCallers(unsigned Fn) const { return Bounded[Fn]; }
  bool hasDeadline(const Function &F, unsigned Suspend) const {
    return awaitHasDeadline(P, Delays, F, Suspend);
  }

private:
  /// Objects that code run by a timer (and what it calls) cancels.
  void findWatchdogCancels() {
    std::vector<unsigned> Work;
    std::vector<bool> Seen(P.functions().size());
    for (const CallEdge &E : P.edges()) {
      if (armsTimer(P, E) && !Seen[E.Callee]) {
        Seen[E.Callee] = true;
        Work.push_back(E.Callee);
      }
    }
    std::vector<std::vector<unsigned>> Callees(P.functions().size());
    for (const CallEdge &E : P.edges())
      if (E.Kind == EdgeKind::Calls)
        Callees[E.From.Function].push_back(E.Callee);
    while (!Work.empty()) {
      unsigned Fn = Work.back();
      Work.pop_back();
      addCancels(Fn);
      for (unsigned Callee : Callees[Fn])
        if (!Seen[Callee]) {
          Seen[Callee] = true;
          Work.push_back(Callee);
        }
    }
  }

  void addCancels(unsigned Fn) {
    for (const SiteFact &S : P.function(Fn).fact().Sites) {
      if (S.Kind != SiteKind::Call || !S.Receiver.isKnown())
        continue;
      const TypeModel *T =
          P.models().typeForCall(S.Receiver.Type, S.CalleeName);
      if (T && TypeModel::has(T->Cancels, splitMember(S.CalleeName).second))
        for (const ObjectRef &R : P.resolve(Fn, S.Receiver))
          Cancelled.insert(R.Key);
    }
  }

  /// Functions that arm a timer whose callback stops the event loop: a
  /// watchdog over whatever they start (`QTimer::singleShot(5s, &loop,
  /// [&] { loop.exit(1); })` in a test harness that is handed each test).
  void findWatchdogScopes() {
    std::vector<bool> Stops = loopStoppers(P);
    WatchdogScope.assign(P.functions().size(), false);
    for (const CallEdge &E : P.edges())
      if (armsTimer(P, E) && Stops[E.Callee])
        WatchdogScope[E.From.Function] = true;
  }

  /// How one call of a coroutine waits for it.
  enum class AwaitKind { Unbounded, Deadline, NotAwaited };
  struct Awaiter {
    unsigned Caller;
    AwaitKind Kind;
  };

  AwaitKind awaitKind(const CallEdge &E) const {
    if (WatchdogScope[E.From.Function])
      return AwaitKind::Deadline;
    if (E.Kind != EdgeKind::Calls && E.Kind != EdgeKind::Awaits)
      return AwaitKind::NotAwaited; // Spawned, or handed to the loop.
    const Function &Caller = P.function(E.From.Function);
    int Suspend = suspensionAwaiting(Caller, P.site(E.From));
    if (Suspend < 0)
      return AwaitKind::NotAwaited; // A task stored and awaited later.
    return hasDeadline(Caller, Suspend) ? AwaitKind::Deadline
                                        : AwaitKind::Unbounded;
  }

  /// A coroutine is bounded by its callers when it is awaited somewhere and
  /// every await of it has a deadline or sits in a coroutine so bounded;
  /// a function that starts it under a watchdog bounds it too, and so does
  /// one that it is handed to, which starts it.
  /// Grown from nothing, so a recursion with no deadline stays unbounded.
  void findBoundedCoroutines() {
    size_t N = P.functions().size();
    std::vector<std::vector<Awaiter>> Awaiters(N);
    std::vector<std::vector<unsigned>> AwaitedBy(N);
    for (const CallEdge &E : P.edges())
      if (P.function(E.Callee).isCoroutine()) {
        Awaiters[E.Callee].push_back({E.From.Function, awaitKind(E)});
        AwaitedBy[E.From.Function].push_back(E.Callee);
      }
    for (const CallEdge &H : P.handOvers())
      if (std::optional<unsigned> Receiver = P.find(P.site(H.From).CalleeUsr))
        if (P.function(H.Callee).isCoroutine())
          Awaiters[H.Callee].push_back(
              {*Receiver, WatchdogScope[*Receiver] ? AwaitKind::Deadline
                                                   : AwaitKind::NotAwaited});
    Bounded = growFromNothing(
        AwaitedBy, [&](unsigned Fn, const std::vector<bool> &SoFar) {
          return !Awaiters[Fn].empty() &&
                 llvm::all_of(Awaiters[Fn], [&](const Awaiter &A) {
                   return A.Kind == AwaitKind::Deadline ||
                          (A.Kind == AwaitKind::Unbounded && SoFar[A.Caller]);
                 });
        });
  }

  const Program &P;
  std::vector<bool> Delays;
  std::set<std::string> Cancelled;
  std::vector<bool> WatchdogScope;
  std::vector<bool> Bounded;
};

/// Per function, the functions it calls, starts or hands a callable to.
std::vector<std::vector<unsigned>> successors(const Program &P) {
  std::vector<std::vector<unsigned>> Next(P.functions().size());
  for (const std::vector<CallEdge> *Edges : {&P.edges(), &P.handOvers()})
    for (const CallEdge &E : *Edges)
      Next[E.From.Function].push_back(E.Callee);
  return Next;
}

/// Functions that make a call the model says \p Does (accepts, connects),
/// or reach one.
std::vector<bool> reaching(const Program &P,
                           const std::vector<std::vector<unsigned>> &Next,
                           bool FunctionModel::*Does) {
  size_t N = P.functions().size();
  std::vector<bool> Reaches(N, false);
  std::vector<std::vector<unsigned>> Prev(N);
  for (unsigned Fn = 0; Fn < N; ++Fn) {
    for (unsigned Succ : Next[Fn])
      Prev[Succ].push_back(Fn);
    Reaches[Fn] =
        llvm::any_of(P.function(Fn).fact().Sites, [&](const SiteFact &S) {
          const FunctionModel *M = modelOf(P, S);
          return M && M->*Does;
        });
  }
  inheritForward(Reaches, Prev);
  return Reaches;
}

/// Functions that run an end of a connection whose other end the program
/// runs too: a function that starts a server (what accepts and does not
/// connect) and a client (the reverse), as a test's
/// `when_all(server(), client())` does, holds both ends. What they reach is
/// in-process only when nothing else reaches it: a session that a test and
/// the production `main` both run still talks to strangers.
std::vector<bool> inProcessEnds(const Program &P) {
  std::vector<std::vector<unsigned>> Next = successors(P);
  std::vector<bool> Accepts = reaching(P, Next, &FunctionModel::Accepts);
  std::vector<bool> Connects = reaching(P, Next, &FunctionModel::Connects);
  size_t N = P.functions().size();
  std::vector<std::vector<unsigned>> Prev(N);
  std::set<std::pair<unsigned, unsigned>> HolderToEnd;
  for (unsigned Fn = 0; Fn < N; ++Fn) {
    std::vector<unsigned> Ends;
    bool Server = false, Client = false;
    for (unsigned Succ : Next[Fn]) {
      Prev[Succ].push_back(Fn);
      if (Accepts[Succ] != Connects[Succ]) {
        Ends.push_back(Succ);
        Server |= Accepts[Succ];
        Client |= Connects[Succ];
      }
    }
    if (Server && Client)
      for (unsigned End : Ends)
        HolderToEnd.insert({Fn, End});
  }
  return growFromNothing(
      Next, [&](unsigned Fn, const std::vector<bool> &SoFar) {
        return !Prev[Fn].empty() && llvm::all_of(Prev[Fn], [&](unsigned From) {
          return SoFar[From] || HolderToEnd.count({From, Fn});
        });
      });
}

/// Coroutines that can really suspend: a written co_await of something other
/// than a coroutine of the program that cannot.
std::vector<bool> coroutinesThatSuspend(const Program &P) {
  return markCoroutines(P, [&](const Function &F, const SiteFact &S) {
    SiteVerdict V;
    if (S.Kind != SiteKind::Suspend || S.Implicit)
      return V;
    const TypeModel *T = P.models().type(S.AwaitableType);
    if (T && T->Role == TypeRole::NoSuspend)
      return V;
    std::optional<unsigned> Callee;
    if (S.OperandCall >= 0)
      Callee = P.find(F.site(S.OperandCall).CalleeUsr);
    if (Callee && P.function(*Callee).isCoroutine())
      V.IfCalleeHas = Callee;
    else
      V.Holds = true;
    return V;
  });
}

Finding unboundedAwait(const Program &P, unsigned Fn, const SiteFact &Call,
                       const ObjectRef *Object) {
  Finding R;
  R.Severity = Level::Warning;
  R.Loc = Call.Loc;
  R.Function = P.function(Fn).name().str();
  R.Message = "'" + Call.CalleeName +
              "' waits for a peer with no deadline: if the other side stops "
              "answering, this coroutine never resumes; race it against a "
              "timer, wrap it in a timeout, or cancel " +
              (Object ? "'" + Object->spelledName() + "'" : "its object") +
              " from a watchdog timer";
  if (Object)
    R.Resources.push_back(Object->Key);
  return R;
}

Finding timeoutNeverFires(const Program &P, unsigned Fn, const SiteFact &Call,
                          unsigned Wrapped) {
  const Function &Inner = P.function(Wrapped);
  Finding R;
  R.Severity = Level::Warning;
  R.Loc = Call.Loc;
  R.Function = P.function(Fn).name().str();
  R.Message = "'" + Call.CalleeName + "' bounds '" + Inner.name().str() +
              "', which never suspends: it runs to the end before the timer "
              "can fire, so the deadline is never enforced";
  R.Path.push_back({Inner.fact().Loc, "'" + Inner.name().str() +
                                          "' has no co_await that suspends"});
  return R;
}

class MissingTimeoutRule : public Rule {
public:
  void check(const Program &P, std::vector<Finding> &Out) const override {
    DeadlineFacts Deadlines(P);
    std::vector<bool> Suspends = coroutinesThatSuspend(P);
    std::vector<bool> InProcess = inProcessEnds(P);
    for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn) {
      for (const SiteFact &S : P.function(Fn).fact().Sites) {
        const FunctionModel *M = modelOf(P, S);
        if (!M)
          continue;
        // A write to the program's own peer, which reads what it is sent,
        // completes once the kernel has the data.
        if (M->External && !(M->Writes && InProcess[Fn]))
          checkExternal(P, Deadlines, Fn, S, *M, Out);
        if (M->Timeout)
          checkWrapped(P, Suspends, Fn, S, Out);
      }
    }
  }

private:
  void checkExternal(const Program &P, const DeadlineFacts &Deadlines,
                     unsigned Fn, const SiteFact &Call, const FunctionModel &M,
                     std::vector<Finding> &Out) const {
    const Function &F = P.function(Fn);
    int Suspend = suspensionAwaiting(F, Call);
    // A duration given at the call is the operation's timeout.
    if (Suspend < 0 || P.passesDuration(Call) ||
        Deadlines.hasDeadline(F, Suspend) || Deadlines.boundedByCallers(Fn))
      return; // Not awaited here (a callback API), or bounded.
    std::optional<ObjectRef> Object = ioObject(Call, M);
    if (Object && Deadlines.watched(Fn, *Object))
      return;
    Out.push_back(unboundedAwait(P, Fn, Call, Object ? &*Object : nullptr));
  }

  void checkWrapped(const Program &P, const std::vector<bool> &Suspends,
                    unsigned Fn, const SiteFact &Call,
                    std::vector<Finding> &Out) const {
    for (const ArgFact &A : Call.Args)
      if (std::optional<unsigned> Wrapped = P.find(A.ProducerUsr))
        if (P.function(*Wrapped).isCoroutine() && !Suspends[*Wrapped])
          Out.push_back(timeoutNeverFires(P, Fn, Call, *Wrapped));
  }
};

} // namespace

std::unique_ptr<Rule> createMissingTimeoutRule() {
  return std::make_unique<MissingTimeoutRule>();
}

} // namespace corolint
