//===- MissingTimeoutTest.cpp - The rule on hand-built programs -----------===//

#include "FactsBuilder.h"
#include "corolint/rules/Rule.h"
#include <algorithm>
#include <gtest/gtest.h>

using namespace corolint;
using namespace corolint::test;

namespace {

class MissingTimeoutTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(bool(Models.addJson(R"({
      "functions": [
        {"name": "net::socket::read", "external": true},
        {"name": "net::either", "race": true},
        {"name": "net::both", "failFast": true},
        {"name": "net::sleep", "delay": true},
        {"name": "net::timer::on_expiry", "loopCallback": 0, "delay": true},
        {"name": "net::deadline", "timeout": true},
        {"name": "net::loop::exit", "stopsLoop": true},
        {"name": "net::socket::write", "external": true, "writes": true},
        {"name": "net::listener::accept", "accepts": true},
        {"name": "net::socket::connect", "connects": true},
        {"name": "queue::erase", "destroysElements": true},
        {"name": "net::loop::post", "loopCallback": 0},
        {"name": "net::socket::async_read", "loopCallback": 0,
         "external": true},
        {"name": "net::socket::async_write", "loopCallback": 0,
         "external": true, "writes": true},
        {"name": "net::listener::async_accept", "loopCallback": 0,
         "accepts": true},
        {"name": "net::socket::async_connect", "loopCallback": 0,
         "connects": true},
        {"name": "net::close", "objectArg": 0, "cancels": true}],
      "types": [{"name": "net::socket", "role": "io-object",
                 "cancels": ["close"]},
                {"name": "net::promise", "role": "resource",
                 "resourceKind": "promise", "handsOut": ["get_future"],
                 "signals": ["set_value"]},
                {"name": "net::future", "role": "resource",
                 "resourceKind": "future", "waits": ["get"]},
                {"name": "net::timer", "role": "resource",
                 "resourceKind": "timer", "waits": ["on_expiry"],
                 "signals": ["cancel"]}]})",
                                     "test")));
  }

  /// co_await socket.read(), optionally inside `either(read, sleep)`.
  static FunctionFact reader(const std::string &Name, bool Raced) {
    FunctionBuilder B(Name, true);
    unsigned Suspend = B.suspend(Body);
    unsigned Read = B.call(Body, "net::socket::read", Sock);
    FunctionFact F = B.build();
    F.Sites[Suspend].OperandCall = Read;
    if (Raced) {
      FunctionBuilder Extra = B;
      unsigned Race = Extra.call(Body, "net::either");
      unsigned Sleep = Extra.call(Body, "net::sleep");
      F = Extra.build();
      F.Sites[Suspend].OperandCall = Race;
      F.Sites[Read].AwaitedIn = F.Sites[Sleep].AwaitedIn = Suspend;
    }
    F.Sites[Suspend].Implicit = false;
    return F;
  }

  /// A coroutine that awaits \p Callee, bounded by a deadline or not.
  static FunctionFact awaiter(const std::string &Name,
                              const std::string &Callee, bool Deadline) {
    FunctionBuilder B(Name, true);
    unsigned Suspend = B.suspend(Body);
    unsigned Call = B.call(Body, Callee);
    FunctionFact F;
    if (Deadline) {
      unsigned Wrap = B.call(Body, "net::deadline");
      F = B.build();
      F.Sites[Suspend].OperandCall = Wrap;
      F.Sites[Call].AwaitedIn = Suspend;
    } else {
      F = B.build();
      F.Sites[Suspend].OperandCall = Call;
    }
    return F;
  }

  /// A coroutine that sleeps and then closes the socket.
  static FunctionFact watchdog(const std::string &Name) {
    FunctionBuilder Expire(Name, true);
    unsigned Nap = Expire.suspend(Body);
    unsigned Sleep = Expire.call(Body, "net::sleep");
    Expire.call(Body, "net::socket::close", Sock);
    FunctionFact E = Expire.build();
    E.Sites[Nap].OperandCall = Sleep;
    return E;
  }

  enum class ErrorBranch {
    Returns,
    Fulfils,
    CallsAHandler,
    Throws,
    ReadsTheLookup
  };
  /// `client::on_reply`: finds the waiter in `client::pending_`, returns
  /// when it found none, and on an error status does what \p E says
  /// before it returns; otherwise it fulfils the waiter and erases it.
  static FunctionFact replyDispatch(ErrorBranch E) {
    FunctionBuilder R("client::on_reply");
    ObjectRef It = local("on_reply::it", "queue::iterator");
    ObjectRef Found =
        object(ObjectRef::Kind::Field, "pair::second", "net::promise");
    unsigned Check = R.block(), Error = R.block(), Give = R.block();
    // auto it = pending_.find(id); if (it == pending_.end()) return;
    unsigned Find = R.call(Body, "queue::find", Pending);
    R.call(Body, "operator==", {}, {argOf(0, It)});
    R.succs(Body, {1, Check});
    // if (status != ok) { log(); return; }
    if (E == ErrorBranch::ReadsTheLookup)
      R.call(Check, "queue::iterator::stale", It);
    R.succs(Check, {Error, Give});
    R.call(Error, "log::write");
    if (E == ErrorBranch::Fulfils)
      R.call(Error, "net::promise::set_value", Found);
    if (E == ErrorBranch::CallsAHandler)
      R.call(Error, "client::fail");
    R.succs(Error, {1});
    // it->second.set_value(v); pending_.erase(it);
    R.call(Give, "net::promise::set_value", Found);
    R.call(Give, "queue::erase", Pending, {argOf(0, It)});
    R.succs(Give, {1});
    FunctionFact F = R.build();
    F.Sites[Find].StoredIn = It;
    F.Sites[Find].Mutates = true;
    F.Cfg[Error].Throws = E == ErrorBranch::Throws;
    return F;
  }

  /// The coroutines are the project's own (declared only in their unit):
  /// they run. Other functions run when what runs calls them.
  std::vector<Finding> check(std::vector<FunctionFact> Functions) {
    for (FunctionFact &F : Functions)
      F.MainFileOnly = F.MainFileOnly || F.IsCoroutine;
    return runRule("missing-timeout", std::move(Functions), Models);
  }

  ApiModels Models;
  static inline ObjectRef Sock = global("sock", "net::socket");
  static inline ObjectRef Pending =
      object(ObjectRef::Kind::Field, "client::pending_", "queue");
  static constexpr unsigned Body = FunctionBuilder::Body;
};

