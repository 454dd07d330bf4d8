//===- LockAcrossSuspendTest.cpp - The rule on hand-built programs --------===//

#include "FactsBuilder.h"
#include "corolint/rules/Rule.h"
#include <gtest/gtest.h>

using namespace corolint;
using namespace corolint::test;

namespace {

class LockAcrossSuspendTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(bool(Models.addJson(R"({
      "functions": [{"name": "loop::post", "loopCallback": 0},
                    {"name": "pool::post", "offload": 0}],
      "types": [
      {"name": "std::mutex", "role": "sync-mutex", "lock": ["lock"], "unlock": ["unlock"]},
      {"name": "std::lock_guard", "role": "sync-guard"},
      {"name": "std::unique_lock", "role": "sync-guard", "lock": ["lock"],
       "unlock": ["unlock"], "deferTags": ["std::defer_lock_t"]},
      {"name": "AsyncGuard", "role": "async-mutex"}]})",
                                     "test")));
  }

  std::vector<Finding> check(const FunctionBuilder &B) {
    return runRule("lock-across-suspend", {B.build()}, Models);
  }

  /// A coroutine whose guard `lk` is initialized from a call of \p Helper
  /// (`auto lk = locked();`) and alive across a suspension.
  FunctionFact guardFromCallAcrossSuspend(const std::string &Helper) {
    FunctionBuilder Co("co", true);
    unsigned Call = Co.call(Body, Helper);
    unsigned Lock = Co.scopeBegin(Body, Unique);
    Co.suspend(Body);
    Co.scopeEnd(Body, Unique);
    FunctionFact F = Co.build();
    F.Sites[Lock].OperandCall = static_cast<int>(Call);
    return F;
  }

  ApiModels Models;
  ObjectRef Mtx = global("mtx", "std::mutex");
  ObjectRef Guard = local("co::g", "std::lock_guard");
  ObjectRef Unique = local("co::lk", "std::unique_lock");
  static constexpr unsigned Body = FunctionBuilder::Body;
};

TEST_F(LockAcrossSuspendTest, GuardAliveAtAwaitIsReported) {
  FunctionBuilder B("co", true);
  unsigned Lock = B.scopeBegin(Body, Guard, {argOf(0, Mtx)});
  B.suspend(Body);
  B.scopeEnd(Body, Guard);
  std::vector<Finding> F = check(B);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("lock 'g' on 'mtx' is held across co_await"),
            std::string::npos)
      << F[0].Message;
  ASSERT_EQ(F[0].Path.size(), 2u);
  EXPECT_EQ(F[0].Path[0].Loc.Line, 10u + Lock);
}

// Another function on the loop that takes the mutex blocks the loop's
// thread while the coroutine is suspended holding it: a note names it. One
// that takes it off the loop (no coroutine, nothing on the loop calls it)
// is not named.
TEST_F(LockAcrossSuspendTest, NotesWhereCodeOnTheLoopTakesTheHeldMutex) {
  FunctionBuilder Co("co", true);
  Co.scopeBegin(Body, Guard, {argOf(0, Mtx)});
  Co.suspend(Body);
  Co.scopeEnd(Body, Guard);
  auto Reader = [&](const std::string &Name, bool Coroutine) {
    FunctionBuilder B(Name, Coroutine);
    ObjectRef G = local(Name + "::g", "std::lock_guard");
    B.scopeBegin(Body, G, {argOf(0, Mtx)});
    B.scopeEnd(Body, G);
    return B.build();
  };
  std::vector<Finding> F = runRule(
      "lock-across-suspend",
      {Co.build(), Reader("read", true), Reader("main", false)}, Models);
  ASSERT_EQ(F.size(), 1u);
  ASSERT_EQ(F[0].Path.size(), 3u);
  EXPECT_NE(F[0].Path[2].Message.find("'read' takes 'mtx' here, on the loop"),
            std::string::npos)
      << F[0].Path[2].Message;
}

// `auto g = locked();` where the program's `locked()` returns
// `std::unique_lock<std::mutex>(mtx)`: the guard holds mtx. A helper that
// locks a mutex it is handed, or makes two guards, says nothing of which
// one it returns.
TEST_F(LockAcrossSuspendTest, GuardReturnedByAHelperHoldsWhatItTook) {
  auto Check = [&](const ObjectRef &Locked, bool TwoGuards) {
    FunctionBuilder Helper("locked");
    for (int I = 0; I < 1 + TwoGuards; ++I)
      Helper.call(Body, "std::unique_lock::unique_lock", {},
                  {argOf(0, Locked)});
    FunctionFact HelperFact = Helper.build();
    HelperFact.ReturnType = "std::unique_lock";
    for (SiteFact &S : HelperFact.Sites)
      S.IsConstructor = true;
    return runRule("lock-across-suspend",
                   {HelperFact, guardFromCallAcrossSuspend("locked")}, Models);
  };
  std::vector<Finding> F = Check(Mtx, false);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("lock 'lk' on 'mtx', taken by 'locked'"),
            std::string::npos)
      << F[0].Message;
  EXPECT_TRUE(Check(Mtx, true).empty());
  EXPECT_TRUE(Check(param("locked", 0, "m", "std::mutex"), false).empty());
}

