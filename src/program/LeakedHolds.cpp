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
  /// The mutex or semaphore; through a member, the field it works on.
  const ObjectRef *Object = nullptr;
  /// What the calling code names: the mutex or semaphore itself, or the
  /// object a member that takes one is called on (`limiter_`).
  const ObjectRef *Named = nullptr;
  bool Take = false;
  bool Semaphore = false;
  std::string Through; ///< The member of the program that does it, if any.

  /// What a take and its give-back must agree on: through a member of
  /// another object, that object and the field (two limiters' members take
  /// two semaphores); on this one, the field, as a direct call names it.
  std::string key() const {
    return Named == Object ? Object->Key : Named->Key + "/" + Object->Key;
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
  bool Take = !TypeModel::has(T->Unlock, Member);
  if (Take && (TypeModel::has(T->TryLock, Member) ||
               !TypeModel::has(Semaphore ? T->Waits : T->Lock, Member)))
    return std::nullopt;
  return HoldOp{&S.Receiver, &S.Receiver, Take, Semaphore, ""};
}

bool isDestructor(const Function &F) {
  return !F.fact().IsLambda && splitMember(F.name()).second.starts_with("~");
}

using HoldOps = std::vector<std::pair<unsigned, HoldOp>>;

/// Whether give-back \p Back of \p F, one of \p Ops, follows no take of
/// what it gives back on every path: it gives back what \p F was entered
/// holding.
bool givesBackWhatItHeld(const Function &F, const HoldOps &Ops, unsigned Back,
                         const std::string &Key) {
  return llvm::none_of(Ops, [&](const auto &Take) {
    return Take.second.Take && Take.second.key() == Key &&
           F.dominates(Take.first, Back);
  });
}

/// Whether \p F can stand for the take or give-back it makes: a member
/// function the program calls by name. A constructor that takes is a
/// guard's, whose destructor gives back at every exit; a lambda is no
/// member.
bool canWrap(const Function &F) {
  return !F.fact().IsLambda && F.hasCfg() && !isConstructorName(F.name()) &&
         !isDestructor(F);
}

/// How far into the functions a call reaches a give-back is looked for.
constexpr unsigned GiveBackDepth = 3;

/// What the functions of the program do to mutexes and semaphores: the
/// members that only take one of their own object's, or only give one
/// back, on every path (a limiter's `acquire()` and `release()`), and what
/// each function gives back on some path, itself or through the functions
/// it calls.
class HoldSummaries {
public:
  explicit HoldSummaries(const Program &P) : P(P) {
    for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
      summarize(Fn);
    for (const CallEdge &E : P.edges())
      if (E.Kind == EdgeKind::Calls || E.Kind == EdgeKind::Awaits)
        CalleesAt[E.From].push_back(E.Callee);
    for (unsigned Round = 1; Round < GiveBackDepth; ++Round)
      for (const CallEdge &E : P.edges())
        if (E.Kind == EdgeKind::Calls || E.Kind == EdgeKind::Awaits) {
          auto It = GivesSome.find(E.Callee);
          if (It != GivesSome.end() && E.Callee != E.From.Function) {
            std::set<std::string> Keys = It->second;
            GivesSome[E.From.Function].insert(Keys.begin(), Keys.end());
          }
        }
  }

  /// The take or give-back site \p S makes, itself or through such a
  /// member.
  std::optional<HoldOp> opAt(const SiteFact &S) const {
    if (std::optional<HoldOp> Op = directOp(P.models(), S))
      return Op;
    std::optional<unsigned> Callee = calleeOf(S);
    auto It = Callee ? Wrappers.find(*Callee) : Wrappers.end();
    if (It == Wrappers.end())
      return std::nullopt;
    HoldOp Op = It->second;
    if (S.Receiver.isKnown())
      Op.Named = &S.Receiver;
    return Op;
  }

  /// Whether \p S calls a function that gives back \p Object (of any
  /// object of its class) without taking it first: what its caller holds.
  bool releasesHeld(const SiteFact &S, const ObjectRef &Object) const {
    std::optional<unsigned> Callee = calleeOf(S);
    auto It = Callee ? GivesHeld.find(*Callee) : GivesHeld.end();
    return It != GivesHeld.end() && It->second.count(Object.Key);
  }

