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

// `stage(Queue &in, Queue &out)` run as stage(a, b) and stage(b, c): its
// wait is on a in one run and on b in the other, so its signal of b (or c)
// waits for neither in particular; read as waiting for both, b would wait
// for itself. Bound to one object only, the wait is that object's.
TEST_F(WaitCycleTest, AWaitOnOneOfSeveralObjectsRequiresNoneOfThem) {
  auto Program = [&](bool SecondRun) {
    ObjectRef In = param("stage", 0, "in", "Event"),
              Out = param("stage", 1, "out", "Event");
    FunctionBuilder Main("main");
    Main.call(Body, "stage", {}, {argOf(0, A), argOf(1, B)});
    if (SecondRun)
      Main.call(Body, "stage", {}, {argOf(0, B), argOf(1, C)});
    return check({waitThenSet("stage", In, Out), Main.build()});
  };
  EXPECT_TRUE(Program(true).empty());
  FunctionBuilder Y("y", true);
  Y.awaitObject(Body, B);
  Y.call(Body, "Event::set", A);
  ObjectRef In = param("stage", 0, "in", "Event"),
            Out = param("stage", 1, "out", "Event");
  FunctionBuilder Main("main");
  Main.call(Body, "stage", {}, {argOf(0, A), argOf(1, B)});
  EXPECT_EQ(
      check({waitThenSet("stage", In, Out), Main.build(), Y.build()}).size(),
      1u);
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

// A thread that joins itself: hand-built programs with a class `W` whose
// start() runs `W::run` on a thread kept in the field `W::thread_`.
class SelfJoinTest : public ::testing::Test {
public:
  void SetUp() override {
    ASSERT_FALSE(bool(Models.addJson(R"({"functions": [
      {"name": "std::thread::thread", "offload": 0},
      {"name": "std::thread::join", "joins": true},
      {"name": "std::this_thread::get_id", "threadIdentity": true},
      {"name": "std::async", "offload": [0, 1],
       "blockingResult": "its destructor waits for the task"}]})",
                                     "test")));
  }

  std::vector<Finding> check(std::vector<FunctionFact> Functions) {
    return runRule("wait-cycle", std::move(Functions), Models);
  }

  /// `W::start`: `thread_ = std::thread(&W::run, this)`, as a constructor
  /// that names the field it builds.
  FunctionFact start() {
    ArgFact Run;
    Run.Index = 0;
    Run.CallableUsr = "c:@F@W::run";
    FunctionBuilder B("W::start");
    unsigned Made = B.call(Body, "std::thread::thread", Thread, {Run});
    FunctionFact F = B.build();
    F.Sites[Made].IsConstructor = true;
    return F;
  }

  /// `W::stop`, which joins the thread; asks which thread it is on first
  /// when \p Asks.
  FunctionFact stop(bool Asks = false) {
    FunctionBuilder B("W::stop");
    if (Asks)
      B.call(Body, "std::this_thread::get_id");
    B.call(Body, "std::thread::join", Thread);
    return B.build();
  }

  /// `W::run`, which calls `stop` on \p On (none: on its own object).
  FunctionFact run(ObjectRef On = {}) {
    FunctionBuilder B("W::run");
    B.call(Body, "W::stop", std::move(On));
    return B.build();
  }

  ApiModels Models;
  ObjectRef Thread = global("W::thread_", "std::thread");
  static constexpr unsigned Body = FunctionBuilder::Body;
};

TEST_F(SelfJoinTest, ThreadJoinedByWhatItsCallableCallsIsADeadlock) {
  std::vector<Finding> F = check({start(), run(), stop()});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Severity, Level::Error);
  EXPECT_NE(F[0].Message.find("'W::stop', called on the thread that "
                              "'std::thread::thread' starts to run 'W::run', "
                              "joins 'W::thread_', which holds that thread"),
            std::string::npos)
      << F[0].Message;
  ASSERT_EQ(F[0].Path.size(), 3u);
  EXPECT_NE(F[0].Path[1].Message.find("calls 'W::stop' on that thread"),
            std::string::npos);
}