// A header's coroutine that nothing in the program runs (a library's
// `write_all()` this program never calls) waits for no one; the same
// coroutine called by a handler of the project's is reported.
TEST_F(MissingTimeoutTest, AHeadersCoroutineNothingRunsIsNotReported) {
  FunctionFact Helper = reader("conn::read_all", false);
  std::vector<Finding> F =
      runRule("missing-timeout", {Helper}, Models); // Not the project's.
  EXPECT_TRUE(F.empty());
  FunctionBuilder Handler("handle");
  Handler.call(Body, "conn::read_all");
  FunctionFact H = Handler.build();
  H.MainFileOnly = true;
  F = runRule("missing-timeout", {Helper, H}, Models);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Function, "conn::read_all");
}

TEST_F(MissingTimeoutTest, BareExternalAwaitIsReported) {
  std::vector<Finding> F = check({reader("session", false)});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("'net::socket::read' waits for a peer with no "
                              "deadline"),
            std::string::npos)
      << F[0].Message;
  EXPECT_EQ(F[0].Resources, (std::vector<std::string>{"c:@sock"}));
}

TEST_F(MissingTimeoutTest, RaceAgainstADelayBounds) {
  EXPECT_TRUE(check({reader("session", true)}).empty());
}

TEST_F(MissingTimeoutTest, RaceWithoutADelayDoesNotBound) {
  FunctionFact F = reader("session", true);
  F.Sites.back().CalleeName = "net::other"; // The sleep is gone.
  EXPECT_EQ(check({F}).size(), 1u);
}

// `both(session(), watchdog())` fails as soon as one side does: a
// watchdog that sleeps and then throws on every path bounds the session's
// read; a delay that returns (pacing) does not.
TEST_F(MissingTimeoutTest, FailFastJoinWithAWatchdogThatThrowsBounds) {
  auto Check = [&](bool Throws, bool Forever = false) {
    FunctionBuilder Watchdog("watchdog", true);
    unsigned Sleep = Watchdog.call(Body, "net::sleep");
    unsigned Slept = Watchdog.suspend(Body);
    FunctionFact WatchdogFact = Watchdog.build();
    WatchdogFact.Sites[Slept].OperandCall = Sleep;
    WatchdogFact.Sites[Slept].Implicit = false;
    WatchdogFact.Cfg[FunctionBuilder::Body].Throws = Throws;
    if (Forever) // `for (;;) co_await sleep(d);`: it never ends at all.
      WatchdogFact.Cfg[FunctionBuilder::Body].Succs = {FunctionBuilder::Body};
    FunctionBuilder Session("session", true);
    unsigned Suspend = Session.suspend(Body);
    unsigned Join = Session.call(Body, "net::both");
    unsigned Read = Session.call(Body, "reader");
    unsigned Guard = Session.call(Body, "watchdog");
    FunctionFact SessionFact = Session.build();
    SessionFact.Sites[Suspend].OperandCall = Join;
    SessionFact.Sites[Suspend].Implicit = false;
    SessionFact.Sites[Read].AwaitedIn = SessionFact.Sites[Guard].AwaitedIn =
        Suspend;
    return check({reader("reader", false), WatchdogFact, SessionFact});
  };
  EXPECT_TRUE(Check(/*Throws=*/true).empty());
  EXPECT_EQ(Check(/*Throws=*/false).size(), 1u);
  EXPECT_EQ(Check(/*Throws=*/false, /*Forever=*/true).size(), 1u)
      << "a ticker that never ends never fails either";
}

TEST_F(MissingTimeoutTest, WatchdogTimerThatClosesTheSocketBounds) {
  FunctionBuilder Arm("arm");
  Arm.pass(Body, "net::timer::on_expiry", 0, "expired");
  FunctionBuilder Expired("expired");
  Expired.call(Body, "net::socket::close", Sock);
  EXPECT_TRUE(
      check({reader("session", false), Arm.build(), Expired.build()}).empty());
  FunctionBuilder Other("expired");
  Other.call(Body, "net::socket::close", global("other", "net::socket"));
  EXPECT_EQ(
      check({reader("session", false), Arm.build(), Other.build()}).size(), 1u);
}

