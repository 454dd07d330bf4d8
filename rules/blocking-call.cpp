//===- blocking-call.cpp - Blocking call reachable from the event loop ----===//
//
// Flags a call that blocks the thread it runs on, made from code that runs on
// an event loop.
//
// Loop context comes from the program model, site by site (callables handed
// to loop APIs and what they call synchronously, across files; coroutines
// after they suspend, and before that when what starts them runs on the
// loop); what blocks, and how, comes from the models. A function reached both
// from the loop and from worker threads is judged on its loop paths only. A
// call on a file descriptor that the program makes non-blocking does not
// block; the models say which calls take a descriptor and which flags make
// one non-blocking.
//
// The finding sits on the line to change: at the blocking call when loop
// code makes it, or when every function down to it runs only on the loop
// and no other unit can call it; else at the call by which code that runs
// only on the loop reaches a helper that may also run off it (on a worker,
// from main, from another unit): there it is the caller that is wrong. The
// path from where loop context starts is in the notes; every blocking
// operation reached through one such call is one finding.
//
// Waiting on the loop for work that needs the loop is a deadlock (error) only
// when the chain shows which loop: it starts where the code was handed to a
// loop. A coroutine that nothing hands to a loop may run on a plain thread, so
// there it is a warning that says so.
//
//===----------------------------------------------------------------------===//

#include "corolint/program/Locks.h"
#include "corolint/program/Threads.h"
#include "corolint/rules/Rule.h"
#include <map>
#include <set>
#include <tuple>

