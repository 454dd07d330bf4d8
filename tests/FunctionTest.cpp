//===- FunctionTest.cpp - Paths and dominance on hand-built CFGs ----------===//

#include "FactsBuilder.h"
#include "corolint/program/Program.h"
#include <gtest/gtest.h>

using namespace corolint;
using namespace corolint::test;

namespace {

auto Never = [](const SiteFact &) { return false; };

TEST(Function, StraightLineReachesForwardOnly) {
  FunctionBuilder B("f");
  unsigned A = B.call(FunctionBuilder::Body, "a");
  unsigned C = B.call(FunctionBuilder::Body, "c");
  Function F(B.build());
  EXPECT_TRUE(F.reaches(A, C, Never));
  EXPECT_FALSE(F.reaches(C, A, Never));
  EXPECT_TRUE(F.dominates(A, C));
  EXPECT_FALSE(F.dominates(C, A));
}

TEST(Function, BlockerOnEveryPathStopsReach) {
  FunctionBuilder B("f");
  unsigned A = B.call(FunctionBuilder::Body, "a");
  unsigned Stop = B.call(FunctionBuilder::Body, "stop");
  unsigned C = B.call(FunctionBuilder::Body, "c");
  Function F(B.build());
  auto IsStop = [&](const SiteFact &S) { return S.Id == Stop; };
  EXPECT_FALSE(F.reaches(A, C, IsStop));
}

// body -> {then, else} -> join: a blocker on one branch leaves the other path.
TEST(Function, BlockerOnOneBranchLeavesAPath) {
  FunctionBuilder B("f");
  unsigned Then = B.block(), Else = B.block(), Join = B.block();
  B.succs(FunctionBuilder::Body, {Then, Else})
      .succs(Then, {Join})
      .succs(Else, {Join});
  B.succs(Join, {1});
  unsigned A = B.call(FunctionBuilder::Body, "a");
  unsigned Stop = B.call(Then, "stop");
  unsigned C = B.call(Join, "c");
  Function F(B.build());
  auto IsStop = [&](const SiteFact &S) { return S.Id == Stop; };
  EXPECT_TRUE(F.reaches(A, C, IsStop));
  EXPECT_FALSE(F.dominates(Stop, C));
  EXPECT_TRUE(F.dominates(A, C));
}

// A loop: the end of the body flows back to its start, so a site can reach
// one that comes before it.
TEST(Function, LoopBackEdgeReachesEarlierSite) {
  FunctionBuilder B("f");
  unsigned Loop = B.block();
  B.succs(FunctionBuilder::Body, {Loop}).succs(Loop, {Loop, 1});
  unsigned First = B.call(Loop, "first");
  unsigned Second = B.call(Loop, "second");
  Function F(B.build());
  EXPECT_TRUE(F.reaches(Second, First, Never));
  auto IsSecond = [&](const SiteFact &S) { return S.Id == Second; };
  EXPECT_TRUE(F.reaches(Second, Second, Never));
  EXPECT_FALSE(F.reaches(First, First, IsSecond));
}

// What runs after a kind of resumption: up to the next suspension on each
// path, through a loop's back edge too.
TEST(Function, RunAfterStopsAtTheNextSuspension) {
  FunctionBuilder B("co", true);
  unsigned Body = FunctionBuilder::Body;
  unsigned Tail = B.block();
  B.succs(Body, {Tail}).succs(Tail, {Body, 1});
  unsigned First = B.call(Body, "first");
  unsigned ToPool = B.suspend(Body);
  unsigned OnPool = B.call(Body, "on_pool");
  unsigned ToLoop = B.suspend(Tail);
  unsigned OnLoop = B.call(Tail, "on_loop");
  Function F(B.build());
  llvm::BitVector Loop =
      F.runAfter([&](unsigned Suspend) { return Suspend == ToLoop; });
  EXPECT_TRUE(Loop.test(OnLoop));
  EXPECT_TRUE(Loop.test(First)); // Through the back edge.
  EXPECT_TRUE(Loop.test(ToPool));
  EXPECT_FALSE(Loop.test(OnPool));
  EXPECT_FALSE(Loop.test(ToLoop));
}

TEST(Function, NoCfgAnswersNo) {
  FunctionBuilder B("f");
  unsigned A = B.call(FunctionBuilder::Body, "a");
  unsigned C = B.call(FunctionBuilder::Body, "c");
  FunctionFact Fact = B.build();
  Fact.Cfg.clear();
  for (SiteFact &S : Fact.Sites)
    S.Pos = {};
  Function F(Fact);
  EXPECT_FALSE(F.reaches(A, C, Never));
  EXPECT_FALSE(F.dominates(A, C));
}

// `auto t = fetch(); t2 = fetch2(); co_await timeout(read(), d);`
TEST(Function, IndexesStoresAndAwaitedCalls) {
  FunctionBuilder B("f", true);
  unsigned Body = FunctionBuilder::Body;
  unsigned Fetch = B.call(Body, "fetch");
  unsigned Kept = B.scopeBegin(Body, local("f::t", "Task"));
  FunctionFact Fact = B.build();
  Fact.Sites[Kept].OperandCall = Fetch;
  FunctionBuilder C("g", true);
  unsigned Read = C.call(Body, "read");
  unsigned Timeout = C.call(Body, "timeout");
  unsigned Await = C.suspend(Body);
  FunctionFact Awaiting = C.build();
  Awaiting.Sites[Await].OperandCall = Timeout;
  Awaiting.Sites[Read].AwaitedIn = Await;
  Awaiting.Sites[Timeout].AwaitedIn = Await;

  Function F(Fact), G(Awaiting);
  EXPECT_EQ(F.storesOf(Fetch).vec(), std::vector<unsigned>{Kept});
  EXPECT_TRUE(F.storesOf(Kept).empty());
  EXPECT_EQ(G.callsAwaitedBy(Await).vec(),
            (std::vector<unsigned>{Read, Timeout}));
  EXPECT_EQ(G.suspensionAwaiting(Timeout), Await);
  EXPECT_FALSE(G.suspensionAwaiting(Read));
}

// Code the CFG does not reach (Clang leaves parts of some coroutine bodies
// unconnected): nothing is known to come before it, not even what comes
// before it in its own block.
TEST(Function, NothingDominatesUnreachableCode) {
  FunctionBuilder B("f", true);
  unsigned Dead = B.block();
  unsigned Wait = B.suspend(FunctionBuilder::Body);
  unsigned First = B.call(Dead, "g");
  unsigned Second = B.call(Dead, "h");
  Function F(B.build());
  EXPECT_FALSE(F.dominates(Wait, First));
  EXPECT_FALSE(F.dominates(First, Second));
  EXPECT_TRUE(F.dominates(Second, Second));
}

} // namespace