// A test harness handed the test coroutine arms a timer that stops the loop
// (through a helper): the test's read is bounded. A timer that does not stop
// the loop, or a harness with no timer, bounds nothing.
TEST_F(MissingTimeoutTest, HarnessWhoseTimerStopsTheLoopBoundsTheTestsItRuns) {
  for (bool Stops : {true, false}) {
    FunctionBuilder Harness("harness");
    Harness.pass(Body, "net::timer::on_expiry", 0, "expired");
    FunctionBuilder Expired("expired");
    Expired.call(Body, "fail_test");
    FunctionBuilder Fail("fail_test");
    Fail.call(Body, Stops ? "net::loop::exit" : "net::other");
    FunctionBuilder Main("test_main");
    Main.pass(Body, "harness", 0, "session");
    std::vector<Finding> F =
        check({reader("session", false), Harness.build(), Expired.build(),
               Fail.build(), Main.build()});
    EXPECT_EQ(F.size(), Stops ? 0u : 1u);
  }
  // The stop under a condition: body -> {stop, exit}.
  FunctionBuilder Maybe("fail_test");
  unsigned Stop = Maybe.block();
  Maybe.succs(Body, {Stop, 1}).succs(Stop, {1});
  Maybe.call(Stop, "net::loop::exit");
  FunctionBuilder Harness("harness");
  Harness.pass(Body, "net::timer::on_expiry", 0, "expired");
  FunctionBuilder Expired("expired");
  Expired.call(Body, "fail_test");
  FunctionBuilder Starter("test_main");
  Starter.pass(Body, "harness", 0, "session");
  EXPECT_EQ(check({reader("session", false), Harness.build(), Expired.build(),
                   Maybe.build(), Starter.build()})
                .size(),
            1u);
  FunctionBuilder Plain("harness");
  Plain.call(Body, "net::other");
  FunctionBuilder Main("test_main");
  Main.pass(Body, "harness", 0, "session");
  EXPECT_EQ(check({reader("session", false), Plain.build(), Main.build()}).size(),
            1u);
}

/// A coroutine that accepts or connects, then awaits a bare write.
static FunctionFact end(const std::string &Name, const std::string &Opens) {
  FunctionBuilder B(Name, true);
  B.call(FunctionBuilder::Body, Opens);
  unsigned Suspend = B.suspend(FunctionBuilder::Body);
  unsigned Write = B.call(FunctionBuilder::Body, "net::socket::write",
                          global("sock", "net::socket"));
  FunctionFact F = B.build();
  F.Sites[Suspend].OperandCall = Write;
  F.Sites[Suspend].Implicit = false;
  return F;
}

/// The functions reported, in order.
static std::vector<std::string> functionsOf(const std::vector<Finding> &F) {
  std::vector<std::string> Names;
  for (const Finding &R : F)
    Names.push_back(R.Function);
  std::sort(Names.begin(), Names.end());
  return Names;
}

// A test that starts a server and its client holds both ends: their writes
// go to a peer that reads them. A server started next to another server, or
// also run by a production main, writes to peers nobody here controls.
TEST_F(MissingTimeoutTest, WritesBetweenTwoEndsOfOneTestAreNotReported) {
  using Names = std::vector<std::string>;
  auto Run = [&](const char *Other, bool AlsoInProduction) {
    FunctionBuilder Test("test_main");
    Test.call(Body, "server");
    Test.call(Body, Other);
    FunctionBuilder Production("main");
    Production.call(Body, AlsoInProduction ? "server" : "server2");
    return functionsOf(check({end("server", "net::listener::accept"),
                              end("client", "net::socket::connect"),
                              end("server2", "net::listener::accept"),
                              Test.build(), Production.build()}));
  };
  EXPECT_EQ(Run("client", false), Names({"server2"}));
  EXPECT_EQ(Run("server2", false), Names({"client", "server", "server2"}));
  EXPECT_EQ(Run("client", true), Names({"server", "server2"}));
}

// A chain of N coroutines, each awaiting the next bare, with a deadline only
// at the top: every await below is covered. Cut the deadline and the read at
// the bottom is reported once.
// A function that is not a coroutine and returns the read hands its caller
// the read: awaiting it is awaiting the read.
TEST_F(MissingTimeoutTest, AwaitOfAWrapperReturningTheReadIsTheRead) {
  FunctionBuilder Wrap("read_frame");
  unsigned Read = Wrap.call(Body, "net::socket::read", Sock);
  FunctionFact W = Wrap.build();
  W.Sites[Read].Returned = true;
  std::vector<Finding> F = check({W, awaiter("session", "read_frame", false)});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("'net::socket::read', which 'read_frame' "
                              "returns, waits for a peer with no deadline"),
            std::string::npos)
      << F[0].Message;
  W.Sites[Read].Returned = false; // Read there and not awaited: a callback API.
  EXPECT_TRUE(check({W, awaiter("session", "read_frame", false)}).empty());
}