namespace corolint {
namespace {

/// Whether \p Chain starts where the code was handed to a loop.
bool knownLoop(const std::vector<CallEdge> &Chain) {
  return !Chain.empty() && handsToLoop(Chain.front().Kind);
}

/// Whether \p Chain starts where the code was handed to the loop that a
/// wait for other work there would need: not a task a member of its own
/// hands to an executor (`handle().via(&ex)`, models: `spawnsReceiver`),
/// whose waits may be for work on another executor.
bool sameLoopKnown(const Program &P, const std::vector<CallEdge> &Chain) {
  if (!knownLoop(Chain))
    return false;
  const FunctionModel *M = P.modelOf(P.site(Chain.front().From));
  return !(Chain.front().Kind == EdgeKind::Spawns && M && M->SpawnsReceiver);
}

Level levelFor(BlockingKind K, bool KnownLoop) {
  switch (K) {
  case BlockingKind::Deadlock:
    return KnownLoop ? Level::Error : Level::Warning;
  case BlockingKind::NestedLoop:
    return Level::Note;
  case BlockingKind::Lock:
  case BlockingKind::Stall:
    break;
  }
  return Level::Warning;
}

/// What the rule says of a blocking call; \p Subject names it ("call to
/// 'sleep'", or how loop code reaches it).
std::string messageFor(const std::string &Subject, const FunctionModel &M,
                       bool KnownLoop) {
  switch (M.Kind) {
  case BlockingKind::Deadlock:
    if (!KnownLoop)
      return Subject + " in a coroutine waits for work that may "
             "need the thread it runs on (" + M.Blocking +
             "): if an event loop resumes this coroutine, the loop cannot run "
             "that work while it waits, so it deadlocks; co_await the work "
             "instead";
    return Subject +
           " on the event loop waits for work that needs "
           "this loop (" +
           M.Blocking +
           "): the loop cannot run that work while "
           "it waits, so it deadlocks; co_await the work instead";
  case BlockingKind::NestedLoop:
    return Subject + " on the event loop " + M.Blocking +
           ": the loop's other work runs inside this call, so code after it "
           "may find state changed under it; co_await instead";
  case BlockingKind::Lock: // slowLock says what the lock waits for.
  case BlockingKind::Stall:
    break;
  }
  return Subject + " blocks the event loop (" + M.Blocking +
         "): every other task on this loop stalls until it returns; use an "
         "asynchronous equivalent or hand it to a worker thread";
}

/// The loop object a registration hands its callable to: the object of a
/// member call (`io.post(f)`), or the first named object among the other
/// arguments (`asio::post(io, f)`, `co_spawn(io, task(), detached)`).
const ObjectRef *registeredOn(const SiteFact &Registration) {
  if (Registration.Receiver.isKnown())
    return &Registration.Receiver;
  for (const ArgFact &A : Registration.Args)
    if (A.Ref.isKnown() && A.CallableUsr.empty() && A.ProducerUsr.empty())
      return &A.Ref;
  return nullptr;
}

/// The message of a stall on a loop object that several threads run
/// (`io.run()` on each thread of a pool): the others go on.
std::string messageForShared(const std::string &Subject, const FunctionModel &M,
                             const ObjectRef &Loop) {
  return Subject + " blocks one of the threads that run '" +
         Loop.spelledName() + "' (" + M.Blocking +
         "): the loop's other tasks go on with the threads left, and all of "
         "them stall once every thread waits in such a call; use an "
         "asynchronous equivalent or hand it to a worker thread";
}

/// Where loop context starts: a coroutine, or the registration of a callback.
PathStep rootStep(const Program &P, SiteRef Root,
                  const std::vector<CallEdge> &Chain) {
  if (knownLoop(Chain))
    return {P.site(Chain.front().From).Loc,
            "'" + P.function(Chain.front().Callee).name().str() +
                "' is handed to the event loop here (" +
                (Chain.front().Kind == EdgeKind::Spawns ? "spawned"
                                                        : "loop callback") +
                ")"};
  const Function &F = P.function(Root.Function);
  if (!F.beforeFirstSuspension(Root.Site))
    return {F.fact().Loc, "'" + F.name().str() +
                              "' is a coroutine: after it suspends, the event "
                              "loop resumes it"};
  return {F.fact().Loc, "'" + F.name().str() +
                            "' is a coroutine that nothing in the program "
                            "starts: it runs on the event loop"};
}

std::vector<PathStep> pathTo(const Program &P, SiteRef At,
                             const std::vector<CallEdge> &Chain) {
  const SiteFact &Call = P.site(At);
  SiteRef Root = Chain.empty() ? At : Chain.front().From;
  std::vector<PathStep> Path{rootStep(P, Root, Chain)};
  for (const CallEdge &E : Chain)
    if (!handsToLoop(E.Kind))
      Path.push_back({P.site(E.From).Loc,
                      (E.Kind == EdgeKind::Continuation
                           ? "chains '" + P.function(E.Callee).name().str() +
                                 "' as a continuation"
                           : "calls '" + P.function(E.Callee).name().str() +
                                 "'")});
  Path.push_back({Call.Loc, "'" + Call.spelledCallee() + "' blocks here"});
  return Path;
}

/// A local that holds what a `blockingResult` call returned and that nothing
/// waits on, moves or hands on before it is destroyed: its destructor blocks.
/// Returns the call.
const SiteFact *blockingResultOf(const Program &P, const Function &F,
                                 const SiteFact &End) {
  const SiteFact *Begin = nullptr;
  for (const SiteFact &S : F.fact().Sites) {
    if (!S.Receiver.isKnown() && S.Args.empty())
      continue;
    if (S.Kind == SiteKind::ScopeBegin && S.Receiver.Key == End.Receiver.Key)
      Begin = &S;
    else if (S.Kind == SiteKind::Call &&
             (S.Receiver.Key == End.Receiver.Key ||
              llvm::any_of(S.Args, [&](const ArgFact &A) {
                return A.Ref.Key == End.Receiver.Key;
              })))
      return nullptr; // Waited on, or handed on: get() is its own finding.
  }
  if (!Begin || Begin->OperandCall < 0)
    return nullptr;
  const SiteFact &Init = F.site(Begin->OperandCall);
  const FunctionModel *M = P.modelOf(Init);
  return M && !M->BlockingResult.empty() ? &Init : nullptr;
}

/// The functions that run only on the loop: loop code that no worker runs
/// and that only such code calls (or hands to the loop), written where no
/// other unit can call it (declared only in its unit's main file, or a
/// lambda). A blocking call there is the line to change.
class LoopOnlyCode {
public:
  explicit LoopOnlyCode(const Program &P) : P(P), Only(P.functions().size()) {
    for (unsigned Fn = 0; Fn < Only.size(); ++Fn)
      Only[Fn] = P.context(Fn).Loop && !P.context(Fn).Worker && own(Fn);
    std::vector<bool> Runs = runsTheCallee(P);
    // Drop what code off the loop calls, and what that code calls in turn.
    std::vector<std::vector<unsigned>> EdgesFrom(Only.size());
    std::vector<unsigned> Dropped;
    for (unsigned I = 0; I < P.edges().size(); ++I) {
      const CallEdge &E = P.edges()[I];
      if (!Runs[I])
        continue;
      EdgesFrom[E.From.Function].push_back(I);
      if (Only[E.Callee] && !at(E.From)) {
        Only[E.Callee] = false;
        Dropped.push_back(E.Callee);
      }
    }
    while (!Dropped.empty()) {
      unsigned Fn = Dropped.back();
      Dropped.pop_back();
      for (unsigned I : EdgesFrom[Fn]) {
        const CallEdge &E = P.edges()[I];
        if (Only[E.Callee] && !at(E.From)) {
          Only[E.Callee] = false;
          Dropped.push_back(E.Callee);
        }
      }
    }
  }

