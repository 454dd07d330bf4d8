//===- LostWakeupTest.cpp - The rule on hand-built programs ---------------===//

#include "FactsBuilder.h"
#include "corolint/rules/Rule.h"
#include <gtest/gtest.h>

using namespace corolint;
using namespace corolint::test;

namespace {

class LostWakeupTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(bool(Models.addJson(R"({
    "functions": [{"name": "std::thread::thread", "offload": 0}],
    "types": [
      {"name": "std::mutex", "role": "sync-mutex", "lock": ["lock"], "unlock": ["unlock"]},
      {"name": "std::lock_guard", "role": "sync-guard"},
      {"name": "std::unique_lock", "role": "sync-guard", "lock": ["lock"],
       "unlock": ["unlock"]},
      {"name": "cv", "role": "resource", "resourceKind": "event",
       "forgetsSignals": true, "waits": ["wait", "wait_for"],
       "signals": ["notify_all", "notify_one"], "wakesOne": ["notify_one"]},
      {"name": "ev", "role": "resource", "resourceKind": "event",
       "waits": ["wait"], "signals": ["set"]},
      {"name": "ms", "role": "duration"}]})",
                                     "test")));
  }

  /// A waiter that holds `lk` over `mtx` and waits on `cv` with a predicate
  /// reading \p Tested, with a timeout when \p Timed.
  std::vector<FunctionFact> waiter(const ObjectRef &Tested,
                                   bool Timed = false) {
    FunctionBuilder Wait("wait_ready"), Pred("pred");
    ObjectRef Lk = local("wait_ready::lk", "std::unique_lock");
    Wait.scopeBegin(Body, Lk, {argOf(0, Mtx)});
    ArgFact Callable;
    Callable.Index = 1;
    Callable.CallableUsr = "c:@F@pred";
    std::vector<ArgFact> Args{argOf(0, Lk), Callable};
    if (Timed)
      Args.push_back(argType(2, "ms"));
    Wait.call(Body, Timed ? "cv::wait_for" : "cv::wait", Cv, Args);
    Wait.scopeEnd(Body, Lk);
    FunctionFact P = Pred.build();
    P.IsLambda = true;
    P.Reads = {Tested};
    return {Wait.build(), P};
  }

  /// A waiter that takes a guard of type \p Guard over `mtx` and, under an
  /// `if` whose condition reads \p Reads, waits on `cv` handed
  /// \p Handed (the guard when null).
  FunctionFact ifGuardedWaiter(std::vector<ObjectRef> Reads,
                               const std::string &Guard = "std::unique_lock",
                               const ObjectRef *Handed = nullptr) {
    FunctionBuilder Wait("wait_if");
    ObjectRef Lk = local("wait_if::lk", Guard);
    unsigned Then = Wait.block(), Join = Wait.block();
    Wait.succs(Body, {Then, Join}).succs(Then, {Join}).succs(Join, {1});
    Wait.scopeBegin(Body, Lk, {argOf(0, Mtx)});
    unsigned W =
        Wait.call(Then, "cv::wait", Cv, {argOf(0, Handed ? *Handed : Lk)});
    Wait.scopeEnd(Join, Lk);
    FunctionFact F = Wait.build();
    F.Sites[W].ConditionReads = std::move(Reads);
    return F;
  }

  std::vector<Finding> check(std::vector<FunctionFact> Functions,
                             const FunctionBuilder &Notifier) {
    Functions.push_back(Notifier.build());
    return runRule("lost-wakeup", std::move(Functions), Models);
  }

  ApiModels Models;
  ObjectRef Mtx = global("mtx", "std::mutex");
  ObjectRef Cv = global("ready_cv", "cv");
  ObjectRef Ready = global("ready", "");
  ObjectRef Guard = local("notify::g", "std::lock_guard");
  static constexpr unsigned Body = FunctionBuilder::Body;
};

TEST_F(LostWakeupTest, ChangeWithoutTheMutexThenNotifyIsReported) {
  FunctionBuilder N("notify");
  unsigned Write = N.write(Body, Ready);
  N.call(Body, "cv::notify_all", Cv);
  std::vector<Finding> F = check(waiter(Ready), N);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message.find("'ready_cv' is notified after 'ready' changed "
                              "without 'mtx'"),
            0u)
      << F[0].Message;
  ASSERT_EQ(F[0].Path.size(), 3u);
  EXPECT_EQ(F[0].Path[0].Loc.Line, 10u + Write);
}