// A coroutine that sleeps and then closes the socket, started by a guard's
// constructor, bounds what the function creating the guard awaits, and
// nothing else: the guard's destructor ends it.
TEST_F(MissingTimeoutTest, WatchdogCoroutineBoundsTheScopeThatStartsIt) {
  FunctionBuilder Guard("guard::guard");
  FunctionFact E = watchdog("expire");
  Guard.call(Body, "expire");
  FunctionBuilder Request("request", true);
  Request.call(Body, "guard::guard");
  unsigned Suspend = Request.suspend(Body);
  unsigned Read = Request.call(Body, "net::socket::read", Sock);
  FunctionFact G = Request.build();
  G.Sites[Suspend].OperandCall = Read;
  G.Sites[Suspend].Implicit = false;
  // Armed after the read, the guard bounds nothing the read waits for.
  FunctionBuilder Late("late", true);
  unsigned LateSuspend = Late.suspend(Body);
  unsigned LateRead = Late.call(Body, "net::socket::read", Sock);
  Late.call(Body, "guard::guard");
  FunctionFact L = Late.build();
  L.Sites[LateSuspend].OperandCall = LateRead;
  L.Sites[LateSuspend].Implicit = false;
  FunctionFact Release = FunctionBuilder("guard::~guard").build();
  std::vector<Finding> F =
      check({E, Guard.build(), Release, G, reader("next_push", false), L});
  ASSERT_EQ(F.size(), 2u);
  EXPECT_EQ(F[0].Function, "late");
  EXPECT_EQ(F[1].Function, "next_push");
  // Started by a function that nothing undoes (no destructor of its class),
  // the watchdog outlives the scope and bounds every read of its socket.
  EXPECT_TRUE(
      check({E, Guard.build(), G, reader("next_push", false), L}).empty());
}

// A watchdog armed only while a flag is set that nothing sets is never
// armed; once something may set the flag, it bounds the read.
TEST_F(MissingTimeoutTest, WatchdogArmedUnderAFlagNothingSetsBoundsNothing) {
  FunctionBuilder Guard("guard::guard");
  FunctionFact E = watchdog("expire");
  ObjectRef Enabled =
      object(ObjectRef::Kind::Field, "client::enable_timeout_", "");
  Enabled.Internal = true;
  unsigned Arm = Guard.call(Body, "expire");
  FunctionFact G = Guard.build();
  G.Sites[Arm].GuardFlags = {Enabled};
  FunctionBuilder Request("request", true);
  Request.call(Body, "guard::guard");
  unsigned Suspend = Request.suspend(Body);
  unsigned Read = Request.call(Body, "net::socket::read", Sock);
  FunctionFact R = Request.build();
  R.Sites[Suspend].OperandCall = Read;
  R.Sites[Suspend].Implicit = false;
  FunctionFact Release = FunctionBuilder("guard::~guard").build();
  EXPECT_EQ(check({E, G, R, Release}).size(), 1u);
  FunctionBuilder Setter("client::enable");
  unsigned Set = Setter.write(Body, Enabled);
  FunctionFact S = Setter.build();
  S.Sites[Set].Value = 1;
  // A setter that the program never calls does not run in it.
  EXPECT_EQ(check({E, G, R, Release, S}).size(), 1u);
  FunctionBuilder Main("main");
  Main.call(Body, "client::enable");
  FunctionFact M = Main.build();
  M.MainFileOnly = true; // The project's own code runs.
  EXPECT_TRUE(check({E, G, R, Release, S, M}).empty());
  S.Sites[Set].Value = 0; // Only ever cleared.
  EXPECT_EQ(check({E, G, R, Release, S, M}).size(), 1u);
}

// A read that nothing bounds names the awaits that wait for it, outermost
// first: where a caller could put the deadline.
TEST_F(MissingTimeoutTest, UnboundedReadNamesTheAwaitsThatWaitForIt) {
  std::vector<Finding> F =
      check({reader("level0", false), awaiter("level1", "level0", false),
             awaiter("top", "level1", false)});
  ASSERT_EQ(F.size(), 1u);
  ASSERT_EQ(F[0].Path.size(), 2u);
  EXPECT_NE(F[0].Path[0].Message.find("'top' awaits 'level1'"),
            std::string::npos)
      << F[0].Path[0].Message;
  EXPECT_NE(F[0].Path[1].Message.find("'level1' awaits 'level0'"),
            std::string::npos);
}

TEST_F(MissingTimeoutTest, DeadlineAtTheTopOfALongChainCoversTheRead) {
  const unsigned N = 2000;
  for (bool Deadline : {true, false}) {
    std::vector<FunctionFact> Fns{reader("level0", false)};
    for (unsigned I = 1; I < N; ++I)
      Fns.push_back(awaiter("level" + std::to_string(I),
                            "level" + std::to_string(I - 1), false));
    Fns.push_back(awaiter("top", "level" + std::to_string(N - 1), Deadline));
    EXPECT_EQ(check(Fns).size(), Deadline ? 0u : 1u);
  }
}

TEST_F(MissingTimeoutTest, DeadlineAroundACoroutineThatNeverSuspends) {
  FunctionBuilder Compute("compute", true);
  Compute.suspend(Body, SuspendKind::Initial);
  FunctionFact C = Compute.build();
  C.Sites[0].Implicit = true;
  FunctionBuilder Caller("caller", true);
  unsigned Wrap = Caller.call(Body, "net::deadline");
  FunctionFact F = Caller.build();
  ArgFact Task;
  Task.ProducerUsr = "c:@F@compute";
  F.Sites[Wrap].Args.push_back(Task);
  std::vector<Finding> Found = check({C, F});
  ASSERT_EQ(Found.size(), 1u);
  EXPECT_NE(Found[0].Message.find("bounds 'compute', which never suspends"),
            std::string::npos);
  // Once compute really awaits something, the deadline can fire.
  FunctionBuilder Real("compute", true);
  Real.suspend(Body);
  EXPECT_TRUE(check({Real.build(), F}).empty());
}

