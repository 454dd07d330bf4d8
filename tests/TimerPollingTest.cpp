//===- TimerPollingTest.cpp - The rule on hand-built programs -------------===//

#include "FactsBuilder.h"
#include "corolint/rules/Rule.h"
#include <gtest/gtest.h>

using namespace corolint;
using namespace corolint::test;

namespace {

class TimerPollingTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(bool(Models.addJson(R"({"functions": [
      {"name": "lib::every", "loopCallback": 1, "repeats": true},
      {"name": "lib::once", "loopCallback": 1, "delay": true},
      {"name": "lib::sleep", "delay": true},
      {"name": "lib::yield", "yield": true}]})",
                                     "test")));
  }

  static PollFact poll(PollKind Kind, std::vector<unsigned> Sites,
                       bool Negated = true) {
    PollFact P;
    P.Kind = Kind;
    P.Loc = {"test.cpp", 5, 3};
    P.Flag = Flag;
    P.Negated = Negated;
    P.Sites = std::move(Sites);
    P.OnlyCalls = true;
    return P;
  }

  /// A function that sets the flag.
  static FunctionFact setter() {
    FunctionBuilder B("setter");
    SiteFact S;
    FunctionFact F = B.build();
    S.Kind = SiteKind::Write;
    S.Receiver = Flag;
    S.Loc = {"test.cpp", 40, 3};
    S.Pos = {FunctionBuilder::Body, 0};
    F.Sites.push_back(S);
    F.Cfg[FunctionBuilder::Body].Sites.push_back(0);
    return F;
  }

  /// A coroutine looping on the flag around `co_await <Callee>()`.
  static FunctionFact looper(const std::string &Callee) {
    FunctionBuilder B("looper", true);
    unsigned Suspend = B.suspend(Body);
    unsigned Call = B.call(Body, Callee);
    FunctionFact F = B.build();
    F.Sites[Suspend].OperandCall = Call;
    F.Polls.push_back(poll(PollKind::Loop, {Suspend, Call}));
    return F;
  }

  /// A sleep loop on the flag that also calls \p Callee of the program, a
  /// const member with a result when \p Query.
  static FunctionFact looperCalling(const std::string &Callee, bool Query) {
    FunctionFact L = looper("lib::sleep");
    SiteFact Call = L.Sites.back();
    Call.Id = L.Sites.size();
    Call.CalleeName = Callee;
    Call.CalleeUsr = "c:@F@" + Callee;
    Call.Pos = {-1, 0};
    Call.Query = Query;
    L.Polls[0].Sites.push_back(Call.Id);
    L.Sites.push_back(Call);
    return L;
  }

  /// A callback guarded by the flag, registered with \p Registration.
  static std::vector<FunctionFact> guarded(const std::string &Registration,
                                           bool Negated) {
    FunctionBuilder Start("start");
    Start.pass(Body, Registration, 1, "tick");
    FunctionBuilder Tick("tick");
    FunctionFact T = Tick.build();
    T.Polls.push_back(poll(PollKind::Guard, {}, Negated));
    return {Start.build(), T};
  }

  /// \p Functions with the flag polled made one that code outside the
  /// program may set (a global with external linkage).
  static std::vector<FunctionFact>
  withPublicFlag(std::vector<FunctionFact> Functions) {
    for (FunctionFact &F : Functions)
      for (PollFact &P : F.Polls)
        P.Flag.Internal = false;
    return Functions;
  }

  std::vector<Finding> check(std::vector<FunctionFact> Functions) {
    return runRule("timer-polling", std::move(Functions), Models);
  }

  ApiModels Models;
  /// Internal: nothing outside the program can set it.
  static inline ObjectRef Flag = [] {
    ObjectRef R = global("ready", "");
    R.Internal = true;
    return R;
  }();
  static constexpr unsigned Body = FunctionBuilder::Body;
};

TEST_F(TimerPollingTest, SleepLoopOnAFlagNothingSetsNeverEnds) {
  std::vector<Finding> F = check({looper("lib::sleep")});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("sleeps in a loop until 'ready' changes, and "
                              "nothing in the analyzed program sets 'ready': "
                              "this never ends"),
            std::string::npos)
      << F[0].Message;
}