// A wait with no predicate under an `if` whose condition reads shared state
// (`if (epoch_ == seen) cv.wait(lk);`) guards that state: a change of it
// without the mutex before a notify is reported. A local the condition
// reads (`seen`) is no state other threads change.
TEST_F(LostWakeupTest, StateTheEnclosingTestReadsIsGuarded) {
  FunctionBuilder N("notify");
  N.write(Body, Ready);
  N.call(Body, "cv::notify_all", Cv);
  ObjectRef Seen = local("wait_if::seen", "");
  std::vector<Finding> F = check({ifGuardedWaiter({Ready, Seen})}, N);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message.find("'ready_cv' is notified after 'ready' changed "
                              "without 'mtx'"),
            0u)
      << F[0].Message;
  FunctionBuilder ChangesSeen("notify");
  ChangesSeen.write(Body, Seen);
  ChangesSeen.call(Body, "cv::notify_all", Cv);
  EXPECT_TRUE(check({ifGuardedWaiter({Seen})}, ChangesSeen).empty());
  EXPECT_TRUE(check({ifGuardedWaiter({})}, N).empty());
}

// A wait handed the mutex itself (`QWaitCondition::wait(&mu_)`) under a
// guard over it tests its state under that mutex, named in the message.
TEST_F(LostWakeupTest, AWaitHandedTheMutexItselfIsUnderIt) {
  FunctionFact F = ifGuardedWaiter({Ready}, "std::lock_guard", &Mtx);
  FunctionBuilder N("notify");
  N.write(Body, Ready);
  N.call(Body, "cv::notify_all", Cv);
  std::vector<Finding> Found = check({F}, N);
  ASSERT_EQ(Found.size(), 1u);
  EXPECT_EQ(Found[0].Message.find("'ready_cv' is notified after 'ready' "
                                  "changed without 'mtx'"),
            0u)
      << Found[0].Message;
  // A mutex no lock of the function holds there (what `locker.mutex()`
  // returns, to the facts another object) is not known to be the one.
  ObjectRef Accessor = global("locker.mutex()", "std::mutex");
  EXPECT_TRUE(check({ifGuardedWaiter({Ready}, "std::lock_guard", &Accessor)}, N)
                  .empty());
}

// Held at the change (and released before the notify), or taken between
// the change and the notify: the notifier cannot run inside the window.
TEST_F(LostWakeupTest, MutexHeldAtTheChangeOrTakenBeforeTheNotifyIsQuiet) {
  FunctionBuilder Held("notify");
  Held.scopeBegin(Body, Guard, {argOf(0, Mtx)});
  Held.write(Body, Ready);
  Held.scopeEnd(Body, Guard);
  Held.call(Body, "cv::notify_all", Cv);
  EXPECT_TRUE(check(waiter(Ready), Held).empty());

  FunctionBuilder Taken("notify");
  Taken.write(Body, Ready);
  Taken.scopeBegin(Body, Guard, {argOf(0, Mtx)});
  Taken.scopeEnd(Body, Guard);
  Taken.call(Body, "cv::notify_all", Cv);
  EXPECT_TRUE(check(waiter(Ready), Taken).empty());
}

// Released before the change: the change is unguarded again.
TEST_F(LostWakeupTest, MutexReleasedBeforeTheChangeIsReported) {
  FunctionBuilder N("notify");
  N.scopeBegin(Body, Guard, {argOf(0, Mtx)});
  N.scopeEnd(Body, Guard);
  N.write(Body, Ready);
  N.call(Body, "cv::notify_all", Cv);
  EXPECT_EQ(check(waiter(Ready), N).size(), 1u);
}

// A timed wait only waits longer; state its waiters do not test is not
// theirs to miss.
TEST_F(LostWakeupTest, TimedWaitsAndOtherStateAreQuiet) {
  FunctionBuilder N("notify");
  N.write(Body, Ready);
  N.call(Body, "cv::notify_all", Cv);
  EXPECT_TRUE(check(waiter(Ready, /*Timed=*/true), N).empty());
  EXPECT_TRUE(check(waiter(global("other", "")), N).empty());
}