// A coroutine of the program that is a network operation itself (it calls
// ::recv and suspends: a model, as inference gives it) and that code starts
// but nothing awaits is a session started and left: its own wait for the
// socket is reported. Awaited, the await is reported instead; a wait that
// is a pause, or a session nothing starts, is not.
TEST_F(MissingTimeoutTest, ASessionStartedAndLeftReportsItsOwnWait) {
  ASSERT_FALSE(bool(Models.addJson(
      R"({"functions": [{"name": "serve", "external": true}]})", "test")));
  auto Session = [](bool Pauses) {
    FunctionBuilder B("serve", true);
    unsigned Suspend = B.suspend(Body);
    FunctionFact F;
    if (Pauses) {
      unsigned Sleep = B.call(Body, "net::sleep");
      F = B.build();
      F.Sites[Suspend].OperandCall = Sleep;
    } else {
      F = B.build();
    }
    F.Sites[Suspend].Implicit = false;
    return F;
  };
  FunctionBuilder Start("on_accept");
  Start.call(Body, "serve");
  std::vector<Finding> Left = check({Session(false), Start.build()});
  ASSERT_EQ(Left.size(), 1u);
  EXPECT_EQ(Left[0].Function, "serve");
  EXPECT_NE(Left[0].Message.find("it suspends here until its socket is ready"),
            std::string::npos);
  EXPECT_TRUE(check({Session(true), Start.build()}).empty());
  // A C++ coroutine named like the modelled C function (its USR has a
  // signature) is not that function.
  FunctionFact Namesake = Session(false);
  Namesake.Usr = "c:@F@serve#";
  FunctionFact StartNamesake = Start.build();
  StartNamesake.Sites[0].CalleeUsr = Namesake.Usr;
  EXPECT_TRUE(check({Namesake, StartNamesake}).empty());
  EXPECT_TRUE(check({Session(false)}).empty());
  // A session that awaits a read is reported at that read, once.
  FunctionBuilder ReadsB("serve", true);
  unsigned AwaitRead = ReadsB.suspend(Body);
  unsigned Read = ReadsB.call(Body, "net::socket::read", Sock);
  unsigned Parked = ReadsB.suspend(Body);
  FunctionFact Reads = ReadsB.build();
  Reads.Sites[AwaitRead].OperandCall = Read;
  Reads.Sites[AwaitRead].Implicit = Reads.Sites[Parked].Implicit = false;
  std::vector<Finding> AtRead = check({Reads, Start.build()});
  ASSERT_EQ(AtRead.size(), 1u);
  EXPECT_EQ(AtRead[0].Message.find("it suspends here"), std::string::npos);
  std::vector<Finding> Awaited =
      check({Session(false), awaiter("handler", "serve", false)});
  ASSERT_EQ(Awaited.size(), 1u);
  EXPECT_EQ(Awaited[0].Function, "handler");
}

// A promise parked in a queue its object keeps, then awaited through its
// future, waits for whoever takes it out (a pool's release): reported with
// the parking and the release as steps, unless raced against a delay.
// Awaited before it is parked, handed to a member of a local (not kept by
// the object), or to a const member, it is not parked.
TEST_F(MissingTimeoutTest, PromiseParkedInAFieldAndAwaitedIsReported) {
  ObjectRef Waiter = local("acquire::waiter", "net::promise");
  ObjectRef Queue = object(ObjectRef::Kind::Field, "pool::waiters_", "queue");
  auto Acquire = [&](bool Raced, bool ParkFirst, ObjectRef Into, bool Mutates) {
    FunctionBuilder B("pool::acquire", true);
    unsigned Park = 0, Suspend = 0;
    if (ParkFirst)
      Park = B.call(Body, "queue::push_back", Into, {argOf(0, Waiter)});
    Suspend = B.suspend(Body);
    unsigned Future = B.call(Body, "net::promise::get_future", Waiter);
    if (!ParkFirst)
      Park = B.call(Body, "queue::push_back", Into, {argOf(0, Waiter)});
    unsigned Race = B.call(Body, "net::either");
    unsigned Sleep = B.call(Body, "net::sleep");
    FunctionFact F = B.build();
    F.Sites[Park].Mutates = Mutates;
    F.Sites[Suspend].Implicit = false;
    F.Sites[Suspend].OperandCall = Raced ? Race : Future;
    if (Raced)
      F.Sites[Future].AwaitedIn = F.Sites[Sleep].AwaitedIn = Suspend;
    return F;
  };
  // release: `if (!c.open) return;` (Body -> {exit, Give}), then takes a
  // waiter out and fulfils it. Without the early return, every path looks
  // at the waiters: a queue's push handing each item to a consumer.
  auto MakeRelease = [&](bool EarlyReturn) {
    FunctionBuilder R("pool::release");
    ObjectRef Next = local("release::next", "net::promise");
    unsigned Give = Body;
    if (EarlyReturn) {
      Give = R.block();
      R.succs(Body, {1, Give}).succs(Give, {1});
    }
    R.call(Give, "queue::pop_front", Queue);
    R.call(Give, "net::promise::set_value", Next);
    FunctionFact F = R.build();
    F.Sites[0].Mutates = true;
    return F;
  };
  FunctionFact Release = MakeRelease(true);

  std::vector<Finding> F = check({Acquire(false, true, Queue, true), Release});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("the future of 'waiter' is awaited with no "
                              "deadline, while 'waiter' is parked in "
                              "'pool::waiters_' until other code takes it "
                              "out and fulfils it, and 'pool::release' can "
                              "end without looking at 'pool::waiters_'"),
            std::string::npos)
      << F[0].Message;
  ASSERT_EQ(F[0].Path.size(), 3u);
  EXPECT_NE(F[0].Path[2].Message.find("'pool::release' fulfils a waiter"),
            std::string::npos);
  EXPECT_TRUE(
      check({Acquire(false, true, Queue, true), MakeRelease(false)}).empty());
  // The same always-looking release, called by a reader that receives from
  // a peer: the waiter waits for the peer.
  FunctionBuilder Reader("read_replies");
  Reader.call(Body, "net::socket::read", Sock);
  Reader.call(Body, "pool::release");
  std::vector<Finding> Peer = check(
      {Acquire(false, true, Queue, true), MakeRelease(false), Reader.build()});
  ASSERT_EQ(Peer.size(), 1u);
  EXPECT_TRUE(llvm::any_of(Peer, [](const Finding &R) {
    return R.Message.find("which runs when a peer answers ('read_replies')") !=
           std::string::npos;
  }));
  EXPECT_TRUE(check({Acquire(true, true, Queue, true), Release}).empty());
  EXPECT_TRUE(check({Acquire(false, false, Queue, true), Release}).empty());
  EXPECT_TRUE(check({Acquire(false, true, Queue, false), Release}).empty());
  ObjectRef LocalQueue = local("acquire::pending", "queue");
  EXPECT_TRUE(check({Acquire(false, true, LocalQueue, true), Release}).empty());
}

