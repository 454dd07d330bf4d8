//===- Linker.cpp - Merge translation units into one program --------------===//
//
// Applies the library models once, here, so that rules see roles (waits,
// signals, loop callbacks, offloads) rather than API names.
//
//===----------------------------------------------------------------------===//

#include "corolint/Program.h"
#include "llvm/ADT/DenseSet.h"
#include <algorithm>
#include <deque>
#include <map>

namespace corolint {

static std::string roleName(TypeRole R) {
  switch (R) {
  case TypeRole::Resource:
    return "resource";
  case TypeRole::SyncMutex:
    return "sync-mutex";
  case TypeRole::SyncGuard:
    return "sync-guard";
  case TypeRole::AsyncMutex:
    return "async-mutex";
  case TypeRole::AsyncGuard:
    return "async-guard";
  case TypeRole::Task:
    return "task";
  case TypeRole::NoSuspend:
    return "no-suspend";
  case TypeRole::IoObject:
    return "io-object";
  }
  return "resource";
}

/// Handing a callable over this way makes it a root of loop context.
static bool startsLoopContext(EdgeKind K) {
  return K == EdgeKind::LoopCallback || K == EdgeKind::Spawns ||
         K == EdgeKind::Continuation;
}

class Linker {
public:
  Linker(Program &P, const ApiModels &Models) : P(P) { P.Models = &Models; }

  void mergeFunctions(std::vector<TuFacts> Units);
  void buildEdges();
  void findHandles();
  void buildResources();
  void computeContexts();

private:
  EdgeKind callableEdgeKind(const SiteFact &Call, const ArgFact &Arg) const;
  std::optional<unsigned> spawnedCoroutine(const SiteFact &Call,
                                           const ArgFact &Arg) const;
  bool handsOverCallback(const SiteFact &S) const;
  void addResourceUse(SiteRef At, const ObjectRef &Obj,
                      std::vector<SiteRef> Resource::*List,
                      const TypeModel &Model);

