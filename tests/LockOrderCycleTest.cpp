//===- LockOrderCycleTest.cpp - The rule on hand-built programs -----------===//

#include "FactsBuilder.h"
#include "corolint/rules/Rule.h"
#include <gtest/gtest.h>

using namespace corolint;
using namespace corolint::test;

namespace {

class LockOrderCycleTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(bool(Models.addJson(R"({"types": [
      {"name": "std::mutex", "role": "sync-mutex", "lock": ["lock"], "unlock": ["unlock"]},
      {"name": "std::lock_guard", "role": "sync-guard"},
      {"name": "amutex", "role": "async-mutex", "lock": ["lock"],
       "unlock": ["unlock"], "tryLock": ["try_lock"]},
      {"name": "Sem", "role": "resource", "resourceKind": "semaphore",
       "waits": ["acquire"], "signals": ["release"], "unlock": ["release"]}]})",
                                     "test")));
  }

  static ObjectRef mutex(const std::string &Name) {
    return global(Name, "std::mutex");
  }

  /// A function that takes \p First, then \p Second with the first held.
  static FunctionFact inOrder(const std::string &Fn, const ObjectRef &First,
                              const ObjectRef &Second, bool Coroutine = true) {
    FunctionBuilder B(Fn, Coroutine);
    ObjectRef G1 = local(Fn + "::g1", "std::lock_guard");
    ObjectRef G2 = local(Fn + "::g2", "std::lock_guard");
    B.scopeBegin(Body, G1, {argOf(0, First)});
    B.scopeBegin(Body, G2, {argOf(0, Second)});
    B.scopeEnd(Body, G2);
    B.scopeEnd(Body, G1);
    return B.build();
  }

  std::vector<Finding> check(std::vector<FunctionFact> Functions) {
    return runRule("lock-order-cycle", std::move(Functions), Models);
  }

  ApiModels Models;
  static constexpr unsigned Body = FunctionBuilder::Body;
};

TEST_F(LockOrderCycleTest, OppositeOrdersAreOneFinding) {
  std::vector<Finding> F = check({inOrder("open", mutex("a"), mutex("b")),
                                  inOrder("close", mutex("b"), mutex("a"))});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("'a' before 'b' in 'open'; 'b' before 'a' in "
                              "'close'"),
            std::string::npos)
      << F[0].Message;
  EXPECT_EQ(F[0].Resources, (std::vector<std::string>{"c:@a", "c:@b"}));
  ASSERT_EQ(F[0].Path.size(), 4u);
  EXPECT_EQ(F[0].Path[1].Message, "'b' acquired here while 'a' is held");
}

// `transfer(Account &from, Account &to)` locks `from.guard` then
// `to.guard`; main calls it as (a, b) and as (b, a): each call orders the
// objects it passes. Called the same way twice, one order.
TEST_F(LockOrderCycleTest, FieldsOfTwoParametersAreOrderedPerCall) {
  for (bool Swapped : {true, false}) {
    ObjectRef Field =
        object(ObjectRef::Kind::Field, "Account::guard", "std::mutex");
    ObjectRef From = Field, To = Field;
    From.ThroughParam = "c:@F@transfer#0";
    To.ThroughParam = "c:@F@transfer#1";
    ObjectRef A = local("main::a", "Account"), B = local("main::b", "Account");
    FunctionBuilder Main("main");
    Main.call(Body, "transfer", {}, {argOf(0, A), argOf(1, B)});
    Main.call(Body, "transfer", {},
              {argOf(0, Swapped ? B : A), argOf(1, Swapped ? A : B)});
    std::vector<Finding> F =
        check({inOrder("transfer", From, To), Main.build()});
    ASSERT_EQ(F.size(), Swapped ? 1u : 0u);
    if (!Swapped)
      continue;
    EXPECT_NE(F[0].Message.find("'a.guard' before 'b.guard' in 'transfer'; "
                                "'b.guard' before 'a.guard' in 'transfer'"),
              std::string::npos)
        << F[0].Message;
    EXPECT_EQ(F[0].Path[0].Message,
              "calls 'transfer' with 'a.guard' and 'b.guard'");
  }
}

