//===- WaitCycleTest.cpp - The wait graph and the rule, by hand -----------===//

#include "FactsBuilder.h"
#include "corolint/rules/Rule.h"
#include "corolint/program/WaitGraph.h"
#include <gtest/gtest.h>

using namespace corolint;
using namespace corolint::test;

namespace {

class WaitCycleTest : public ::testing::Test {
public:
  void SetUp() override {
    ASSERT_FALSE(bool(Models.addJson(R"({"types": [
      {"name": "Event", "role": "resource", "resourceKind": "event",
       "waits": ["operator co_await"], "signals": ["set"]},
      {"name": "Sem", "role": "resource", "resourceKind": "semaphore",
       "waits": ["acquire"], "signals": ["release"], "unlock": ["release"]}]})",
                                     "test")));
  }

  std::vector<Finding> check(std::vector<FunctionFact> Functions) {
    return runRule("wait-cycle", std::move(Functions), Models);
  }

  /// A coroutine that waits on \p Wait, then sets \p Set.
  FunctionFact waitThenSet(std::string Name, const ObjectRef &Wait,
                           const ObjectRef &Set) {
    FunctionBuilder B(std::move(Name), true);
    B.awaitObject(Body, Wait);
    B.call(Body, "Event::set", Set);
    return B.build();
  }

  /// A coroutine that takes a unit of \p Take, then releases \p Release.
  FunctionFact takeThenRelease(std::string Name, const ObjectRef &Take,
                               const ObjectRef &Release) {
    FunctionBuilder B(std::move(Name), true);
    B.call(Body, "Sem::acquire", Take);
    B.call(Body, "Sem::release", Release);
    return B.build();
  }

  ApiModels Models;
  ObjectRef A = global("a", "Event"), B = global("b", "Event"),
            C = global("c", "Event");
  static constexpr unsigned Body = FunctionBuilder::Body;
};

TEST_F(WaitCycleTest, TwoCoroutinesWaitingOnEachOtherAreOneDeadlock) {
  std::vector<Finding> F =
      check({waitThenSet("x", A, B), waitThenSet("y", B, A)});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Severity, Level::Error);
  EXPECT_EQ(F[0].Path.size(), 4u);
  EXPECT_EQ(F[0].Resources, (std::vector<std::string>{"c:@a", "c:@b"}));
}

TEST_F(WaitCycleTest, SignalBeforeWaitBreaksTheCycle) {
  FunctionBuilder Y("y", true);
  Y.call(Body, "Event::set", A);
  Y.awaitObject(Body, B);
  EXPECT_TRUE(check({waitThenSet("x", A, B), Y.build()}).empty());
}

TEST_F(WaitCycleTest, FreeThirdSignallerBreaksTheCycle) {
  FunctionBuilder Kick("kick");
  Kick.call(Body, "Event::set", A);
  EXPECT_TRUE(
      check({waitThenSet("x", A, B), waitThenSet("y", B, A), Kick.build()})
          .empty());
}

// A signal on a branch that skips the wait could start the cycle, but only
// on that branch: a possible deadlock, a warning naming that signal.
TEST_F(WaitCycleTest, SignalOnABranchThatSkipsTheWaitMakesItPossible) {
  FunctionBuilder Y("y", true);
  unsigned Eager = Y.block(), Join = Y.block();
  Y.succs(Body, {Eager, Join}).succs(Eager, {Join}).succs(Join, {1});
  unsigned Breaker = Y.call(Eager, "Event::set", A);
  Y.awaitObject(Join, B);
  Y.call(Join, "Event::set", A);
  std::vector<Finding> F = check({waitThenSet("x", A, B), Y.build()});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Severity, Level::Warning);
  EXPECT_NE(F[0].Message.find("possible deadlock"), std::string::npos)
      << F[0].Message;
  EXPECT_NE(F[0].Message.find("only 'y' can break the cycle"),
            std::string::npos)
      << F[0].Message;
  EXPECT_EQ(F[0].Path.back().Loc.Line, 10u + Breaker);
}

