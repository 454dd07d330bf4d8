//===- LoopHandles.cpp - Handles that keep an event loop running ---------===//

#include "corolint/program/LoopHandles.h"
#include <map>
#include <set>

namespace corolint {
namespace {

using HandleSite = std::pair<SiteRef, ObjectRef>;

/// The handles argument \p Index of the call at \p At names. \p Unnamed is
/// set when it may name others: an expression that names no object, or a
/// parameter that no analyzed caller binds (a library's callback's).
std::vector<ObjectRef> handlesNamed(const Program &P, SiteRef At, int Index,
                                    bool &Unnamed) {
  const ArgFact *A = P.site(At).arg(Index);
  if (!A || !A->Ref.isKnown()) {
    Unnamed = true;
    return {};
  }
  std::vector<ObjectRef> Named;
  for (ObjectRef &H : P.resolve(At.Function, A->Ref)) {
    if (H.K == ObjectRef::Kind::Param || H.Alias)
      Unnamed = true;
    else
      Named.push_back(std::move(H));
  }
  return Named;
}

/// `uv_timer_start(&t, cb, 100, 0)`: active only until the callback runs.
bool activeOnce(const SiteFact &S, const FunctionModel &M) {
  const ArgFact *Repeat = M.RepeatArg >= 0 ? S.arg(M.RepeatArg) : nullptr;
  return Repeat && Repeat->Constant && *Repeat->Constant == 0;
}

/// What the program does to handles and loops, over all its code.
struct HandleUse {
  std::map<std::string, HandleSite> Activated, Closed;
  std::vector<SiteRef> Runs;
  std::set<std::string> RunLoops;
  /// A loop stopped, or a handle closed that cannot be named.
  bool Unknowable = false;
};

void note(const Program &P, SiteRef At, HandleUse &U) {
  const SiteFact &S = P.site(At);
  const FunctionModel *M = S.Kind == SiteKind::Call ? P.modelOf(S) : nullptr;
  if (!M)
    return;
  U.Unknowable |= M->StopsLoop;
  bool Unnamed = false;
  if (M->DeactivatesHandle >= 0) {
    for (ObjectRef &H : handlesNamed(P, At, M->DeactivatesHandle, Unnamed))
      U.Closed.try_emplace(H.Key, At, std::move(H));
    U.Unknowable |= Unnamed;
  }
  if (M->ActivatesHandle >= 0 && !activeOnce(S, *M))
    for (ObjectRef &H : handlesNamed(P, At, M->ActivatesHandle, Unnamed))
      U.Activated.try_emplace(H.Key, At, std::move(H));
  if (M->RunsLoop && S.Receiver.isKnown() && !P.passesTimeout(S) &&
      !P.function(At.Function).repeats(S.Id)) {
    U.Runs.push_back(At);
    for (const ObjectRef &Loop : P.resolve(At.Function, S.Receiver))
      U.RunLoops.insert(Loop.Key);
  }
}

} // namespace

std::vector<RunKeptByOpenHandle> runsKeptByOpenHandles(const Program &P) {
  HandleUse U;
  for (unsigned Fn = 0; Fn < P.functions().size() && !U.Unknowable; ++Fn)
    for (const SiteFact &S : P.function(Fn).fact().Sites)
      note(P, {Fn, S.Id}, U);
  if (U.Unknowable || U.RunLoops.size() != 1)
    return {};
  // The shutdown: a handle the program made active and closes.
  const HandleSite *Shutdown = nullptr;
  for (const auto &[Key, Closed] : U.Closed)
    if (!Shutdown && U.Activated.count(Key))
      Shutdown = &Closed;
  if (!Shutdown)
    return {};
  std::vector<RunKeptByOpenHandle> Result;
  for (const auto &[Key, Open] : U.Activated) {
    if (U.Closed.count(Key))
      continue;
    for (SiteRef Run : U.Runs) {
      ObjectRef Loop = P.resolve(Run.Function, P.site(Run).Receiver).front();
      Result.push_back({Run, std::move(Loop), Open.first, Open.second,
                        Shutdown->first, Shutdown->second});
    }
    break;
  }
  return Result;
}

} // namespace corolint
