//===- DroppedWaiters.cpp - Coroutine handles taken out and dropped -------===//

#include "corolint/program/DroppedWaiters.h"
#include "llvm/ADT/STLExtras.h"

namespace corolint {
namespace {

/// The local \p R is or is reached from (`h`; `req` for `req.waiter`), or "".
std::string localOf(const ObjectRef &R) {
  return R.K == ObjectRef::Kind::Local ? R.Key : R.ThroughLocal;
}

/// The local whose handle call \p S resumes (`h.resume()`: `h`;
/// `req.waiter.resume()`: `req`), or hands to a function of the program
/// that keeps it for its loop to resume (`loop_.post(next->handle)`, with
/// `post` keeping its handle in `ready_`: docs/inference.md), or "".
std::string resumedLocal(const Program &P, const SiteFact &S) {
  if (S.Kind != SiteKind::Call)
    return "";
  if (const FunctionModel *M = P.modelOf(S))
    return M->Resumes ? localOf(S.Receiver) : "";
  std::optional<unsigned> Callee = P.find(S.CalleeUsr);
  if (!Callee)
    return "";
  for (const FieldStoreFact &Store : P.function(*Callee).fact().Stores)
    if (const ArgFact *A = Store.Kind == StoredKind::Handle && Store.Param >= 0
                               ? S.arg(Store.Param)
                               : nullptr)
      if (std::string Local = localOf(A->Ref); !Local.empty())
        return Local;
  return "";
}

/// Whether \p R is \p Local or a part of it: a field reached from it
/// (`req.waiter`, `node.mapped().handle`) or what one of its accessors
/// returns (`node.mapped()`).
bool partOf(const ObjectRef &R, const std::string &Local) {
  if (!R.isKnown())
    return false;
  llvm::StringRef Key = R.Key;
  return Key == Local || R.ThroughLocal == Local ||
         (R.AccessorOf && R.AccessorOf->Key == Local) ||
         (Key.consume_front(Local) &&
          (Key.starts_with("->") || Key.starts_with(".")));
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
    for (const SiteFact &S : F.fact().Sites)
      if (!resumedLocal(P, S).empty())
        Resumes.push_back(&S);
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
    auto Handles = [&](unsigned B) {
      return llvm::any_of(Fact.Cfg[B].Sites, [&](unsigned S) {
        return S != Read.Id && handles(Fact.Sites[S], Local.Key);
      });
    };
    // `if (node.empty()) return;`, `if (!req.waiter) continue;`: the branch
    // asks whether there is a waiter to resume at all, or what state it is
    // in (`if (w->cancelled) continue;`: one its timeout resumed already).
    auto Decides = [&](unsigned B) {
      return llvm::is_contained(Fact.Cfg[B].TestedLocals, Local.Key) ||
             llvm::any_of(Fact.Cfg[B].Sites, [&](unsigned S) {
               return S != Read.Id && tests(Fact.Sites[S], Local.Key);
             });
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

  /// Whether \p S resumes the waiter in \p Local, or may: a resume of any
  /// handle (an alias of the local's: `auto &w = node.mapped().handle;`);
  /// a call on a part of the local (`r.waiter.destroy()`,
  /// `node.mapped().handle.address()`), or on the local itself that is not
  /// a question; a call handed the local or a part of it
  /// (`fail(node.mapped(), err)`, `retry_.push_back(std::move(r))`,
  /// `lookup(r.key)`) other than a comparison, or handed an object built in
  /// place that may hold it (`ready_.push_back(Completion{h, res})`); a
  /// lambda that captures it; a write that stores it or a part of it.
  bool handles(const SiteFact &S, const std::string &Local) const {
    // `blocked_ = w;`, `req->data = op;`, `*out = r;`: kept elsewhere.
    if (S.Kind == SiteKind::Write)
      return partOf(S.Assigned, Local);
    if (S.Kind != SiteKind::Call || tests(S, Local))
      return false;
    if (!resumedLocal(P, S).empty() || partOf(S.Receiver, Local))
      return true;
    return llvm::any_of(S.Args, [&](const ArgFact &A) {
      bool BuiltInPlace = !A.Ref.isKnown() && !A.Type.empty() && A.MadeBy < 0 &&
                          A.CallableUsr.empty();
      return partOf(A.Ref, Local) || BuiltInPlace ||
             llvm::is_contained(A.Captures, Local);
    });
  }

  /// Whether \p S asks the local \p Local itself something (`node.empty()`,
  /// `!h`) or compares with it or a part of it (`h == nullptr`). A question
  /// to a part of it (`node.mapped()`, `r.waiter.address()`) hands that
  /// part on.
  static bool tests(const SiteFact &S, const std::string &Local) {
    if (S.Kind != SiteKind::Call)
      return false;
    if (S.Query && S.Receiver.isKnown() && S.Receiver.Key == Local)
      return true;
    return isComparisonName(S.CalleeName) &&
           llvm::any_of(S.Args,
                        [&](const ArgFact &A) { return partOf(A.Ref, Local); });
  }

  const Program &P;
  unsigned Fn;
  const Function &F;
  std::vector<const SiteFact *> Resumes;
};

} // namespace

std::vector<DroppedWaiter> findDroppedWaiters(const Program &P) {
  std::vector<DroppedWaiter> Out;
  for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
    WaiterTakes(P, Fn).find(Out);
  return Out;
}

} // namespace corolint