// `cond.wait(&mutex, 100)`: a wait whose model's `timeoutArg` is written at
// the call is timed too, a number of milliseconds being no duration type.
TEST_F(LostWakeupTest, AWaitGivenItsTimeoutArgumentIsTimed) {
  ASSERT_FALSE(bool(Models.addJson(
      R"({"functions": [{"name": "cv::wait", "blocking": "waits",
                         "timeoutArg": 2}]})",
      "test")));
  FunctionBuilder N("notify");
  N.write(Body, Ready);
  N.call(Body, "cv::notify_all", Cv);
  EXPECT_EQ(check(waiter(Ready), N).size(), 1u);
  std::vector<FunctionFact> Waiter = waiter(Ready);
  Waiter[0].Sites[1].Args.push_back(constant(2, 100));
  EXPECT_TRUE(check(Waiter, N).empty());
}

// The same write and notify on a type that keeps its signals (an event)
// lose nothing.
TEST_F(LostWakeupTest, TypesThatKeepSignalsAreQuiet) {
  ASSERT_FALSE(bool(Models.addJson(R"({"types": [
      {"name": "cv", "role": "resource", "resourceKind": "event",
       "waits": ["wait"], "signals": ["notify_all"]}]})",
                                   "test")));
  FunctionBuilder N("notify");
  N.write(Body, Ready);
  N.call(Body, "cv::notify_all", Cv);
  EXPECT_TRUE(check(waiter(Ready), N).empty());
}

// Locks the analysis cannot tie to the waiters' mutex may be it: a guard a
// helper returns (`auto lk = lock();`), a guard over a local reference to
// the mutex. Reporting them would flag correct code.
TEST_F(LostWakeupTest, LocksThatMayBeTheMutexCountAsIt) {
  FunctionBuilder Returned("notify");
  unsigned Make = Returned.call(Body, "make_lock");
  unsigned Begin = Returned.scopeBegin(Body, local("notify::lk", "std::unique_lock"));
  Returned.write(Body, Ready);
  Returned.scopeEnd(Body, local("notify::lk", "std::unique_lock"));
  Returned.call(Body, "cv::notify_all", Cv);
  FunctionFact R = Returned.build();
  R.Sites[Begin].OperandCall = Make;
  std::vector<FunctionFact> Functions = waiter(Ready);
  Functions.push_back(R);
  EXPECT_TRUE(runRule("lost-wakeup", Functions, Models).empty());

  FunctionBuilder ViaReference("notify");
  ViaReference.scopeBegin(Body, Guard, {argOf(0, local("notify::m", "std::mutex"))});
  ViaReference.write(Body, Ready);
  ViaReference.scopeEnd(Body, Guard);
  ViaReference.call(Body, "cv::notify_all", Cv);
  EXPECT_TRUE(check(waiter(Ready), ViaReference).empty());
}

// A helper that changes the state and notifies, called only with the mutex
// held, is guarded by its callers; one unguarded caller makes it a finding.
TEST_F(LostWakeupTest, CallersHoldingTheMutexGuardTheHelper) {
  FunctionBuilder Helper("push_locked");
  Helper.write(Body, Ready);
  Helper.call(Body, "cv::notify_all", Cv);
  auto Run = [&](bool AlsoUnlocked) {
    FunctionBuilder Push("push");
    Push.scopeBegin(Body, local("push::g", "std::lock_guard"), {argOf(0, Mtx)});
    Push.call(Body, "push_locked");
    Push.scopeEnd(Body, local("push::g", "std::lock_guard"));
    if (AlsoUnlocked)
      Push.call(Body, "push_locked");
    std::vector<FunctionFact> Functions = waiter(Ready);
    Functions.push_back(Push.build());
    Functions.push_back(Helper.build());
    return runRule("lost-wakeup", Functions, Models).size();
  };
  EXPECT_EQ(Run(false), 0u);
  EXPECT_EQ(Run(true), 1u);
  // A `catch` handler, which no path of the CFG reaches, that locks again
  // before it calls the helper (`catch (...) { lk.lock(); finished();
  // throw; }`) holds the mutex there; one that does not lock, does not.
  auto Handler = [&](bool Relocks) {
    FunctionBuilder Run("run_task");
    ObjectRef Lk = param("run_task", 0, "lk", "std::unique_lock");
    unsigned Catch = Run.block();
    Run.succs(Catch, {1});
    Run.call(Body, "std::unique_lock::lock", Lk);
    Run.call(Body, "push_locked");
    if (Relocks)
      Run.call(Catch, "std::unique_lock::lock", Lk);
    Run.call(Catch, "push_locked");
    std::vector<FunctionFact> Functions = waiter(Ready);
    Functions.push_back(Run.build());
    Functions.push_back(Helper.build());
    return runRule("lost-wakeup", Functions, Models).size();
  };
  EXPECT_EQ(Handler(true), 0u);
  EXPECT_EQ(Handler(false), 1u);
}

} // namespace