// A handler of one request (`handle(const ack &a)` handing `a.batch` to the
// function that takes waiters out) owes that request its answer: a path
// that returns without handing it on leaves its waiter parked. A handler
// that hands on nothing it was given, or answers on every path, is quiet.
TEST_F(MissingTimeoutTest, AHandlerThatSkipsTheAnswerLeavesItsWaiterParked) {
  ObjectRef Waiter = local("acquire::waiter", "net::promise");
  ObjectRef Queue = object(ObjectRef::Kind::Field, "pool::waiters_", "queue");
  FunctionBuilder A("pool::acquire", true);
  unsigned Park = A.call(Body, "queue::push_back", Queue, {argOf(0, Waiter)});
  unsigned Suspend = A.suspend(Body);
  unsigned Future = A.call(Body, "net::promise::get_future", Waiter);
  FunctionFact Acquire = A.build();
  Acquire.Sites[Park].Mutates = true;
  Acquire.Sites[Suspend].Implicit = false;
  Acquire.Sites[Suspend].OperandCall = Future;
  // release looks at the waiters on every path.
  FunctionBuilder R("pool::release");
  R.call(Body, "queue::pop_front", Queue);
  R.call(Body, "net::promise::set_value", local("release::next", "net::promise"));
  FunctionFact Release = R.build();
  Release.Sites[0].Mutates = true;
  auto Handler = [&](bool EarlyReturn, bool HandsItsParameter) {
    FunctionBuilder H("on_ack");
    unsigned Answer = Body;
    if (EarlyReturn) {
      Answer = H.block();
      H.succs(Body, {1, Answer}).succs(Answer, {1});
    }
    H.call(Answer, "pool::release", {},
           {argOf(0, HandsItsParameter ? param("on_ack", 0, "a", "ack")
                                       : global("last", "ack"))});
    return H.build();
  };
  std::vector<Finding> F = check({Acquire, Release, Handler(true, true)});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("'on_ack' can end without calling "
                              "'pool::release', which takes its request's "
                              "waiter out of 'pool::waiters_'"),
            std::string::npos)
      << F[0].Message;
  EXPECT_TRUE(check({Acquire, Release, Handler(false, true)}).empty());
  EXPECT_TRUE(check({Acquire, Release, Handler(true, false)}).empty());
}