  /// Whether \p S ends a local of a class whose destructor gives back a
  /// mutex or a semaphore (`~Unlocker() { s->release(); }`): which one is
  /// not followed, so it may be any.
  bool endsGuard(const SiteFact &S) const {
    return S.Kind == SiteKind::ScopeEnd && GuardClasses.count(S.Receiver.Type);
  }

  /// Whether site \p At lets go of \p Object in code it runs: a function it
  /// calls, or a callable it hands on (`pool_.post([this] { ...;
  /// inflight_.release(); })`), that gives it back (of any object of its
  /// class, for a field) on some path.
  bool givesBackThrough(SiteRef At, const ObjectRef &Object) const {
    const SiteFact &S = P.site(At);
    auto GivesBack = [&](unsigned Fn) {
      auto It = GivesSome.find(Fn);
      return It != GivesSome.end() && It->second.count(Object.Key);
    };
    if (std::optional<unsigned> Callee = calleeOf(S);
        Callee && GivesBack(*Callee))
      return true;
    // What the call graph says the site runs: a callable a `std::function`
    // field holds (`on_fail_()`), a member through a pointer, an override.
    auto Linked = CalleesAt.find(At);
    if (Linked != CalleesAt.end() && llvm::any_of(Linked->second, GivesBack))
      return true;
    // A local's end repeats its construction's arguments: the callable was
    // handed on where it was made.
    return S.Kind != SiteKind::ScopeEnd &&
           llvm::any_of(S.Args, [&](const ArgFact &A) {
             return !A.CallableUsr.empty() &&
                    llvm::any_of(P.callablesNamed(A.CallableUsr), GivesBack);
           });
  }

private:
  std::optional<unsigned> calleeOf(const SiteFact &S) const {
    if (S.Kind != SiteKind::Call || S.CalleeUsr.empty())
      return std::nullopt;
    return P.find(S.CalleeUsr);
  }