namespace {

// `cv.wait(lk)` with no predicate, on every path and in no loop, while other
// code notifies: a notify that comes first is forgotten.
// `ready = true` under the mutex, then `cv.notify_one()`, while the threads
// a loop starts wait for `ready`: one of them wakes, the rest sleep on.
class OneWakeupTest : public LostWakeupTest {
protected:
  /// `main`, starting the waiter's thread in a loop, or once.
  FunctionFact starter(bool InALoop) {
    FunctionBuilder Main("main");
    unsigned Start = Body;
    if (InALoop) {
      Start = Main.block();
      Main.succs(Body, {Start}).succs(Start, {Start, 1});
    }
    Main.pass(Start, "std::thread::thread", 0, "wait_ready");
    return Main.build();
  }

  /// The notifier: `ready = true` under the mutex (`++ready` unless
  /// \p Constant), then \p Notify once, or in a loop when \p Repeated.
  FunctionBuilder notifier(const std::string &Notify, bool Repeated = false,
                           bool Constant = true) {
    FunctionBuilder N("notify");
    N.scopeBegin(Body, Guard, {argOf(0, Mtx)});
    N.write(Body, Ready, Constant ? std::optional<int64_t>(1) : std::nullopt);
    N.scopeEnd(Body, Guard);
    unsigned At = Body;
    if (Repeated) {
      At = N.block();
      N.succs(Body, {At}).succs(At, {At, 1});
    }
    N.call(At, Notify, Cv);
    return N;
  }

  /// A new last site of \p F's body.
  static SiteFact &appendToBody(FunctionFact &F, SiteKind K) {
    SiteFact &S = F.Sites.emplace_back();
    S.Id = F.Sites.size() - 1;
    S.Kind = K;
    S.Pos = {static_cast<int>(Body),
             static_cast<int>(F.Cfg[Body].Sites.size())};
    F.Cfg[Body].Sites.push_back(S.Id);
    return S;
  }

  /// The waiter of waiter(), with \p After added after its wait.
  std::vector<FunctionFact> waiterThat(void (*After)(FunctionFact &)) {
    std::vector<FunctionFact> W = waiter(Ready);
    if (After)
      After(W[0]);
    W.push_back(starter(true));
    return W;
  }
};

TEST_F(OneWakeupTest, OneWakeupForSeveralWaitingThreadsIsReported) {
  std::vector<Finding> F =
      check(waiterThat(nullptr), notifier("cv::notify_one"));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message.find("'ready_cv' wakes one waiter after 'ready' "
                              "changed, but several threads wait on it"),
            0u)
      << F[0].Message;
  ASSERT_EQ(F[0].Path.size(), 4u);
  EXPECT_EQ(F[0].Path[2].Message, "several threads that wait are started here");
}

TEST_F(OneWakeupTest, EveryWaiterWokenOrOneThreadIsQuiet) {
  EXPECT_TRUE(check(waiterThat(nullptr), notifier("cv::notify_all")).empty());
  EXPECT_TRUE(
      check(waiterThat(nullptr), notifier("cv::notify_one", true)).empty())
      << "a notify per waiter";
  std::vector<FunctionFact> OneThread = waiter(Ready);
  OneThread.push_back(starter(false));
  EXPECT_TRUE(check(OneThread, notifier("cv::notify_one")).empty());
}

