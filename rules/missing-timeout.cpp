//===- missing-timeout.cpp - Awaits on the network with no deadline -------===//
//
// Flags a co_await on an operation that waits for something outside the
// process (a peer) with no deadline, a read a callback client starts from
// the completion handler of its request's send with none, and a timeout
// wrapped around a coroutine that never suspends, which can never fire.
//
// An external await is bounded when its own awaited expression holds a
// timeout (`folly::coro::timeout(...)`, an Asio `cancel_after` token) or a
// race against a delay (`read || timer.async_wait()`); when a timer callback
// anywhere in the program cancels its I/O object (a watchdog that closes the
// socket); when every await of its coroutine is itself bounded, so that a
// caller's deadline covers it; or when the function that starts the
// coroutine arms a watchdog over it: a timer that stops the event loop (a
// test harness's), or a coroutine that waits out a delay and then cancels an
// I/O object (cinatra's timer_guard, armed for one request). A function that
// is not a coroutine and returns an external operation's awaitable (a
// wrapper choosing the TLS or the plain socket) is that operation to whoever
// awaits it. Which operations are external, which calls bound them, which
// members cancel an object and which calls stop a loop is model data.
//
//===----------------------------------------------------------------------===//

#include "corolint/rules/Rule.h"
#include "llvm/ADT/StringSet.h"
#include <deque>
#include <map>
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

