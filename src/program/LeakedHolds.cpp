//===- LeakedHolds.cpp - Returns that keep a lock or a unit ---------------===//

#include "corolint/program/LeakedHolds.h"
#include "llvm/ADT/STLExtras.h"
#include <map>
#include <optional>
#include <set>

namespace corolint {
namespace {

/// A take or a give-back of a mutex or a semaphore.
struct HoldOp {
  const ObjectRef *Object = nullptr;
  bool Take = false;
  bool Semaphore = false;
  std::string Through; ///< The member of the program that does it, if any.
  /// The object the calling code names: the mutex or semaphore itself, or
  /// the object a member that takes one is called on (`limiter_`).
  std::string Holder;

  /// What a take and its give-back must agree on: through a member, the
  /// object it is called on and the field it takes (two limiters' members
  /// take two semaphores).
  std::string key() const {
    return Through.empty() ? Object->Key : Holder + "/" + Object->Key;
  }
};

/// A take or give-back call \p S makes itself: a by-hand lock or unlock of
/// a mutex, a semaphore's wait or give-back. Tries are tested on the spot
/// and are neither.
std::optional<HoldOp> directOp(const ApiModels &Models, const SiteFact &S) {
  if (S.Kind != SiteKind::Call || !S.Receiver.isKnown())
    return std::nullopt;
  const TypeModel *T = Models.typeForCall(S.Receiver.Type, S.CalleeName);
  if (!T || (!T->isSemaphore() && T->Role != TypeRole::SyncMutex))
    return std::nullopt;
  llvm::StringRef Member = splitMember(S.CalleeName).second;
  bool Semaphore = T->isSemaphore();
  if (TypeModel::has(T->Unlock, Member))
    return HoldOp{&S.Receiver, false, Semaphore, "", S.Receiver.Key};
  if (TypeModel::has(T->TryLock, Member) ||
      !TypeModel::has(Semaphore ? T->Waits : T->Lock, Member))
    return std::nullopt;
  return HoldOp{&S.Receiver, true, Semaphore, "", S.Receiver.Key};
}

/// What the functions of the program do to the mutexes and semaphores of
/// their own objects: the members that only take one, or only give one
/// back, on every path (a limiter's `acquire()` and `release()`), and the
/// keys each function gives back on some path.
class HoldSummaries {
public:
  explicit HoldSummaries(const Program &P) : P(P) {
    for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
      summarize(Fn);
  }

  /// The take or give-back site \p S of function \p Fn makes, itself or
  /// through such a member.
  std::optional<HoldOp> opAt(const SiteFact &S) const {
    if (std::optional<HoldOp> Op = directOp(P.models(), S))
      return Op;
    std::optional<unsigned> Callee = calleeOf(S);
    if (!Callee)
      return std::nullopt;
    auto It = Wrappers.find(*Callee);
    if (It == Wrappers.end())
      return std::nullopt;
    HoldOp Op = It->second;
    Op.Holder = S.Receiver.isKnown() ? S.Receiver.Key : "this";
    return Op;
  }

  /// Whether \p S calls a function that gives back \p Object (of any
  /// object of its class, for a field) on some path.
  bool callGivesBack(const SiteFact &S, const ObjectRef &Object) const {
    std::optional<unsigned> Callee = calleeOf(S);
    if (!Callee)
      return false;
    auto It = GivesSome.find(*Callee);
    return It != GivesSome.end() && It->second.count(Object.Key);
  }

private:
  std::optional<unsigned> calleeOf(const SiteFact &S) const {
    if (S.Kind != SiteKind::Call || S.CalleeUsr.empty())
      return std::nullopt;
    return P.find(S.CalleeUsr);
  }

  void summarize(unsigned Fn) {
    const Function &F = P.function(Fn);
    std::vector<std::pair<unsigned, HoldOp>> Ops;
    for (const SiteFact &S : F.fact().Sites)
      if (std::optional<HoldOp> Op = directOp(P.models(), S)) {
        if (!Op->Take)
          GivesSome[Fn].insert(Op->Object->Key);
        Ops.push_back({S.Id, *Op});
      }
    if (Ops.empty() || !F.hasCfg())
      return;
    const HoldOp &First = Ops.front().second;
    // Only one kind of call, on one field of the member's own object.
    bool OneUse = llvm::all_of(Ops, [&](const auto &Op) {
      const SiteFact &S = F.site(Op.first);
      return Op.second.Take == First.Take &&
             Op.second.Object->Key == First.Object->Key &&
             S.Receiver.K == ObjectRef::Kind::Field && !S.OtherObject;
    });
    bool Always = llvm::any_of(
        Ops, [&](const auto &Op) { return F.onEveryPath(Op.first); });
    if (!OneUse || !Always)
      return;
    HoldOp Wrapped = First;
    Wrapped.Through = F.name().str();
    Wrappers[Fn] = std::move(Wrapped);
  }