// A waiter that takes the state for itself (`ready = false`, as a queue's
// pop takes an item) wants one wakeup per change; one that wakes the next
// passes the wakeup on.
TEST_F(OneWakeupTest, StateTakenOrWakeupPassedOnIsQuiet) {
  auto Takes = [](FunctionFact &F) {
    SiteFact &S = appendToBody(F, SiteKind::Write);
    S.Receiver = global("ready", "");
  };
  auto PassesOn = [](FunctionFact &F) {
    SiteFact &S = appendToBody(F, SiteKind::Call);
    S.CalleeName = "cv::notify_one";
    S.CalleeUsr = "c:@F@cv::notify_one";
    S.Receiver = global("ready_cv", "cv");
  };
  EXPECT_TRUE(check(waiterThat(Takes), notifier("cv::notify_one")).empty());
  EXPECT_TRUE(check(waiterThat(PassesOn), notifier("cv::notify_one")).empty());
}

// `++epoch; cv.notify_one()`: a count bumped is an item for one waiter when
// the waiters take from it (a job count), and news for all of them when
// they change nothing their predicate reads (an epoch each compares with
// the one it has seen).
TEST_F(OneWakeupTest, CountBumpedIsNewsForAllWhenNoWaiterTakesIt) {
  auto Takes = [](FunctionFact &F) {
    SiteFact &S = appendToBody(F, SiteKind::Write);
    S.Receiver = global("ready", "");
  };
  EXPECT_EQ(check(waiterThat(nullptr), notifier("cv::notify_one", false, false))
                .size(),
            1u);
  EXPECT_TRUE(check(waiterThat(Takes), notifier("cv::notify_one", false, false))
                  .empty());
  // A waiter's own `seen = epoch`, which its predicate reads too, takes
  // nothing from what the others share.
  auto Sees = [](FunctionFact &F) {
    SiteFact &S = appendToBody(F, SiteKind::Write);
    S.Receiver = local("wait_ready::seen", "");
  };
  std::vector<FunctionFact> Seeing = waiterThat(Sees);
  Seeing[1].Reads.push_back(local("wait_ready::seen", ""));
  EXPECT_EQ(check(Seeing, notifier("cv::notify_one", false, false)).size(), 1u);
}

class StatelessWaitTest : public LostWakeupTest {
protected:
  /// A waiter that waits on `cv` with no predicate, in a block of its own
  /// that the body may skip (\p Conditional) or loop on (\p Looped).
  FunctionFact waiter(bool Conditional, bool Looped, bool Timed = false) {
    FunctionBuilder Wait("wait_started");
    unsigned Block = Body;
    if (Conditional || Looped) {
      Block = Wait.block();
      Wait.succs(Body, Conditional ? std::vector<unsigned>{Block, 1}
                                   : std::vector<unsigned>{Block});
      Wait.succs(Block, Looped ? std::vector<unsigned>{Body}
                               : std::vector<unsigned>{1});
      if (Looped)
        Wait.succs(Body, {Block, 1});
    }
    std::vector<ArgFact> Args{
        argOf(0, local("wait_started::lk", "std::unique_lock"))};
    if (Timed)
      Args.push_back(argType(1, "ms"));
    Wait.call(Block, Timed ? "cv::wait_for" : "cv::wait", Cv, Args);
    return Wait.build();
  }
};

TEST_F(StatelessWaitTest, UnconditionalWaitWithoutAPredicateIsReported) {
  FunctionBuilder N("start");
  unsigned Notify = N.call(Body, "cv::notify_all", Cv);
  std::vector<Finding> F = check({waiter(false, false)}, N);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message.find("waits on 'ready_cv' without testing any "
                              "state"),
            0u)
      << F[0].Message;
  ASSERT_EQ(F[0].Path.size(), 2u);
  EXPECT_EQ(F[0].Path[1].Loc.Line, 10u + Notify);
}

// Tested state (an `if` or a loop around the wait), a timeout, or no notify
// from other code: nothing is reported.
TEST_F(StatelessWaitTest, GuardedTimedOrUnnotifiedWaitsAreQuiet) {
  FunctionBuilder N("start");
  N.call(Body, "cv::notify_all", Cv);
  EXPECT_TRUE(check({waiter(true, false)}, N).empty());
  EXPECT_TRUE(check({waiter(false, true)}, N).empty());
  EXPECT_TRUE(check({waiter(false, false, true)}, N).empty());
  EXPECT_TRUE(check({waiter(false, false)}, FunctionBuilder("idle")).empty());
}