  /// Whether the code at \p Site runs only on the loop: its function does,
  /// or it follows the first suspension of a coroutine of the program's
  /// own that no worker runs (the loop resumes it, whoever started it).
  bool at(SiteRef Site) const {
    const Function &F = P.function(Site.Function);
    return Only[Site.Function] ||
           (F.isCoroutine() && own(Site.Function) &&
            !P.context(Site.Function).Worker &&
            !F.beforeFirstSuspension(Site.Site) && P.runsOnLoop(Site));
  }

private:
  /// Per edge, whether it runs its callee where it is made: not a hand-over
  /// to the loop, nor the registration's own call or the wrapper it is
  /// handed (`fake::callback(f)`, a `std::function`), nor the call that
  /// makes a task the same function spawns (`co_spawn(io, serve(),
  /// detached)`), when each call of that coroutine there is so handed over
  /// (not `sync_wait(serve())` beside it).
  static std::vector<bool> runsTheCallee(const Program &P) {
    std::map<std::pair<unsigned, unsigned>, int> Unspawned;
    std::set<std::pair<SiteRef, unsigned>> HandedAt;
    for (const CallEdge &E : P.edges()) {
      std::pair<unsigned, unsigned> Pair{E.From.Function, E.Callee};
      if (handsToLoop(E.Kind)) {
        HandedAt.insert({E.From, E.Callee});
        for (const ArgFact &A : P.site(E.From).Args)
          if (A.MadeBy >= 0)
            HandedAt.insert(
                {{E.From.Function, static_cast<unsigned>(A.MadeBy)}, E.Callee});
        --Unspawned[Pair];
      } else if (E.Kind == EdgeKind::Calls) {
        ++Unspawned[Pair];
      }
    }
    std::vector<bool> Runs;
    for (const CallEdge &E : P.edges())
      Runs.push_back(
          !handsToLoop(E.Kind) && !HandedAt.count({E.From, E.Callee}) &&
          !(E.Kind == EdgeKind::Calls && P.function(E.Callee).isCoroutine() &&
            Unspawned[{E.From.Function, E.Callee}] <= 0));
    return Runs;
  }

  bool own(unsigned Fn) const {
    const FunctionFact &F = P.function(Fn).fact();
    return F.MainFileOnly || F.IsLambda;
  }

