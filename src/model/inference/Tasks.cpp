//===- Tasks.cpp - Tasks inferred from the coroutines that return them ----===//
//
// A task is the lazy awaitable that coroutines return. The classes they
// return are kept here too: later rules ask whether an argument is one
// (a scheduler's member, a deadline combinator, a function that blocks on
// what it is handed).
//
//===----------------------------------------------------------------------===//

#include "Inferrer.h"
#include <map>

namespace corolint::inference {

/// A task: a class that coroutines return, that starts them suspended (its
/// promise's `initial_suspend()` returns what never resumes by itself,
/// `std::suspend_always`), and that is awaitable: code awaits it, or it
/// has `operator co_await` or the awaiter's members. A generator starts
/// suspended too, but is iterated, not awaited.
void Inferrer::inferTasks() {
  std::map<std::string, const FunctionFact *> Lazy;
  std::map<std::string, const SiteFact *> Awaited;
  for (const auto &[Usr, F] : Index.functions()) {
    for (const SiteFact &S : F->Sites) {
      if (S.Kind == SiteKind::Suspend && !S.Implicit &&
          !S.AwaitableType.empty())
        Awaited.try_emplace(S.AwaitableType, &S);
      if (S.Kind == SiteKind::Suspend && S.OperandCall >= 0 &&
          static_cast<size_t>(S.OperandCall) < F->Sites.size())
        AwaitedCallees.insert(F->Sites[S.OperandCall].CalleeUsr);
    }
    if (!F->IsCoroutine || F->ReturnType.empty())
      continue;
    TaskTypes.insert(F->ReturnType);
    if (hasRole(F->InitialSuspend, TypeRole::NeverResumes))
      Lazy.try_emplace(F->ReturnType, F);
  }
  for (const auto &[Type, Coroutine] : Lazy) {
    if (describedByModel(Type))
      continue;
    std::string Why;
    if (auto It = Awaited.find(Type); It != Awaited.end())
      Why = where(It->second->Loc) + ": awaited here";
    else if (hasAwaiterMembers(Type))
      Why = "it has the awaiter's members";
    else
      continue;
    Out.Types.push_back(
        {Type,
         ordered_json({{"name", Type}, {"role", "task"}}).dump(),
         {where(Coroutine->Loc) + ": '" + Coroutine->Name +
              "' returns it and starts suspended ('" +
              Coroutine->InitialSuspend + "')",
          Why}});
  }
}

} // namespace corolint::inference