// The same join made by the owner's thread, which the thread's callable
// never calls, waits for another thread.
TEST_F(SelfJoinTest, JoinOnlyTheOwnerMakesIsNone) {
  FunctionBuilder Run("W::run");
  Run.call(Body, "poll");
  EXPECT_TRUE(check({start(), Run.build(), stop()}).empty());
}

// `peer.stop()` joins the peer's thread, another object's.
TEST_F(SelfJoinTest, StoppingAnotherObjectIsNone) {
  EXPECT_TRUE(
      check({start(), run(local("W::run::peer", "W")), stop()}).empty());
}

TEST_F(SelfJoinTest, CodeThatAsksWhichThreadItIsOnHasChecked) {
  EXPECT_TRUE(check({start(), run(), stop(/*Asks=*/true)}).empty());
}

// `if (on_reader()) detach(); else join();`: the question asked in a helper.
TEST_F(SelfJoinTest, AQuestionAskedInAHelperCounts) {
  FunctionBuilder Stop("W::stop"), OnReader("W::on_reader");
  Stop.call(Body, "W::on_reader");
  Stop.call(Body, "std::thread::join", Thread);
  OnReader.call(Body, "std::this_thread::get_id");
  EXPECT_TRUE(check({start(), run(), Stop.build(), OnReader.build()}).empty());
}

// `children_[i]->stop()`, `old_->thread_.join()`: a call on an object that
// is not `this`, unnamed or reached through another object, is that
// object's.
TEST_F(SelfJoinTest, CallsOnOtherObjectsAreTheirs) {
  FunctionFact Run = run();
  Run.Sites[0].OtherObject = true;
  EXPECT_TRUE(check({start(), Run, stop()}).empty());
  FunctionFact Stop = stop();
  Stop.Sites[0].OtherObject = true;
  EXPECT_TRUE(check({start(), run(), Stop}).empty());
}

// `W(hook h) : on_fatal_(h)`, `on_fatal_(*this)` in `W::run`, and
// `abort_all(W &w) { w.stop(); }` handed to `W`'s constructor by `main`:
// the hook the object keeps is called with the object itself, so its
// `w.stop()` joins the thread running it. Handed a copy or another object,
// or kept by a hook that is another class's member, it would not.
TEST_F(SelfJoinTest, AKeptHookGivenTheObjectJoinsItsThread) {
  for (int Variant = 0; Variant < 3; ++Variant) {
    ObjectRef Hook = global("W::on_fatal_", "std::function");
    Hook.K = ObjectRef::Kind::Field;
    FunctionBuilder Ctor("W::W"), Run("W::run"), Abort("abort_all"),
        Main("main");
    FunctionFact CtorFact = Ctor.build();
    CtorFact.FieldInits = {{"W::on_fatal_", 0, Hook.Key}};
    ArgFact Self = argType(0, "W");
    Self.OwnObject = Variant != 1;
    Run.call(Body, "std::function::operator()", Hook, {Self});
    Abort.call(Body, "W::stop", param("abort_all", 0, "w", "W"));
    ArgFact Given;
    Given.Index = 0;
    Given.CallableUsr = "c:@F@abort_all";
    unsigned Made = Main.call(Body, "W::W", local("main::w", "W"), {Given});
    FunctionFact MainFact = Main.build();
    MainFact.Sites[Made].IsConstructor = true;
    std::vector<FunctionFact> Functions{start(),  Run.build(),   stop(),
                                        CtorFact, Abort.build(), MainFact};
    for (FunctionFact &F : Functions)
      if (llvm::StringRef(F.Name).starts_with("W::"))
        F.ObjectClass = "W";
    if (Variant == 2)
      Functions[4].ObjectClass = "Supervisor";
    std::vector<Finding> F = check(Functions);
    if (Variant != 0) {
      EXPECT_TRUE(F.empty()) << Variant;
      continue;
    }
    ASSERT_EQ(F.size(), 1u);
    EXPECT_NE(F[0].Message.find("'W::stop', called on the thread that "
                                "'std::thread::thread' starts to run "
                                "'W::run', joins 'W::thread_'"),
              std::string::npos)
        << F[0].Message;
  }
}

