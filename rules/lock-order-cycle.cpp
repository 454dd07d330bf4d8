//===- lock-order-cycle.cpp - Mutexes taken in inconsistent orders --------===//
//
// Flags mutexes that coroutines or threads acquire in inconsistent orders, so
// that two of them can each hold one and wait forever for the other.
//
// The lock-order graph has an edge A -> B when some function holds A (on the
// CFG: no release between) where it acquires B, itself or through any depth
// of calls and awaits. A cycle in it is a possible deadlock. Try-locks never
// wait, so they add no edge into their mutex (but count as held). Mutexes a
// single guard takes together (`std::scoped_lock lk(a, b)`) are taken by a
// deadlock-avoiding algorithm and are not ordered. Cycles are reported when
// one of their orders is taken by loop code (a coroutine or a function the
// loop runs) or involves an async mutex, when every order is taken by a task
// handed to an executor, and when every order is taken on a thread the
// program starts, two of them on threads that can run at once.
//
//===----------------------------------------------------------------------===//

#include "corolint/program/Locks.h"
#include "corolint/program/Threads.h"
#include "corolint/rules/Digraph.h"
#include "corolint/rules/Rule.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <map>
#include <set>

namespace corolint {
namespace {

/// One step down to an acquisition: a call (Callee set) or the acquisition.
struct AcquireHop {
  SiteRef At;
  std::optional<unsigned> Callee;
};

/// Held -> Taken, with where each happened.
struct OrderEdge {
  std::string Held, Taken;
  std::string HeldName, TakenName;
  SiteRef HeldAt;
  /// From the site in HeldAt's function down to the acquisition of Taken.
  std::vector<AcquireHop> TakenChain;
  bool LoopCode = false;
  /// For an order between mutexes of two parameters (`from.guard` before
  /// `to.guard`): the call that passes the objects the names are theirs.
  std::optional<SiteRef> BoundBy;
  /// Taken by a task handed to an executor (ExecutionContext::Pool).
  bool PoolTask = false;
};

/// Function F holds the mutex its parameter From's field names where it
/// takes the same field of parameter To.
struct ParameterOrder {
  const LockAcquisition *Held = nullptr;
  const LockAcquisition *Taken = nullptr;
  unsigned From = 0, To = 0;
};

/// A mutex a function acquires: its name, whether it is async, and the
/// chain of hops down to the acquisition.
struct Acquired {
  std::string Name;
  bool Async = false;
  std::vector<AcquireHop> Chain;
};
using Acquires = std::map<std::string, Acquired>; // By mutex key.

class LockOrderGraph {
public:
  explicit LockOrderGraph(const Program &P) : P(P) {}
  uint64_t sitesVisited() const { return SitesVisited; }

  void build() {
    size_t N = P.functions().size();
    Found.resize(N);
    Direct.resize(N);
    CallsAt.resize(N);
    for (unsigned F = 0; F < N; ++F) {
      Found[F] = findLockAcquisitions(P, F);
      for (const LockAcquisition &A : Found[F])
        if (!A.Try)
          for (const auto &[Key, Name] : mutexesOf(F, A))
            Direct[F].insert({Key, {Name, A.Async, {{{F, A.Site}, {}}}}});
    }
    for (const CallEdge &E : P.edges())
      if (E.Kind == EdgeKind::Calls || E.Kind == EdgeKind::Awaits)
        CallsAt[E.From.Function][E.From.Site].push_back(E.Callee);
    // `with_series(fn)` taking its mutex and calling `fn`: what the callers
    // pass runs while the mutex is held, though the call graph links it
    // from each caller. Only callers on a thread or a loop: `main`'s own
    // orders, taken before or beside the threads, are not counted.
    auto OnThreadOrLoop = [&](unsigned Caller) {
      const ExecutionContext &C = P.context(Caller);
      return C.Loop || C.Worker;
    };
    for (unsigned F = 0; F < N; ++F)
      for (const SiteFact &S : P.function(F).fact().Sites)
        if (std::vector<unsigned> Passed =
                P.invokedParameterCallables({F, S.Id}, OnThreadOrLoop);
            !Passed.empty())
          llvm::append_range(CallsAt[F][S.Id], Passed);
    for (unsigned F = 0; F < N; ++F)
      addEdgesOf(F);
  }

