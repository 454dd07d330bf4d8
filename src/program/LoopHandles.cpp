//===- LoopHandles.cpp - Handles that keep an event loop running ---------===//

#include "corolint/program/LoopHandles.h"
#include <map>
#include <set>

namespace corolint {
namespace {

using HandleSite = std::pair<SiteRef, ObjectRef>;

/// What the program does to handles and loops, over all its code.
struct HandleUse {
  std::map<std::string, HandleSite> Activated, Stopped, Closed;
  std::vector<SiteRef> Runs;
  std::set<std::string> RunLoops;
  /// A loop stopped, or a handle stopped or closed that cannot be named.
  bool Unknowable = false;
};

class HandleUseFinder {
public:
  explicit HandleUseFinder(const Program &P) : P(P) {
    for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
      if (!P.function(Fn).fact().ObjectClass.empty())
        ProgramClasses.insert(P.function(Fn).fact().ObjectClass);
  }

  HandleUse find() {
    HandleUse U;
    for (unsigned Fn = 0; Fn < P.functions().size() && !U.Unknowable; ++Fn)
      for (const SiteFact &S : P.function(Fn).fact().Sites)
        note({Fn, S.Id}, U);
    return U;
  }

private:
  /// The handles argument \p Index of the call at \p At names: a local, a
  /// global, or a field of a class of the program. \p Unnamed is set when
  /// it may name others: an expression that names no object, a parameter
  /// that no analyzed caller binds (a library callback's), a reference, a
  /// field of a structure the program only reads (a request's `handle`
  /// pointer, a C struct whose first member is the handle).
  std::vector<ObjectRef> handlesNamed(SiteRef At, int Index,
                                      bool &Unnamed) const {
    const ArgFact *A = P.site(At).arg(Index);
    if (!A || !A->Ref.isKnown()) {
      Unnamed = true;
      return {};
    }
    std::vector<ObjectRef> Named;
    for (ObjectRef &H : P.resolve(At.Function, A->Ref)) {
      bool Own = H.K == ObjectRef::Kind::Local ||
                 H.K == ObjectRef::Kind::Global ||
                 (H.K == ObjectRef::Kind::Field &&
                  ProgramClasses.count(splitMember(H.Name).first.str()));
      if (!Own || H.Alias)
        Unnamed = true;
      else
        Named.push_back(std::move(H));
    }
    return Named;
  }

  /// `uv_timer_start(&t, cb, 100, 100)`: a repeat that is a constant other
  /// than 0. One that is 0, or not known, may leave the handle active only
  /// until its callback runs.
  static bool staysActive(const SiteFact &S, const FunctionModel &M) {
    if (M.RepeatArg < 0)
      return true;
    const ArgFact *Repeat = S.arg(M.RepeatArg);
    return Repeat && Repeat->Constant && *Repeat->Constant != 0;
  }

  /// `uv_run(loop, UV_RUN_DEFAULT)`, made once, with no bound.
  bool runsUntilIdle(SiteRef At, const FunctionModel &M) const {
    const SiteFact &S = P.site(At);
    if (!M.RunsLoop || !S.Receiver.isKnown() || P.passesTimeout(S) ||
        P.function(At.Function).repeats(S.Id))
      return false;
    const ArgFact *Mode = M.RunModeArg >= 0 ? S.arg(M.RunModeArg) : nullptr;
    return M.RunModeArg < 0 || (Mode && Mode->Constant && *Mode->Constant == 0);
  }

  void note(SiteRef At, HandleUse &U) const {
    const SiteFact &S = P.site(At);
    const FunctionModel *M = S.Kind == SiteKind::Call ? P.modelOf(S) : nullptr;
    if (!M)
      return;
    U.Unknowable |= M->StopsLoop;
    bool Unnamed = false;
    for (auto [Index, Into] : {std::pair{M->DeactivatesHandle, &U.Stopped},
                               std::pair{M->ClosesHandle, &U.Closed}})
      if (Index >= 0)
        for (ObjectRef &H : handlesNamed(At, Index, Unnamed))
          Into->try_emplace(H.Key, At, std::move(H));
    U.Unknowable |= Unnamed;
    if (M->ActivatesHandle >= 0 && staysActive(S, *M)) {
      bool Ignored = false;
      for (ObjectRef &H : handlesNamed(At, M->ActivatesHandle, Ignored))
        U.Activated.try_emplace(H.Key, At, std::move(H));
    }
    if (runsUntilIdle(At, *M)) {
      U.Runs.push_back(At);
      for (const ObjectRef &Loop : P.resolve(At.Function, S.Receiver))
        U.RunLoops.insert(Loop.Key);
    }
  }

  const Program &P;
  std::set<std::string> ProgramClasses;
};

/// Whether two handles are shut down together: fields of one class,
/// globals, or locals of one function.
bool siblings(const ObjectRef &A, const ObjectRef &B) {
  if (A.K != B.K)
    return false;
  if (A.K == ObjectRef::Kind::Global)
    return true;
  return splitMember(A.Name).first == splitMember(B.Name).first;
}

/// Whether every handle stopped or closed is one the program makes active:
/// one that is not may be another name for one that is (a union member, a
/// structure whose first member is the handle).
bool onlyKnownHandlesLetGo(const HandleUse &U) {
  for (const auto *LetGo : {&U.Stopped, &U.Closed})
    for (const auto &Entry : *LetGo)
      if (!U.Activated.count(Entry.first))
        return false;
  return true;
}

} // namespace

std::vector<RunKeptByOpenHandle> runsKeptByOpenHandles(const Program &P) {
  HandleUse U = HandleUseFinder(P).find();
  if (U.Unknowable || U.RunLoops.size() != 1 || !onlyKnownHandlesLetGo(U))
    return {};
  std::vector<RunKeptByOpenHandle> Result;
  for (const auto &[Key, Open] : U.Activated) {
    if (U.Closed.count(Key) || U.Stopped.count(Key))
      continue;
    // The shutdown: a handle closed for good beside it.
    auto Shutdown = llvm::find_if(U.Closed, [&](const auto &Entry) {
      return siblings(Entry.second.second, Open.second);
    });
    if (Shutdown == U.Closed.end())
      continue;
    for (SiteRef Run : U.Runs) {
      ObjectRef Loop = P.resolve(Run.Function, P.site(Run).Receiver).front();
      Result.push_back({Run, std::move(Loop), Open.first, Open.second,
                        Shutdown->second.first, Shutdown->second.second});
    }
    break;
  }
  return Result;
}

} // namespace corolint