// `for (auto &t : workers_) t.join()` in a pool whose worker calls it.
TEST_F(SelfJoinTest, JoiningEveryHandleOfATableJoinsItsOwn) {
  ObjectRef Workers = global("W::workers_", "std::vector");
  FunctionBuilder Start("W::start");
  ArgFact Run;
  Run.Index = 0;
  Run.CallableUsr = "c:@F@W::run";
  unsigned Made = Start.call(Body, "std::thread::thread", {}, {Run});
  Start.assign(Body, Workers, Made);
  FunctionFact S = Start.build();
  S.Sites[Made].IsConstructor = true;
  S.Sites[Made + 1].CalleeName = "std::thread::operator=";
  FunctionBuilder Stop("W::stop");
  unsigned Join =
      Stop.call(Body, "std::thread::join", local("W::stop::t", "std::thread"));
  FunctionFact St = Stop.build();
  St.Sites[Join].ReceiverHolder = Workers;
  std::vector<Finding> F = check({S, run(), St});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("joins 'W::workers_', where that thread's own "
                              "handle is kept"),
            std::string::npos)
      << F[0].Message;
}

// `workers_.push_back(std::thread(&W::run, this))`: the table keeps the
// handle its push_back is given, made by the thread's constructor.
TEST_F(SelfJoinTest, AHandleMadeForAPushBackIsKeptInTheTable) {
  ASSERT_FALSE(bool(Models.addJson(
      R"({"functions": [{"name": "std::vector::push_back",
                         "storesCallable": 0}]})",
      "more")));
  ObjectRef Workers = global("W::workers_", "std::vector");
  FunctionBuilder Start("W::start");
  ArgFact Run;
  Run.Index = 0;
  Run.CallableUsr = "c:@F@W::run";
  unsigned Made = Start.call(Body, "std::thread::thread", {}, {Run});
  ArgFact Handle = argType(0, "std::thread");
  Handle.MadeBy = static_cast<int>(Made);
  Start.call(Body, "std::vector::push_back", Workers, {Handle});
  FunctionFact S = Start.build();
  S.Sites[Made].IsConstructor = true;
  FunctionBuilder Stop("W::stop");
  unsigned Join =
      Stop.call(Body, "std::thread::join", local("W::stop::t", "std::thread"));
  FunctionFact St = Stop.build();
  St.Sites[Join].ReceiverHolder = Workers;
  std::vector<Finding> F = check({S, run(), St});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Severity, Level::Warning);
  // Not kept: the same program with the handle made for another call.
  S.Sites[Made + 1].Args[0].MadeBy = -1;
  EXPECT_TRUE(check({S, run(), St}).empty());
}

// A recursive function run by std::async that waits for the task it starts:
// each call's local future is its child's.
TEST_F(SelfJoinTest, ALocalHandleInItsOwnCallableIsAChilds) {
  FunctionBuilder Sum("sum");
  ArgFact Self;
  Self.Index = 0;
  Self.CallableUsr = "c:@F@sum";
  unsigned Async = Sum.call(Body, "std::async", {}, {Self});
  ObjectRef Upper = local("sum::upper", "std::future");
  unsigned Holds = Sum.scopeBegin(Body, Upper);
  Sum.call(Body, "std::future::get", Upper);
  Sum.scopeEnd(Body, Upper);
  FunctionFact F = Sum.build();
  F.Sites[Holds].OperandCall = Async;
  ASSERT_FALSE(bool(Models.addJson(
      R"({"functions": [{"name": "std::future::get", "joins": true}]})",
      "more")));
  EXPECT_TRUE(check({F}).empty());
}