// A reply handler that finds the waiter's promise (`auto it =
// pending_.find(id)`) and fulfils it, but returns from an error branch with
// the promise still in the map, leaves the waiter parked. Returning when the
// lookup found nothing (a branch whose block reads `it`), fulfilling on the
// error branch too (itself or through a function that takes waiters out),
// or throwing there leaves nothing behind.
TEST_F(MissingTimeoutTest, AWaiterFoundAndLeftOnABranchIsReported) {
  ObjectRef Waiter = local("call::reply", "net::promise");
  FunctionBuilder Call("client::call", true);
  unsigned Park =
      Call.call(Body, "queue::push_back", Pending, {argOf(0, Waiter)});
  unsigned Suspend = Call.suspend(Body);
  unsigned Future = Call.call(Body, "net::promise::get_future", Waiter);
  FunctionFact Caller = Call.build();
  Caller.Sites[Park].Mutates = true;
  Caller.Sites[Suspend].Implicit = false;
  Caller.Sites[Suspend].OperandCall = Future;

  std::vector<Finding> Left =
      check({Caller, replyDispatch(ErrorBranch::Returns)});
  ASSERT_EQ(Left.size(), 1u);
  EXPECT_NE(Left[0].Message.find(
                "'client::on_reply' can end with a waiter it found in "
                "'client::pending_' still there, neither fulfilled nor taken "
                "out"),
            std::string::npos)
      << Left[0].Message;
  EXPECT_TRUE(check({Caller, replyDispatch(ErrorBranch::Fulfils)}).empty());
  // `fail(id)` erases what it finds: a call of it hands the waiter on.
  FunctionBuilder Fail("client::fail");
  Fail.call(Body, "queue::erase", Pending);
  EXPECT_TRUE(
      check({Caller, replyDispatch(ErrorBranch::CallsAHandler), Fail.build()})
          .empty());
  EXPECT_EQ(check({Caller, replyDispatch(ErrorBranch::CallsAHandler)}).size(),
            1u);
  // Handing the loop a callable that calls it hands the waiter on as well
  // (`post(io, [=] { fail(id); })`).
  FunctionFact Posts = replyDispatch(ErrorBranch::Returns);
  const unsigned ErrorBlock = 4; // replyDispatch's Error.
  unsigned PostPos = Posts.Cfg[ErrorBlock].Sites.size();
  Posts.Cfg[ErrorBlock].Sites.push_back(Posts.Sites.size());
  SiteFact &Post = Posts.Sites.emplace_back();
  Post.Id = Posts.Sites.size() - 1;
  Post.Kind = SiteKind::Call;
  Post.CalleeName = "net::loop::post";
  Post.CalleeUsr = "c:@F@net::loop::post";
  Post.Pos = {static_cast<int>(ErrorBlock), static_cast<int>(PostPos)};
  ArgFact Later;
  Later.CallableUsr = "c:@F@client::fail_later";
  Post.Args = {Later};
  FunctionBuilder FailLater("client::fail_later");
  FailLater.call(Body, "client::fail");
  EXPECT_TRUE(
      check({Caller, Posts, FailLater.build(), Fail.build()}).empty());
  EXPECT_EQ(check({Caller, Posts, FailLater.build()}).size(), 1u);
  EXPECT_TRUE(check({Caller, replyDispatch(ErrorBranch::Throws)}).empty());
  EXPECT_TRUE(
      check({Caller, replyDispatch(ErrorBranch::ReadsTheLookup)}).empty());
}

// A client writes a request with a completion handler and reads the reply
// from it (through a helper): the read waits for the peer with no
// deadline. A server's read (what an accept's handler starts), a read
// that a read's handler starts (the rest of the same reply), a send that
// answers a read, and a read whose socket a timer's callback closes (by a
// member or by a C function handed it) are not reported.
TEST_F(MissingTimeoutTest, ReadForTheReplyToASendIsReported) {
  enum class Shape {
    Client,
    Server,
    Answer,
    ConnectedLoop,
    Closed,
    ClosedByCall
  };
  auto Check = [&](Shape S) {
    std::vector<FunctionFact> Fns;
    FunctionBuilder Start("start"), Sent("on_sent"), ReadReply("read_reply"),
        Reply("on_reply");
    unsigned Write = Start.pass(Body, "net::socket::async_write", 0, "on_sent");
    Sent.call(Body, "read_reply");
    unsigned Read =
        ReadReply.pass(Body, "net::socket::async_read", 0, "on_reply");
    unsigned More = Reply.pass(Body, "net::socket::async_read", 0, "done");
    FunctionFact StartFact = Start.build(), ReadFact = ReadReply.build(),
                 ReplyFact = Reply.build();
    StartFact.Sites[Write].Receiver = Sock;
    ReadFact.Sites[Read].Receiver = ReplyFact.Sites[More].Receiver = Sock;
    Fns = {StartFact, Sent.build(), ReadFact, ReplyFact,
           FunctionBuilder("done").build()};
    FunctionBuilder Other("serve");
    if (S == Shape::Server)
      Other.pass(Body, "net::listener::async_accept", 0, "start");
    if (S == Shape::Answer || S == Shape::ConnectedLoop) {
      // `start` sends from a read's handler: it answers a request, unless
      // the program connected the socket (a client's next request).
      unsigned Req = Other.pass(Body, "net::socket::async_read", 0, "start");
      unsigned Connect =
          Other.pass(Body, "net::socket::async_connect", 0, "start");
      FunctionFact O = Other.build();
      O.Sites[Req].Receiver = Sock;
      if (S == Shape::ConnectedLoop)
        O.Sites[Connect].Receiver = Sock;
      Other = FunctionBuilder("serve");
      Fns.push_back(O);
    }
    if (S == Shape::Closed || S == Shape::ClosedByCall) {
      Other.pass(Body, "net::timer::on_expiry", 0, "expired");
      FunctionBuilder Expired("expired");
      if (S == Shape::Closed)
        Expired.call(Body, "net::socket::close", Sock);
      else
        Expired.call(Body, "net::close", {}, {argOf(0, Sock)});
      Fns.push_back(Expired.build());
    }
    Fns.push_back(Other.build());
    for (FunctionFact &F : Fns)
      F.MainFileOnly = true;
    return check(Fns);
  };
  std::vector<Finding> F = Check(Shape::Client);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Function, "read_reply");
  EXPECT_NE(F[0].Message.find("'net::socket::async_read' waits with no "
                              "deadline for the reply to a request sent on "
                              "'sock'"),
            std::string::npos)
      << F[0].Message;
  ASSERT_EQ(F[0].Path.size(), 1u);
  EXPECT_TRUE(Check(Shape::Server).empty());
  EXPECT_TRUE(Check(Shape::Answer).empty());
  EXPECT_EQ(Check(Shape::ConnectedLoop).size(), 1u);
  EXPECT_TRUE(Check(Shape::Closed).empty());
  EXPECT_TRUE(Check(Shape::ClosedByCall).empty());
}

