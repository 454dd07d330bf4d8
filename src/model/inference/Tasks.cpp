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
#include <set>

namespace corolint::inference {

/// A task: a class that coroutines return, that starts them suspended (its
/// promise's `initial_suspend()` returns what never resumes by itself,
/// `std::suspend_always`), and that is awaitable: code awaits it, or it
/// has `operator co_await` or the awaiter's members. A generator starts
/// suspended too, but is iterated, not awaited.
void Inferrer::inferTasks() {
  std::map<std::string, const FunctionFact *> Lazy;
  std::map<std::string, const SiteFact *> Awaited;
  std::map<std::string, std::set<std::string>> BasesOf;
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
    // A member coroutine's facts name the bases of what it returns (a free
    // function's do not).
    BasesOf[F->ReturnType].insert(F->ReturnBases.begin(), F->ReturnBases.end());
    if (hasRole(F->InitialSuspend, TypeRole::NeverResumes))
      Lazy.try_emplace(F->ReturnType, F);
  }
  auto AwaitableWhy = [&](const std::string &Type) -> std::string {
    if (auto It = Awaited.find(Type); It != Awaited.end())
      return where(It->second->Loc) + ": awaited here";
    if (hasAwaiterMembers(Type))
      return "it has the awaiter's members";
    return "";
  };
  std::set<std::string> Tasks;
  for (const auto &[Type, Coroutine] : Lazy) {
    std::string Why = AwaitableWhy(Type);
    if (describedByModel(Type) || Why.empty())
      continue;
    Tasks.insert(Type);
    Out.Types.push_back(
        {Type,
         ordered_json({{"name", Type}, {"role", "task"}}).dump(),
         {where(Coroutine->Loc) + ": '" + Coroutine->Name +
              "' returns it and starts suspended ('" +
              Coroutine->InitialSuspend + "')",
          Why}});
  }
  inferRewrappedTasks(Tasks, BasesOf, AwaitableWhy);
}

/// A task moved into another wrapper: a member of a task that returns a
/// class deriving from a base of the task (`Lazy::via(ex)` returning a
/// `RescheduleLazy`, both a `LazyBase`, which holds the coroutine) hands out
/// the same suspended coroutine, a task too, even where no unit awaits it
/// (async_simple's own units only start it). The base must make it
/// awaitable: a member of the base returns an awaiter (`coAwaitTry()`); a
/// base such as `noncopyable` tells nothing.
void Inferrer::inferRewrappedTasks(
    const std::set<std::string> &Tasks,
    const std::map<std::string, std::set<std::string>> &BasesOf,
    llvm::function_ref<std::string(const std::string &)> AwaitableWhy) {
  auto Awaitable = [&](const std::string &Base) {
    return llvm::any_of(Index.membersOf(Base), [&](const FunctionFact *M) {
      return memberOf(M->Name) == "operator co_await" ||
             hasAwaiterMembers(M->ReturnType) ||
             llvm::any_of(M->ReturnBases, [&](const std::string &B) {
               return hasAwaiterMembers(B);
             });
    });
  };
  std::set<std::string> Done = Tasks;
  for (const std::string &Task : Tasks) {
    const std::set<std::string> &Bases = BasesOf.at(Task);
    for (const FunctionFact *Member : Index.membersOf(Task)) {
      const std::string &Type = Member->ReturnType;
      if (Member->IsCoroutine || Type.empty() || Done.count(Type) ||
          describedByModel(Type))
        continue;
      auto Shared = llvm::find_if(Member->ReturnBases, [&](const auto &B) {
        return Bases.count(B) && Awaitable(B);
      });
      if (Shared == Member->ReturnBases.end())
        continue;
      std::string Why = AwaitableWhy(Type);
      if (Why.empty())
        Why = "a member of '" + *Shared + "' returns an awaiter";
      Done.insert(Type);
      TaskTypes.insert(Type);
      Out.Types.push_back(
          {Type,
           ordered_json({{"name", Type}, {"role", "task"}}).dump(),
           {where(Member->Loc) + ": '" + Member->Name + "' returns it, a '" +
                *Shared + "' as the task '" + Task + "' is",
            Why}});
    }
  }
}

} // namespace corolint::inference