// A sleep loop lets the loop run the code that sets the flag: it notices the
// change a tick late, but it ends. A flag code outside the program may set
// says nothing either way.
TEST_F(TimerPollingTest, SleepLoopOnAFlagThatIsSetIsSlowNotStuck) {
  EXPECT_TRUE(check({looper("lib::sleep"), setter()}).empty());
  EXPECT_TRUE(check(withPublicFlag({looper("lib::sleep")})).empty());
}

TEST_F(TimerPollingTest, YieldLoopSaysItSpinsWhoeverSetsTheFlag) {
  std::vector<Finding> F = check({looper("lib::yield"), setter()});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("spins at full CPU"), std::string::npos);
  EXPECT_NE(F[0].Message.find("'ready' is set in 'setter'"), std::string::npos);
  ASSERT_FALSE(F[0].Path.empty());
  EXPECT_EQ(F[0].Path.back().Loc.Line, 40u);
}

TEST_F(TimerPollingTest, LoopThatCallsTheProgramDoesWork) {
  FunctionBuilder Work("flush");
  EXPECT_TRUE(check({looperCalling("flush", false), Work.build()}).empty());
}

// Reading the program's state while waiting (`queue.size()` in a log line)
// does nothing the loop waits for: the loop is still polling.
TEST_F(TimerPollingTest, LoopThatOnlyQueriesTheProgramIsPolling) {
  FunctionBuilder Size("queue_size");
  std::vector<Finding> F =
      check({looperCalling("queue_size", true), Size.build()});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("sleeps in a loop until 'ready' changes"),
            std::string::npos)
      << F[0].Message;
}

TEST_F(TimerPollingTest, RepeatingTimerGuardWaitingForTheFlag) {
  std::vector<Finding> F = check(guarded("lib::every", /*Negated=*/true));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("timer callback polls 'ready'"),
            std::string::npos);
  std::vector<FunctionFact> Set = guarded("lib::every", /*Negated=*/true);
  Set.push_back(setter());
  EXPECT_TRUE(check(Set).empty());
}

TEST_F(TimerPollingTest, StopTestAndOneShotTimersAreNotPolling) {
  EXPECT_TRUE(check(guarded("lib::every", /*Negated=*/false)).empty());
  EXPECT_TRUE(check(guarded("lib::once", /*Negated=*/true)).empty());
}

// `every(100ms, [this] { check(); })`: a lambda that calls the guarded
// member on every path runs it on every tick; one that calls it on some
// ticks only, or a function that is no lambda, does not make it repeat.
TEST_F(TimerPollingTest, GuardInAMemberALambdaCallsOnEveryTick) {
  auto Program = [&](bool Lambda, bool OnEveryPath) {
    FunctionBuilder Start("start");
    Start.pass(Body, "lib::every", 1, "tick");
    FunctionBuilder Tick("tick");
    unsigned Branch = Tick.block();
    if (!OnEveryPath)
      Tick.succs(Body, {Branch, 1}).succs(Branch, {1});
    Tick.call(OnEveryPath ? Body : Branch, "check");
    FunctionFact T = Tick.build();
    T.IsLambda = Lambda;
    FunctionFact Check = FunctionBuilder("check").build();
    Check.Polls.push_back(poll(PollKind::Guard, {}, /*Negated=*/true));
    return std::vector<FunctionFact>{Start.build(), T, Check};
  };
  std::vector<Finding> F = check(Program(true, true));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("'check' timer callback polls 'ready'"),
            std::string::npos)
      << F[0].Message;
  EXPECT_TRUE(check(Program(true, false)).empty());
  EXPECT_TRUE(check(Program(false, true)).empty());
}

TEST_F(TimerPollingTest, GuardThatRearmsItselfIsPolling) {
  FunctionBuilder Tick("tick");
  unsigned Rearm = Tick.pass(Body, "lib::once", 1, "tick");
  FunctionFact T = Tick.build();
  T.Polls.push_back(poll(PollKind::Guard, {Rearm}, /*Negated=*/false));
  std::vector<Finding> F = check({T});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("re-arms the timer and returns"),
            std::string::npos);
}

