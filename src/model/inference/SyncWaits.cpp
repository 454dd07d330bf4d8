//===- SyncWaits.cpp - Sync-over-async: functions that block on a task ----===//
//
// A function handed a task that blocks on every path, or a member of a
// future that blocks unless it is fulfilled, waits for a coroutine or a
// fulfilment that loop code may have to run: on the loop, it deadlocks.
//
//===----------------------------------------------------------------------===//

#include "Inferrer.h"

namespace corolint::inference {

/// Sync-over-async: a function that is not a coroutine and, on every path
/// from its entry to its exit, calls something that blocks (a model says
/// so, `std::condition_variable::wait`, or its body does, through helpers),
/// blocks; when it is handed an awaitable (`sync_wait(task)`), what it
/// waits for is a coroutine that loop code may have to run. A member of a
/// future inferred here that blocks on some path (blockingMembersOf:
/// `get()`) waits for a fulfilment the same way. On the loop, both
/// deadlock. Other functions that block by body need no role: the call
/// graph follows their bodies.
void Inferrer::inferSyncWaits() {
  std::set<std::string> Blocking = blockingByBody();
  for (const auto &[Usr, F] : Index.functions()) {
    if (Known.function(F->Name) || Known.isLibraryCode(F->Name) ||
        InferredFunctions.count(F->Name))
      continue;
    // A task, or what has `operator co_await`: not an awaiter, which a
    // scheduler's helper is handed by pointer (`schedule_impl(op)`).
    auto Awaitable = llvm::find_if(F->ParamTypes, [&](const std::string &T) {
      return TaskTypes.count(T) || hasCoAwaitOperator(T);
    });
    bool FutureMember = FutureWaitsForFulfilment.count(F->Name);
    if (!FutureMember &&
        (!Blocking.count(Usr) || Awaitable == F->ParamTypes.end()))
      continue;
    InferredFunctions.insert(F->Name);
    std::string What = FutureMember ? "waits for a future to be fulfilled"
                                    : "waits for a coroutine to finish";
    Out.Functions.push_back(
        {F->Name,
         ordered_json({{"name", F->Name},
                       {"blocking", What},
                       {"blockingKind", "deadlock"}})
             .dump(),
         {where(F->Loc) + ": '" + F->Name + "' " +
          (FutureMember ? "blocks, with no time limit, unless the future '" +
                              classOf(F->Name).str() + "' is already fulfilled"
                        : "blocks on every path from its entry to its "
                          "exit, handed the awaitable '" +
                              *Awaitable + "'")}});
  }
}

/// The members of \p Future that block with no time limit on some path
/// (`get()`: `if (ready()) return; cv.wait(lock, pred);`), themselves or
/// through their helpers: a future's waits for its promise, which a plain
/// call can only wait for by blocking. One handed a duration
/// (`cv.wait_for(lock, d)`) is bounded.
std::set<std::string>
Inferrer::blockingMembersOf(llvm::StringRef Future) const {
  auto Blocks = [&](const SiteFact &S) {
    return waitsForOthers(S) && llvm::none_of(S.Args, [&](const ArgFact &A) {
             return isDuration(A.Type) || isDuration(A.BuiltFrom);
           });
  };
  std::set<std::string> Members;
  for (const FunctionFact *M : Index.membersOf(Future))
    if (!M->IsCoroutine &&
        llvm::any_of(Index.reach(*M, /*Handed=*/false, /*Coroutines=*/false),
                     [&](const FunctionFact *G) {
                       return llvm::any_of(G->Sites, Blocks);
                     }))
      Members.insert(memberOf(M->Name).str());
  return Members;
}

/// \p S calls what a model says blocks, waiting for other code of the
/// program. Taking a mutex is a lock's business (lock-order-cycle), not a
/// wait; reading or writing a descriptor waits for the kernel or a peer,
/// not for work of the program (`post()` waking its loop with `::write` on
/// an eventfd).
bool Inferrer::waitsForOthers(const SiteFact &S) const {
  const FunctionModel *M =
      S.Kind == SiteKind::Call ? functionModelOf(Known, S) : nullptr;
  return M && !M->Blocking.empty() && M->Kind != BlockingKind::Lock &&
         M->DescriptorArg < 0;
}

/// The functions (USRs) that block on every path, to a fixpoint over the
/// helpers they call.
std::set<std::string> Inferrer::blockingByBody() const {
  std::set<std::string> Blocking;
  auto Blocks = [&](const SiteFact &S) {
    return (S.Kind == SiteKind::Call && Blocking.count(S.CalleeUsr)) ||
           waitsForOthers(S);
  };
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const auto &[Usr, F] : Index.functions())
      if (!F->IsCoroutine && !F->IsLambda && !Blocking.count(Usr) &&
          blocksOnEveryPath(*F, Blocks))
        Changed |= Blocking.insert(Usr).second;
  }
  return Blocking;
}

/// The exit of \p F's CFG is reachable, and not without a site that
/// \p Blocks.
bool Inferrer::blocksOnEveryPath(
    const FunctionFact &F, llvm::function_ref<bool(const SiteFact &)> Blocks) {
  auto Blocking = [&](unsigned B) {
    return llvm::any_of(F.Cfg[B].Sites, [&](unsigned Id) {
      return Id < F.Sites.size() && Blocks(F.Sites[Id]);
    });
  };
  return reachesBlock(F, F.CfgExit, [](unsigned) { return false; }) &&
         !reachesBlock(F, F.CfgExit, Blocking);
}

/// Some path of \p F's CFG from its entry reaches block \p Target without
/// entering a block that \p Avoid holds.
bool Inferrer::reachesBlock(const FunctionFact &F, unsigned Target,
                            llvm::function_ref<bool(unsigned Block)> Avoid) {
  std::vector<bool> Seen(F.Cfg.size());
  std::vector<unsigned> Work{F.CfgEntry};
  while (!Work.empty()) {
    unsigned B = Work.back();
    Work.pop_back();
    if (B >= F.Cfg.size() || Seen[B])
      continue;
    Seen[B] = true;
    if (Avoid(B))
      continue;
    if (B == Target)
      return true;
    llvm::append_range(Work, F.Cfg[B].Succs);
  }
  return false;
}

} // namespace corolint::inference