  const Program &P;
  std::vector<bool> Only;
};

/// The subject of a message about \p What, reached through \p Via.
std::string reachedThrough(const Program &P, const CallEdge &Via,
                           const std::string &What) {
  std::string Name = "'" + P.function(Via.Callee).name().str() + "'";
  const SiteFact &At = P.site(Via.From);
  std::string Lead = "call to " + Name;
  if (Via.Kind == EdgeKind::Continuation)
    Lead = "continuation " + Name + ", chained here,";
  else if (P.dispatchesTo(Via))
    Lead = "call to '" + At.CalleeName + "', which may run " + Name + ",";
  else if (At.Kind == SiteKind::Call && !P.bindsParameters(Via))
    Lead = "call to '" + At.CalleeName + "', which runs " + Name + ",";
  return Lead + " reaches " + What;
}

/// Where a finding goes: on the call Via (null: on the blocking operation
/// itself), and whether that operation is in a helper below where loop
/// context starts.
struct LineToChange {
  const CallEdge *Via;
  bool InHelper;
};

/// The findings of the rule, placed on the line to change: one per call of
/// loop code and kind of blocking (which the message describes), however
/// many blocking operations of that kind the call reaches; one per helper
/// that runs only on the loop and kind, at its first such operation; one
/// per blocking operation that loop code makes itself.
class LoopCodeFindings {
public:
  LoopCodeFindings(const Program &P, std::vector<Finding> &Out)
      : P(P), Out(Out), LoopOnly(P) {}

  /// The line to change for the blocking operation at \p At, reached down
  /// \p Chain: the call by which code that runs only on the loop reaches a
  /// helper that may run elsewhere, or the operation itself.
  LineToChange lineToChange(const std::vector<CallEdge> &Chain,
                            SiteRef At) const {
    size_t First = knownLoop(Chain) ? 1 : 0;
    for (size_t I = First; I < Chain.size(); ++I)
      if (!LoopOnly.at(I + 1 < Chain.size() ? Chain[I + 1].From : At))
        return {&Chain[I], false};
    return {nullptr, First < Chain.size()};
  }

  /// Adds \p R about an operation of kind \p K at \p At in \p Fn, reached
  /// through \p Via (null when loop code makes it). \p Also is the step that
  /// names it when loop code's call already has its finding.
  void add(Finding R, BlockingKind K, SourceLoc At, unsigned Fn,
           LineToChange Line, PathStep Also) {
    const CallEdge *Via = Line.Via;
    if (!Via && !Line.InHelper) {
      R.Loc = std::move(At);
      R.Function = P.function(Fn).name().str();
      Out.push_back(std::move(R));
      return;
    }
    // A helper's operations share the key of no call: the site ~0u.
    auto [It, New] = ByCall.try_emplace(
        Via ? std::make_tuple(Via->From.Function, Via->From.Site, K, R.Severity)
            : std::make_tuple(Fn, ~0u, K, R.Severity),
        Out.size());
    if (!New) {
      Out[It->second].Path.push_back(std::move(Also));
      return;
    }
    R.Loc = Via ? P.site(Via->From).Loc : std::move(At);
    R.Function = P.function(Via ? Via->From.Function : Fn).name().str();
    if (Via)
      Reached.push_back({Out.size(), *Via});
    Out.push_back(std::move(R));
  }