TEST_F(LockOrderCycleTest, OneOrderEverywhereIsQuiet) {
  EXPECT_TRUE(check({inOrder("open", mutex("a"), mutex("b")),
                     inOrder("close", mutex("a"), mutex("b"))})
                  .empty());
}

TEST_F(LockOrderCycleTest, ReleaseBeforeTheSecondLockBreaksTheOrder) {
  FunctionBuilder B("close", true);
  ObjectRef G1 = local("close::g1", "std::lock_guard");
  ObjectRef G2 = local("close::g2", "std::lock_guard");
  B.scopeBegin(Body, G1, {argOf(0, mutex("b"))});
  B.scopeEnd(Body, G1);
  B.scopeBegin(Body, G2, {argOf(0, mutex("a"))});
  B.scopeEnd(Body, G2);
  EXPECT_TRUE(
      check({inOrder("open", mutex("a"), mutex("b")), B.build()}).empty());
}

TEST_F(LockOrderCycleTest, OrderThroughACallCounts) {
  FunctionBuilder Helper("take_a");
  ObjectRef G = local("take_a::g", "std::lock_guard");
  Helper.scopeBegin(Body, G, {argOf(0, mutex("a"))});
  Helper.scopeEnd(Body, G);
  FunctionBuilder Close("close", true);
  ObjectRef G1 = local("close::g1", "std::lock_guard");
  Close.scopeBegin(Body, G1, {argOf(0, mutex("b"))});
  Close.call(Body, "take_a");
  Close.scopeEnd(Body, G1);
  std::vector<Finding> F = check(
      {inOrder("open", mutex("a"), mutex("b")), Close.build(), Helper.build()});
  ASSERT_EQ(F.size(), 1u);
  bool SawCall = false;
  for (const PathStep &S : F[0].Path)
    SawCall |= S.Message == "calls 'take_a' with 'b' held";
  EXPECT_TRUE(SawCall);
}

// `each(const std::function<void()> &visit)` takes `b` and calls `visit`:
// what `close` passes it runs with `b` held, though the call graph links it
// from `close`'s call. A visitor passed to a function that calls it with
// no lock held orders nothing.
TEST_F(LockOrderCycleTest, VisitorCalledWithTheLockHeldCounts) {
  for (bool Held : {true, false}) {
    FunctionBuilder Each("each");
    ObjectRef G = local("each::g", "std::lock_guard");
    if (Held)
      Each.scopeBegin(Body, G, {argOf(0, mutex("b"))});
    Each.call(Body, "std::function::operator()",
              param("each", 0, "visit", "std::function"));
    if (Held)
      Each.scopeEnd(Body, G);
    FunctionBuilder Close("close", true), Visitor("visitor");
    Close.pass(Body, "each", 0, "visitor");
    ObjectRef GA = local("visitor::g", "std::lock_guard");
    Visitor.scopeBegin(Body, GA, {argOf(0, mutex("a"))});
    Visitor.scopeEnd(Body, GA);
    std::vector<Finding> F =
        check({inOrder("open", mutex("a"), mutex("b")), Each.build(),
               Close.build(), Visitor.build()});
    EXPECT_EQ(F.size(), Held ? 1u : 0u);
  }
}

TEST_F(LockOrderCycleTest, AsyncTryLockAddsNoOrder) {
  ObjectRef A = global("a", "amutex"), Bm = global("b", "amutex");
  FunctionBuilder Open("open", true);
  Open.call(Body, "amutex::lock", A);
  Open.call(Body, "amutex::lock", Bm);
  FunctionBuilder Close("close", true);
  Close.call(Body, "amutex::lock", Bm);
  Close.call(Body, "amutex::try_lock", A);
  EXPECT_TRUE(check({Open.build(), Close.build()}).empty());
  FunctionBuilder Blocking("close", true);
  Blocking.call(Body, "amutex::lock", Bm);
  Blocking.call(Body, "amutex::lock", A);
  EXPECT_EQ(check({Open.build(), Blocking.build()}).size(), 1u);
}

