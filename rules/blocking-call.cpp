//===- blocking-call.cpp - Blocking call reachable from the event loop ----===//
//
// Flags a call that blocks the thread it runs on, made from code that runs on
// an event loop.
//
// Loop context comes from the program model, site by site (callables handed
// to loop APIs and what they call synchronously, across files; coroutines
// after they suspend, and before that when what starts them runs on the
// loop); what blocks, and how, comes from the models. The finding sits at the
// blocking call and its path is the chain from where loop context starts. A
// function reached both from the loop and from worker threads is judged on its
// loop paths only. A call on a file descriptor that the program makes
// non-blocking does not block; the models say which calls take a descriptor
// and which flags make one non-blocking.
//
// Waiting on the loop for work that needs the loop is a deadlock (error) only
// when the chain shows which loop: it starts where the code was handed to a
// loop. A coroutine that nothing hands to a loop may run on a plain thread, so
// there it is a warning that says so.
//
//===----------------------------------------------------------------------===//

#include "corolint/rules/Rule.h"
#include <set>

namespace corolint {
namespace {

/// Whether \p Chain starts where the code was handed to a loop.
bool knownLoop(const std::vector<CallEdge> &Chain) {
  return !Chain.empty() && handsToLoop(Chain.front().Kind);
}

Level levelFor(BlockingKind K, bool KnownLoop) {
  switch (K) {
  case BlockingKind::Deadlock:
    return KnownLoop ? Level::Error : Level::Warning;
  case BlockingKind::Lock:
  case BlockingKind::NestedLoop:
    return Level::Note;
  case BlockingKind::Stall:
    break;
  }
  return Level::Warning;
}

std::string messageFor(const SiteFact &Call, const FunctionModel &M,
                       bool KnownLoop) {
  std::string Callee = "'" + Call.CalleeName + "'";
  switch (M.Kind) {
  case BlockingKind::Deadlock:
    if (!KnownLoop)
      return "call to " + Callee + " in a coroutine waits for work that may "
             "need the thread it runs on (" + M.Blocking +
             "): if an event loop resumes this coroutine, the loop cannot run "
             "that work while it waits, so it deadlocks; co_await the work "
             "instead";
    return "call to " + Callee +
           " on the event loop waits for work that needs "
           "this loop (" +
           M.Blocking +
           "): the loop cannot run that work while "
           "it waits, so it deadlocks; co_await the work instead";
  case BlockingKind::Lock:
    return "call to " + Callee +
           " on the event loop blocks it while another "
           "thread holds the mutex (" +
           M.Blocking + ")";
  case BlockingKind::NestedLoop:
    return "call to " + Callee + " on the event loop " + M.Blocking +
           ": the loop's other work runs inside this call, so code after it "
           "may find state changed under it; co_await instead";
  case BlockingKind::Stall:
    break;
  }
  return "call to " + Callee + " blocks the event loop (" + M.Blocking +
         "): every other task on this loop stalls until it returns; use an "
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
  Path.push_back({Call.Loc, "'" + Call.CalleeName + "' blocks here"});
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

class BlockingCallRule : public Rule {
public:
  void check(const Program &P, std::vector<Finding> &Out) const override {
    for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
      if (P.context(Fn).Loop)
        checkFunction(P, Fn, Out);
  }

private:
  static Finding destroyedResult(const Program &P, unsigned Fn,
                                 const SiteFact &End, const SiteFact &Init) {
    const FunctionModel &M = *P.modelOf(Init);
    Finding R;
    R.Severity = Level::Warning;
    R.Loc = End.Loc;
    R.Function = P.function(Fn).name().str();
    R.Message = "'" + End.Receiver.spelledName() + "', the result of '" +
                Init.CalleeName +
                "', is destroyed here on the event loop: " + M.BlockingResult +
                ", so the loop blocks; keep it alive elsewhere or wait for "
                "the work asynchronously";
    R.Path = pathTo(P, {Fn, Init.Id}, P.loopChain({Fn, End.Id}));
    R.Path.back() = {Init.Loc, "'" + End.Receiver.spelledName() +
                                   "' holds the result of this call"};
    R.Path.push_back({End.Loc, "destroyed here, which blocks"});
    return R;
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

  void checkFunction(const Program &P, unsigned Fn,
                     std::vector<Finding> &Out) const {
    const Function &F = P.function(Fn);
    std::set<std::string> ResultHolders = blockingResultHolders(P, F);
    for (const SiteFact &S : F.fact().Sites) {
      if (!P.runsOnLoop({Fn, S.Id}))
        continue;
      if (S.Kind == SiteKind::ScopeEnd && ResultHolders.count(S.Receiver.Key))
        if (const SiteFact *Init = blockingResultOf(P, F, S))
          Out.push_back(destroyedResult(P, Fn, S, *Init));
      if (S.Kind != SiteKind::Call)
        continue;
      const FunctionModel *M = P.modelOf(S);
      if (!M || M->Blocking.empty())
        continue;
      // A read or an accept on a descriptor the program made non-blocking
      // returns EAGAIN at once; the caller waits for readiness elsewhere.
      if (P.onNonblockingDescriptor({Fn, S.Id}))
        continue;
      // A few bytes into a pipe that a function makes for itself (a test's
      // trigger), written once, find room in its 64 KiB.
      if (P.writesFewBytesIntoLocalChannel({Fn, S.Id}))
        continue;
      std::vector<CallEdge> Chain = P.loopChain({Fn, S.Id});
      Finding R;
      R.Severity = levelFor(M->Kind, knownLoop(Chain));
      R.Loc = S.Loc;
      R.Function = F.name().str();
      R.Message = messageFor(S, *M, knownLoop(Chain));
      R.Path = pathTo(P, {Fn, S.Id}, Chain);
      Out.push_back(std::move(R));
    }
  }
};

} // namespace

std::unique_ptr<Rule> createBlockingCallRule() {
  return std::make_unique<BlockingCallRule>();
}

} // namespace corolint
