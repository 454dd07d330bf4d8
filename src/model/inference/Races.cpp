//===- Races.cpp - Races: the first of the awaitables handed ends the wait ===//
//
// `when_any(read(), sleep(5s))` completes when the first of its arguments
// does, which bounds the read: missing-timeout reads such a race against a
// delay as a timeout. What makes one is an event set once: each argument
// is awaited by a task of its own that then sets the event, and the
// function awaits the event. A count-down (a latch: when_all) completes
// only once every task has counted it down, and is no race.
//
//===----------------------------------------------------------------------===//

#include "Inferrer.h"

namespace corolint::inference {

namespace {

/// A coroutine's explicit `co_await` of a class (not its initial or
/// final suspension).
bool isAwaitOf(const SiteFact &S, llvm::StringRef Type) {
  return S.Kind == SiteKind::Suspend && !S.Implicit &&
         S.Suspend == SuspendKind::CoAwait && !Type.empty() &&
         S.AwaitableType == Type;
}

} // namespace

/// A coroutine that awaits what one of its parameters is (`co_await
/// static_cast<A &&>(a)`, known by the class awaited) and calls a signal of
/// the set-once \p Event it is handed as another parameter only after that
/// await (every path to the signal passes it: `notify.set()`): the site of
/// the signal, or null.
const SiteFact *Inferrer::signalsOnceAwaited(const FunctionFact &W,
                                             const std::string &Event,
                                             const TypeModel &Model) const {
  if (!W.IsCoroutine)
    return nullptr;
  for (const SiteFact &Signal : W.Sites) {
    const ObjectRef &R = Signal.Receiver;
    if (Signal.Kind != SiteKind::Call || R.K != ObjectRef::Kind::Param ||
        R.ParamIndex < 0 || R.Type != Event ||
        !TypeModel::has(Model.Signals, memberOf(Signal.CalleeName)))
      continue;
    for (auto [I, Type] : llvm::enumerate(W.ParamTypes))
      if (static_cast<int>(I) != R.ParamIndex && Type != Event &&
          llvm::any_of(W.Sites, [&, &Type = Type](const SiteFact &Await) {
            return isAwaitOf(Await, Type) && passesBefore(W, Await, Signal);
          }))
        return &Signal;
  }
  return nullptr;
}

/// A coroutine that hands a local event, set once, to code that starts
/// tasks which each await one of the awaitables and then set it, and then
/// awaits the event, completes when the first of those tasks does: a race
/// (libcoro's `when_any`).
void Inferrer::inferRaces() {
  ApiModels SoFar;
  if (!readInferredSoFar(SoFar))
    return;
  for (const auto &[Usr, F] : Index.functions()) {
    if (F->IsLambda || !F->IsCoroutine || Known.function(F->Name) ||
        Known.isLibraryCode(F->Name) || InferredFunctions.count(F->Name))
      continue;
    if (std::vector<std::string> Evidence = raceEvidence(*F, SoFar);
        !Evidence.empty()) {
      InferredFunctions.insert(F->Name);
      Out.Functions.push_back(
          {F->Name, ordered_json({{"name", F->Name}, {"race", true}}).dump(),
           std::move(Evidence)});
    }
  }
}

/// Why \p F is a race, or nothing.
std::vector<std::string> Inferrer::raceEvidence(const FunctionFact &F,
                                                const ApiModels &SoFar) const {
  for (const SiteFact &Await : F.Sites) {
    const ObjectRef &Local = Await.Operand;
    if (!isAwaitOf(Await, Await.AwaitableType) ||
        Local.K != ObjectRef::Kind::Local)
      continue;
    const TypeModel *Event = resourceModel(Await.AwaitableType, "event", SoFar);
    // A count (a latch) completes once every task has counted it down.
    if (!Event || Event->CountArg >= 0 || Event->StartsSignalled)
      continue;
    for (const SiteFact &Hand : F.Sites) {
      auto Callee = Index.functions().find(Hand.CalleeUsr);
      if (Hand.Kind != SiteKind::Call || Callee == Index.functions().end() ||
          llvm::none_of(Hand.Args, [&](const ArgFact &A) {
            return A.Ref.K == ObjectRef::Kind::Local && A.Ref.Key == Local.Key;
          }))
        continue;
      for (const FunctionFact *W : Index.reach(*Callee->second))
        if (const SiteFact *Set =
                signalsOnceAwaited(*W, Await.AwaitableType, *Event))
          return {where(Hand.Loc) + ": '" + F.Name + "' hands its event '" +
                      Local.Name + "' to '" + Hand.CalleeName + "'",
                  where(Set->Loc) + ": '" + W->Name +
                      "' sets it once it has awaited what it is handed",
                  where(Await.Loc) + ": '" + F.Name +
                      "' awaits the event: the first task to finish ends "
                      "the wait"};
    }
  }
  return {};
}

} // namespace corolint::inference
