//===- Timeouts.cpp - Deadline combinators, known by their calls ----------===//
//
// A call handed an awaitable and a duration, whose result is awaited,
// bounds what it was handed: a timeout, also when the combinator is only
// declared (defined in another library).
//
//===----------------------------------------------------------------------===//

#include "Inferrer.h"
#include <map>

namespace corolint::inference {

/// A deadline combinator, known by how it is called, so also when only
/// declared (`within(op, 5s)` defined in another library): a call handed an
/// awaitable (a task, or what has `operator co_await`) and a duration, whose
/// result is awaited, bounds what it was handed: `timeout: true`.
void Inferrer::inferTimeouts() {
  std::map<std::string, const SiteFact *> Bounding;
  for (const auto &[Usr, F] : Index.functions()) {
    std::set<int> Awaited;
    for (const SiteFact &S : F->Sites)
      if (S.Kind == SiteKind::Suspend && S.OperandCall >= 0)
        Awaited.insert(S.OperandCall);
    for (const SiteFact &S : F->Sites)
      if (S.Kind == SiteKind::Call && Awaited.count(S.Id) && handsADeadline(S))
        Bounding.try_emplace(S.CalleeName, &S);
  }
  for (const auto &[Name, S] : Bounding) {
    if (Name.empty() || functionModelOf(Known, *S) ||
        Known.isLibraryCode(Name) || !InferredFunctions.insert(Name).second)
      continue;
    Out.Functions.push_back(
        {Name,
         ordered_json({{"name", Name}, {"timeout", true}}).dump(),
         {where(S->Loc) + ": '" + Name +
          "' is handed an awaitable and a duration, and what it returns is "
          "awaited"}});
  }
}

bool Inferrer::handsADeadline(const SiteFact &Call) const {
  // A task, what has `operator co_await`, or an awaiter itself
  // (`with_deadline(loop, conn.read(buf), 300ms)`, `read` returning one).
  auto IsAwaitable = [&](const ArgFact &A) {
    return TaskTypes.count(A.Type) || hasRole(A.Type, TypeRole::Task) ||
           hasAwaiterMembers(A.Type);
  };
  auto IsDuration = [&](const ArgFact &A) {
    return isDuration(A.Type) || isDuration(A.BuiltFrom);
  };
  return llvm::any_of(Call.Args, IsAwaitable) &&
         llvm::any_of(Call.Args, IsDuration);
}

} // namespace corolint::inference