  Program &P;
  std::map<std::string, Resource> ResourcesByKey;
};

void Linker::mergeFunctions(std::vector<TuFacts> Units) {
  std::stable_sort(Units.begin(), Units.end(),
                   [](const TuFacts &A, const TuFacts &B) {
                     return A.MainFile < B.MainFile;
                   });
  llvm::StringMap<FunctionFact> Chosen;
  for (TuFacts &Unit : Units)
    for (FunctionFact &F : Unit.Functions)
      Chosen.try_emplace(F.Usr, std::move(F));
  std::vector<std::string> Usrs;
  for (const auto &Entry : Chosen)
    Usrs.push_back(Entry.getKey().str());
  std::sort(Usrs.begin(), Usrs.end());
  for (const std::string &Usr : Usrs) {
    P.ByUsr[Usr] = P.Functions.size();
    P.Functions.emplace_back(std::move(Chosen[Usr]));
  }
}

EdgeKind Linker::callableEdgeKind(const SiteFact &Call,
                                  const ArgFact &Arg) const {
  const FunctionModel *M = P.models().function(Call.CalleeName);
  if (!M)
    // A callable handed to an API we know nothing about (an algorithm, a
    // std::function parameter) is taken to run synchronously, in the caller's
    // context.
    return EdgeKind::Calls;
  int Index = static_cast<int>(Arg.Index);
  if (Index == M->Offload)
    return EdgeKind::Offload;
  if (Index == M->Spawn)
    return EdgeKind::Spawns;
  if (Index == M->Continuation)
    return EdgeKind::Continuation;
  if (Index != M->LoopCallback)
    return EdgeKind::Calls;
  for (const ArgFact &Other : Call.Args)
    if (static_cast<int>(Other.Index) == M->OffloadWhenArg &&
        std::find(M->OffloadWhenTypes.begin(), M->OffloadWhenTypes.end(),
                  Other.Type) != M->OffloadWhenTypes.end())
      return EdgeKind::Offload;
  return EdgeKind::LoopCallback;
}

/// The coroutine a spawn API starts, when the argument is a call to it.
std::optional<unsigned> Linker::spawnedCoroutine(const SiteFact &Call,
                                                 const ArgFact &Arg) const {
  const FunctionModel *M = P.models().function(Call.CalleeName);
  if (!M || M->Spawn != static_cast<int>(Arg.Index))
    return std::nullopt;
  std::optional<unsigned> Producer = P.find(Arg.ProducerUsr);
  if (!Producer || !P.Functions[*Producer].isCoroutine())
    return std::nullopt;
  return Producer;
}

void Linker::buildEdges() {
  for (unsigned FnIndex = 0; FnIndex < P.Functions.size(); ++FnIndex) {
    const FunctionFact &F = P.Functions[FnIndex].fact();
    llvm::DenseSet<int> AwaitedCalls;
    for (const SiteFact &S : F.Sites)
      if (S.Kind == SiteKind::Suspend && S.OperandCall >= 0)
        AwaitedCalls.insert(S.OperandCall);
    for (const SiteFact &S : F.Sites) {
      if (S.Kind != SiteKind::Call)
        continue;
      SiteRef At{FnIndex, S.Id};
      if (std::optional<unsigned> Callee = P.find(S.CalleeUsr)) {
        bool Awaited =
            AwaitedCalls.count(S.Id) && P.Functions[*Callee].isCoroutine();
        P.Edges.push_back(
            {At, *Callee, Awaited ? EdgeKind::Awaits : EdgeKind::Calls});
      }
      for (const ArgFact &A : S.Args) {
        if (std::optional<unsigned> Target = P.find(A.CallableUsr))
          P.Edges.push_back({At, *Target, callableEdgeKind(S, A)});
        else if (std::optional<unsigned> Spawned = spawnedCoroutine(S, A))
          P.Edges.push_back({At, *Spawned, EdgeKind::Spawns});
      }
    }
  }
  P.EdgesInto.assign(P.Functions.size(), {});
  for (unsigned I = 0; I < P.Edges.size(); ++I)
    P.EdgesInto[P.Edges[I].Callee].push_back(I);
}

void Linker::addResourceUse(SiteRef At, const ObjectRef &Obj,
                            std::vector<SiteRef> Resource::*List,
                            const TypeModel &Model) {
  for (const ObjectRef &Target : P.resolve(At.Function, Obj)) {
    Resource &R = ResourcesByKey[Target.Key];
    if (R.Key.empty()) {
      R.Key = Target.Key;
      R.Name = Target.Name;
      R.Type = Model.Name;
      R.Kind = Model.ResourceKind.empty() ? roleName(Model.Role)
                                          : Model.ResourceKind;
    }
    R.Internal &= Target.Internal;
    (R.*List).push_back(At);
  }
}

/// `auto f = p.get_future();`: the local is a handle of the promise's state,
/// so waiting on it is waiting on the promise.
void Linker::findHandles() {
  for (unsigned FnIndex = 0; FnIndex < P.Functions.size(); ++FnIndex) {
    const FunctionFact &F = P.Functions[FnIndex].fact();
    for (const SiteFact &S : F.Sites) {
      if (S.Kind != SiteKind::ScopeBegin || S.OperandCall < 0)
        continue;
      const SiteFact &Init = F.Sites[S.OperandCall];
      if (!Init.Receiver.isKnown())
        continue;
      const TypeModel *T =
          P.models().typeForCall(Init.Receiver.Type, Init.CalleeName);
      if (!T ||
          !TypeModel::has(T->HandsOut, splitMember(Init.CalleeName).second))
        continue;
      std::vector<ObjectRef> Owners = P.resolve(FnIndex, Init.Receiver);
      if (Owners.size() == 1)
        P.HandleOf[S.Receiver.Key] = Owners.front();
    }
  }
}

/// `timer.async_wait(handler)`: the handler waits, not the caller, which
/// goes on at once.
bool Linker::handsOverCallback(const SiteFact &S) const {
  const FunctionModel *M = P.models().function(S.CalleeName);
  return M && M->LoopCallback >= 0 &&
         llvm::any_of(S.Args, [&](const ArgFact &A) {
           return static_cast<int>(A.Index) == M->LoopCallback &&
                  !A.CallableUsr.empty();
         });
}

void Linker::buildResources() {
  const ApiModels &Models = P.models();
  for (unsigned FnIndex = 0; FnIndex < P.Functions.size(); ++FnIndex) {
    for (const SiteFact &S : P.Functions[FnIndex].fact().Sites) {
      SiteRef At{FnIndex, S.Id};
      if (S.Kind == SiteKind::Suspend && S.Operand.isKnown()) {
        const TypeModel *T = Models.type(S.AwaitableType);
        if (T && TypeModel::has(T->Waits, "operator co_await"))
          addResourceUse(At, S.Operand, &Resource::Waits, *T);
        continue;
      }
      if (S.Kind != SiteKind::Call || !S.Receiver.isKnown())
        continue;
      const TypeModel *T = Models.typeForCall(S.Receiver.Type, S.CalleeName);
      if (!T || T->Role == TypeRole::SyncGuard)
        continue;
      llvm::StringRef Member = splitMember(S.CalleeName).second;
      if (TypeModel::has(T->Waits, Member) && !handsOverCallback(S))
        addResourceUse(At, S.Receiver, &Resource::Waits, *T);
      if (TypeModel::has(T->Signals, Member))
        addResourceUse(At, S.Receiver, &Resource::Signals, *T);
      if (TypeModel::has(T->Lock, Member))
        addResourceUse(At, S.Receiver, &Resource::Locks, *T);
    }
  }
  for (auto &Entry : ResourcesByKey)
    P.Resources.push_back(std::move(Entry.second));
}

void Linker::computeContexts() {
  P.Contexts.assign(P.Functions.size(), {});
  std::deque<unsigned> LoopWork, WorkerWork;
  for (unsigned I = 0; I < P.Functions.size(); ++I)
    if (P.Functions[I].isCoroutine()) {
      P.Contexts[I].Loop = true;
      LoopWork.push_back(I);
    }
  // Handing a callable to the loop or to a worker makes it a root of that
  // context wherever the handing-over happens.
  for (const CallEdge &E : P.Edges) {
    ExecutionContext &C = P.Contexts[E.Callee];
    if (startsLoopContext(E.Kind) && !C.Loop) {
      C.Loop = true;
      C.LoopVia = E;
      LoopWork.push_back(E.Callee);
    } else if (E.Kind == EdgeKind::Offload && !C.Worker) {
      C.Worker = true;
      WorkerWork.push_back(E.Callee);
    }
  }
  std::vector<std::vector<unsigned>> EdgesFrom(P.Functions.size());
  for (unsigned I = 0; I < P.Edges.size(); ++I)
    EdgesFrom[P.Edges[I].From.Function].push_back(I);
  auto Propagate = [&](std::deque<unsigned> &Work, bool ExecutionContext::*Flag,
                       bool RecordVia) {
    while (!Work.empty()) {
      unsigned Fn = Work.front();
      Work.pop_front();
      for (unsigned EdgeIndex : EdgesFrom[Fn]) {
        const CallEdge &E = P.Edges[EdgeIndex];
        if (E.Kind != EdgeKind::Calls && E.Kind != EdgeKind::Awaits)
          continue;
        ExecutionContext &C = P.Contexts[E.Callee];
        if (C.*Flag)
          continue;
        C.*Flag = true;
        if (RecordVia)
          C.LoopVia = E;
        Work.push_back(E.Callee);
      }
    }
  };
  Propagate(LoopWork, &ExecutionContext::Loop, true);
  Propagate(WorkerWork, &ExecutionContext::Worker, false);
}

Program linkProgram(std::vector<TuFacts> Units, const ApiModels &Models) {
  Program P;
  Linker L(P, Models);
  L.mergeFunctions(std::move(Units));
  L.buildEdges();
  L.findHandles();
  L.buildResources();
  L.computeContexts();
  return P;
}

} // namespace corolint