  const std::map<std::pair<std::string, std::string>, OrderEdge> &
  edges() const {
    return Edges;
  }

private:
  std::vector<std::pair<std::string, std::string>>
  mutexesOf(unsigned F, const LockAcquisition &A) const {
    std::vector<std::pair<std::string, std::string>> Keys;
    for (const ObjectRef *M : A.Mutexes) {
      // `from.mutex()` in `transfer(Account &from, Account &to)`: each call
      // binds it to one object, which addBoundOrders pairs with the one it
      // binds `to.mutex()` to; resolved alone, every caller's would pair
      // with every other's. So would every construction's of a class that
      // keeps `Account &from_`.
      bool PerCall = M->AccessorOf && ownParameter(F, *M);
      std::vector<ObjectRef> Objects;
      if (!PerCall)
        Objects = P.resolve(F, *M);
      if (PerCall || (M->AccessorOf && Objects.size() > 1)) {
        Keys.push_back({M->Key, M->spelledName()});
        continue;
      }
      for (const ObjectRef &R : Objects)
        Keys.push_back({R.Key, R.spelledName()});
    }
    return Keys;
  }

  /// What calling \p G can acquire, through any depth of calls: a
  /// breadth-first walk from G, computed only for functions called with a
  /// lock held, and once each. Each mutex keeps the shortest chain found.
  const Acquires &reachableFrom(unsigned G) {
    auto [It, New] = Reachable.try_emplace(G);
    if (!New)
      return It->second;
    Acquires &Result = It->second;
    std::map<unsigned, AcquireHop> Parent; // Function -> the call into it.
    std::vector<unsigned> Frontier{G};
    Parent[G] = {};
    while (!Frontier.empty()) {
      std::vector<unsigned> Next;
      for (unsigned F : Frontier) {
        for (const auto &[Key, Own] : Direct[F])
          if (!Result.count(Key))
            Result[Key] = {Own.Name, Own.Async, chainTo(G, F, Parent, Own)};
        for (const auto &[Site, Callees] : CallsAt[F])
          for (unsigned Callee : Callees)
            if (Parent.try_emplace(Callee, AcquireHop{{F, Site}, Callee})
                    .second)
              Next.push_back(Callee);
      }
      Frontier = std::move(Next);
    }
    return Result;
  }

  static std::vector<AcquireHop>
  chainTo(unsigned G, unsigned F, const std::map<unsigned, AcquireHop> &Parent,
          const Acquired &Own) {
    std::vector<AcquireHop> Chain{Own.Chain};
    for (unsigned At = F; At != G;) {
      const AcquireHop &Call = Parent.at(At);
      Chain.insert(Chain.begin(), Call);
      At = Call.At.Function;
    }
    return Chain;
  }

  void addEdgesOf(unsigned F) {
    const Function &Fn = P.function(F);
    if (Found[F].empty() || !Fn.hasCfg())
      return;
    bool LoopCode = Fn.isCoroutine() || P.context(F).Loop;
    // One search per acquisition for every site it is held at, then the
    // acquisitions and calls among those: linear in the sites a lock
    // covers, where a search per pair of acquisitions was quadratic.
    std::map<unsigned, const LockAcquisition *> AcquisitionAt;
    for (const LockAcquisition &B : Found[F])
      AcquisitionAt.emplace(B.Site, &B);
    std::vector<ParameterOrder> ParameterOrders;
    for (const LockAcquisition &A : Found[F]) {
      auto Releases = [&](const SiteFact &S) { return releasesLock(S, A); };
      std::vector<unsigned> HeldAt;
      Fn.visitReachable(A.Site, Releases, [&](unsigned Site) {
        ++SitesVisited;
        if (Site != A.Site)
          HeldAt.push_back(Site);
      });
      llvm::sort(HeldAt);
      std::vector<std::pair<std::string, std::string>> HeldKeys =
          mutexesOf(F, A);
      auto Add = [&](const std::string &Key, const Acquired &Taken,
                     std::vector<AcquireHop> Chain) {
        for (const auto &[HeldKey, HeldName] : HeldKeys)
          if (Key != HeldKey)
            addEdge({HeldKey,
                     Key,
                     HeldName,
                     Taken.Name,
                     {F, A.Site},
                     Chain,
                     LoopCode || A.Async || Taken.Async,
                     std::nullopt,
                     P.context(F).Pool});
      };
      for (unsigned Site : HeldAt) {
        auto B = AcquisitionAt.find(Site);
        if (B == AcquisitionAt.end() || B->second->Try)
          continue;
        for (const auto &[Key, Name] : mutexesOf(F, *B->second)) {
          Acquired Own{Name, B->second->Async, {{{F, Site}, {}}}};
          Add(Key, Own, Own.Chain);
        }
        if (std::optional<ParameterOrder> O = parameterOrder(F, A, *B->second))
          ParameterOrders.push_back(*O);
      }
      for (unsigned Site : HeldAt) {
        auto Calls = CallsAt[F].find(Site);
        if (Calls == CallsAt[F].end())
          continue;
        for (unsigned Callee : Calls->second)
          for (const auto &[Key, Taken] : reachableFrom(Callee)) {
            std::vector<AcquireHop> Chain{{{F, Site}, Callee}};
            Chain.insert(Chain.end(), Taken.Chain.begin(), Taken.Chain.end());
            Add(Key, Taken, std::move(Chain));
          }
      }
    }
    addBoundOrders(F, ParameterOrders, LoopCode);
  }