// `if (pending() == 0) return; std::unique_lock lk(mtx); cv.wait(lk);`:
// the test that skips the wait ran before the guard took the mutex, and
// from the guard on the wait is on every path: reported, saying so. The
// guard taken first (`std::unique_lock lk(mtx); if (...) cv.wait(lk);`)
// tests under the mutex.
TEST_F(StatelessWaitTest, AWaitTestedOnlyBeforeItsLockIsReported) {
  FunctionBuilder N("start");
  N.call(Body, "cv::notify_all", Cv);
  auto Waiter = [&](bool LockFirst) {
    FunctionBuilder Wait("wait_started");
    ObjectRef Lk = local("wait_started::lk", "std::unique_lock");
    unsigned Then = Wait.block();
    Wait.succs(Body, {Then, 1}).succs(Then, {1});
    Wait.scopeBegin(LockFirst ? Body : Then, Lk, {argOf(0, Mtx)});
    Wait.call(Then, "cv::wait", Cv, {argOf(0, Lk)});
    return Wait.build();
  };
  std::vector<Finding> F = check({Waiter(false)}, N);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("without testing any state under the mutex "
                              "it is handed"),
            std::string::npos)
      << F[0].Message;
  EXPECT_TRUE(check({Waiter(true)}, N).empty());
}

// `for (int seen = 0; seen < n; ++seen) cv.wait(lk);`: a loop that only
// waits and counts tests no state either. One whose conditions read shared
// state, or that calls something on the way round, tests it.
TEST_F(StatelessWaitTest, ALoopThatOnlyCountsWakeupsIsReported) {
  FunctionBuilder N("start");
  N.call(Body, "cv::notify_all", Cv);
  for (const char *Shape : {"counts", "tests", "calls"}) {
    FunctionFact W = waiter(false, true);
    unsigned Block = W.Sites[0].Pos.Block;
    SiteFact Count;
    Count.Id = W.Sites.size();
    Count.Kind = SiteKind::Write;
    Count.Receiver = local("wait_started::seen", "int");
    Count.Pos = {static_cast<int>(Block), 1};
    W.Cfg[Block].Sites.push_back(Count.Id);
    W.Sites.push_back(Count);
    if (llvm::StringRef(Shape) == "tests")
      W.Sites[0].ConditionReads = {global("done_", "int")};
    if (llvm::StringRef(Shape) == "calls")
      W.Sites.back().Kind = SiteKind::Call;
    EXPECT_EQ(check({W}, N).size(),
              llvm::StringRef(Shape) == "counts" ? 1u : 0u)
        << Shape;
  }
}

// A waiter that signals another object on its way to the wait
// (`ready.count_down(); cv.wait(lk);`) has told the notifier it is about to
// wait: the order is the program's.
TEST_F(StatelessWaitTest, WaitAnnouncedToTheNotifierIsQuiet) {
  FunctionBuilder N("start");
  N.call(Body, "cv::notify_all", Cv);
  FunctionFact W = waiter(false, false);
  FunctionBuilder Announcing("wait_started");
  Announcing.call(Body, "ev::set", global("waiting", "ev"));
  for (const SiteFact &S : W.Sites)
    Announcing.call(Body, S.CalleeName, S.Receiver, S.Args);
  EXPECT_TRUE(check({Announcing.build()}, N).empty());
}

// An announcement made before the waiter takes the lock it waits with
// (`{ lock_guard g(mtx); requested = true; } wanted.notify_one();
// unique_lock lk(mtx); cv.wait(lk);`) leaves the notifier a window before
// the wait: reported.
TEST_F(StatelessWaitTest, WaitAnnouncedBeforeItsLockIsReported) {
  FunctionBuilder N("start");
  N.call(Body, "cv::notify_all", Cv);
  ObjectRef Lk = local("wait_started::lk", "std::unique_lock");
  FunctionBuilder Announcing("wait_started");
  Announcing.call(Body, "ev::set", global("waiting", "ev"));
  Announcing.scopeBegin(Body, Lk, {argOf(0, Mtx)});
  Announcing.call(Body, "cv::wait", Cv, {argOf(0, Lk)});
  Announcing.scopeEnd(Body, Lk);
  EXPECT_EQ(check({Announcing.build()}, N).size(), 1u);
}