  /// Names, in each finding on a call of a helper that may run elsewhere,
  /// the other calls of that helper made on the loop: they reach the same
  /// blocking operations, which are reported once, on the first chain.
  void finish() {
    for (const auto &[Index, Via] : Reached) {
      std::vector<SiteRef> Others;
      for (unsigned E : P.edgesInto(Via.Callee)) {
        const CallEdge &Other = P.edges()[E];
        if (!(Other.From == Via.From) && !handsToLoop(Other.Kind) &&
            Other.Kind != EdgeKind::Offload && P.runsOnLoop(Other.From))
          Others.push_back(Other.From);
      }
      llvm::sort(Others, [&](SiteRef A, SiteRef B) {
        return P.site(A).Loc < P.site(B).Loc;
      });
      Others.erase(std::unique(Others.begin(), Others.end()), Others.end());
      std::string Callee = P.function(Via.Callee).name().str();
      for (const SiteRef &At : Others)
        Out[Index].Path.push_back(
            {P.site(At).Loc, "'" + P.function(At.Function).name().str() +
                                 "' also calls '" + Callee +
                                 "' here, on the loop"});
    }
  }

private:
  const Program &P;
  std::vector<Finding> &Out;
  std::map<std::tuple<unsigned, unsigned, BlockingKind, Level>, size_t> ByCall;
  LoopOnlyCode LoopOnly;
  /// The findings on a call of a helper, and that call.
  std::vector<std::pair<size_t, CallEdge>> Reached;
};

class BlockingCallRule : public Rule {
public:
  void check(const Program &P, std::vector<Finding> &Out) const override {
    LoopCodeFindings Found(P, Out);
    // Built on the first mutex taken on the loop, once for all of them.
    std::optional<SlowHolders> Holders;
    for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
      if (P.context(Fn).Loop)
        checkFunction(P, Fn, Found, Holders);
    Found.finish();
  }

private:
  static void destroyedResult(const Program &P, unsigned Fn,
                              const SiteFact &End, const SiteFact &Init,
                              LoopCodeFindings &Found) {
    const FunctionModel &M = *P.modelOf(Init);
    std::vector<CallEdge> Chain = P.loopChain({Fn, End.Id});
    LineToChange Line = Found.lineToChange(Chain, {Fn, End.Id});
    const CallEdge *Via = Line.Via;
    std::string Holder = "'" + End.Receiver.spelledName() + "'";
    std::string What = Holder + ", the result of '" + Init.CalleeName + "',";
    Finding R;
    R.Severity = Level::Warning;
    R.Message = (Via ? reachedThrough(P, *Via, "the destruction of " + What)
                     : What + " is destroyed here") +
                " on the event loop: " + M.BlockingResult +
                ", so the loop blocks; keep it alive elsewhere or wait for "
                "the work asynchronously";
    R.Path = pathTo(P, {Fn, Init.Id}, Chain);
    R.Path.back() = {Init.Loc, Holder + " holds the result of this call"};
    R.Path.push_back({End.Loc, "destroyed here, which blocks"});
    Found.add(std::move(R), BlockingKind::Stall, End.Loc, Fn, Line,
              {End.Loc, Holder + " is also destroyed here, which blocks"});
  }

  /// The locals of \p F initialized from a `blockingResult` call: the only
  /// ones whose destruction blockingResultOf, a scan of the function, needs
  /// to look at.
  static std::set<std::string> blockingResultHolders(const Program &P,
                                                     const Function &F) {
    std::set<std::string> Keys;
    for (const SiteFact &S : F.fact().Sites)
      if (S.Kind == SiteKind::ScopeBegin && S.OperandCall >= 0)
        if (const FunctionModel *M = P.modelOf(F.site(S.OperandCall));
            M && !M->BlockingResult.empty())
          Keys.insert(S.Receiver.Key);
    return Keys;
  }

  /// Loop code reaches the blocking call through a call that a model says
  /// blocks itself (`sync_wait` waiting on its condition variable): that
  /// call has its finding, and this is the same wait seen from inside.
  static bool insideABlockingCall(const Program &P,
                                  const std::vector<CallEdge> &Chain) {
    return llvm::any_of(Chain, [&](const CallEdge &E) {
      const FunctionModel *M = P.modelOf(P.site(E.From));
      return M && !M->Blocking.empty();
    });
  }

  static void blockingCall(const Program &P, unsigned Fn, const SiteFact &S,
                           const FunctionModel &M, LoopCodeFindings &Found) {
    std::vector<CallEdge> Chain = P.loopChain({Fn, S.Id});
    if (insideABlockingCall(P, Chain))
      return;
    LineToChange Line = Found.lineToChange(Chain, {Fn, S.Id});
    const CallEdge *Via = Line.Via;
    std::string Callee = "'" + S.spelledCallee() + "'";
    bool SameLoop = sameLoopKnown(P, Chain);
    Finding R;
    R.Severity = levelFor(M.Kind, SameLoop);
    R.Message = messageFor(Via ? reachedThrough(P, *Via, Callee) + ", which"
                               : "call to " + Callee,
                           M, SameLoop);
    R.Path = pathTo(P, {Fn, S.Id}, Chain);
    if (M.Kind == BlockingKind::Stall && knownLoop(Chain))
      describeSharedLoop(P, Chain.front(),
                         Via ? reachedThrough(P, *Via, Callee) + ", which"
                             : "call to " + Callee,
                         M, R);
    Found.add(std::move(R), M.Kind, S.Loc, Fn, Line,
              {S.Loc, Callee + " also blocks here"});
  }