  const Program &P;
  std::map<unsigned, HoldOp> Wrappers;
  std::map<unsigned, std::set<std::string>> GivesSome;
};

bool inCodeBetween(const SourceLoc &A, const SourceLoc &B, const SourceLoc &C) {
  return A.File == B.File && B.File == C.File && A < B && B < C;
}

class LeakFinder {
public:
  LeakFinder(const Program &P, const HoldSummaries &Holds)
      : P(P), Holds(Holds) {}

  void check(unsigned Fn, std::vector<LeakedHold> &Out) const {
    const Function &F = P.function(Fn);
    if (!F.hasCfg())
      return;
    std::vector<std::pair<unsigned, HoldOp>> Ops;
    for (const SiteFact &S : F.fact().Sites)
      if (std::optional<HoldOp> Op = Holds.opAt(S))
        Ops.push_back({S.Id, std::move(*Op)});
    for (const auto &[Take, Op] : Ops)
      if (Op.Take)
        if (std::optional<LeakedHold> Leak = leakOf(Fn, Take, Op, Ops))
          Out.push_back(std::move(*Leak));
  }

private:
  std::optional<LeakedHold>
  leakOf(unsigned Fn, unsigned Take, const HoldOp &Op,
         const std::vector<std::pair<unsigned, HoldOp>> &Ops) const {
    const Function &F = P.function(Fn);
    std::string Key = Op.key();
    std::set<unsigned> GiveBacks;
    for (const auto &[Site, Other] : Ops)
      if (!Other.Take && Other.key() == Key)
        GiveBacks.insert(Site);
    // A give-back that no take comes before on every path gives back what
    // the function was entered holding (leveldb's `mutex_.Unlock(); ...
    // mutex_.Lock();` in a member called with the mutex held): it is meant
    // to end holding it.
    if (GiveBacks.empty() || llvm::any_of(GiveBacks, [&](unsigned Back) {
          return llvm::none_of(Ops, [&](const auto &Other) {
            return Other.second.Take && Other.second.key() == Key &&
                   F.dominates(Other.first, Back);
          });
        }))
      return std::nullopt;
    auto LetsGo = [&](const SiteFact &S) {
      return GiveBacks.count(S.Id) || Holds.callGivesBack(S, *Op.Object) ||
             llvm::any_of(S.Args, [&](const ArgFact &A) {
               return A.Ref.isKnown() && A.Ref.Key == Op.Holder;
             });
    };
    auto Nothing = [](const SiteFact &) { return false; };
    const SourceLoc &Taken = F.site(Take).Loc;
    for (unsigned Block : F.returnsAfter(Take, LetsGo)) {
      const SourceLoc &Return = *F.fact().Cfg[Block].Return;
      for (unsigned Back : GiveBacks)
        if (inCodeBetween(Taken, Return, F.site(Back).Loc) &&
            F.reaches(Take, Back, Nothing) && !callerGivesBack(Fn, Op))
          return LeakedHold{{Fn, Take}, {Fn, Back},   Return,
                            *Op.Object, Op.Semaphore, Op.Through};
    }
    return std::nullopt;
  }

  /// Whether a caller of \p Fn gives back \p Key: a function that returns
  /// holding it on one path hands it to its caller (`if (!empty()) return
  /// true;` after locking, in a lock-if-not-empty).
  bool callerGivesBack(unsigned Fn, const HoldOp &Taken) const {
    for (unsigned E : P.edgesInto(Fn)) {
      const CallEdge &Edge = P.edges()[E];
      const Function &Caller = P.function(Edge.From.Function);
      for (const SiteFact &S : Caller.fact().Sites) {
        if (S.CalleeUsr == P.function(Fn).fact().Usr)
          continue;
        std::optional<HoldOp> Op = Holds.opAt(S);
        if ((Op && !Op->Take && Op->Object->Key == Taken.Object->Key) ||
            Holds.callGivesBack(S, *Taken.Object))
          return true;
      }
    }
    return false;
  }

  const Program &P;
  const HoldSummaries &Holds;
};

} // namespace

std::vector<LeakedHold> findLeakedHolds(const Program &P) {
  HoldSummaries Holds(P);
  LeakFinder Finder(P, Holds);
  std::vector<LeakedHold> Leaks;
  for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
    Finder.check(Fn, Leaks);
  return Leaks;
}

} // namespace corolint