/// A coroutine that takes a unit of \p S around a lock of \p M, or the
/// other way round; with \p GiveBack false it keeps the unit.
static FunctionFact semaphoreAndMutex(const std::string &Fn, const ObjectRef &S,
                                      const ObjectRef &M, bool SemaphoreFirst,
                                      bool GiveBack) {
  FunctionBuilder B(Fn, true);
  unsigned Body = FunctionBuilder::Body;
  if (!SemaphoreFirst)
    B.call(Body, "amutex::lock", M);
  B.call(Body, "Sem::acquire", S);
  if (SemaphoreFirst)
    B.call(Body, "amutex::lock", M);
  if (GiveBack)
    B.call(Body, "Sem::release", S);
  return B.build();
}

TEST_F(LockOrderCycleTest, SemaphoreGivenBackIsALock) {
  ObjectRef S = global("s", "Sem"), M = global("m", "amutex");
  std::vector<Finding> F =
      check({semaphoreAndMutex("open", S, M, true, true),
             semaphoreAndMutex("close", S, M, false, true)});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("'m' before 's' in 'close'; 's' before 'm' in "
                              "'open'"),
            std::string::npos)
      << F[0].Message;
}

// A unit taken for good is an event consumed, not a lock held.
TEST_F(LockOrderCycleTest, SemaphoreKeptIsNoLock) {
  ObjectRef S = global("s", "Sem"), M = global("m", "amutex");
  EXPECT_TRUE(check({semaphoreAndMutex("open", S, M, true, false),
                     semaphoreAndMutex("close", S, M, false, false)})
                  .empty());
}

TEST_F(LockOrderCycleTest, PlainThreadFunctionsAreNotReported) {
  EXPECT_TRUE(check({inOrder("open", mutex("a"), mutex("b"), false),
                     inOrder("close", mutex("b"), mutex("a"), false)})
                  .empty());
}

// The same functions handed to an executor as tasks (`pool.post(f)`,
// `post(pool, f)`, a loop API given a pool) are a pool's work: a deadlock
// there stops the pool. Handed to two threads' constructors, they run at
// once as well.
TEST_F(LockOrderCycleTest, PoolTasksAndThreadsAreReported) {
  ASSERT_FALSE(bool(Models.addJson(R"({"functions": [
      {"name": "pool::post", "offload": 0},
      {"name": "post", "loopCallback": 1,
       "offloadWhenArgType": {"arg": 0, "types": ["thread_pool"]}},
      {"name": "std::thread::thread", "offload": 0}]})",
                                   "test")));
  for (const char *How : {"member", "free", "thread"}) {
    FunctionBuilder Main("main");
    for (const char *Task : {"open", "close"}) {
      ArgFact Callable;
      Callable.CallableUsr = std::string("c:@F@") + Task;
      if (llvm::StringRef(How) == "member") {
        Main.call(Body, "pool::post", global("workers", "pool"), {Callable});
      } else if (llvm::StringRef(How) == "free") {
        Callable.Index = 1;
        Main.call(Body, "post", {}, {argType(0, "thread_pool"), Callable});
      } else {
        Main.call(Body, "std::thread::thread",
                  local(std::string("main::") + Task, "std::thread"),
                  {Callable});
      }
    }
    FunctionFact MainFact = Main.build();
    if (llvm::StringRef(How) == "thread")
      for (SiteFact &S : MainFact.Sites)
        S.IsConstructor = true;
    std::vector<Finding> F =
        check({MainFact, inOrder("open", mutex("a"), mutex("b"), false),
               inOrder("close", mutex("b"), mutex("a"), false)});
    EXPECT_EQ(F.size(), 1u) << How;
  }
  // An order `main` takes itself, before it posts the task that takes the
  // other, never overlaps it.
  FunctionFact MainFact = inOrder("main", mutex("a"), mutex("b"), false);
  ArgFact Close;
  Close.CallableUsr = "c:@F@close";
  FunctionBuilder Post("poster");
  Post.call(Body, "pool::post", global("workers", "pool"), {Close});
  EXPECT_TRUE(check({MainFact, Post.build(),
                     inOrder("close", mutex("b"), mutex("a"), false)})
                  .empty());
}