  /// Mutex \p Held, held where \p Taken is acquired, in function \p F:
  /// the same field of two of its parameters (`from.guard`, `to.guard`).
  std::optional<ParameterOrder>
  parameterOrder(unsigned F, const LockAcquisition &Held,
                 const LockAcquisition &Taken) const {
    if (Held.Mutexes.size() != 1 || Taken.Mutexes.size() != 1)
      return std::nullopt;
    const ObjectRef &First = *Held.Mutexes.front();
    const ObjectRef &Second = *Taken.Mutexes.front();
    std::optional<unsigned> From = ownParameter(F, First);
    std::optional<unsigned> To = ownParameter(F, Second);
    if (!From || !To || *From == *To || member(First) != member(Second))
      return std::nullopt;
    return ParameterOrder{&Held, &Taken, *From, *To};
  }

  /// `transfer(Account &from, Account &to)` locking `from.guard` then
  /// `to.guard`: the field is one key, but each call orders the objects it
  /// passes (`transfer(alice, bob)`, `transfer(bob, alice)`). An order
  /// between the same field of two parameters is added once per call that
  /// names an object for each. A function that takes them in either order
  /// (by id, in two branches) orders nothing; nor do calls that pass them
  /// either way on branches that exclude each other (`if (a.id < b.id)
  /// move(a, b); else move(b, a);`).
  void addBoundOrders(unsigned F, const std::vector<ParameterOrder> &Orders,
                      bool LoopCode) {
    for (const ParameterOrder &O : Orders) {
      if (llvm::any_of(Orders, [&](const ParameterOrder &Other) {
            return Other.From == O.To && Other.To == O.From;
          }))
        continue;
      std::vector<std::pair<const CallEdge *, std::pair<ObjectRef, ObjectRef>>>
          Bound;
      for (unsigned EdgeIndex : P.edgesInto(F)) {
        const CallEdge &E = P.edges()[EdgeIndex];
        // Only a call of F itself binds its parameters to what it names: a
        // table's call (`ops_.at(name)(a, b)`) may run another entry.
        if (!P.passesArguments(E) || P.invokesHeldCallable(E))
          continue;
        std::optional<ObjectRef> A = passedAt(E, O.From), B = passedAt(E, O.To);
        if (A && B && A->Key != B->Key)
          Bound.push_back({&E, {*A, *B}});
      }
      for (const auto &[E, Objects] : Bound) {
        if (llvm::any_of(Bound, [&](const auto &Other) {
              return Other.second.first.Key == Objects.second.Key &&
                     Other.second.second.Key == Objects.first.Key &&
                     excludeEachOther(E->From, Other.first->From);
            }))
          continue;
        addBoundOrder(F, O, *E, Objects.first, Objects.second, LoopCode);
      }
    }
  }

  /// Whether no run of their function passes both \p A and \p B.
  bool excludeEachOther(SiteRef A, SiteRef B) const {
    if (A.Function != B.Function)
      return false;
    const Function &Fn = P.function(A.Function);
    auto None = [](const SiteFact &) { return false; };
    return Fn.hasCfg() && !Fn.reaches(A.Site, B.Site, None) &&
           !Fn.reaches(B.Site, A.Site, None);
  }

  /// What \p Mutex is of the parameter it is reached through: its field
  /// (`.guard`: the field's key) or its accessor (`->mutex()`, as
  /// Program::resolveAccessor appends it).
  static llvm::StringRef member(const ObjectRef &Mutex) {
    return Mutex.AccessorOf ? accessorSuffix(Mutex).first
                            : llvm::StringRef(Mutex.Key);
  }