  /// A mutex taken on the loop waits for whoever holds it: a stall when
  /// another function holds it across a call that blocks, which the
  /// finding names; short critical sections say nothing.
  static void slowLock(const Program &P, unsigned Fn, const SiteFact &S,
                       const FunctionModel &M, LoopCodeFindings &Found,
                       std::optional<SlowHolders> &Holders) {
    std::vector<LockAcquisition> Taken = findLockAcquisitions(P, Fn);
    auto It = llvm::find_if(
        Taken, [&](const LockAcquisition &A) { return A.Site == S.Id; });
    if (It == Taken.end())
      return;
    if (!Holders)
      Holders.emplace(P);
    std::optional<SlowHold> Slow = Holders->of(Fn, *It);
    if (!Slow)
      return;
    std::vector<CallEdge> Chain = P.loopChain({Fn, S.Id});
    if (insideABlockingCall(P, Chain))
      return;
    LineToChange Line = Found.lineToChange(Chain, {Fn, S.Id});
    const CallEdge *Via = Line.Via;
    std::string Callee = "'" + S.spelledCallee() + "'";
    std::string Holder =
        "'" + P.function(Slow->Acquired.Function).name().str() + "'";
    const SiteFact &Blocks = P.site(Slow->Blocks);
    const FunctionModel &Op = *P.modelOf(Blocks);
    Finding R;
    R.Severity = Level::Warning;
    R.Message = (Via ? reachedThrough(P, *Via, Callee) + ", which"
                     : "call to " + Callee) +
                " on the event loop waits for the mutex while " + Holder +
                " holds it across '" + Blocks.spelledCallee() + "' (" +
                Op.Blocking +
                "): the loop stalls for as long as that "
                "call blocks; take the blocking call out of the critical "
                "section";
    R.Path = pathTo(P, {Fn, S.Id}, Chain);
    R.Path.back() = {S.Loc, Callee + " waits for the mutex here"};
    R.Path.push_back({P.site(Slow->Acquired).Loc, Holder + " takes it here"});
    if (!(Slow->Call == Slow->Blocks))
      R.Path.push_back(
          {P.site(Slow->Call).Loc, "calls '" + P.site(Slow->Call).CalleeName +
                                       "' while it holds the mutex"});
    R.Path.push_back({Blocks.Loc, "'" + Blocks.spelledCallee() +
                                      "' blocks here, the mutex held"});
    Found.add(std::move(R), M.Kind, S.Loc, Fn, Line,
              {S.Loc, Callee + " also waits for that mutex here"});
  }

  /// A stall in a callback handed to a loop object that several threads
  /// run stalls one of them: says so, with the runs as steps.
  static void describeSharedLoop(const Program &P, const CallEdge &Registration,
                                 const std::string &Subject,
                                 const FunctionModel &M, Finding &R) {
    const ObjectRef *Loop = registeredOn(P.site(Registration.From));
    if (!Loop)
      return;
    LoopRunners Runners = loopRunners(P, *Loop);
    if (!Runners.several())
      return;
    R.Message = messageForShared(Subject, M, *Loop);
    std::vector<PathStep> Runs;
    for (const LoopRunners::Run &Run : Runners.Runs)
      Runs.push_back(
          {P.site(Run.At).Loc,
           "'" + Loop->spelledName() + "' is run here" +
               (Run.StartedInALoop ? ", on threads started in a loop" : "")});
    R.Path.insert(R.Path.begin() + 1, Runs.begin(), Runs.end());
  }