// An async task that takes a future out of the table its own future was
// assigned to, and lets it go: possibly its own, a warning.
TEST_F(SelfJoinTest, AsyncTaskDestroyingAFutureOfItsTableIsPossible) {
  ObjectRef Jobs = global("P::jobs_", "std::map");
  ObjectRef Running = local("P::submit::running", "std::future");
  ObjectRef Mine = local("job::mine", "std::future");
  FunctionBuilder Submit("P::submit");
  ArgFact Job;
  Job.Index = 1;
  Job.CallableUsr = "c:@F@job";
  unsigned Async = Submit.call(Body, "std::async", {}, {constant(0, 1), Job});
  unsigned Holds = Submit.scopeBegin(Body, Running);
  Submit.call(Body, "std::future::operator=", Jobs, {argOf(0, Running)});
  Submit.scopeEnd(Body, Running);
  FunctionFact S = Submit.build();
  S.Sites[Holds].OperandCall = Async;

  auto TaskTakingItsFuture = [&](bool HandsItOn) {
    FunctionBuilder B("job");
    unsigned Element = B.call(Body, "std::map::operator[]", Jobs);
    unsigned Taken = B.scopeBegin(Body, Mine);
    if (HandsItOn)
      B.call(Body, "reaper::keep", {}, {argOf(0, Mine)});
    B.scopeEnd(Body, Mine);
    FunctionFact F = B.build();
    F.Sites[Taken].OperandCall = Element;
    return F;
  };
  std::vector<Finding> F = check({S, TaskTakingItsFuture(false)});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Severity, Level::Warning);
  EXPECT_NE(F[0].Message.find("possible deadlock: 'job', run on a thread by "
                              "'std::async', destroys 'mine', a handle taken "
                              "from 'P::jobs_'"),
            std::string::npos)
      << F[0].Message;
  // Handed on before it goes, it is destroyed elsewhere.
  EXPECT_TRUE(check({S, TaskTakingItsFuture(true)}).empty());

  // `keep(running)`, whose `jobs_[id] = std::move(f)` stores what its
  // reference parameter is bound to.
  FunctionBuilder ViaHelper("P::submit");
  unsigned Started =
      ViaHelper.call(Body, "std::async", {}, {constant(0, 1), Job});
  unsigned Kept = ViaHelper.scopeBegin(Body, Running);
  ViaHelper.call(Body, "P::keep", {}, {argOf(0, Running)});
  ViaHelper.scopeEnd(Body, Running);
  FunctionFact V = ViaHelper.build();
  V.Sites[Kept].OperandCall = Started;
  FunctionBuilder Keep("P::keep");
  Keep.call(Body, "std::future::operator=", Jobs,
            {argOf(0, param("P::keep", 0, "f", "std::future"))});
  EXPECT_EQ(check({V, Keep.build(), TaskTakingItsFuture(false)}).size(), 1u);
}

// `thread_ = std::thread([this] { loop_.run(); })`: the loop's callbacks run
// on that thread, so one that stops the server and joins the thread joins
// itself; not when other code runs the loop too, on another thread.
TEST_F(SelfJoinTest, LoopCallbacksRunOnTheThreadThatRunsTheLoop) {
  ASSERT_FALSE(bool(Models.addJson(R"({"functions": [
      {"name": "loop::run", "runsLoop": true},
      {"name": "loop::post", "loopCallback": 0}]})",
                                   "more")));
  FunctionBuilder Run("W::run"), Register("W::listen"), Handler("W::on_read");
  Run.call(Body, "loop::run", global("W::loop_", "loop"));
  Register.pass(Body, "loop::post", 0, "W::on_read");
  Handler.call(Body, "W::stop");
  std::vector<FunctionFact> Program = {start(), Run.build(), Register.build(),
                                       Handler.build(), stop()};
  std::vector<Finding> F = check(Program);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Severity, Level::Warning);
  EXPECT_NE(F[0].Message.find("'W::stop', called by 'W::on_read', a callback "
                              "of the event loop ('loop::run') on the thread "
                              "that 'std::thread::thread' starts, joins "
                              "'W::thread_', which holds that thread"),
            std::string::npos)
      << F[0].Message;
  FunctionBuilder Main("main");
  Main.call(Body, "loop::run", global("other_loop", "loop"));
  Program.push_back(Main.build());
  EXPECT_TRUE(check(Program).empty());
}

// The search from a thread's callable walks each call once: a chain of N
// members costs linear work.
TEST_F(SelfJoinTest, SearchWorkIsLinearInTheCalls) {
  const int N = 2000;
  std::vector<FunctionFact> Program = {start(), stop()};
  for (int I = 0; I < N; ++I) {
    FunctionBuilder B(I == 0 ? std::string("W::run")
                             : "W::f" + std::to_string(I));
    B.call(Body, I + 1 < N ? "W::f" + std::to_string(I + 1) : "W::stop");
    Program.push_back(B.build());
  }
  EXPECT_EQ(check(Program).size(), 1u);
  EXPECT_LE(ruleWork("wait-cycle", Program, Models), 10u * N);
}

} // namespace