  void addBoundOrder(unsigned F, const ParameterOrder &O, const CallEdge &E,
                     const ObjectRef &A, const ObjectRef &B, bool LoopCode) {
    const ObjectRef &Field = *O.Held->Mutexes.front();
    std::string Key = "." + Field.Key, Name = Field.spelledName();
    Name = "." + Name.substr(Name.rfind(':') + 1);
    if (Field.AccessorOf) {
      // Named as the caller's own `alice.mutex()` is.
      auto [AccessorKey, AccessorName] = accessorSuffix(Field);
      Key = AccessorKey.str();
      Name = AccessorName.str();
    }
    addEdge({A.Key + Key,
             B.Key + Key,
             A.spelledName() + Name,
             B.spelledName() + Name,
             {F, O.Held->Site},
             {{{F, O.Taken->Site}, {}}},
             LoopCode || O.Held->Async || O.Taken->Async,
             E.From,
             P.context(F).Pool});
  }

  /// The index of the parameter of \p F that \p Field is reached through.
  std::optional<unsigned> ownParameter(unsigned F,
                                       const ObjectRef &Field) const {
    return P.function(F).parameterReachedThrough(Field);
  }

  /// The one named object call \p E passes as parameter \p Index.
  std::optional<ObjectRef> passedAt(const CallEdge &E, unsigned Index) const {
    const ArgFact *A = P.argBinding(E, Index);
    if (!A || !A->Ref.isKnown())
      return std::nullopt;
    std::vector<ObjectRef> Objects = P.resolve(E.From.Function, A->Ref);
    if (Objects.size() == 1 && Objects.front().K != ObjectRef::Kind::Param)
      return Objects.front();
    return std::nullopt;
  }

  /// The first witness of an order is kept; one from loop code is
  /// preferred, then one from a pool's task.
  void addEdge(OrderEdge E) {
    auto Rank = [](const OrderEdge &O) { return 2 * O.LoopCode + O.PoolTask; };
    auto [It, New] = Edges.insert({{E.Held, E.Taken}, E});
    if (!New && Rank(E) > Rank(It->second))
      It->second = std::move(E);
  }