  /// `auto f = p.get_future(); asio::dispatch(io_, [&] { p.set_value(v);
  /// }); return f.get();` on `io_`'s loop: the wait is on the handle of a
  /// promise that every fulfilment has fulfilled before it, in the function
  /// itself or in a callable that a call before it runs at once on the
  /// loop (models' `inlineOnItsLoop`). Nothing is left to wait for.
  static bool fulfilledBeforeTheWait(const Program &P, unsigned Fn,
                                     const SiteFact &Wait) {
    if (!Wait.Receiver.isKnown())
      return false;
    std::vector<ObjectRef> Owners = P.resolve(Fn, Wait.Receiver);
    const TypeModel *T =
        Owners.size() == 1 ? P.models().type(Owners.front().Type) : nullptr;
    if (!T || T->ResourceKind != "promise" ||
        Owners.front().Key == Wait.Receiver.Key)
      return false;
    const Function &F = P.function(Fn);
    auto Before = [&](unsigned Site) { return F.dominates(Site, Wait.Id); };
    auto RunAtOnceBefore = [&](unsigned Callable) {
      llvm::ArrayRef<unsigned> In = P.edgesInto(Callable);
      return !In.empty() && llvm::all_of(In, [&](unsigned E) {
        SiteRef From = P.edges()[E].From;
        const FunctionModel *M = P.modelOf(P.site(From));
        return From.Function == Fn && M && M->InlineOnItsLoop &&
               Before(From.Site);
      });
    };
    for (const Resource &R : P.resources())
      if (R.Key == Owners.front().Key)
        return !R.Signals.empty() &&
               llvm::all_of(R.Signals, [&](const SiteRef &Signal) {
                 return Signal.Function == Fn
                            ? Before(Signal.Site)
                            : RunAtOnceBefore(Signal.Function);
               });
    return false;
  }

  static void checkFunction(const Program &P, unsigned Fn,
                            LoopCodeFindings &Found,
                            std::optional<SlowHolders> &Holders) {
    const Function &F = P.function(Fn);
    std::set<std::string> ResultHolders = blockingResultHolders(P, F);
    for (const SiteFact &S : F.fact().Sites) {
      if (!P.runsOnLoop({Fn, S.Id}))
        continue;
      if (S.Kind == SiteKind::ScopeEnd && ResultHolders.count(S.Receiver.Key))
        if (const SiteFact *Init = blockingResultOf(P, F, S))
          destroyedResult(P, Fn, S, *Init, Found);
      if (S.Kind != SiteKind::Call)
        continue;
      const FunctionModel *M = P.modelOf(S);
      if (!M || M->Blocking.empty())
        continue;
      // A read or an accept on a descriptor the program made non-blocking,
      // or told not to wait (MSG_DONTWAIT, a poll with a zero timeout),
      // returns at once; the caller waits for readiness elsewhere.
      if (P.returnsAtOnce({Fn, S.Id}))
        continue;
      // Code that handles EAGAIN after the call was written for a
      // non-blocking descriptor, made so where the analysis cannot follow
      // (passed through a stored callback into a wrapper's field).
      if (P.expectsWouldBlock({Fn, S.Id}))
        continue;
      // `if (!readable(fd)) return; read(fd, ...)`: the probe said it is
      // ready.
      if (P.readsAfterReadinessProbe({Fn, S.Id}))
        continue;
      // A few bytes into a pipe the program drains, or that a function
      // makes for itself (a test's trigger) and writes once, find room in
      // its 64 KiB.
      if (P.writesFewBytesIntoChannel({Fn, S.Id}))
        continue;
      if (fulfilledBeforeTheWait(P, Fn, S))
        continue;
      if (M->Kind == BlockingKind::Lock)
        slowLock(P, Fn, S, *M, Found, Holders);
      else
        blockingCall(P, Fn, S, *M, Found);
    }
  }
};

} // namespace

std::unique_ptr<Rule> createBlockingCallRule() {
  return std::make_unique<BlockingCallRule>();
}

} // namespace corolint