TEST_F(WaitCycleTest, SignalBeforeTheWaitOnEveryPathIsFree) {
  FunctionBuilder Y("y", true);
  Y.call(Body, "Event::set", A);
  Y.awaitObject(Body, B);
  Y.call(Body, "Event::set", A);
  EXPECT_TRUE(check({waitThenSet("x", A, B), Y.build()}).empty());
}

TEST_F(WaitCycleTest, CycleOfOne) {
  std::vector<Finding> F = check({waitThenSet("x", A, A)});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("only after a wait for itself"),
            std::string::npos);
}

// Two semaphores released only after each other: a bounded buffer, correct
// when one starts with units, which the analysis cannot see.
TEST_F(WaitCycleTest, SemaphoresAreNeverStuck) {
  ObjectRef S = global("s", "Sem"), T = global("t", "Sem");
  EXPECT_TRUE(
      check({takeThenRelease("x", S, T), takeThenRelease("y", T, S)}).empty());
}

// `Cache() : loaded_(load())` and `co_await loaded_` elsewhere: awaiting
// the field waits for the coroutine whose task it keeps.
TEST_F(WaitCycleTest, TaskKeptInAFieldIsAwaitedThroughIt) {
  ObjectRef Loaded = object(ObjectRef::Kind::Field, "Cache::loaded", "Task");
  FunctionBuilder Ctor("Cache"), Get("get", true), Load("load", true);
  Ctor.assign(Body, Loaded, Ctor.call(Body, "load"));
  Get.awaitObject(Body, Loaded);
  Get.call(Body, "Event::set", A);
  Load.awaitObject(Body, A);
  Load.suspend(Body, SuspendKind::Final);
  std::vector<Finding> F = check({Ctor.build(), Get.build(), Load.build()});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("coroutine 'load' finishes only after 'a' is "
                              "signalled"),
            std::string::npos)
      << F[0].Message;
}

TEST_F(WaitCycleTest, NodesStuckBehindACycleAreNotReportedAgain) {
  // a <-> b deadlock; c waits behind b.
  std::vector<Finding> F = check(
      {waitThenSet("x", A, B), waitThenSet("y", B, A), waitThenSet("z", B, C)});
  ASSERT_EQ(F.size(), 1u);
}

TEST_F(WaitCycleTest, HelperCalledOnlyAfterAWaitInheritsIt) {
  FunctionBuilder X("x", true), Notify("notify");
  X.awaitObject(Body, A);
  X.call(Body, "notify");
  Notify.call(Body, "Event::set", B);
  std::vector<Finding> F =
      check({X.build(), Notify.build(), waitThenSet("y", B, A)});
  ASSERT_EQ(F.size(), 1u);
}

// `a.then(fa); b.then(fb);`, where `fa` sets `b` and `fb` sets `a`: each
// continuation waits on what it is chained on, so neither runs. The library
// calls the continuation too, from a wrapper lambda written in a helper its
// `then` calls (`store(f)` building `[fn](T v) { fn(v); }`): that call runs
// it as chained, and does not make it free. A call of it from other code
// does.
TEST_F(WaitCycleTest, ContinuationsFulfillingEachOtherAreADeadlock) {
  ASSERT_FALSE(bool(Models.addJson(
      R"({"functions": [{"name": "Event::then", "continuation": 0}]})",
      "test")));
  auto Program = [&](bool CalledElsewhere) {
    FunctionBuilder Wire("wire");
    Wire.pass(Body, "Event::then", 0, "(lambda fa)");
    Wire.pass(Body, "Event::then", 0, "(lambda fb)");
    FunctionFact WireFact = Wire.build();
    WireFact.Sites[0].Receiver = A;
    WireFact.Sites[1].Receiver = B;
    FunctionBuilder Fa("(lambda fa)"), Fb("(lambda fb)");
    Fa.call(Body, "Event::set", B);
    Fb.call(Body, "Event::set", A);
    FunctionBuilder Then("Event::then"), Store("Event::store"),
        Wrapper("(lambda wrapper)");
    Then.call(Body, "Event::store");
    Wrapper.call(Body, "(lambda fa)");
    Wrapper.call(Body, "(lambda fb)");
    std::vector<FunctionFact> Fs{WireFact,     Fa.build(),    Fb.build(),
                                 Then.build(), Store.build(), Wrapper.build()};
    for (FunctionFact &F : Fs)
      F.IsLambda = F.Name.front() == '(';
    Fs.back().Owner = "Event::store";
    if (CalledElsewhere) {
      FunctionBuilder Main("main");
      Main.call(Body, "(lambda fa)");
      Fs.push_back(Main.build());
    }
    return Fs;
  };
  std::vector<Finding> F = check(Program(false));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Resources, (std::vector<std::string>{"c:@a", "c:@b"}));
  EXPECT_TRUE(check(Program(true)).empty());
}