/// A timeout, or a race with a delay, in the awaited expression; or a
/// fail-fast join with a watchdog: a coroutine that awaits a delay and then
/// throws on every path (`echo(sock) && watchdog(deadline)`), whose failure
/// cancels the operation beside it.
bool awaitHasDeadline(const Program &P, const std::vector<bool> &Delays,
                      const Function &F, unsigned Suspend) {
  bool Race = false, FailFast = false, Delay = false, Watchdog = false;
  for (const SiteFact *S : awaitedCalls(F, Suspend)) {
    if (std::optional<unsigned> Callee = P.find(S->CalleeUsr)) {
      Delay |= Delays[*Callee];
      Watchdog |= Delays[*Callee] && P.function(*Callee).endsOnlyByThrowing();
    }
    if (const FunctionModel *M = modelOf(P, *S)) {
      if (M->Timeout)
        return true;
      Race |= M->Race;
      FailFast |= M->FailFast;
      Delay |= M->Delay;
    }
  }
  return (Race && Delay) || (FailFast && Watchdog);
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

/// How many awaits up from an unbounded read its finding names.
constexpr size_t MaxAwaitChain = 16;

/// The external operations each function hands its caller: for a function
/// that is not a coroutine, the external calls its `return` statements
/// return, directly or through another such function, that pass no
/// duration of their own. Several are one operation on views of one
/// connection (`return use_ssl_ ? read(*ssl_stream_) : read(socket_);`).
using Operations = std::vector<SiteRef>;
std::vector<Operations> forwardedOperations(const Program &P) {
  size_t N = P.functions().size();
  std::vector<Operations> Forwards(N);
  std::vector<std::vector<unsigned>> ReturnedBy(N);
  for (unsigned Fn = 0; Fn < N; ++Fn) {
    if (P.function(Fn).isCoroutine())
      continue;
    for (const SiteFact &S : P.function(Fn).fact().Sites) {
      const FunctionModel *M =
          S.Kind == SiteKind::Call && S.Returned ? P.modelOf(S) : nullptr;
      if (M && M->External && !P.passesDuration(S))
        Forwards[Fn].push_back({Fn, S.Id});
    }
  }
  for (const CallEdge &E : P.edges())
    if (E.Kind == EdgeKind::Calls && P.site(E.From).Returned &&
        !P.function(E.From.Function).isCoroutine())
      ReturnedBy[E.Callee].push_back(E.From.Function);
  // A wrapper of wrappers gets theirs once, the first time it has none.
  std::vector<unsigned> Work;
  for (unsigned Fn = 0; Fn < N; ++Fn)
    if (!Forwards[Fn].empty())
      Work.push_back(Fn);
  while (!Work.empty()) {
    unsigned Done = Work.back();
    Work.pop_back();
    for (unsigned Fn : ReturnedBy[Done])
      if (Forwards[Fn].empty()) {
        Forwards[Fn] = Forwards[Done];
        Work.push_back(Fn);
      }
  }
  return Forwards;
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

/// Per function, the functions it calls, starts or hands a callable to.
std::vector<std::vector<unsigned>> successors(const Program &P) {
  std::vector<std::vector<unsigned>> Next(P.functions().size());
  for (const std::vector<CallEdge> *Edges : {&P.edges(), &P.handOvers()})
    for (const CallEdge &E : *Edges)
      Next[E.From.Function].push_back(E.Callee);
  return Next;
}

class DeadlineFacts {
public:
  explicit DeadlineFacts(const Program &P) : P(P), Delays(delayCoroutines(P)) {
    for (const Function &F : P.functions())
      FunctionNames.insert(F.name());
    findFlagsThatMayBeSet();
    findCallees();
    findCancellers();
    findWatchdogCancels();
    findWatchdogScopes();
    findBoundedCoroutines();
  }

  /// Every object \p Obj may be is cancelled by a watchdog: a read on a
  /// parameter bound to a watched connection and to one no watchdog
  /// closes may wait for ever on the second.
  bool watched(unsigned Fn, const ObjectRef &Obj) const {
    std::vector<ObjectRef> Objects = P.resolve(Fn, Obj);
    return !Objects.empty() && llvm::all_of(Objects, [&](const ObjectRef &R) {
      return WatchedBy.count(R.Key);
    });
  }
  bool boundedByCallers(unsigned Fn) const { return Bounded[Fn]; }
  /// `deadline_.cancel(); ... async_write(socket_, req, [self] { ...
  /// async_read(socket_, ...); })`: every timer whose handler cancels
  /// \p Obj is cancelled in the function that sends the request at \p
  /// Send, on every path to it, and armed again neither after that in it
  /// nor by what the send's handler runs (\p AfterSend): the read that
  /// answers it has no watchdog left. The cancel of the first such timer,
  /// if so.
  std::optional<SiteRef>
  disarmedBefore(SiteRef Send, const ObjectRef &Obj,
                 const std::vector<bool> &AfterSend) const {
    std::optional<SiteRef> First;
    for (const ObjectRef &R : P.resolve(Send.Function, Obj)) {
      auto It = WatchedBy.find(R.Key);
      if (It == WatchedBy.end())
        return std::nullopt;
      for (const std::string &Timer : It->second) {
        std::optional<unsigned> Cancel =
            cancelOf(Send.Function, Send.Site, Timer);
        if (!Cancel || SelfRearming.count(Timer) ||
            rearmed(Send.Function, *Cancel, Timer, AfterSend))
          return std::nullopt;
        if (!First)
          First = SiteRef{Send.Function, *Cancel};
      }
    }
    return First;
  }
  /// \p Fn may run in the program (functionsThatRun).
  bool runs(unsigned Fn) const { return Runs[Fn]; }
  /// A watchdog is armed in \p At's function before \p At runs: a timer
  /// that stops the loop anywhere in it, or a watchdog coroutine created on
  /// some path to \p At.
  bool armedBefore(SiteRef At) const {
    if (WatchdogScope[At.Function])
      return true;
    const Function &F = P.function(At.Function);
    return llvm::any_of(ArmSites[At.Function], [&](unsigned Arm) {
      return !F.hasCfg() ||
             F.reaches(Arm, At.Site, [](const SiteFact &) { return false; });
    });
  }

  /// The awaits, outermost first, by which a coroutine nothing bounds is
  /// waited for: at each step the first await with no deadline, up to
  /// MaxAwaitChain of them (a path no one reads, and work per finding,
  /// would grow with the depth of the program).
  std::vector<SiteRef> unboundedAwaitChain(unsigned Fn) const {
    std::vector<SiteRef> Chain;
    std::set<unsigned> Seen{Fn};
    while (Chain.size() < MaxAwaitChain) {
      // The first await with no deadline, in code that runs here before
      // one in a library function that nothing here calls.
      const Awaiter *Next = nullptr;
      auto Before = [&](const Awaiter &A, const Awaiter &B) {
        return std::make_pair(!Runs[A.Caller], A.At) <
               std::make_pair(!Runs[B.Caller], B.At);
      };
      for (const Awaiter &A : Awaiters[Fn])
        if (A.Kind == AwaitKind::Unbounded && !Seen.count(A.Caller) &&
            (!Next || Before(A, *Next)))
          Next = &A;
      if (!Next)
        break;
      Chain.push_back(Next->At);
      Fn = Next->Caller;
      Seen.insert(Fn);
    }
    std::reverse(Chain.begin(), Chain.end());
    return Chain;
  }
  bool hasDeadline(const Function &F, unsigned Suspend) const {
    return awaitHasDeadline(P, Delays, F, Suspend);
  }

private:
  /// What each function runs: what it calls, and the callables it hands
  /// the loop (a watchdog's `close()` that dispatches the socket's close to
  /// the socket's executor still closes it).
  void findCallees() {
    Callees.resize(P.functions().size());
    for (const CallEdge &E : P.edges())
      if (E.Kind == EdgeKind::Calls || E.Kind == EdgeKind::LoopCallback)
        Callees[E.From.Function].push_back(E.Callee);
  }

  /// \p Roots and every function they call, transitively.
  std::vector<unsigned> reachedBy(std::vector<unsigned> Roots) const {
    std::vector<bool> Seen(P.functions().size());
    for (unsigned Fn : Roots)
      Seen[Fn] = true;
    for (size_t I = 0; I < Roots.size(); ++I)
      for (unsigned Callee : Callees[Roots[I]])
        if (!Seen[Callee]) {
          Seen[Callee] = true;
          Roots.push_back(Callee);
        }
    return Roots;
  }

  /// The flags that something may set: written with a value other than a
  /// constant false (or first given one), changed by a member call, or
  /// handed to code that may change them.
  void findFlagsThatMayBeSet() {
    Runs = functionsThatRun();
    bool AnyGuarded = llvm::any_of(P.functions(), [](const Function &F) {
      return llvm::any_of(F.fact().Sites, [](const SiteFact &S) {
        return !S.GuardFlags.empty();
      });
    });
    if (!AnyGuarded)
      return; // No flag to ask about: spare resolving every argument.
    for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn) {
      if (!Runs[Fn])
        continue;
      for (const SiteFact &S : P.function(Fn).fact().Sites) {
        auto MaySet = [&](const ObjectRef &Flag) {
          for (const ObjectRef &R : P.resolve(Fn, Flag))
            FlagsMaySet.insert(R.Key);
        };
        if (S.Kind == SiteKind::Write && S.Receiver.isKnown() &&
            S.Value.value_or(1) != 0)
          MaySet(S.Receiver);
        if (S.Kind == SiteKind::Call && S.Receiver.isKnown() && S.Mutates)
          MaySet(S.Receiver);
        for (const ArgFact &A : S.Args)
          if (A.Ref.isKnown())
            MaySet(A.Ref);
      }
    }
  }

  /// The functions that may run in the program: the project's own (declared
  /// only in their unit), lambdas, constructors (which run whenever their
  /// object is made, maybe out of sight: `std::make_shared<client>()`), what
  /// is handed to code out of sight, and what those call. A header's
  /// function that none of them reaches does not run here (the setter a
  /// library offers and this program never uses).
  std::vector<bool> functionsThatRun() const {
    size_t N = P.functions().size();
    std::vector<bool> Runs(N, false);
    for (const CallEdge &E : P.handOvers())
      Runs[E.Callee] = true;
    for (unsigned Fn = 0; Fn < N; ++Fn) {
      const FunctionFact &F = P.function(Fn).fact();
      Runs[Fn] =
          Runs[Fn] || F.MainFileOnly || F.IsLambda || isConstructorName(F.Name);
    }
    inheritForward(Runs, successors(P));
    return Runs;
  }

  /// The call at \p Arm runs only while a flag is set that nothing in the
  /// program sets, and that only the program can name (a private field,
  /// which only its class and friends can set): a watchdog
  /// armed there is never armed (yalantinglibs' HTTP client armed its
  /// request timer only `if (enable_timeout_)`, which only setters that the
  /// program did not call turned on).
  bool neverRuns(SiteRef Arm) const {
    const SiteFact &S = P.site(Arm);
    return llvm::any_of(S.GuardFlags, [&](const ObjectRef &Flag) {
      std::vector<ObjectRef> Objects = P.resolve(Arm.Function, Flag);
      return !Objects.empty() && llvm::all_of(Objects, [&](const ObjectRef &R) {
        // A field: a local's or a global's initializer is no write here.
        return R.K == ObjectRef::Kind::Field && (R.Internal || R.Private) &&
               !FlagsMaySet.count(R.Key);
      });
    });
  }

  /// Objects that code run by a timer (and what it calls) cancels, and
  /// the timers whose handlers do.
  void findWatchdogCancels() {
    for (const CallEdge &E : P.edges()) {
      if (!armsTimer(P, E) || neverRuns(E.From))
        continue;
      std::vector<ObjectRef> Timers =
          P.resolve(E.From.Function, P.site(E.From).Receiver);
      std::vector<unsigned> Handler = reachedBy({E.Callee});
      noteSelfRearming(Timers, Handler);
      for (unsigned Fn : Handler)
        for (const ObjectRef &R : CancelsOf[Fn]) {
          std::set<std::string> &By = WatchedBy[R.Key];
          for (const ObjectRef &Timer : Timers)
            By.insert(Timer.Key);
          if (Timers.empty())
            By.insert(""); // A timer the analysis cannot name.
        }
    }
  }

  /// The I/O objects \p Fn cancels (`sock.close()`), as the program
  /// resolves them.
  std::vector<ObjectRef> cancels(unsigned Fn) const {
    std::vector<ObjectRef> Objects;
    for (const SiteFact &S : P.function(Fn).fact().Sites) {
      if (S.Kind != SiteKind::Call)
        continue;
      const FunctionModel *M = modelOf(P, S);
      std::optional<ObjectRef> Object = M ? ioObject(S, *M) : std::nullopt;
      if (M && M->Cancels && Object) {
        llvm::append_range(Objects, P.resolve(Fn, *Object));
        continue;
      }
      if (!S.Receiver.isKnown())
        continue;
      const TypeModel *T =
          P.models().typeForCall(S.Receiver.Type, S.CalleeName);
      if (T && TypeModel::has(T->Cancels, splitMember(S.CalleeName).second))
        llvm::append_range(Objects, P.resolve(Fn, S.Receiver));
    }
    return Objects;
  }

  /// A coroutine that waits out a delay and then cancels an I/O object,
  /// itself or through what it calls: created for one operation (cinatra's
  /// `timeout(timer, 5s)`, which a timer_guard starts), it bounds what the
  /// function that creates it awaits.
  bool isWatchdogCoroutine(unsigned Fn) const {
    return P.function(Fn).isCoroutine() && Delays[Fn] && ReachesCancel[Fn];
  }

  /// What each function cancels, and the functions that cancel an I/O
  /// object, themselves or through what they call.
  void findCancellers() {
    size_t N = P.functions().size();
    CancelsOf.resize(N);
    ReachesCancel.assign(N, false);
    std::vector<std::vector<unsigned>> Callers(N);
    for (unsigned Fn = 0; Fn < N; ++Fn) {
      CancelsOf[Fn] = cancels(Fn);
      ReachesCancel[Fn] = !CancelsOf[Fn].empty();
      for (unsigned Callee : Callees[Fn])
        Callers[Callee].push_back(Fn);
    }
    inheritForward(ReachesCancel, Callers);
  }

  /// Functions that arm a timer whose callback stops the event loop: a
  /// watchdog over whatever they start (`QTimer::singleShot(5s, &loop,
  /// [&] { loop.exit(1); })` in a test harness that is handed each test).
  ///
  /// A call that creates a watchdog coroutine, directly or through a
  /// function that is not a coroutine (the guard's constructor), bounds
  /// what its function awaits after it (on some path: a watchdog armed only
  /// when its timeout is set still counts).
  void findWatchdogScopes() {
    size_t N = P.functions().size();
    std::vector<bool> Stops = loopStoppers(P);
    WatchdogScope.assign(N, false);
    std::vector<std::vector<unsigned>> Creators(N);
    for (const CallEdge &E : P.edges()) {
      if (neverRuns(E.From))
        continue;
      if (armsTimer(P, E) && Stops[E.Callee])
        WatchdogScope[E.From.Function] = true;
      if (E.Kind == EdgeKind::Calls)
        Creators[E.Callee].push_back(E.From.Function);
    }
    std::vector<bool> Arms(N, false);
    for (unsigned Fn = 0; Fn < N; ++Fn)
      if (!Creators[Fn].empty() && isWatchdogCoroutine(Fn))
        for (unsigned Creator : Creators[Fn])
          Arms[Creator] = true;
    std::vector<std::vector<unsigned>> CreatorsThroughHelpers(N);
    for (unsigned Fn = 0; Fn < N; ++Fn)
      if (!P.function(Fn).isCoroutine())
        CreatorsThroughHelpers[Fn] = Creators[Fn];
    inheritForward(Arms, CreatorsThroughHelpers);
    findOutlivingWatchdogs(Creators);
    ArmSites.assign(N, {});
    for (const CallEdge &E : P.edges()) {
      const Function &Callee = P.function(E.Callee);
      if (E.Kind == EdgeKind::Calls && !neverRuns(E.From) &&
          (Callee.isCoroutine() ? isWatchdogCoroutine(E.Callee)
                                : bool(Arms[E.Callee])))
        ArmSites[E.From.Function].push_back(E.From.Site);
    }
  }

  /// A constructor of a class whose destructor the program defines: a
  /// guard, whose end undoes what its constructor started (cinatra's
  /// `~timer_guard` cancels the timer its watchdog waits on).
  bool isGuardConstructor(unsigned Fn) const {
    llvm::StringRef Name = P.function(Fn).name();
    if (!isConstructorName(Name))
      return false;
    auto [Class, ClassName] = splitMember(Name);
    return FunctionNames.count((Class + "::~" + ClassName).str());
  }

  /// A watchdog coroutine started other than by a guard's constructor
  /// outlives the scope that starts it: nothing ends it there, so it cancels
  /// its objects whenever its delay runs out, under whatever then waits on
  /// them (coro_rpc's per-request timer, started detached and kept in the
  /// table of pending requests while another coroutine reads the replies).
  /// Such a watchdog bounds its objects for the program, as a timer
  /// callback's does.
  void
  findOutlivingWatchdogs(const std::vector<std::vector<unsigned>> &Creators) {
    std::vector<unsigned> Outliving;
    for (unsigned Fn = 0; Fn < Creators.size(); ++Fn)
      if (isWatchdogCoroutine(Fn) &&
          llvm::any_of(Creators[Fn], [&](unsigned Creator) {
            return !isGuardConstructor(Creator);
          }))
        Outliving.push_back(Fn);
    // No timer's cancel disarms a watchdog coroutine.
    for (unsigned Fn : reachedBy(std::move(Outliving)))
      for (const ObjectRef &R : CancelsOf[Fn])
        WatchedBy[R.Key].insert("");
  }

  /// How one call of a coroutine waits for it.
  enum class AwaitKind { Unbounded, Deadline, NotAwaited };
  struct Awaiter {
    unsigned Caller;
    AwaitKind Kind;
    SiteRef At; ///< The call that creates the coroutine there.
  };

  AwaitKind awaitKind(const CallEdge &E) const {
    if (armedBefore(E.From))
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
    Awaiters.assign(N, {});
    std::vector<std::vector<unsigned>> AwaitedBy(N);
    for (const CallEdge &E : P.edges())
      if (P.function(E.Callee).isCoroutine()) {
        Awaiters[E.Callee].push_back({E.From.Function, awaitKind(E), E.From});
        AwaitedBy[E.From.Function].push_back(E.Callee);
      }
    for (const CallEdge &H : P.handOvers())
      if (std::optional<unsigned> Receiver = P.find(P.site(H.From).CalleeUsr))
        if (P.function(H.Callee).isCoroutine())
          Awaiters[H.Callee].push_back({*Receiver,
                                        WatchdogScope[*Receiver]
                                            ? AwaitKind::Deadline
                                            : AwaitKind::NotAwaited,
                                        H.From});
    Bounded = growFromNothing(
        AwaitedBy, [&](unsigned Fn, const std::vector<bool> &SoFar) {
          return !Awaiters[Fn].empty() &&
                 llvm::all_of(Awaiters[Fn], [&](const Awaiter &A) {
                   return A.Kind == AwaitKind::Deadline ||
                          (A.Kind == AwaitKind::Unbounded && SoFar[A.Caller]);
                 });
        });
  }

  /// A watchdog whose handler arms its timer again whatever woke it (Asio's
  /// `check_deadline`): a cancel only wakes it early.
  void noteSelfRearming(const std::vector<ObjectRef> &Timers,
                        const std::vector<unsigned> &Handler) {
    std::set<unsigned> In(Handler.begin(), Handler.end());
    for (const CallEdge &E : P.edges())
      if (armsTimer(P, E) && In.count(E.From.Function))
        for (const ObjectRef &R :
             P.resolve(E.From.Function, P.site(E.From).Receiver))
          if (llvm::any_of(Timers,
                           [&](const ObjectRef &T) { return T.Key == R.Key; }))
            SelfRearming.insert(R.Key);
  }

  /// A signal of the timer \p Timer (its cancel, `deadline_.cancel()`:
  /// models' `signals` of a timer) in \p Fn, on every path to \p Before.
  std::optional<unsigned> cancelOf(unsigned Fn, unsigned Before,
                                   const std::string &Timer) const {
    const Function &F = P.function(Fn);
    for (const Resource &R : P.resources())
      if (R.Key == Timer)
        for (const SiteRef &Signal : R.Signals)
          if (Signal.Function == Fn && Signal.Site != Before &&
              F.dominates(Signal.Site, Before))
            return Signal.Site;
    return std::nullopt;
  }

  /// Whether \p Timer is armed again after the cancel at \p Cancel in \p
  /// Fn, or by a function of \p AfterSend.
  bool rearmed(unsigned Fn, unsigned Cancel, const std::string &Timer,
               const std::vector<bool> &AfterSend) const {
    const Function &F = P.function(Fn);
    auto None = [](const SiteFact &) { return false; };
    // What the sending function calls after the cancel (`arm_deadline()`)
    // may arm it again, before or after the send.
    std::vector<bool> After = AfterSend;
    for (const CallEdge &E : P.edges())
      if (E.From.Function == Fn && E.Kind == EdgeKind::Calls &&
          F.reaches(Cancel, E.From.Site, None))
        After[E.Callee] = true;
    inheritForward(After, successors(P));
    return llvm::any_of(P.edges(), [&](const CallEdge &E) {
      if (!armsTimer(P, E) ||
          !(After[E.From.Function] ||
            (E.From.Function == Fn && F.reaches(Cancel, E.From.Site, None))))
        return false;
      std::vector<ObjectRef> Timers =
          P.resolve(E.From.Function, P.site(E.From).Receiver);
      return Timers.empty() || llvm::any_of(Timers, [&](const ObjectRef &R) {
               return R.Key == Timer;
             });
    });
  }

  const Program &P;
  std::vector<bool> Delays;
  llvm::StringSet<> FunctionNames;
  std::vector<std::vector<unsigned>> Callees;
  std::vector<std::vector<ObjectRef>> CancelsOf;
  std::vector<bool> ReachesCancel;
  /// The objects watchdogs cancel, each with the timers whose handlers do
  /// ("" for a watchdog no timer's cancel disarms: an unnamed timer, a
  /// watchdog coroutine).
  std::map<std::string, std::set<std::string>> WatchedBy;
  /// Timers whose watchdog handlers arm them again.
  std::set<std::string> SelfRearming;
  std::set<std::string> FlagsMaySet;
  /// Per function, whether it may run in the program (functionsThatRun).
  std::vector<bool> Runs;
  std::vector<bool> WatchdogScope;
  /// Per function, the calls that arm a watchdog coroutine.
  std::vector<std::vector<unsigned>> ArmSites;
  std::vector<std::vector<Awaiter>> Awaiters;
  std::vector<bool> Bounded;
};

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

/// A finding at \p At in \p Fn, with, as steps, where a caller could put
/// the deadline: the awaits that wait for this coroutine with none. A
/// finding in a library's header moves to the project's.
Finding awaitWithNoDeadline(const Program &P, const DeadlineFacts &Deadlines,
                            unsigned Fn, const SourceLoc &At) {
  Finding R;
  R.Severity = Level::Warning;
  R.Loc = At;
  R.Function = P.function(Fn).name().str();
  for (SiteRef Await : Deadlines.unboundedAwaitChain(Fn))
    R.Path.push_back(
        {P.site(Await).Loc, "'" + P.function(Await.Function).name().str() +
                                "' awaits '" + P.site(Await).CalleeName +
                                "' here, with no deadline"});
  return R;
}

/// An external operation awaited with no deadline: \p Await is the call
/// the co_await waits for, \p Operation the external call (the same, or
/// the one a wrapper that \p Await calls returns).
Finding unboundedAwait(const Program &P, const DeadlineFacts &Deadlines,
                       SiteRef Await, SiteRef Operation,
                       const ObjectRef *Object) {
  const SiteFact &Call = P.site(Await);
  const SiteFact &Op = P.site(Operation);
  Finding R = awaitWithNoDeadline(P, Deadlines, Await.Function, Call.Loc);
  std::string What = "'" + Op.CalleeName + "'";
  if (!(Await == Operation)) {
    What += ", which '" + Call.CalleeName + "' returns,";
    R.Path.push_back({Op.Loc, "'" +
                                  P.function(Operation.Function).name().str() +
                                  "' returns '" + Op.CalleeName + "' here"});
  }
  R.Message = What +
              " waits for a peer with no deadline: if the other side stops "
              "answering, this coroutine never resumes; race it against a "
              "timer, wrap it in a timeout, or cancel " +
              (Object ? "'" + Object->spelledName() + "'" : "its object") +
              " from a watchdog timer";
  if (Object)
    R.Resources.push_back(Object->Key);
  return R;
}

/// A promise a coroutine parks in a container its object keeps
/// (`waiters_.push_back(&waiter)`) before it awaits the future the promise
/// hands out (`co_await waiter.getFuture()`): the await, the promise and
/// its model, and the call that parks it.
struct ParkedWaiter {
  const SiteFact *Await = nullptr;
  ObjectRef Promise;
  const TypeModel *Type = nullptr;
  const SiteFact *Parking = nullptr;
  /// The function that parks it: the awaiting coroutine, or the function
  /// whose call returned the future a blocking wait waits on.
  unsigned Parker = 0;
};

/// The call in \p F that parks \p Promise in a field of the function's own
/// object: a non-const member call handed it (or its address), on some path
/// to \p Before when that is given.
const SiteFact *parkingOf(const Function &F, const ObjectRef &Promise,
                          std::optional<unsigned> Before) {
  auto None = [](const SiteFact &) { return false; };
  for (const SiteFact &S : F.fact().Sites)
    if (S.Kind == SiteKind::Call && S.Mutates && !S.OtherObject &&
        S.Receiver.K == ObjectRef::Kind::Field &&
        llvm::any_of(
            S.Args,
            [&](const ArgFact &A) { return A.Ref.Key == Promise.Key; }) &&
        (!Before || F.reaches(S.Id, *Before, None)))
      return &S;
  return nullptr;
}

/// The promise whose future suspension \p Suspend of function \p Fn
/// awaits: the object of a `handsOut` call in the awaited expression, or
/// the owner of the awaited local, a handle of it (`auto reply =
/// p.getFuture(); ... co_await std::move(reply);`: Program::resolve).
std::optional<std::pair<ObjectRef, const TypeModel *>>
awaitedPromise(const Program &P, unsigned Fn, const SiteFact &Suspend) {
  auto IsPromise = [&](const ObjectRef &Obj, llvm::StringRef Member) {
    const TypeModel *T = P.models().typeForCall(Obj.Type, Member);
    return T && T->ResourceKind == "promise" ? T : nullptr;
  };
  for (const SiteFact *Call : awaitedCalls(P.function(Fn), Suspend.Id))
    if (Call->Receiver.isKnown() && !Call->OtherObject)
      if (const TypeModel *T = IsPromise(Call->Receiver, Call->CalleeName);
          T &&
          TypeModel::has(T->HandsOut, splitMember(Call->CalleeName).second))
        return std::make_pair(Call->Receiver, T);
  if (!Suspend.Operand.isKnown())
    return std::nullopt;
  std::vector<ObjectRef> Owners = P.resolve(Fn, Suspend.Operand);
  if (Owners.size() != 1 || Owners.front().Key == Suspend.Operand.Key)
    return std::nullopt;
  const TypeModel *T = P.models().type(Owners.front().Type);
  if (!T || T->ResourceKind != "promise")
    return std::nullopt;
  return std::make_pair(Owners.front(), T);
}

/// The parked waiter suspension \p Suspend of function \p Fn awaits, if
/// it awaits one. Parking is a non-const member call on a field of the
/// function's own object that is handed the promise (or its address) on
/// some path to the await: a queue of waiters, a map of pending replies.
std::optional<ParkedWaiter> parkedWaiter(const Program &P, unsigned Fn,
                                         const SiteFact &Suspend) {
  const Function &F = P.function(Fn);
  if (Suspend.Kind != SiteKind::Suspend || Suspend.Implicit || !F.hasCfg())
    return std::nullopt;
  auto Promise = awaitedPromise(P, Fn, Suspend);
  if (!Promise)
    return std::nullopt;
  if (const SiteFact *Parking = parkingOf(F, Promise->first, Suspend.Id))
    return ParkedWaiter{&Suspend, Promise->first, Promise->second, Parking, Fn};
  return std::nullopt;
}

/// The call in \p F whose result local \p Local holds (`auto reply =
/// client.query(sku);`).
const SiteFact *producerOf(const Function &F, const ObjectRef &Local) {
  for (const SiteFact &S : F.fact().Sites) {
    if (S.Kind == SiteKind::ScopeBegin && S.Receiver.Key == Local.Key &&
        S.OperandCall >= 0)
      return &F.site(S.OperandCall);
    if (S.Kind == SiteKind::Call && S.StoredIn.Key == Local.Key)
      return &S;
  }
  return nullptr;
}

/// The parked waiter a blocking wait with no duration (`reply.get()` on a
/// future, models' `waits`) waits on: the local it waits on holds what a
/// function of the program returned, the handle of a promise that function
/// parked in a field of its own object (`auto f = p.get_future();
/// pending_.emplace(id, std::move(p)); return f;`). The caller waits as
/// long as whoever takes it out takes.
std::optional<ParkedWaiter> parkedForTheCaller(const Program &P, unsigned Fn,
                                               const SiteFact &Wait) {
  const TypeModel *Future =
      Wait.Kind == SiteKind::Call && Wait.Receiver.K == ObjectRef::Kind::Local
          ? P.models().typeForCall(Wait.Receiver.Type, Wait.CalleeName)
          : nullptr;
  if (!Future || Future->ResourceKind != "future" ||
      !TypeModel::has(Future->Waits, splitMember(Wait.CalleeName).second) ||
      P.passesDuration(Wait))
    return std::nullopt;
  const SiteFact *Call = producerOf(P.function(Fn), Wait.Receiver);
  std::optional<unsigned> Parker =
      Call ? P.find(Call->CalleeUsr) : std::nullopt;
  if (!Parker)
    return std::nullopt;
  for (const ObjectRef &Returned : P.function(*Parker).fact().ReturnedObjects)
    for (const ObjectRef &Owner : P.resolve(*Parker, Returned)) {
      const TypeModel *T = P.models().type(Owner.Type);
      if (Owner.Key == Returned.Key || !T || T->ResourceKind != "promise")
        continue;
      if (const SiteFact *Parking =
              parkingOf(P.function(*Parker), Owner, std::nullopt))
        return ParkedWaiter{&Wait, Owner, T, Parking, *Parker};
    }
  return std::nullopt;
}

/// The signals of promises of \p T in functions other than \p Waiter that
/// also change \p Container: the code that takes a parked waiter out and
/// fulfils it (a pool's `release`).
std::vector<SiteRef> unparkingSignals(const Program &P, unsigned Waiter,
                                      const ObjectRef &Container,
                                      const TypeModel &T) {
  auto Changes = [&](unsigned Fn) {
    return Fn != Waiter &&
           llvm::any_of(P.function(Fn).fact().Sites, [&](const SiteFact &S) {
             return S.Kind == SiteKind::Call && S.Mutates &&
                    S.Receiver.Key == Container.Key;
           });
  };
  std::vector<SiteRef> Signals;
  for (const Resource &R : P.resources())
    if (R.Type == T.Name)
      for (const SiteRef &Signal : R.Signals)
        if (Changes(Signal.Function))
          Signals.push_back(Signal);
  llvm::sort(Signals);
  return Signals;
}

/// Whether \p S names \p Object: as the object of its call, or as an
/// argument.
bool namesObject(const SiteFact &S, const ObjectRef &Object) {
  return S.Receiver.Key == Object.Key ||
         llvm::any_of(
             S.Args, [&](const ArgFact &A) { return A.Ref.Key == Object.Key; });
}

/// Whether \p S takes waiters out of \p Container or hands it on: a call
/// that destroys its elements (`erase`, which breaks the promise), or one it
/// is given to. Every non-const member of a container changes it as far as
/// the facts say (`find`, `end`), so that says nothing.
bool takesOutOf(const Program &P, const SiteFact &S,
                const ObjectRef &Container) {
  if (S.Kind != SiteKind::Call)
    return false;
  const FunctionModel *M = P.modelOf(S);
  return (S.Receiver.Key == Container.Key && M && M->DestroysElements) ||
         llvm::any_of(S.Args, [&](const ArgFact &A) {
           return A.Ref.Key == Container.Key;
         });
}

/// Whether \p S hands on or takes out what a lookup kept in \p Holder
/// found: takesOutOf, or a call other than a comparison given \p Holder.
bool handsOnFound(const Program &P, const SiteFact &S, const ObjectRef &Holder,
                  const ObjectRef &Container) {
  if (S.Kind != SiteKind::Call)
    return false;
  return takesOutOf(P, S, Container) ||
         (!isComparisonName(S.CalleeName) &&
          llvm::any_of(S.Args, [&](const ArgFact &A) {
            return A.Ref.Key == Holder.Key;
          }));
}

/// The functions that fulfil a waiter (\p Fulfils) or take waiters out of
/// \p Container, and those that call them: a call of one from code that
/// found a waiter hands it on (`fail(id)`).
std::vector<bool> handlingFunctions(const Program &P,
                                    const std::vector<SiteRef> &Fulfils,
                                    const ObjectRef &Container) {
  std::vector<bool> Handles(P.functions().size());
  std::vector<unsigned> Work;
  auto Mark = [&](unsigned Fn) {
    if (!Handles[Fn])
      Work.push_back(Fn);
    Handles[Fn] = true;
  };
  for (const SiteRef &Fulfil : Fulfils)
    Mark(Fulfil.Function);
  for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
    if (llvm::any_of(P.function(Fn).fact().Sites, [&](const SiteFact &S) {
          return takesOutOf(P, S, Container);
        }))
      Mark(Fn);
  while (!Work.empty()) {
    unsigned Fn = Work.back();
    Work.pop_back();
    for (unsigned E : P.edgesInto(Fn))
      if (P.edges()[E].Kind == EdgeKind::Calls)
        Mark(P.edges()[E].From.Function);
  }
  return Handles;
}

/// Where \p F, after a lookup in \p Container whose result a local keeps
/// (`auto it = pending_.find(id)`), can return with the waiter it found
/// still parked: the path leaves every site that \p Handles (fulfils it,
/// hands it on, changes the container) at a branch whose block does not
/// read that local. `if (it == pending_.end()) return;` found nothing;
/// `if (status != ok) return;` leaves what it found. A path that ends in a
/// `throw` fails the caller instead.
std::optional<SourceLoc> leavesFound(
    const Function &F, const ObjectRef &Container,
    llvm::function_ref<bool(const SiteFact &, const ObjectRef &)> Handles) {
  const FunctionFact &Fact = F.fact();
  if (!F.hasCfg())
    return std::nullopt;
  for (const SiteFact &Lookup : Fact.Sites) {
    const ObjectRef &Holder = Lookup.StoredIn;
    if (Lookup.Kind != SiteKind::Call || Lookup.Receiver.Key != Container.Key ||
        Holder.K != ObjectRef::Kind::Local || Holder.Type.empty() ||
        Lookup.Pos.Block < 0)
      continue;
    auto BlockHandles = [&](unsigned B) {
      return llvm::any_of(Fact.Cfg[B].Sites, [&](unsigned S) {
        return S != Lookup.Id && Handles(Fact.Sites[S], Holder);
      });
    };
    auto ReadsHolder = [&](unsigned B) {
      return llvm::any_of(Fact.Cfg[B].Sites, [&](unsigned S) {
        return namesObject(Fact.Sites[S], Holder);
      });
    };
    if (std::optional<SourceLoc> End =
            leftAfter(F, Lookup.Id, BlockHandles, ReadsHolder))
      return End;
  }
  return std::nullopt;
}

/// Where one of the functions whose \p Fulfils take waiters out of
/// \p Container can end with a waiter of type \p Promise left parked: a
/// path on which it does not touch the container at all (`if (!c->open)
/// return;` in a pool's release, before it looks at its waiters), or one
/// that leaves what it found there (leavesFound).
struct LeftParked {
  unsigned Function;
  SourceLoc End;
  bool AfterFinding; ///< It found a waiter, and left it.
  /// For a handler of one request that calls a function that takes waiters
  /// out: that function, which the path does not call.
  std::optional<unsigned> Skipped;
};

/// Whether call \p Call of function \p G hands on what \p G was handed: a
/// parameter, or a field of one (`completeAck(c.req, id)` in
/// `handle(SubscribeCmd &c)`).
bool handsOnAParameter(const Function &G, const SiteFact &Call) {
  return llvm::any_of(Call.Args, [&](const ArgFact &A) {
    return G.ownsParameter(A.Ref) || G.parameterReachedThrough(A.Ref);
  });
}

std::optional<LeftParked> leftParked(const Program &P,
                                     const std::vector<SiteRef> &Fulfils,
                                     const ObjectRef &Container,
                                     const std::string &Promise) {
  auto Touches = [&](const SiteFact &S) { return namesObject(S, Container); };
  std::vector<bool> Handling = handlingFunctions(P, Fulfils, Container);
  std::set<SiteRef> Fulfilling(Fulfils.begin(), Fulfils.end());
  // Calls of a function that handles waiters, or hand-overs of one to run
  // later (`post(io, [=] { fail(id); })`).
  std::set<SiteRef> HandingOn;
  for (const CallEdge &E : P.edges())
    if (Handling[E.Callee])
      HandingOn.insert(E.From);
  std::set<unsigned> Seen;
  for (const SiteRef &Fulfil : Fulfils) {
    unsigned Fn = Fulfil.Function;
    if (!Seen.insert(Fn).second)
      continue;
    if (std::optional<SourceLoc> End = returnWithout(P.function(Fn), Touches))
      return LeftParked{Fn, *End, false};
    // A waiter moved out into a promise of its own is fulfilled or broken
    // when that one is destroyed.
    auto Handles = [&](const SiteFact &S, const ObjectRef &Holder) {
      return Fulfilling.count({Fn, S.Id}) || HandingOn.count({Fn, S.Id}) ||
             handsOnFound(P, S, Holder, Container) ||
             (S.Kind == SiteKind::ScopeBegin && S.Receiver.Type == Promise);
    };
    if (std::optional<SourceLoc> End =
            leavesFound(P.function(Fn), Container, Handles))
      return LeftParked{Fn, *End, true};
  }
  // A handler of one request, handed its key (`handle(SubscribeCmd &c)`
  // calling `completeAck(c.req, id)`), owes that request its answer: a
  // path that returns without handing it to any code that handles waiters
  // (`already subscribed: return;`) leaves its waiter parked.
  for (unsigned Fn : Seen)
    for (unsigned E : P.edgesInto(Fn)) {
      const CallEdge &Edge = P.edges()[E];
      const Function &G = P.function(Edge.From.Function);
      if (Edge.Kind != EdgeKind::Calls ||
          !handsOnAParameter(G, P.site(Edge.From)))
        continue;
      auto Answers = [&](const SiteFact &S) {
        return Touches(S) || HandingOn.count({Edge.From.Function, S.Id});
      };
      if (std::optional<SourceLoc> End = returnWithout(G, Answers))
        return LeftParked{Edge.From.Function, *End, false, Fn};
    }
  return std::nullopt;
}

/// Whether one of \p Fulfils is in a timer's callback: a per-request timer
/// that fails the waiter it finds (`setException(timeout)`) is its deadline.
bool fulfilledByATimer(const Program &P, const std::vector<SiteRef> &Fulfils) {
  auto ArmedOn = [&](unsigned Fn) {
    return llvm::any_of(P.edgesInto(Fn),
                        [&](unsigned E) { return armsTimer(P, P.edges()[E]); });
  };
  // The timer's callback, or a function it calls (`[this, id] { expire(id);
  // }`).
  return llvm::any_of(Fulfils, [&](const SiteRef &Fulfil) {
    return ArmedOn(Fulfil.Function) ||
           llvm::any_of(P.edgesInto(Fulfil.Function), [&](unsigned E) {
             return P.edges()[E].Kind == EdgeKind::Calls &&
                    ArmedOn(P.edges()[E].From.Function);
           });
  });
}

/// A function that calls one of the functions whose \p Fulfils take
/// waiters out, and makes an external call (a read loop that hands each
/// reply to `on_reply`): the waiter waits for the peer.
std::optional<unsigned> drivenByAPeer(const Program &P,
                                      const std::vector<SiteRef> &Fulfils) {
  for (const SiteRef &Fulfil : Fulfils)
    for (unsigned E : P.edgesInto(Fulfil.Function)) {
      unsigned Caller = P.edges()[E].From.Function;
      if (llvm::any_of(P.function(Caller).fact().Sites, [&](const SiteFact &S) {
            const FunctionModel *M = modelOf(P, S);
            return M && M->External;
          }))
        return Caller;
    }
  return std::nullopt;
}

/// Why a parked waiter may stay parked: a path of the code that takes
/// waiters out that does not look at them, or a peer that drives that code.
struct ParkedFor {
  std::optional<LeftParked> Left;
  std::optional<unsigned> Peer;
};

Finding unboundedParkedWait(const Program &P, const DeadlineFacts &Deadlines,
                            unsigned Fn, const ParkedWaiter &W,
                            const std::vector<SiteRef> &Fulfils,
                            const ParkedFor &Why) {
  const ObjectRef &Promise = W.Promise;
  const ObjectRef &Container = W.Parking->Receiver;
  Finding R = awaitWithNoDeadline(P, Deadlines, Fn, W.Await->Loc);
  R.Path.push_back({W.Parking->Loc, "'" + Promise.spelledName() +
                                        "' is parked in '" +
                                        Container.spelledName() + "' here"});
  // A blocking wait (`reply.get()`) returns no more than a coroutine
  // resumes.
  const bool Blocks = W.Await->Kind == SiteKind::Call;
  const std::string Stuck = Blocks
                                ? "'" + W.Await->CalleeName + "' never returns"
                                : "this coroutine never resumes";
  std::string Because;
  if (Why.Left) {
    const std::string Leaver = P.function(Why.Left->Function).name().str();
    const std::string Left =
        Why.Left->AfterFinding
            ? "with a waiter it found in '" + Container.spelledName() +
                  "' still there, neither fulfilled nor taken out"
        : Why.Left->Skipped
            ? "without calling '" +
                  P.function(*Why.Left->Skipped).name().str() +
                  "', which takes its request's waiter out of '" +
                  Container.spelledName() + "'"
            : "without looking at '" + Container.spelledName() + "'";
    R.Path.push_back(
        {Why.Left->End, "'" + Leaver + "' can end after this " + Left});
    Because = "and '" + Leaver + "' can end " + Left +
              ": on that path the waiter stays parked and " + Stuck;
  } else {
    const Function &Reader = P.function(*Why.Peer);
    R.Path.push_back(
        {Reader.fact().Loc, "'" + Reader.name().str() +
                                "' hands what a peer sends to the code that "
                                "fulfils waiters"});
    Because = "which runs when a peer answers ('" + Reader.name().str() +
              "'): if it never does, " + Stuck;
  }
  for (SiteRef Signal : Fulfils)
    R.Path.push_back(
        {P.site(Signal).Loc, "'" + P.function(Signal.Function).name().str() +
                                 "' fulfils a waiter it takes from '" +
                                 Container.spelledName() + "' here"});
  R.Message = "the future of '" + Promise.spelledName() +
              (Blocks ? "' is waited for" : "' is awaited") +
              " with no deadline, while '" + Promise.spelledName() +
              "' is parked in '" + Container.spelledName() +
              "' until other code takes it out and fulfils it, " + Because +
              (Blocks ? "; wait with a duration ('wait_for') instead"
                      : "; race the wait against a timer");
  R.Resources = {Promise.Key};
  return R;
}

/// A callback-style operation on an I/O object: the call, and the handler
/// the loop runs when it completes.
struct HandlerOperation {
  SiteRef At;
  unsigned Handler = 0;
};

/// Reads started with a completion handler that wait for the reply to a
/// request: each starts from the handler of a send on the same I/O object
/// (`async_write(sock, req, [..] { read_status(); })`). A client that sent
/// a request and reads its answer waits as long as the peer takes, and a
/// handler that never runs resumes nothing. Server code waits for the next
/// request instead, which may come whenever a client likes: a send that a
/// read's handler reaches answers a peer (an echo session's `do_write`),
/// and what an accept's handler runs serves one.
class CallbackReplies {
public:
  explicit CallbackReplies(const Program &P) : P(P), Next(successors(P)) {
    std::vector<unsigned> Serving;
    for (const CallEdge &E : P.edges()) {
      const FunctionModel *M = E.Kind == EdgeKind::LoopCallback
                                   ? modelOf(P, P.site(E.From))
                                   : nullptr;
      if (!M)
        continue;
      if (M->Accepts)
        Serving.push_back(E.Callee);
      else if (M->Connects)
        addConnect(E, *M);
      else if (M->Writes || M->External)
        addOperation(E, *M);
    }
    ServerCode = reachedFrom(Serving);
  }

  /// The reads that wait for a reply, each with the send whose handler
  /// starts it.
  std::vector<std::pair<SiteRef, SiteRef>> replies() const {
    std::vector<std::pair<SiteRef, SiteRef>> Found;
    for (const auto &[Key, Ops] : ByObject) {
      if (Ops.Sends.empty() || Ops.Reads.empty())
        continue;
      // What each read's handler runs, walked once per object.
      std::vector<std::vector<bool>> AfterRead;
      for (const HandlerOperation *Read : Ops.Reads)
        AfterRead.push_back(reachedFrom({Read->Handler}));
      // A send that a read's handler reaches answers what a peer sent,
      // unless the program connected the object: a client that reads a
      // reply and sends its next request.
      const bool Client = Connected.count(Key) != 0;
      for (const HandlerOperation *Send : Ops.Sends) {
        if (!Client && llvm::any_of(AfterRead, [&](const std::vector<bool> &A) {
              return A[Send->At.Function];
            }))
          continue;
        std::vector<bool> AfterSend = reachedFrom({Send->Handler});
        std::vector<size_t> Reads;
        for (size_t I = 0; I < Ops.Reads.size(); ++I)
          if (AfterSend[Ops.Reads[I]->At.Function] &&
              !ServerCode[Ops.Reads[I]->At.Function])
            Reads.push_back(I);
        for (size_t I : firstReads(Ops.Reads, AfterRead, Reads))
          Found.push_back({Ops.Reads[I]->At, Send->At});
      }
    }
    llvm::sort(Found);
    Found.erase(std::unique(Found.begin(), Found.end()), Found.end());
    return Found;
  }

private:
  struct ObjectOperations {
    std::vector<const HandlerOperation *> Sends, Reads;
  };

  /// Of the reads of \p All that \p Among indexes, those no other one's
  /// handler starts (\p AfterRead) unless it starts that one too: a read
  /// that a read's handler starts goes on reading the reply the first one
  /// waits for, and one deadline covers both.
  static std::vector<size_t>
  firstReads(const std::vector<const HandlerOperation *> &All,
             const std::vector<std::vector<bool>> &AfterRead,
             const std::vector<size_t> &Among) {
    std::vector<size_t> First;
    for (size_t I : Among)
      if (llvm::none_of(Among, [&](size_t J) {
            return AfterRead[J][All[I]->At.Function] &&
                   !AfterRead[I][All[J]->At.Function];
          }))
        First.push_back(I);
    return First;
  }

  void addConnect(const CallEdge &E, const FunctionModel &M) {
    const SiteFact &S = P.site(E.From);
    if (std::optional<ObjectRef> Object = ioObject(S, M))
      for (const ObjectRef &R : P.resolve(E.From.Function, *Object))
        Connected.insert(R.Key);
  }

  void addOperation(const CallEdge &E, const FunctionModel &M) {
    const SiteFact &S = P.site(E.From);
    std::optional<ObjectRef> Object = ioObject(S, M);
    if (!Object)
      return;
    HandlerOperation &Op = Operations.emplace_back();
    Op.At = E.From;
    Op.Handler = E.Callee;
    for (const ObjectRef &R : P.resolve(E.From.Function, *Object)) {
      ObjectOperations &On = ByObject[R.Key];
      (M.Writes ? On.Sends : On.Reads).push_back(&Op);
    }
  }

  /// \p Roots and every function they run, call or hand over.
  std::vector<bool> reachedFrom(const std::vector<unsigned> &Roots) const {
    std::vector<bool> Reached(P.functions().size(), false);
    for (unsigned Fn : Roots)
      Reached[Fn] = true;
    inheritForward(Reached, Next);
    return Reached;
  }

  const Program &P;
  std::vector<std::vector<unsigned>> Next;
  std::deque<HandlerOperation> Operations;
  std::map<std::string, ObjectOperations> ByObject;
  /// The objects the program connects (`socket_.async_connect(ep, h)`).
  std::set<std::string> Connected;
  std::vector<bool> ServerCode;
};

/// Per function, whether the completion handler the call at \p At
/// registers runs it, or what it calls, starts or hands a callable to.
std::vector<bool> afterHandlerOf(const Program &P, SiteRef At) {
  std::vector<bool> Reached(P.functions().size(), false);
  for (const CallEdge &E : P.edges())
    if (E.From == At && E.Kind == EdgeKind::LoopCallback)
      Reached[E.Callee] = true;
  inheritForward(Reached, successors(P));
  return Reached;
}

/// A read started from the handler of the send at \p Send, on \p Object,
/// that nothing bounds.
Finding unansweredRequest(const Program &P, SiteRef Read, SiteRef Send,
                          const ObjectRef &Object,
                          std::optional<SiteRef> Disarmed) {
  const SiteFact &S = P.site(Read);
  Finding R;
  R.Severity = Level::Warning;
  R.Loc = S.Loc;
  R.Function = P.function(Read.Function).name().str();
  std::string Name = "'" + Object.spelledName() + "'";
  R.Message = "'" + S.CalleeName +
              "' waits with no deadline for the reply to a request sent on " +
              Name +
              ": if the peer never answers, its handler never runs and "
              "nothing ends the wait; " +
              (Disarmed ? "cancel the deadline once the reply is read, not "
                          "before the request is sent"
                        : "arm a timer whose handler cancels " + Name);
  if (Disarmed)
    R.Path.push_back({P.site(*Disarmed).Loc,
                      "the timer whose handler cancels " + Name +
                          " is cancelled here, before the request is sent, "
                          "and not armed again"});
  R.Path.push_back({P.site(Send).Loc, "the request is sent on " + Name +
                                          " here; the read starts from its "
                                          "completion handler"});
  R.Resources.push_back(Object.Key);
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
    std::vector<Operations> Forwards = forwardedOperations(P);
    for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn) {
      for (const SiteFact &S : P.function(Fn).fact().Sites) {
        SiteRef Here{Fn, S.Id};
        Operations Awaited = externalOperations(P, Forwards, Here);
        const FunctionModel *M =
            Awaited.empty() ? nullptr : modelOf(P, P.site(Awaited.front()));
        // A write to the program's own peer, which reads what it is sent,
        // completes once the kernel has the data.
        if (M && !(M->Writes && InProcess[Fn]))
          checkExternal(P, Deadlines, Here, Awaited, Out);
        const FunctionModel *Own = modelOf(P, S);
        if (Own && Own->Timeout)
          checkWrapped(P, Suspends, Fn, S, Out);
        checkParked(P, Deadlines, Fn, S, Out);
      }
      checkSession(P, Deadlines, InProcess, Fn, Out);
    }
    for (const auto &[Read, Send] : CallbackReplies(P).replies())
      checkReply(P, Deadlines, Read, Send, Out);
  }