// `std::unique_lock<std::mutex> lk(mtx); ...; return lk;`: the named guard
// is its local's beginning and its constructor's call, one guard.
TEST_F(LockAcrossSuspendTest, NamedGuardReturnedByAHelperIsOneGuard) {
  FunctionBuilder Helper("locked");
  ObjectRef Named = local("locked::lk", "std::unique_lock");
  Helper.scopeBegin(Body, Named, {argOf(0, Mtx)});
  Helper.call(Body, "std::unique_lock::unique_lock", Named, {argOf(0, Mtx)});
  Helper.scopeEnd(Body, Named);
  FunctionFact HelperFact = Helper.build();
  HelperFact.ReturnType = "std::unique_lock";
  HelperFact.Sites[1].IsConstructor = true;
  EXPECT_EQ(runRule("lock-across-suspend",
                    {HelperFact, guardFromCallAcrossSuspend("locked")}, Models)
                .size(),
            1u);
}

// `seal(std::move(lk))` into a parameter taken by value hands the guard
// over: its new owner lets go of it. Lent by reference (`seal(lk)`), it is
// still held.
TEST_F(LockAcrossSuspendTest, GuardHandedOverToACallIsNoLongerHeld) {
  auto Check = [&](bool HandedOver) {
    FunctionBuilder B("co", true);
    B.scopeBegin(Body, Unique, {argOf(0, Mtx)});
    ArgFact Guard = argOf(0, Unique);
    Guard.HandedOver = HandedOver;
    B.call(Body, "seal", {}, {Guard});
    B.suspend(Body);
    B.scopeEnd(Body, Unique);
    return check(B);
  };
  EXPECT_EQ(Check(false).size(), 1u);
  EXPECT_TRUE(Check(true).empty());
}

TEST_F(LockAcrossSuspendTest, GuardDestroyedBeforeAwaitIsQuiet) {
  FunctionBuilder B("co", true);
  B.scopeBegin(Body, Guard, {argOf(0, Mtx)});
  B.scopeEnd(Body, Guard);
  B.suspend(Body);
  EXPECT_TRUE(check(B).empty());
}

TEST_F(LockAcrossSuspendTest, UnlockMemberReleases) {
  FunctionBuilder B("co", true);
  B.scopeBegin(Body, Unique, {argOf(0, Mtx)});
  B.call(Body, "std::unique_lock::unlock", Unique);
  B.suspend(Body);
  B.scopeEnd(Body, Unique);
  EXPECT_TRUE(check(B).empty());
}

TEST_F(LockAcrossSuspendTest, UnlockOnOneBranchOnlyIsReported) {
  FunctionBuilder B("co", true);
  unsigned Then = B.block(), Join = B.block();
  B.succs(Body, {Then, Join}).succs(Then, {Join}).succs(Join, {1});
  B.scopeBegin(Body, Unique, {argOf(0, Mtx)});
  B.call(Then, "std::unique_lock::unlock", Unique);
  B.suspend(Join);
  EXPECT_EQ(check(B).size(), 1u);
}

TEST_F(LockAcrossSuspendTest, RelockAfterUnlockIsReported) {
  FunctionBuilder B("co", true);
  B.scopeBegin(Body, Unique, {argOf(0, Mtx)});
  B.call(Body, "std::unique_lock::unlock", Unique);
  B.call(Body, "std::unique_lock::lock", Unique);
  B.suspend(Body);
  std::vector<Finding> F = check(B);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("relocked"), std::string::npos);
}

TEST_F(LockAcrossSuspendTest, DeferredGuardHoldsNothing) {
  FunctionBuilder B("co", true);
  B.scopeBegin(Body, Unique, {argOf(0, Mtx), argType(1, "std::defer_lock_t")});
  B.suspend(Body);
  EXPECT_TRUE(check(B).empty());
}

TEST_F(LockAcrossSuspendTest, ManualLockWithoutUnlockIsReported) {
  FunctionBuilder B("co", true);
  B.call(Body, "std::mutex::lock", Mtx);
  B.suspend(Body, SuspendKind::CoYield);
  B.call(Body, "std::mutex::unlock", Mtx);
  std::vector<Finding> F = check(B);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find(
                "mutex 'mtx' locked with lock() is held across co_yield"),
            std::string::npos)
      << F[0].Message;
}

TEST_F(LockAcrossSuspendTest, ManualUnlockBeforeAwaitIsQuiet) {
  FunctionBuilder B("co", true);
  B.call(Body, "std::mutex::lock", Mtx);
  B.call(Body, "std::mutex::unlock", Mtx);
  B.suspend(Body);
  EXPECT_TRUE(check(B).empty());
}