TEST_F(WaitCycleTest, HelperAlsoCalledFreelyDoesNotInherit) {
  FunctionBuilder X("x", true), Notify("notify"), Main("main");
  X.awaitObject(Body, A);
  X.call(Body, "notify");
  Notify.call(Body, "Event::set", B);
  Main.call(Body, "notify");
  EXPECT_TRUE(
      check({X.build(), Notify.build(), Main.build(), waitThenSet("y", B, A)})
          .empty());
}

// Two roots wait on the same event at different sites, then enter one pair
// of mutually recursive helpers from either side. Each helper's entry
// inherits the event from the other; when the meet kept the site of one
// side, the two helpers handed each other's site back and forth and the
// fixpoint never ended (found by the frontend fuzzer).
TEST_F(WaitCycleTest, RequirementsOfMutualRecursionSettle) {
  FunctionBuilder Ping("a_ping"), Pong("b_pong"), Left("r_left", true),
      Right("r_right", true);
  Ping.call(Body, "b_pong");
  Pong.call(Body, "a_ping");
  Left.awaitObject(Body, A);
  Left.call(Body, "a_ping");
  Right.awaitObject(Body, A);
  Right.call(Body, "b_pong");
  Pong.call(Body, "Event::set", B);
  EXPECT_TRUE(check({Ping.build(), Pong.build(), Left.build(), Right.build(),
                     waitThenSet("y", B, C)})
                  .empty());
}

/// 2,000 coroutines in one ring: e0 <- e1 <- ... <- e0.
std::vector<FunctionFact> ring(WaitCycleTest &T, int N) {
  std::vector<FunctionFact> Ring;
  for (int I = 0; I < N; ++I)
    Ring.push_back(T.waitThenSet("f" + std::to_string(I),
                                 global("e" + std::to_string(I), "Event"),
                                 global("e" + std::to_string((I + 1) % N),
                                        "Event")));
  return Ring;
}

TEST_F(WaitCycleTest, ALongRingIsOneFinding) {
  const int N = 2000;
  std::vector<Finding> F = check(ring(*this, N));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Path.size(), 2u * N);
}

// The searches are linear: a ring of N nodes and N requirements costs a
// few steps per node, and twice the ring costs twice the steps.
TEST_F(WaitCycleTest, CycleSearchWorkIsLinearOnALongRing) {
  uint64_t Small = ruleWork("wait-cycle", ring(*this, 1000), Models);
  uint64_t Large = ruleWork("wait-cycle", ring(*this, 2000), Models);
  EXPECT_LE(Large, 10u * 2000);
  EXPECT_LE(Large, 2 * Small + 10);
}

// Nodes stuck only behind a cycle are not searched one by one: a chain of N
// coroutines waiting on a two-node deadlock costs linear work (each chain
// node searched would make it quadratic), and is one finding.
TEST_F(WaitCycleTest, NodesStuckBehindACycleCostLinearWork) {
  const int N = 2000;
  std::vector<FunctionFact> Program = {waitThenSet("x", A, B),
                                       waitThenSet("y", B, A)};
  for (int I = 0; I < N; ++I)
    Program.push_back(waitThenSet(
        "c" + std::to_string(I),
        I + 1 < N ? global("c" + std::to_string(I + 1), "Event") : A,
        global("c" + std::to_string(I), "Event")));
  EXPECT_EQ(check(Program).size(), 1u);
  uint64_t W = ruleWork("wait-cycle", Program, Models);
  EXPECT_LE(W, 10u * N) << W;
}

} // namespace