/// \p Functions with their polls comparing the flag with the enumerator
/// \p Name, of value \p Value (`if (state != State::Done) return;`).
std::vector<FunctionFact> comparedWith(std::vector<FunctionFact> Functions,
                                       int64_t Value, const std::string &Name) {
  for (FunctionFact &F : Functions)
    for (PollFact &P : F.Polls) {
      P.Value = Value;
      P.ValueName = Name;
    }
  return Functions;
}

// `if (state != State::Done) return;`: `state_ = State::Failed` sets the
// flag, but not to what the guard waits for.
TEST_F(TimerPollingTest, GuardWaitingForAnEnumeratorIsNotEndedByAnother) {
  auto Program = [&](int64_t Written) {
    std::vector<FunctionFact> Functions =
        comparedWith(guarded("lib::every", /*Negated=*/true), 2, "Done");
    FunctionFact Set = setter();
    Set.Sites[0].Value = Written;
    Functions.push_back(Set);
    return check(Functions);
  };
  std::vector<Finding> F = Program(3);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("on every tick while it is not 'Done' it only "
                              "returns, and nothing in the analyzed program "
                              "sets 'ready' to 'Done'"),
            std::string::npos)
      << F[0].Message;
  EXPECT_TRUE(Program(2).empty());
}

// `if (state == State::Running) return;` waits for the state to leave the
// value it starts with; a guard on a value the flag does not start with
// (`if (state == State::Closed) return;`) skips the timer's work for good.
TEST_F(TimerPollingTest, GuardOnTheStartingEnumeratorWaitsForAChange) {
  auto Program = [&](std::optional<int64_t> Start) {
    std::vector<FunctionFact> Functions =
        comparedWith(guarded("lib::every", /*Negated=*/false), 0, "Running");
    if (Start) {
      FunctionFact Init = setter();
      Init.Name = Init.Usr = "init";
      Init.Sites[0].Initial = true;
      Init.Sites[0].Value = *Start;
      Functions.push_back(Init);
    }
    return check(Functions);
  };
  std::vector<Finding> F = Program(0);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("while it is 'Running' it only returns, and "
                              "nothing in the analyzed program sets 'ready' "
                              "to another value than 'Running'"),
            std::string::npos)
      << F[0].Message;
  EXPECT_TRUE(Program(1).empty());
  EXPECT_TRUE(Program(std::nullopt).empty());
}

// `if (!parse()) { error_ = ...; poll_.stop(); return; } state_ = Done;`
// with the poll stopping `poll_` once it sees `Done`: the path that
// records the error ends the poll itself. Without the stop it polls on.
TEST_F(TimerPollingTest, SetterPathThatStopsThePollEndsIt) {
  ObjectRef Timer = object(ObjectRef::Kind::Field, "importer::poll_", "timer");
  auto Program = [&](bool FailureStops) {
    std::vector<FunctionFact> Functions =
        comparedWith(guarded("lib::every", /*Negated=*/true), 2, "Done");
    FunctionBuilder Tick("tick");
    Tick.call(Body, "timer::stop", Timer);
    FunctionFact T = Tick.build();
    T.Polls = Functions[1].Polls;
    Functions[1] = T;
    FunctionBuilder Load("load");
    unsigned Fail = Load.block(), Ok = Load.block();
    Load.succs(Body, {Fail, Ok}).succs(Fail, {1}).succs(Ok, {1});
    unsigned Error = Load.call(Fail, "error");
    if (FailureStops)
      Load.call(Fail, "timer::stop", Timer);
    unsigned Set = Load.call(Ok, "set");
    FunctionFact L = Load.build();
    L.Sites[Error].Kind = L.Sites[Set].Kind = SiteKind::Write;
    L.Sites[Error].Receiver =
        object(ObjectRef::Kind::Field, "importer::error_", "");
    L.Sites[Set].Receiver = Flag;
    L.Sites[Set].Value = 2;
    L.Cfg[Fail].Return = SourceLoc{"test.cpp", 60, 7};
    FunctionBuilder Main("main");
    Main.call(Body, "load");
    Functions.push_back(L);
    Functions.push_back(Main.build());
    return check(Functions);
  };
  std::vector<Finding> F = Program(false);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("'ready' is set to 'Done' only by 'load', "
                              "which can end without setting it"),
            std::string::npos)
      << F[0].Message;
  EXPECT_TRUE(Program(true).empty());
}

} // namespace