// A waiter that changes, under the guard it waits with, a field other code
// reads (`lk(m_); waiting_ = true; cv.wait(lk);`) has told the notifier
// under the mutex: quiet. A field nothing else names tells no one.
TEST_F(StatelessWaitTest, WaitAnnouncedUnderItsLockIsQuiet) {
  ObjectRef Waiting = object(ObjectRef::Kind::Field, "svc::waiting_", "");
  for (bool NotifierReads : {false, true}) {
    FunctionBuilder N("start");
    N.call(Body, "cv::notify_all", Cv);
    FunctionFact Notifier = N.build();
    if (NotifierReads)
      Notifier.Fields = {Waiting.Name};
    ObjectRef Lk = local("wait_started::lk", "std::unique_lock");
    FunctionBuilder W("wait_started");
    W.scopeBegin(Body, Lk, {argOf(0, Mtx)});
    W.write(Body, Waiting, 1);
    W.call(Body, "cv::wait", Cv, {argOf(0, Lk)});
    W.scopeEnd(Body, Lk);
    EXPECT_EQ(runRule("lost-wakeup", {W.build(), Notifier}, Models).size(),
              NotifierReads ? 0u : 1u);
  }
}

// A predicate however spelled (a named one, a std::function member, a
// function object) is a predicate; a lock is not.
TEST_F(StatelessWaitTest, AnyPredicateArgumentCountsAsOne) {
  FunctionBuilder N("start");
  N.call(Body, "cv::notify_all", Cv);
  for (bool Predicate : {false, true}) {
    FunctionBuilder Wait("wait_started");
    std::vector<ArgFact> Args{
        argOf(0, local("wait_started::lk", "std::unique_lock"))};
    if (Predicate)
      Args.push_back(argOf(1, global("loader::pred_", "std::function")));
    Wait.call(Body, "cv::wait", Cv, Args);
    EXPECT_EQ(check({Wait.build()}, N).size(), Predicate ? 0u : 1u);
  }
}

// A wrapper (`void CondVar::Wait() { pthread_cond_wait(...); }`) whose
// caller loops on the state: the caller tests it.
TEST_F(StatelessWaitTest, WrapperCalledInALoopIsQuiet) {
  FunctionBuilder N("start");
  N.call(Body, "cv::notify_all", Cv);
  for (bool Looped : {false, true}) {
    FunctionBuilder Caller("take_job");
    unsigned Block = Body;
    if (Looped) {
      Block = Caller.block();
      Caller.succs(Body, {Block, 1});
      Caller.succs(Block, {Body});
    }
    Caller.call(Block, "wait_started");
    EXPECT_EQ(check({waiter(false, false), Caller.build()}, N).size(),
              Looped ? 0u : 1u);
  }
}

// `std::unique_lock lk(mu_); enqueue_locked(req); done_.wait(lk);`: the
// member it calls changes, under the wait's lock, a field the notifier
// names, as if the waiter wrote it itself.
TEST_F(StatelessWaitTest, WaitAnnouncedThroughAMemberUnderItsLockIsQuiet) {
  ObjectRef Jobs = object(ObjectRef::Kind::Field, "pool::jobs_", "");
  for (bool Announces : {false, true}) {
    FunctionBuilder Wait("submit"), Enqueue("enqueue_locked"), N("worker");
    ObjectRef Lk = local("submit::lk", "std::unique_lock");
    Wait.scopeBegin(Body, Lk, {argOf(0, Mtx)});
    Wait.call(Body, "enqueue_locked");
    Wait.call(Body, "cv::wait", Cv, {argOf(0, Lk)});
    unsigned Push = Enqueue.call(Body, "queue::push_back", Jobs);
    FunctionFact E = Enqueue.build();
    E.Sites[Push].Mutates = Announces;
    N.call(Body, "cv::notify_all", Cv);
    FunctionFact Notifier = N.build();
    Notifier.Fields = {"pool::jobs_"};
    EXPECT_EQ(
        check({Wait.build(), E, Notifier}, FunctionBuilder("idle")).size(),
        Announces ? 0u : 1u)
        << Announces;
  }
}