private:
  /// The external calls that awaiting the call at \p At would wait for:
  /// that call itself, or those the function it calls returns.
  static Operations externalOperations(const Program &P,
                                       const std::vector<Operations> &Forwards,
                                       SiteRef At) {
    const SiteFact &S = P.site(At);
    if (S.Kind != SiteKind::Call)
      return {};
    if (const FunctionModel *M = P.modelOf(S))
      return M->External ? Operations{At} : Operations{};
    if (std::optional<unsigned> Callee = P.find(S.CalleeUsr))
      return Forwards[*Callee];
    return {};
  }

  /// A watchdog cancels the object of one of \p Awaited's calls.
  static bool watched(const Program &P, const DeadlineFacts &Deadlines,
                      const Operations &Awaited) {
    return llvm::any_of(Awaited, [&](SiteRef Op) {
      const SiteFact &Call = P.site(Op);
      std::optional<ObjectRef> Object = ioObject(Call, *P.modelOf(Call));
      return Object && Deadlines.watched(Op.Function, *Object);
    });
  }

  void checkExternal(const Program &P, const DeadlineFacts &Deadlines,
                     SiteRef Await, const Operations &Awaited,
                     std::vector<Finding> &Out) const {
    unsigned Fn = Await.Function;
    const Function &F = P.function(Fn);
    const SiteFact &Call = P.site(Await);
    int Suspend = suspensionAwaiting(F, Call);
    // A duration given at the call is the operation's timeout. A header's
    // coroutine that nothing here runs (a library's `write_all()` this
    // program never calls) waits for no one.
    if (Suspend < 0 || !Deadlines.runs(Fn) || P.passesDuration(Call) ||
        Deadlines.hasDeadline(F, Suspend) || Deadlines.boundedByCallers(Fn) ||
        Deadlines.armedBefore(Await))
      return; // Not awaited here (a callback API), or bounded.
    if (watched(P, Deadlines, Awaited))
      return;
    SiteRef Operation = Awaited.front();
    const SiteFact &Op = P.site(Operation);
    std::optional<ObjectRef> Object = ioObject(Op, *P.modelOf(Op));
    Out.push_back(unboundedAwait(P, Deadlines, Await, Operation,
                                 Object ? &*Object : nullptr));
  }

  /// A promise parked in a container and awaited with no deadline waits
  /// for other code, as long as a peer would.
  void checkParked(const Program &P, const DeadlineFacts &Deadlines,
                   unsigned Fn, const SiteFact &Suspend,
                   std::vector<Finding> &Out) const {
    const Function &F = P.function(Fn);
    std::optional<ParkedWaiter> W = parkedWaiter(P, Fn, Suspend);
    // A duration handed to the awaited call (`with_deadline(f, 500ms)`) is
    // its deadline.
    if (W && (Deadlines.hasDeadline(F, Suspend.Id) ||
              (Suspend.OperandCall >= 0 &&
               P.passesDuration(F.site(Suspend.OperandCall))) ||
              Deadlines.boundedByCallers(Fn) ||
              Deadlines.armedBefore({Fn, Suspend.Id})))
      return;
    if (!W)
      W = parkedForTheCaller(P, Fn, Suspend);
    if (!W || !Deadlines.runs(Fn))
      return;
    // Only a path of the code that takes waiters out on which it does not
    // look at them leaves one parked: a queue whose every push hands its
    // item to a waiting consumer is how consumers wait for work.
    const ObjectRef &Container = W->Parking->Receiver;
    std::vector<SiteRef> Fulfils =
        unparkingSignals(P, W->Parker, Container, *W->Type);
    if (fulfilledByATimer(P, Fulfils))
      return;
    ParkedFor Why{leftParked(P, Fulfils, Container, W->Type->Name),
                  std::nullopt};
    if (!Why.Left)
      Why.Peer = drivenByAPeer(P, Fulfils);
    if (Why.Left || Why.Peer)
      Out.push_back(unboundedParkedWait(P, Deadlines, Fn, *W, Fulfils, Why));
  }

  /// A read that waits for the reply to a request, started from the
  /// handler of the send, is bounded as an await is: by a duration given
  /// at the call, or a watchdog that cancels its object.
  void checkReply(const Program &P, const DeadlineFacts &Deadlines,
                  SiteRef Read, SiteRef Send, std::vector<Finding> &Out) const {
    const SiteFact &S = P.site(Read);
    std::optional<ObjectRef> Object = ioObject(S, *P.modelOf(S));
    if (!Deadlines.runs(Read.Function) || P.passesDuration(S) ||
        Deadlines.armedBefore(Read))
      return;
    std::optional<SiteRef> Disarmed;
    if (Deadlines.watched(Read.Function, *Object)) {
      Disarmed =
          Deadlines.disarmedBefore(Send, *Object, afterHandlerOf(P, Send));
      if (!Disarmed)
        return;
    }
    Out.push_back(unansweredRequest(P, Read, Send, *Object, Disarmed));
  }

  /// A coroutine of the program that is a network operation itself (it
  /// calls `::recv` and suspends until the descriptor is ready: a model, or
  /// inference) and that code starts but nothing awaits is a session
  /// started and left (`client_coroutine(epoll_fd, fd);` per accepted
  /// connection): no await of it can carry a deadline, so its own wait for
  /// the descriptor is the one with none. Awaited, even inside a combinator
  /// (`with_timeout(session(fd), 30s)`), it is checked at that await.
  void checkSession(const Program &P, const DeadlineFacts &Deadlines,
                    const std::vector<bool> &InProcess, unsigned Fn,
                    std::vector<Finding> &Out) const {
    const Function &F = P.function(Fn);
    // By the rule calls are modelled by: a program's own `send()` coroutine
    // is not the C function `send`.
    const FunctionModel *M =
        functionModelOf(P.models(), F.name(), F.fact().Usr);
    if (!F.isCoroutine() || !M || !M->External ||
        (M->Writes && InProcess[Fn]) || P.edgesInto(Fn).empty() ||
        llvm::any_of(P.edgesInto(Fn), [&](unsigned E) {
          // Awaited, also inside a combinator (`with_timeout(session())`):
          // that await is checked as an external one.
          return P.edges()[E].Kind == EdgeKind::Awaits ||
                 P.site(P.edges()[E].From).AwaitedIn >= 0;
        }))
      return;
    // A coroutine that awaits network operations (a wrapper that hands one
    // its timeout) waits for the peer in them, each checked at its await.
    if (llvm::any_of(F.fact().Sites, [&](const SiteFact &S) {
          return S.Kind == SiteKind::Suspend && awaitsNetwork(P, F, S);
        }))
      return;
    for (const SiteFact &S : F.fact().Sites) {
      if (S.Kind != SiteKind::Suspend || S.Implicit ||
          S.Suspend != SuspendKind::CoAwait || !waitsForTheSocket(P, F, S))
        continue;
      // A wait handed a duration of its own (`poll(fd, read, 100ms)`)
      // resumes when it passes, answered or not.
      if (S.OperandCall >= 0 && P.passesDuration(F.site(S.OperandCall)))
        continue;
      if (Deadlines.hasDeadline(F, S.Id) || Deadlines.armedBefore({Fn, S.Id}))
        return;
      Finding R;
      R.Severity = Level::Warning;
      R.Loc = S.Loc;
      R.Function = F.name().str();
      R.Message = "'" + F.name().str() +
                  "' waits for a peer with no deadline: it suspends here "
                  "until its socket is ready, and if the other side stops "
                  "answering, this coroutine never resumes; race the wait "
                  "against a timer, or close the socket from a watchdog "
                  "timer";
      Out.push_back(std::move(R));
      return;
    }
  }

  /// Suspension \p S of \p F awaits a network operation (a read, a
  /// connect, an accept).
  static bool awaitsNetwork(const Program &P, const Function &F,
                            const SiteFact &S) {
    const FunctionModel *M =
        S.OperandCall >= 0 ? P.modelOf(F.site(S.OperandCall)) : nullptr;
    return M && (M->External || M->Connects || M->Accepts);
  }

  /// Suspension \p S of \p F waits for what \p F's socket does: not a turn
  /// or a pause, not a coroutine of the program.
  static bool waitsForTheSocket(const Program &P, const Function &F,
                                const SiteFact &S) {
    if (S.OperandCall < 0)
      return true;
    const SiteFact &Call = F.site(S.OperandCall);
    if (const FunctionModel *M = P.modelOf(Call))
      return !(M->Yield || M->Delay || M->ResumesOnWorker);
    std::optional<unsigned> Callee = P.find(Call.CalleeUsr);
    return !Callee || !P.function(*Callee).isCoroutine();
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