  void summarize(unsigned Fn) {
    const Function &F = P.function(Fn);
    HoldOps Ops;
    for (const SiteFact &S : F.fact().Sites)
      if (std::optional<HoldOp> Op = directOp(P.models(), S)) {
        if (!Op->Take)
          GivesSome[Fn].insert(Op->Object->Key);
        Ops.push_back({S.Id, *Op});
      }
    for (const auto &[Back, Op] : Ops)
      if (!Op.Take && givesBackWhatItHeld(F, Ops, Back, Op.key()))
        GivesHeld[Fn].insert(Op.key());
    if (isDestructor(F) && GivesSome.count(Fn))
      GuardClasses.insert(splitMember(F.name()).first.str());
    if (Ops.empty() || !canWrap(F))
      return;
    const HoldOp &First = Ops.front().second;
    // It does nothing else: a queue's `pop()` that takes a unit of its item
    // count and then the item is a channel's, not a lock's, and so is the
    // `push()` that gives one.
    bool OnlyThat = llvm::all_of(F.fact().Sites, [&](const SiteFact &S) {
      return (S.Kind != SiteKind::Call && S.Kind != SiteKind::ScopeBegin) ||
             llvm::any_of(Ops,
                          [&](const auto &Op) { return Op.first == S.Id; });
    });
    // Only one kind of call, on one field of the member's own object.
    bool OneUse = OnlyThat && llvm::all_of(Ops, [&](const auto &Op) {
                    const SiteFact &S = F.site(Op.first);
                    return Op.second.Take == First.Take &&
                           Op.second.Object->Key == First.Object->Key &&
                           S.Receiver.K == ObjectRef::Kind::Field &&
                           !S.OtherObject;
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
  std::set<std::string> GuardClasses;
  std::map<SiteRef, std::vector<unsigned>> CalleesAt;
  /// What each function gives back with no take of its own before.
  std::map<unsigned, std::set<std::string>> GivesHeld;
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
    HoldOps Ops;
    for (const SiteFact &S : F.fact().Sites)
      if (std::optional<HoldOp> Op = Holds.opAt(S))
        Ops.push_back({S.Id, std::move(*Op)});
    for (const auto &[Take, Op] : Ops)
      if (Op.Take)
        if (std::optional<LeakedHold> Leak = leakOf(Fn, Take, Op, Ops))
          Out.push_back(std::move(*Leak));
  }

private:
  /// The give-backs of what \p Op takes, when the function gives back only
  /// what it took first: one that no take comes before on every path gives
  /// back what the function was entered holding (leveldb's
  /// `mutex_.Unlock(); ...; mutex_.Lock();` in a member called with the
  /// mutex held), and such a function is meant to end holding it.
  std::set<unsigned> giveBacksAfterTakes(const Function &F, const HoldOp &Op,
                                         const HoldOps &Ops) const {
    std::string Key = Op.key();
    std::set<unsigned> GiveBacks;
    for (const auto &[Site, Other] : Ops)
      if (!Other.Take && Other.key() == Key)
        GiveBacks.insert(Site);
    bool Entered = llvm::any_of(GiveBacks, [&](unsigned Back) {
      return givesBackWhatItHeld(F, Ops, Back, Key);
    });
    return Entered ? std::set<unsigned>() : GiveBacks;
  }

  std::optional<LeakedHold> leakOf(unsigned Fn, unsigned Take, const HoldOp &Op,
                                   const HoldOps &Ops) const {
    const Function &F = P.function(Fn);
    std::set<unsigned> GiveBacks = giveBacksAfterTakes(F, Op, Ops);
    if (GiveBacks.empty())
      return std::nullopt;
    auto LetsGo = [&](const SiteFact &S) {
      return GiveBacks.count(S.Id) ||
             Holds.givesBackThrough({Fn, S.Id}, *Op.Object) ||
             Holds.endsGuard(S) || llvm::any_of(S.Args, [&](const ArgFact &A) {
               return A.Ref.isKnown() && A.Ref.Key == Op.Named->Key;
             });
    };
    // A loop that comes back to the take still holding the last turn's unit
    // consumes one per turn: a count of items, not a lock.
    if (F.reaches(Take, Take, LetsGo))
      return std::nullopt;
    auto Nothing = [](const SiteFact &) { return false; };
    const SourceLoc &Taken = F.site(Take).Loc;
    // Every way out that keeps it must be such a return: a path that keeps
    // it to the closing brace, or to a return after a give-back in the
    // code, says the function does not always mean to give it back.
    // `return true;` still holding it, from a function the program does not
    // call, takes it for code outside (`if (!empty()) return true;` in a
    // lock-if-ready); callers in the program show what they do with it.
    bool Uncalled = P.edgesInto(Fn).empty();
    std::optional<LeakedHold> Earliest;
    for (unsigned Block : F.exitsAfter(Take, LetsGo)) {
      const CfgBlockFact &Exit = F.fact().Cfg[Block];
      if (!Exit.Return || (Exit.ReturnsTrue && Uncalled) ||
          !F.dominatesBlock(Take, Block))
        return std::nullopt;
      auto Back = llvm::find_if(GiveBacks, [&](unsigned Back) {
        return inCodeBetween(Taken, *Exit.Return, F.site(Back).Loc) &&
               F.reaches(Take, Back, Nothing);
      });
      if (Back == GiveBacks.end())
        return std::nullopt;
      if (!Earliest || *Exit.Return < Earliest->Return)
        Earliest = LeakedHold{{Fn, Take}, {Fn, *Back},  *Exit.Return, *Op.Named,
                              *Op.Object, Op.Semaphore, Op.Through};
    }
    if (Earliest && callerGivesBack(Fn, Op))
      return std::nullopt;
    return Earliest;
  }

  /// Whether a caller of \p Fn gives back what \p Taken takes after the
  /// call: what a function returns holding is its caller's to let go.
  bool callerGivesBack(unsigned Fn, const HoldOp &Taken) const {
    // A caller that takes it again first (`s.size()` locking and unlocking
    // on its own) gives back its own take.
    auto TakesAgain = [&](const SiteFact &S) {
      std::optional<HoldOp> Op = Holds.opAt(S);
      return Op && Op->Take && Op->Object->Key == Taken.Object->Key;
    };
    for (unsigned E : P.edgesInto(Fn)) {
      const CallEdge &Edge = P.edges()[E];
      if (Edge.From.Function == Fn)
        continue;
      const Function &Caller = P.function(Edge.From.Function);
      for (const SiteFact &S : Caller.fact().Sites) {
        if (S.Id == Edge.From.Site ||
            S.CalleeUsr == P.function(Fn).fact().Usr ||
            !Caller.reaches(Edge.From.Site, S.Id, TakesAgain))
          continue;
        std::optional<HoldOp> Op = Holds.opAt(S);
        if ((Op && !Op->Take && Op->Object->Key == Taken.Object->Key) ||
            Holds.releasesHeld(S, *Taken.Object))
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