// One thread that runs both orders takes them one after the other; two
// threads that each run both can take them at once.
TEST_F(LockOrderCycleTest, OrdersOfOneThreadAreQuietAndOfTwoAreNot) {
  ASSERT_FALSE(bool(Models.addJson(
      R"({"functions": [{"name": "std::thread::thread", "offload": 0}]})",
      "test")));
  FunctionBuilder Both("both");
  Both.call(Body, "open");
  Both.call(Body, "close");
  FunctionFact BothFact = Both.build();
  for (unsigned Threads : {1u, 2u}) {
    FunctionBuilder Main("main");
    for (unsigned I = 0; I < Threads; ++I) {
      ArgFact Callable;
      Callable.CallableUsr = "c:@F@both";
      Main.call(Body, "std::thread::thread",
                local("main::t" + std::to_string(I), "std::thread"),
                {Callable});
    }
    FunctionFact MainFact = Main.build();
    for (SiteFact &S : MainFact.Sites)
      S.IsConstructor = true;
    std::vector<Finding> F = check(
        {MainFact, BothFact, inOrder("open", mutex("a"), mutex("b"), false),
         inOrder("close", mutex("b"), mutex("a"), false)});
    EXPECT_EQ(F.size(), Threads == 1 ? 0u : 1u) << Threads;
  }
}

// A ring of N mutexes, each coroutine taking m[i] then m[i+1]: one cycle
// through all of them, reported once. The acyclic chain beside it costs a
// walk and nothing more.
TEST_F(LockOrderCycleTest, LargeRingIsOneFindingAndChainIsNone) {
  const unsigned N = 3000;
  std::vector<FunctionFact> Ring, Chain;
  for (unsigned I = 0; I < N; ++I) {
    std::string Id = std::to_string(I);
    Ring.push_back(inOrder("ring" + Id, mutex("r" + Id),
                           mutex("r" + std::to_string((I + 1) % N))));
    Chain.push_back(inOrder("chain" + Id, mutex("c" + Id),
                            mutex("c" + std::to_string(I + 1))));
  }
  std::vector<Finding> F = check(Ring);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Resources.size(), N);
  EXPECT_TRUE(check(Chain).empty());
}

// N functions each holding m(i) while taking m(i+1), the last closing the
// ring: one finding, and the component search follows each order edge once.
TEST_F(LockOrderCycleTest, ComponentSearchWorkIsLinearOnALongRing) {
  const int N = 1000;
  std::vector<FunctionFact> Ring;
  for (int I = 0; I < N; ++I)
    Ring.push_back(inOrder("f" + std::to_string(I),
                           mutex("m" + std::to_string(I)),
                           mutex("m" + std::to_string((I + 1) % N))));
  EXPECT_EQ(check(Ring).size(), 1u);
  EXPECT_LE(ruleWork("lock-order-cycle", Ring, Models), 10u * N);
}

// N scoped guards of one mutex after another in one function: each guard's
// search for what is taken while it is held stops at its release.
TEST_F(LockOrderCycleTest, HeldSiteSearchIsLinearInSequentialGuards) {
  auto Sequential = [&](unsigned N) {
    FunctionBuilder B("f");
    ObjectRef G = local("f::g", "std::lock_guard");
    for (unsigned I = 0; I < N; ++I) {
      B.scopeBegin(FunctionBuilder::Body, G, {argOf(0, mutex("m"))});
      B.scopeEnd(FunctionBuilder::Body, G);
    }
    return std::vector<FunctionFact>{B.build()};
  };
  uint64_t Small = ruleWork("lock-order-cycle", Sequential(1000), Models);
  uint64_t Large = ruleWork("lock-order-cycle", Sequential(2000), Models);
  EXPECT_LE(Large, 2 * Small + 10);
}

} // namespace