  const Program &P;
  /// Sites the searches for held locks visited (Rule::work()).
  uint64_t SitesVisited = 0;
  std::vector<std::vector<LockAcquisition>> Found;
  std::vector<Acquires> Direct;
  /// Per function: call site -> the functions it calls or awaits.
  std::vector<std::map<unsigned, std::vector<unsigned>>> CallsAt;
  std::map<unsigned, Acquires> Reachable;
  std::map<std::pair<std::string, std::string>, OrderEdge> Edges;
};

/// Strongly connected components of the lock-order graph, each as its set
/// of mutex keys; \p Work counts the edges the search followed.
std::vector<std::set<std::string>>
components(const std::map<std::string, std::vector<std::string>> &Succs,
           uint64_t &Work) {
  std::vector<std::string> Keys;
  std::map<std::string, unsigned> IndexOf;
  for (const auto &Entry : Succs) {
    IndexOf[Entry.first] = Keys.size();
    Keys.push_back(Entry.first);
  }
  Digraph G(Keys.size());
  for (const auto &[From, Tos] : Succs)
    for (const std::string &To : Tos)
      G.addEdge(IndexOf.at(From), IndexOf.at(To));
  std::vector<std::set<std::string>> Result;
  for (const std::vector<unsigned> &Component : G.components()) {
    Result.emplace_back();
    for (unsigned I : Component)
      Result.back().insert(Keys[I]);
  }
  Work += G.edgesWalked();
  return Result;
}

/// The shortest cycle through \p Start inside \p Component.
std::vector<const OrderEdge *>
shortestCycle(const LockOrderGraph &G, const std::string &Start,
              const std::set<std::string> &Component,
              const std::map<std::string, std::vector<std::string>> &Succs) {
  std::map<std::string, const OrderEdge *> ReachedBy;
  std::vector<std::string> Frontier{Start};
  while (!Frontier.empty() && !ReachedBy.count(Start)) {
    std::vector<std::string> Next;
    for (const std::string &N : Frontier)
      for (const std::string &To : Succs.at(N))
        if (Component.count(To) && !ReachedBy.count(To)) {
          ReachedBy[To] = &G.edges().at({N, To});
          Next.push_back(To);
        }
    Frontier = std::move(Next);
  }
  std::vector<const OrderEdge *> Cycle;
  for (std::string At = Start;
       ReachedBy.count(At) && Cycle.size() < Component.size();) {
    Cycle.push_back(ReachedBy[At]);
    At = ReachedBy[At]->Held;
    if (At == Start)
      break;
  }
  std::reverse(Cycle.begin(), Cycle.end());
  return Cycle;
}

std::string describeOrder(const Program &P, const OrderEdge &E) {
  return "'" + E.HeldName + "' before '" + E.TakenName + "' in '" +
         P.function(E.HeldAt.Function).name().str() + "'";
}

Finding makeFinding(const Program &P,
                    const std::vector<const OrderEdge *> &Cycle) {
  Finding R;
  R.Severity = Level::Warning;
  const OrderEdge &First = *Cycle.front();
  R.Loc = P.site(First.TakenChain.front().At).Loc;
  R.Function = P.function(First.HeldAt.Function).name().str();
  std::vector<std::string> Orders;
  for (const OrderEdge *E : Cycle)
    Orders.push_back(describeOrder(P, *E));
  R.Message = "possible deadlock: mutexes are acquired in inconsistent "
              "orders (" +
              llvm::join(Orders, "; ") +
              "); tasks taking them concurrently can each hold one and wait "
              "forever for the other; take them in one order everywhere";
  for (const OrderEdge *E : Cycle) {
    R.Resources.push_back(E->Held);
    if (E->BoundBy)
      R.Path.push_back(
          {P.site(*E->BoundBy).Loc,
           "calls '" + P.function(E->HeldAt.Function).name().str() +
               "' with '" + E->HeldName + "' and '" + E->TakenName + "'"});
    R.Path.push_back(
        {P.site(E->HeldAt).Loc, "'" + E->HeldName + "' acquired here"});
    for (const AcquireHop &Hop : E->TakenChain)
      R.Path.push_back({P.site(Hop.At).Loc,
                        Hop.Callee
                            ? "calls '" + P.function(*Hop.Callee).name().str() +
                                  "' with '" + E->HeldName + "' held"
                            : "'" + E->TakenName + "' acquired here while '" +
                                  E->HeldName + "' is held"});
  }
  std::sort(R.Resources.begin(), R.Resources.end());
  return R;
}

/// Whether the orders of \p Cycle are all taken on threads the program
/// starts, two of them on threads that can run at once (runAtOnce). One
/// thread taking every order takes them one after the other.
bool takenByConcurrentThreads(const Program &P,
                              const std::vector<const OrderEdge *> &Cycle,
                              uint64_t &Work) {
  std::vector<std::set<unsigned>> Threads;
  for (const OrderEdge *E : Cycle) {
    Threads.push_back(startsReaching(P, E->HeldAt.Function, Work));
    if (Threads.back().empty())
      return false;
  }
  for (size_t I = 0; I < Threads.size(); ++I)
    for (size_t J = I + 1; J < Threads.size(); ++J)
      for (unsigned A : Threads[I])
        for (unsigned B : Threads[J])
          if (runAtOnce(P, P.edges()[A].From, P.edges()[B].From))
            return true;
  return false;
}

class LockOrderCycleRule : public Rule {
public:
  void check(const Program &P, std::vector<Finding> &Out) const override {
    LockOrderGraph G(P);
    G.build();
    Work += G.sitesVisited();
    std::map<std::string, std::vector<std::string>> Succs;
    for (const auto &[Pair, Edge] : G.edges()) {
      Succs[Pair.first].push_back(Pair.second);
      Succs[Pair.second];
    }
    for (const std::set<std::string> &Component : components(Succs, Work)) {
      if (Component.size() < 2)
        continue;
      // The smallest key starts the cycle: the same cycle is reported at
      // the same place whatever the order of the input.
      std::vector<const OrderEdge *> Cycle =
          shortestCycle(G, *Component.begin(), Component, Succs);
      // One order taken by loop code makes the cycle the loop's; among a
      // pool's tasks or the threads the program starts, every order must be
      // one (an order `main` takes before it posts any task or starts any
      // thread never overlaps them).
      bool LoopCode =
          llvm::any_of(Cycle, [](const OrderEdge *E) { return E->LoopCode; });
      bool PoolTasks = llvm::all_of(
          Cycle, [](const OrderEdge *E) { return E->LoopCode || E->PoolTask; });
      if (Cycle.size() >= 2 &&
          (LoopCode || PoolTasks || takenByConcurrentThreads(P, Cycle, Work)))
        Out.push_back(makeFinding(P, Cycle));
    }
  }
};

} // namespace

std::unique_ptr<Rule> createLockOrderCycleRule() {
  return std::make_unique<LockOrderCycleRule>();
}

} // namespace corolint