TEST_F(LockAcrossSuspendTest, AsyncGuardIsNotASynchronousLock) {
  FunctionBuilder B("co", true);
  B.scopeBegin(Body, local("co::ag", "AsyncGuard"));
  B.suspend(Body);
  EXPECT_TRUE(check(B).empty());
}

TEST_F(LockAcrossSuspendTest, PlainFunctionsAreNotChecked) {
  FunctionBuilder B("plain", false);
  B.scopeBegin(Body, Guard, {argOf(0, Mtx)});
  B.suspend(Body);
  EXPECT_TRUE(check(B).empty());
}

TEST_F(LockAcrossSuspendTest, ImplicitFinalSuspendIsNotReported) {
  FunctionBuilder B("co", true);
  B.scopeBegin(Body, Guard, {argOf(0, Mtx)});
  unsigned Final = B.suspend(Body, SuspendKind::Final);
  FunctionFact F = B.build();
  F.Sites[Final].Implicit = true;
  Program P = linkProgram({unit("test.cpp", {F})}, Models);
  std::vector<Finding> Out;
  findRule("lock-across-suspend")->Create()->check(P, Out);
  EXPECT_TRUE(Out.empty());
}

// N scoped guards alternating with N awaits in one coroutine (issue 15's
// 20,000 statements): each guard's search stops at its release, so the work
// is linear, where a search per pair of guard and await was quadratic.
TEST_F(LockAcrossSuspendTest, WorkIsLinearInAlternatingGuardsAndAwaits) {
  auto Alternating = [&](unsigned N) {
    FunctionBuilder B("co", true);
    for (unsigned I = 0; I < N; ++I) {
      B.scopeBegin(Body, Guard, {argOf(0, Mtx)});
      B.scopeEnd(Body, Guard);
      B.suspend(Body);
    }
    return B.build();
  };
  EXPECT_TRUE(runRule("lock-across-suspend", {Alternating(1000)}, Models)
                  .empty());
  uint64_t Small = ruleWork("lock-across-suspend", {Alternating(1000)}, Models);
  uint64_t Large = ruleWork("lock-across-suspend", {Alternating(2000)}, Models);
  EXPECT_LE(Large, 2 * Small + 10);
  EXPECT_LE(Large, 3u * 2000);
}

// A guard moved into a callback handed to the loop (`[lk = std::move(lk)]`)
// holds its mutex until the loop runs the callback: reported at the
// hand-over, with loop code that takes the mutex as a note. Unlocked before,
// not moved, or handed to a thread pool, it is not.
TEST_F(LockAcrossSuspendTest, GuardMovedIntoALoopCallbackIsReported) {
  enum class Variant { Moved, UnlockedFirst, NotMoved, ToAPool };
  auto Program = [&](Variant V) {
    FunctionBuilder Flush("flush");
    ObjectRef Lk = local("flush::lk", "std::unique_lock");
    Flush.scopeBegin(Body, Lk, {argOf(0, Mtx)});
    if (V == Variant::UnlockedFirst)
      Flush.call(Body, "std::unique_lock::unlock", Lk);
    ArgFact Callback;
    Callback.CallableUsr = "c:@F@flush::callback";
    if (V != Variant::NotMoved)
      Callback.MovedIn = {Lk.Key};
    unsigned Post =
        Flush.call(Body, V == Variant::ToAPool ? "pool::post" : "loop::post",
                   {}, {Callback});
    Flush.scopeEnd(Body, Lk);
    FunctionBuilder Later("flush::callback");
    Later.call(Body, "std::unique_lock::unlock", Lk);
    // The loop also runs `record`, which takes the mutex.
    FunctionBuilder Record("record");
    ObjectRef G = local("record::g", "std::lock_guard");
    Record.scopeBegin(Body, G, {argOf(0, Mtx)});
    FunctionBuilder Start("start");
    Start.pass(Body, "loop::post", 0, "record");
    Start.pass(Body, "loop::post", 0, "flush");
    return std::make_pair(
        runRule("lock-across-suspend",
                {Flush.build(), Later.build(), Record.build(), Start.build()},
                Models),
        Post);
  };
  auto [Found, Post] = Program(Variant::Moved);
  ASSERT_EQ(Found.size(), 1u);
  EXPECT_EQ(Found[0].Loc.Line, 10u + Post);
  EXPECT_NE(Found[0].Message.find("lock 'lk' on 'mtx' is moved into a "
                                  "callback handed to the event loop"),
            std::string::npos)
      << Found[0].Message;
  ASSERT_EQ(Found[0].Path.size(), 3u);
  EXPECT_NE(Found[0].Path[2].Message.find(
                "'record' takes 'mtx' here, on the loop: while the callback "
                "holds it"),
            std::string::npos)
      << Found[0].Path[2].Message;
  EXPECT_TRUE(Program(Variant::UnlockedFirst).first.empty());
  EXPECT_TRUE(Program(Variant::NotMoved).first.empty());
  EXPECT_TRUE(Program(Variant::ToAPool).first.empty());
}

} // namespace