// `for (;;) { std::unique_lock lk(mu_); cv_.wait(lk); last = closing_; ...
// if (last) return; }`: each turn takes the lock and waits before it looks.
// A turn that can go round again without waiting (`while (!closing_ &&
// q_.empty()) cv_.wait(lk);`) looks under the lock first.
TEST_F(StatelessWaitTest, LoopThatLocksAndWaitsBeforeLookingIsReported) {
  FunctionBuilder N("stop");
  N.call(Body, "cv::notify_all", Cv);
  for (bool LooksFirst : {false, true}) {
    FunctionBuilder Wait("push_loop");
    ObjectRef Lk = local("push_loop::lk", "std::unique_lock");
    unsigned Turn = Wait.block(), Waiting = Wait.block();
    Wait.succs(Body, {Turn});
    Wait.succs(Turn, LooksFirst ? std::vector<unsigned>{Waiting, Turn}
                                : std::vector<unsigned>{Waiting});
    Wait.succs(Waiting, {Turn, 1});
    Wait.scopeBegin(Turn, Lk, {argOf(0, Mtx)});
    Wait.call(Waiting, "cv::wait", Cv, {argOf(0, Lk)});
    EXPECT_EQ(check({Wait.build()}, N).size(), LooksFirst ? 0u : 1u)
        << LooksFirst;
  }
}

// `void condition::wait(mutex &m) { uv_cond_wait(raw(), m.raw()); }`: a
// wait handed its caller's lock is a wrapper; with no caller in the
// program (a library's API) nothing says whether callers test state. A
// caller that does not is reported, as for any wrapper.
TEST_F(StatelessWaitTest, UncalledWrapperGivenItsCallersLockIsQuiet) {
  FunctionBuilder N("broadcast");
  N.call(Body, "cv::notify_all", Cv);
  FunctionBuilder Wait("wait_started");
  Wait.call(Body, "cv::wait", Cv,
            {argOf(0, param("wait_started", 0, "lk", "std::unique_lock"))});
  FunctionFact W = Wait.build();
  EXPECT_TRUE(check({W}, N).empty());
  FunctionBuilder Caller("take_job");
  Caller.call(Body, "wait_started");
  EXPECT_EQ(check({W, Caller.build()}, N).size(), 1u);
}

// A wrapper called on a named object after early returns under conditions
// that read no field or global (`if (!sink) return 1; log.flush();`) is
// called untested. Under `if (pending_)`, or skipped by a branch that goes
// on (`if (!ready) log.flush(); next();`), it is tested.
TEST_F(StatelessWaitTest, WrapperCalledAfterAnEarlyReturnIsReported) {
  FunctionBuilder N("start");
  N.call(Body, "cv::notify_all", Cv);
  for (int Shape : {0, 1, 2}) {
    FunctionBuilder Caller("main");
    unsigned Then = Caller.block();
    Caller.succs(Body, {Then, 1});
    Caller.succs(Then, {1});
    if (Shape != 2)
      Caller.returns(Body, 5, 3);
    unsigned Call =
        Caller.call(Then, "wait_started", local("main::log", "Log"));
    FunctionFact C = Caller.build();
    if (Shape == 1)
      C.Sites[Call].ConditionReads = {global("pending_", "")};
    EXPECT_EQ(check({waiter(false, false), C}, N).size(), Shape ? 0u : 1u)
        << Shape;
  }
}

// The start-up handshake: the waiter holds the mutex from before it starts
// the notifier's thread until the wait releases it, and the notifier locks
// before it notifies: the notify cannot come first.
TEST_F(StatelessWaitTest, NotifierStartedUnderTheLockIsQuiet) {
  for (bool NotifierLocks : {false, true}) {
    FunctionBuilder Wait("start_worker"), N("worker");
    ObjectRef Lk = local("start_worker::lk", "std::unique_lock");
    Wait.scopeBegin(Body, Lk, {argOf(0, Mtx)});
    ArgFact Worker;
    Worker.CallableUsr = "c:@F@worker";
    Wait.call(Body, "std::thread::thread", {}, {Worker});
    Wait.call(Body, "cv::wait", Cv, {argOf(0, Lk)});
    Wait.scopeEnd(Body, Lk);
    if (NotifierLocks)
      N.scopeBegin(Body, Guard, {argOf(0, Mtx)});
    N.call(Body, "cv::notify_all", Cv);
    EXPECT_EQ(check({Wait.build()}, N).size(), NotifierLocks ? 0u : 1u);
  }
}

// With a predicate the wait tests state: the other check's business.
TEST_F(StatelessWaitTest, WaitWithAPredicateIsNotStateless) {
  FunctionBuilder N("start");
  N.call(Body, "cv::notify_all", Cv);
  EXPECT_TRUE(check(LostWakeupTest::waiter(Ready), N).empty());
}

} // namespace