// `deadline_.cancel(); async_write(sock, req, on_sent);` with the reply
// read from on_sent: the timer whose handler closes the socket no longer
// runs, unless something re-arms it after the cancel.
TEST_F(MissingTimeoutTest, WatchdogCancelledBeforeTheSendBoundsNothing) {
  ObjectRef Timer =
      object(ObjectRef::Kind::Field, "client::deadline_", "net::timer");
  enum class Rearm { No, InTheHandler, ByAHelper, ItselfAlways };
  auto Check = [&](bool Cancels, Rearm How) {
    FunctionBuilder Start("start"), Sent("on_sent"), Arm("arm"),
        Expired("expired");
    if (Cancels)
      Start.call(Body, "net::timer::cancel", Timer);
    if (How == Rearm::ByAHelper)
      Start.call(Body, "arm");
    unsigned Write = Start.pass(Body, "net::socket::async_write", 0, "on_sent");
    unsigned Read = Sent.pass(Body, "net::socket::async_read", 0, "done");
    if (How == Rearm::InTheHandler)
      Sent.pass(Body, "net::timer::on_expiry", 0, "expired");
    unsigned Expiry = Arm.pass(Body, "net::timer::on_expiry", 0, "expired");
    Expired.call(Body, "net::socket::close", Sock);
    if (How == Rearm::ItselfAlways)
      Expired.call(Body, "arm");
    FunctionFact StartFact = Start.build(), SentFact = Sent.build(),
                 ArmFact = Arm.build();
    StartFact.Sites[Write].Receiver = SentFact.Sites[Read].Receiver = Sock;
    ArmFact.Sites[Expiry].Receiver = Timer;
    if (How == Rearm::InTheHandler)
      SentFact.Sites.back().Receiver = Timer;
    std::vector<FunctionFact> Fns = {StartFact, SentFact, ArmFact,
                                     Expired.build(),
                                     FunctionBuilder("done").build()};
    for (FunctionFact &F : Fns)
      F.MainFileOnly = true;
    return check(Fns);
  };
  std::vector<Finding> F = Check(true, Rearm::No);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("cancel the deadline once the reply is read"),
            std::string::npos)
      << F[0].Message;
  ASSERT_EQ(F[0].Path.size(), 2u);
  EXPECT_NE(F[0].Path[0].Message.find("is cancelled here, before the "
                                      "request is sent"),
            std::string::npos);
  EXPECT_TRUE(Check(false, Rearm::No).empty());
  EXPECT_TRUE(Check(true, Rearm::InTheHandler).empty());
  EXPECT_TRUE(Check(true, Rearm::ByAHelper).empty());
  // A watchdog that arms its timer again whatever woke it: the cancel
  // only wakes it early.
  EXPECT_TRUE(Check(true, Rearm::ItselfAlways).empty());
}

// A function that parks a promise and returns its future
// (`std::future<T> call() { ...; pending_.push_back(std::move(p)); return
// answer; }`): its caller's `get()` on that future waits for whoever takes
// the promise out, as an await of it would. Reported at the `get()` when
// the reply's dispatch can leave the waiter; not when it fulfils it, nor
// when the function returns something else than the promise's future.
TEST_F(MissingTimeoutTest, AFutureReturnedForAParkedPromiseIsWaitedFor) {
  ObjectRef Waiter = local("call::reply", "net::promise");
  auto Parker = [&](bool ReturnsTheFuture) {
    ObjectRef Answer = local("call::answer", "net::future");
    FunctionBuilder Call("client::call");
    unsigned Park =
        Call.call(Body, "queue::push_back", Pending, {argOf(0, Waiter)});
    unsigned Future = Call.call(Body, "net::promise::get_future", Waiter);
    unsigned Init = Call.scopeBegin(Body, Answer);
    FunctionFact F = Call.build();
    F.Sites[Park].Mutates = true;
    F.Sites[Init].OperandCall = Future;
    if (ReturnsTheFuture)
      F.ReturnedObjects = {Answer};
    return F;
  };
  FunctionBuilder Value("portfolio");
  ObjectRef Acme = local("portfolio::acme", "net::future");
  unsigned Call = Value.call(Body, "client::call");
  unsigned Get = Value.call(Body, "net::future::get", Acme);
  FunctionFact ValueFact = Value.build();
  ValueFact.Sites[Call].StoredIn = Acme;
  ValueFact.MainFileOnly = true;
  std::vector<Finding> F =
      check({Parker(true), ValueFact, replyDispatch(ErrorBranch::Returns)});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc.Line, ValueFact.Sites[Get].Loc.Line);
  EXPECT_EQ(F[0].Function, "portfolio");
  EXPECT_NE(F[0].Message.find("the future of 'reply' is waited for "
                              "with no deadline"),
            std::string::npos)
      << F[0].Message;
  EXPECT_NE(F[0].Message.find("'net::future::get' never returns"),
            std::string::npos)
      << F[0].Message;
  EXPECT_TRUE(
      check({Parker(true), ValueFact, replyDispatch(ErrorBranch::Fulfils)})
          .empty());
  EXPECT_TRUE(
      check({Parker(false), ValueFact, replyDispatch(ErrorBranch::Returns)})
          .empty());
}

} // namespace
