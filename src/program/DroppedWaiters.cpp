//===- DroppedWaiters.cpp - Coroutine handles taken out and dropped -------===//

#include "corolint/program/DroppedWaiters.h"
#include "llvm/ADT/STLExtras.h"
#include <map>
#include <set>

namespace corolint {
namespace {

/// The local whose handle call \p S resumes (`h.resume()`: `h`;
/// `req.waiter.resume()`: `req`), or "".
std::string resumedLocal(const Program &P, const SiteFact &S) {
  const FunctionModel *M = S.Kind == SiteKind::Call ? P.modelOf(S) : nullptr;
  if (!M || !M->Resumes)
    return "";
  if (S.Receiver.K == ObjectRef::Kind::Local)
    return S.Receiver.Key;
  return S.Receiver.ThroughLocal;
}

/// Whether \p R is \p Local itself or a handle field reached from it.
bool namesHandle(const ObjectRef &R, const std::string &Local,
                 const std::set<std::string> &HandleFields) {
  return R.Key == Local ||
         (R.ThroughLocal == Local && HandleFields.count(R.Key));
}

/// Whether \p S takes an element out of \p Container.
bool takesFrom(const Program &P, const SiteFact &S,
               const ObjectRef &Container) {
  const FunctionModel *M = S.Kind == SiteKind::Call ? P.modelOf(S) : nullptr;
  return M && (M->TakesElement || M->DestroysElements) &&
         S.Receiver.Key == Container.Key;
}

class WaiterTakes {
public:
  WaiterTakes(const Program &P, unsigned Fn)
      : P(P), Fn(Fn), F(P.function(Fn)) {}

  void find(std::vector<DroppedWaiter> &Out) {
    for (const SiteFact &S : F.fact().Sites) {
      std::string Local = resumedLocal(P, S);
      if (Local.empty())
        continue;
      Resumes.push_back(&S);
      if (S.Receiver.Key != Local)
        HandleFields[Local].insert(S.Receiver.Key);
    }
    if (Resumes.empty() || !F.hasCfg())
      return;
    for (const SiteFact &S : F.fact().Sites)
      if (auto [Read, Local] = readInto(S); Read)
        check(*Read, *Local, Out);
  }

private:
  /// The call that reads an element of a container of fields or globals
  /// and the local \p S makes it kept in: `Req req = queue_.front();`
  /// (the local's beginning), `h = waiters_.front();` (the call).
  std::pair<const SiteFact *, const ObjectRef *>
  readInto(const SiteFact &S) const {
    const SiteFact *Read = nullptr;
    const ObjectRef *Local = nullptr;
    if (S.Kind == SiteKind::ScopeBegin && S.OperandCall >= 0) {
      Read = &F.site(S.OperandCall);
      Local = &S.Receiver;
    } else if (S.Kind == SiteKind::Call &&
               S.StoredIn.K == ObjectRef::Kind::Local) {
      Read = &S;
      Local = &S.StoredIn;
    }
    if (!Read || Read->Kind != SiteKind::Call || Read->OtherObject ||
        (Read->Receiver.K != ObjectRef::Kind::Field &&
         Read->Receiver.K != ObjectRef::Kind::Global) ||
        Local->K != ObjectRef::Kind::Local)
      return {nullptr, nullptr};
    return {Read, Local};
  }

  void check(const SiteFact &Read, const ObjectRef &Local,
             std::vector<DroppedWaiter> &Out) {
    const FunctionFact &Fact = F.fact();
    const SiteFact *Resume = resumeOf(Local.Key, Read.Id);
    auto NoStop = [](const SiteFact &) { return false; };
    bool TakenOut =
        takesFrom(P, Read, Read.Receiver) ||
        llvm::any_of(Fact.Sites, [&](const SiteFact &S) {
          return takesFrom(P, S, Read.Receiver) && F.reaches(Read.Id, S.Id, NoStop);
        });
    if (!Resume || !TakenOut ||
        llvm::any_of(Fact.ReturnedObjects,
                     [&](const ObjectRef &R) { return R.Key == Local.Key; }))
      return;
    const std::set<std::string> &Fields = HandleFields[Local.Key];
    auto Handles = [&](unsigned B) {
      return llvm::any_of(Fact.Cfg[B].Sites, [&](unsigned S) {
        return handles(Fact.Sites[S], Local.Key, Fields);
      });
    };
    // `if (node.empty()) return;`, `if (!req.waiter) continue;`: the branch
    // asks whether there is a waiter to resume at all.
    auto Tests = [&](const SiteFact &S) {
      return S.Kind == SiteKind::Call && S.Id != Read.Id &&
             (namesHandle(S.Receiver, Local.Key, Fields) ||
              llvm::any_of(S.Args, [&](const ArgFact &A) {
                return namesHandle(A.Ref, Local.Key, Fields);
              }));
    };
    auto Decides = [&](unsigned B) {
      return llvm::any_of(Fact.Cfg[B].Sites,
                          [&](unsigned S) { return Tests(Fact.Sites[S]); });
    };
    if (std::optional<SourceLoc> Left = leftAfter(F, Read.Id, Handles, Decides))
      Out.push_back(
          {{Fn, Read.Id}, Local, Read.Receiver, {Fn, Resume->Id}, *Left});
  }

  /// A resume of \p Local's handle some path from \p Read reaches.
  const SiteFact *resumeOf(const std::string &Local, unsigned Read) const {
    auto NoStop = [](const SiteFact &) { return false; };
    for (const SiteFact *S : Resumes)
      if (resumedLocal(P, *S) == Local && F.reaches(Read, S->Id, NoStop))
        return S;
    return nullptr;
  }

  /// Whether \p S resumes the waiter in \p Local, or may: any call on its
  /// handle that is not a question (`destroy()`), a call handed it or its
  /// handle (`fail(std::move(req))`), a lambda that captures it.
  bool handles(const SiteFact &S, const std::string &Local,
               const std::set<std::string> &Fields) const {
    if (S.Kind != SiteKind::Call)
      return false;
    if (namesHandle(S.Receiver, Local, Fields) && !S.Query)
      return true;
    return llvm::any_of(S.Args, [&](const ArgFact &A) {
      return namesHandle(A.Ref, Local, Fields) ||
             llvm::is_contained(A.Captures, Local);
    });
  }

  const Program &P;
  unsigned Fn;
  const Function &F;
  std::vector<const SiteFact *> Resumes;
  std::map<std::string, std::set<std::string>> HandleFields;
};

} // namespace

std::vector<DroppedWaiter> findDroppedWaiters(const Program &P) {
  std::vector<DroppedWaiter> Out;
  for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
    WaiterTakes(P, Fn).find(Out);
  return Out;
}

} // namespace corolint
