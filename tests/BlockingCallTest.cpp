//===- BlockingCallTest.cpp - The rule on hand-built programs -------------===//

#include "FactsBuilder.h"
#include "corolint/rules/Analysis.h"
#include "corolint/rules/Rule.h"
#include <gtest/gtest.h>

using namespace corolint;
using namespace corolint::test;

namespace {

class BlockingCallTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(bool(Models.addJson(R"({"functions": [
      {"name": "sleep", "blocking": "sleeps"},
      {"name": "loop::run", "blocking": "runs the loop", "blockingKind": "deadlock",
       "runsLoop": true},
      {"name": "std::mutex::lock", "blocking": "locks", "blockingKind": "lock"},
      {"name": "cv::wait", "blocking": "waits on a condition"},
      {"name": "loop::add_timer", "loopCallback": 1},
      {"name": "loop::post", "loopCallback": 1},
      {"name": "future::then", "continuation": 0},
      {"name": "std::thread::thread", "offload": 0},
      {"name": "recv", "blocking": "receives", "descriptorArg": 0,
       "nonblockingArg": 3, "nonblockingFlags": ["MSG_DONTWAIT"]},
      {"name": "fcntl", "descriptorArg": 0, "nonblockingArg": 2,
       "nonblockingFlags": ["O_NONBLOCK"]},
      {"name": "socket", "returnsDescriptor": true, "nonblockingArg": 1,
       "nonblockingFlags": ["SOCK_NONBLOCK"]},
      {"name": "pipe", "descriptorArg": 0, "makesChannel": true},
      {"name": "poll", "blocking": "waits for descriptors", "timeoutArg": 2,
       "probesArg": 0},
      {"name": "read", "blocking": "reads", "descriptorArg": 0},
      {"name": "std::getline", "blocking": "reads a line", "streamArg": 0},
      {"name": "fprintf", "blocking": "writes a file", "streamArg": 0,
       "standardStreams": ["stderr", "stdout"]},
      {"name": "tcp::socket::read_some", "blocking": "reads a socket"},
      {"name": "tcp::socket::non_blocking", "setsObjectNonblocking": true},
      {"name": "write", "blocking": "writes", "descriptorArg": 0,
       "sizeArg": 2, "wouldBlockErrors": ["EAGAIN", "EWOULDBLOCK"]}],
      "types": [{"name": "std::basic_istringstream",
                 "role": "in-memory-stream"},
                {"name": "lib::socket", "role": "io-object",
                 "nonblockingDescriptors": true},
                {"name": "std::mutex", "role": "sync-mutex",
                 "lock": ["lock"], "unlock": ["unlock"]}]})",
                                     "test")));
  }

  std::vector<Finding> check(std::vector<FunctionFact> Functions) {
    return runRule("blocking-call", std::move(Functions), Models);
  }

  ApiModels Models;
  static constexpr unsigned Body = FunctionBuilder::Body;
};

TEST_F(BlockingCallTest, SleepInCoroutineIsAWarning) {
  FunctionBuilder Co("handler", true);
  Co.call(Body, "sleep");
  std::vector<Finding> F = check({Co.build()});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Severity, Level::Warning);
  EXPECT_NE(F[0].Message.find("'sleep' blocks the event loop (sleeps)"),
            std::string::npos);
  ASSERT_EQ(F[0].Path.size(), 2u);
  EXPECT_NE(F[0].Path[0].Message.find("'handler' is a coroutine"),
            std::string::npos);
}

// `auto f = p.get_future(); dispatch(loop, [&] { p.set_value(1); });
// f.get();` in loop code: the callable ran at once, so the future is ready
// and the wait blocks nothing. Posted, it runs only after the caller gives
// the loop back, and the wait is reported.
TEST_F(BlockingCallTest, AFutureFulfilledAtOnceOnItsLoopIsNoWait) {
  ASSERT_FALSE(bool(Models.addJson(R"({"functions": [
      {"name": "loop::dispatch", "loopCallback": 1, "inlineOnItsLoop": true},
      {"name": "Future::get", "blocking": "waits for a future"}],
    "types": [
      {"name": "Promise", "role": "resource", "resourceKind": "promise",
       "signals": ["set_value"], "handsOut": ["get_future"]},
      {"name": "Future", "role": "resource", "resourceKind": "future",
       "waits": ["get"]}]})",
                                   "futures")));
  for (const char *Hand : {"loop::post", "loop::dispatch"}) {
    ObjectRef Promise = local("handler::p", "Promise");
    ObjectRef Ready = local("handler::f", "Future");
    FunctionBuilder Co("handler", true), Fulfil("fulfil");
    Co.assign(Body, Ready, Co.call(Body, "Promise::get_future", Promise));
    Co.pass(Body, Hand, 1, "fulfil");
    Co.call(Body, "Future::get", Ready);
    Fulfil.call(Body, "Promise::set_value", Promise);
    std::vector<Finding> F = check({Co.build(), Fulfil.build()});
    EXPECT_EQ(F.size(), Hand == std::string("loop::post") ? 1u : 0u) << Hand;
  }
}

// Blocking reached through calls is reported at the call loop code makes,
// which is what runs on the loop (the helper may also run elsewhere); the
// path goes down to the blocking call.
TEST_F(BlockingCallTest, ReachedThroughCallsIsReportedAtTheLoopCodesCall) {
  FunctionBuilder Co("handler", true), Mid("mid"), Leaf("leaf");
  unsigned Call = Co.call(Body, "mid");
  Mid.call(Body, "leaf");
  Leaf.call(Body, "sleep");
  std::vector<Finding> F = check({Co.build(), Mid.build(), Leaf.build()});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Function, "handler");
  EXPECT_EQ(F[0].Loc.Line, 10u + Call);
  EXPECT_EQ(F[0].Message.substr(0, 62),
            "call to 'mid' reaches 'sleep', which blocks the event loop (sl");
  ASSERT_EQ(F[0].Path.size(), 4u);
  EXPECT_EQ(F[0].Path[1].Message, "calls 'mid'");
  EXPECT_EQ(F[0].Path[2].Message, "calls 'leaf'");
  EXPECT_EQ(F[0].Path[3].Message, "'sleep' blocks here");
}

// Helpers that run only on the loop and that no other unit can call make
// the blocking call the line to change: the finding moves there, the path
// unchanged. A helper main also calls may run off the loop: the finding
// stays on the call by which loop-only code reaches it, and names the
// helper's other calls on the loop, which reach the same blocking call.
TEST_F(BlockingCallTest,
       ThroughHelpersOnlyOnTheLoopIsReportedAtTheBlockingCall) {
  auto Check = [&](bool MainCallsMid) {
    FunctionBuilder Co("handler", true), Other("other", true), Mid("mid"),
        Leaf("leaf"), Main("main");
    Co.call(Body, "mid");
    Other.call(Body, "mid");
    Mid.call(Body, "leaf");
    Leaf.call(Body, "sleep");
    if (MainCallsMid)
      Main.call(Body, "mid");
    std::vector<FunctionFact> Fns = {Co.build(), Other.build(), Mid.build(),
                                     Leaf.build(), Main.build()};
    for (FunctionFact &Fn : Fns)
      Fn.MainFileOnly = true;
    std::vector<Finding> F = check(Fns);
    EXPECT_EQ(F.size(), 1u);
    if (!F.empty())
      EXPECT_EQ(F[0].Path.size(), MainCallsMid ? 5u : 4u);
    return F.empty() ? Finding() : F[0];
  };
  Finding OnlyLoop = Check(false);
  EXPECT_EQ(OnlyLoop.Function, "leaf");
  EXPECT_EQ(OnlyLoop.Message.substr(0, 40),
            "call to 'sleep' blocks the event loop (s");
  // main calls mid: mid may run off the loop, leaf with it; the line to
  // change is the handler's call.
  Finding Shared = Check(true);
  EXPECT_EQ(Shared.Function, "handler");
  EXPECT_EQ(Shared.Message.substr(0, 27), "call to 'mid' reaches 'slee");
  EXPECT_EQ(Shared.Path.back().Message,
            "'other' also calls 'mid' here, on the loop");
}

// A call a model says blocks is the finding; what its body blocks on is
// that same wait seen from inside (`loop::run` defined in the program and
// sleeping in it), not a second finding.
TEST_F(BlockingCallTest, WhatABlockingCallBlocksOnInsideIsTheSameWait) {
  FunctionBuilder Co("handler", true), Run("loop::run");
  Co.call(Body, "loop::run");
  Run.call(Body, "sleep");
  std::vector<Finding> F = check({Co.build(), Run.build()});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("'loop::run'"), std::string::npos)
      << F[0].Message;
  EXPECT_EQ(F[0].Message.find("'sleep'"), std::string::npos) << F[0].Message;
}

TEST_F(BlockingCallTest, TimerCallbackPathStartsAtTheRegistration) {
  FunctionBuilder Main("main"), Tick("tick");
  unsigned Register = Main.pass(Body, "loop::add_timer", 1, "tick");
  Tick.call(Body, "sleep");
  std::vector<Finding> F = check({Main.build(), Tick.build()});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Path[0].Loc.Line, 10u + Register);
  EXPECT_NE(F[0].Path[0].Message.find("handed to the event loop"),
            std::string::npos);
}

TEST_F(BlockingCallTest, SyncOverAsyncOnAKnownLoopIsAnError) {
  FunctionBuilder Main("main"), Co("handler", true);
  Main.pass(Body, "loop::add_timer", 1, "handler");
  Co.call(Body, "loop::run");
  std::vector<Finding> F = check({Main.build(), Co.build()});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Severity, Level::Error);
  EXPECT_NE(F[0].Message.find("waits for work that needs this loop"),
            std::string::npos);
}

/// A loop callback that locks `stats` by hand, and a worker that takes it
/// and then calls \p WhileHeld (handed the mutex when \p Handed); main
/// starts the worker on a thread, or (\p OnMain) calls it itself.
std::vector<FunctionFact> lockOnTheLoop(const std::string &WhileHeld,
                                        bool Handed, bool OnMain = false) {
  ObjectRef Stats = global("stats", "std::mutex");
  FunctionBuilder Main("main"), Handler("handler"), Worker("worker");
  if (OnMain)
    Main.call(FunctionBuilder::Body, "worker");
  else
    Main.pass(FunctionBuilder::Body, "std::thread::thread", 0, "worker");
  Main.pass(FunctionBuilder::Body, "loop::add_timer", 1, "handler");
  Handler.call(FunctionBuilder::Body, "std::mutex::lock", Stats);
  Handler.call(FunctionBuilder::Body, "std::mutex::unlock", Stats);
  Worker.call(FunctionBuilder::Body, "std::mutex::lock", Stats);
  if (!WhileHeld.empty())
    Worker.call(FunctionBuilder::Body, WhileHeld, {},
                Handed ? std::vector<ArgFact>{argOf(0, Stats)}
                       : std::vector<ArgFact>{});
  Worker.call(FunctionBuilder::Body, "std::mutex::unlock", Stats);
  return {Main.build(), Handler.build(), Worker.build()};
}

// A mutex taken on the loop waits for its holder: a stall when a holder
// blocks while it holds it, and nothing to say of a short critical section
// or of a wait that lets go of the mutex.
TEST_F(BlockingCallTest, MutexLockOnTheLoopIsAStallWhenAHolderBlocks) {
  std::vector<Finding> F = check(lockOnTheLoop("sleep", false));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Severity, Level::Warning);
  EXPECT_NE(F[0].Message.find("while 'worker' holds it across 'sleep'"),
            std::string::npos)
      << F[0].Message;
  EXPECT_EQ(F[0].Path.back().Message, "'sleep' blocks here, the mutex held");
  EXPECT_TRUE(check(lockOnTheLoop("", false)).empty());
  EXPECT_TRUE(check(lockOnTheLoop("cv::wait", true)).empty());
  EXPECT_EQ(check(lockOnTheLoop("cv::wait", false)).size(), 1u)
      << "a wait on something else keeps the mutex";
  EXPECT_TRUE(check(lockOnTheLoop("sleep", false, /*OnMain=*/true)).empty())
      << "main's hold ends before it runs the loop";
}

// Nothing shows which thread a coroutine that no code in the program starts
// runs on: waiting there for work is a possible deadlock, said so.
TEST_F(BlockingCallTest, SyncOverAsyncWhereNoLoopIsKnownIsAWarning) {
  FunctionBuilder Co("handler", true);
  Co.call(Body, "loop::run");
  std::vector<Finding> F = check({Co.build()});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Severity, Level::Warning);
  EXPECT_NE(F[0].Message.find("may need the thread it runs on"),
            std::string::npos);
}

// Until it first suspends, a coroutine runs on the thread that started it:
// main's here (sync_wait(work()) from main), so only the sleep after the
// suspension is on the loop.
TEST_F(BlockingCallTest, CodeBeforeTheFirstSuspensionRunsWhereItWasStarted) {
  FunctionBuilder Main("main"), Co("work", true);
  Main.call(Body, "work");
  Co.call(Body, "sleep");
  Co.suspend(Body);
  unsigned After = Co.call(Body, "sleep");
  std::vector<Finding> F = check({Main.build(), Co.build()});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc.Line, 10u + After);
  EXPECT_EQ(F[0].Path[0].Message,
            "'work' is a coroutine: after it suspends, the event loop resumes "
            "it");
}

// A coroutine awaited from loop code starts on the loop: its first part is
// loop code, and the path goes through the awaiting coroutine.
TEST_F(BlockingCallTest, CoroutineStartedFromLoopCodeStartsOnTheLoop) {
  FunctionBuilder Co("handler", true), Child("child", true);
  Co.suspend(Body);
  Co.call(Body, "child");
  Child.call(Body, "sleep");
  std::vector<Finding> F = check({Co.build(), Child.build()});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Function, "handler");
  ASSERT_EQ(F[0].Path.size(), 3u);
  EXPECT_EQ(F[0].Path[1].Message, "calls 'child'");
}

// However many blocking calls one call of loop code reaches, it is one
// finding, the others notes; another call, or a blocking call loop code
// makes itself, is a finding of its own.
TEST_F(BlockingCallTest, OneFindingPerCallOfLoopCode) {
  FunctionBuilder Main("main"), Tick("tick"), Save("save"), Log("log");
  Main.pass(Body, "loop::add_timer", 1, "tick");
  unsigned First = Tick.call(Body, "save");
  unsigned Second = Tick.call(Body, "log");
  unsigned Own = Tick.call(Body, "sleep");
  unsigned Open = Save.call(Body, "sleep");
  unsigned Write = Save.call(Body, "sleep");
  Log.call(Body, "sleep");
  std::vector<Finding> F =
      check({Main.build(), Tick.build(), Save.build(), Log.build()});
  llvm::sort(F);
  ASSERT_EQ(F.size(), 3u);
  EXPECT_EQ(F[0].Loc.Line, 10u + First);
  EXPECT_EQ(F[1].Loc.Line, 10u + Second);
  EXPECT_EQ(F[2].Loc.Line, 10u + Own);
  EXPECT_EQ(F[2].Message.substr(0, 40),
            "call to 'sleep' blocks the event loop (s");
  ASSERT_EQ(F[0].Path.size(), 4u);
  EXPECT_EQ(F[0].Path[2].Loc.Line, 10u + Open);
  EXPECT_EQ(F[0].Path[3].Loc.Line, 10u + Write);
  EXPECT_EQ(F[0].Path[3].Message, "'sleep' also blocks here");
}

// The message says what the blocking does: a sleep and a nested run of the
// loop reached through one call are two findings, each with its message.
TEST_F(BlockingCallTest, EachKindOfBlockingReachedIsAFindingOfItsOwn) {
  FunctionBuilder Co("handler", true), Helper("helper");
  Co.call(Body, "helper");
  Helper.call(Body, "sleep");
  Helper.call(Body, "loop::run");
  std::vector<Finding> F = check({Co.build(), Helper.build()});
  ASSERT_EQ(F.size(), 2u);
  EXPECT_EQ(F[0].Loc, F[1].Loc);
  EXPECT_NE(F[0].Message, F[1].Message);
  EXPECT_EQ(F[0].Path.size(), 3u);
  EXPECT_EQ(F[1].Path.size(), 3u);
}

TEST_F(BlockingCallTest, WorkerAndMainAreNotLoopCode) {
  FunctionBuilder Main("main"), Work("work");
  Main.call(Body, "sleep");
  Main.pass(Body, "std::thread::thread", 0, "work");
  Work.call(Body, "sleep");
  EXPECT_TRUE(check({Main.build(), Work.build()}).empty());
}

TEST_F(BlockingCallTest, FunctionReachedBothWaysIsJudgedOnItsLoopPath) {
  FunctionBuilder Co("handler", true), Main("main"), Shared("shared");
  Co.call(Body, "shared");
  Main.pass(Body, "std::thread::thread", 0, "shared");
  Shared.call(Body, "sleep");
  std::vector<Finding> F = check({Co.build(), Main.build(), Shared.build()});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Path[0].Message, "'handler' is a coroutine that nothing in "
                                  "the program starts: it runs on the event "
                                  "loop");
}

TEST_F(BlockingCallTest, UnmodelledCallsAreQuiet) {
  FunctionBuilder Co("handler", true);
  Co.call(Body, "compute");
  EXPECT_TRUE(check({Co.build()}).empty());
}

// A model of the C function sleep does not describe a C++ function named
// sleep (its USR has a signature).
TEST_F(BlockingCallTest, CModelNamesMatchOnlyCFunctions) {
  FunctionBuilder Co("handler", true);
  Co.call(Body, "sleep");
  FunctionFact F = Co.build();
  FunctionFact Own = F;
  Own.Sites[0].CalleeUsr = "c:@F@sleep#I#";
  EXPECT_EQ(check({F}).size(), 1u);
  EXPECT_TRUE(check({Own}).empty());
}

// Two instantiations of one template share their lines: the sleep in both
// is one finding, not two.
TEST_F(BlockingCallTest, OneFindingPerPlaceAndMessage) {
  FunctionBuilder A("relay<int>", true), B("relay<long>", true);
  A.call(Body, "sleep");
  B.call(Body, "sleep");
  TuFacts U = unit("test.cpp", {A.build(), B.build()});
  Program P = linkProgram({U}, Models);
  EXPECT_EQ(runRules(P, *CheckFilter::parse("blocking-call")).size(), 1u);
  std::vector<Finding> Each;
  runRule(*findRule("blocking-call"), P, Each);
  EXPECT_EQ(Each.size(), 2u);
}

// A coroutine handed to a function of the program (a test harness keeping
// it to start later) is started by the program, wherever that function
// starts it: not taken for one that nothing starts, which would run on the
// loop from its first line.
TEST_F(BlockingCallTest, CoroutineHandedToTheProgramIsStartedByIt) {
  FunctionBuilder Main("main"), Harness("register_test"),
      Body("body", true);
  Main.pass(FunctionBuilder::Body, "register_test", 0, "body");
  Body.call(FunctionBuilder::Body, "sleep");
  Body.suspend(FunctionBuilder::Body);
  EXPECT_TRUE(check({Main.build(), Harness.build(), Body.build()}).empty());
  EXPECT_EQ(check({Main.build(), Body.build()}).size(), 0u);
}

/// Argument \p Index: a descriptor read from \p Holder (a getter's field).
ArgFact heldIn(unsigned Index, ObjectRef Holder) {
  ArgFact A;
  A.Index = Index;
  A.Holder = std::move(Holder);
  return A;
}

ArgFact flags(unsigned Index, std::vector<std::string> Names) {
  ArgFact A;
  A.Index = Index;
  A.Flags = std::move(Names);
  return A;
}

ObjectRef field(std::string Name) {
  return object(ObjectRef::Kind::Field, std::move(Name), "");
}

// `fcntl(fd_, F_SETFL, flags | O_NONBLOCK)` in one function makes the field
// non-blocking for every call on it, reached through a getter elsewhere.
// Only a setter that runs counts: one nothing calls leaves the descriptor
// as it was made.
TEST_F(BlockingCallTest, CallOnADescriptorMadeNonblockingIsQuiet) {
  for (bool Called : {true, false}) {
    FunctionBuilder Setup("socket::set_mode"), Co("handler", true);
    Setup.call(Body, "fcntl", {},
               {argOf(0, field("socket::fd_")), flags(1, {"F_SETFL"}),
                flags(2, {"O_NONBLOCK"})});
    Co.suspend(Body);
    Co.call(Body, "recv", {}, {heldIn(0, field("socket::fd_"))});
    FunctionBuilder Main("main");
    if (Called)
      Main.call(Body, "socket::set_mode");
    EXPECT_EQ(check({Setup.build(), Co.build(), Main.build()}).size(),
              Called ? 0u : 1u);
  }
}

// `sock_.non_blocking(true)` puts the I/O object itself in non-blocking
// mode: its members return at once. `non_blocking(false)`, or the mode set
// on another socket, leaves it blocking.
TEST_F(BlockingCallTest, MemberOfAnObjectMadeNonblockingIsQuiet) {
  for (int Mode : {1, 0}) {
    for (const char *Set : {"conn::sock_", "other::sock_"}) {
      FunctionBuilder Setup("conn::start"), Co("handler", true);
      ArgFact On;
      On.Index = 0;
      On.Constant = Mode;
      Setup.call(Body, "tcp::socket::non_blocking", field(Set), {On});
      Co.suspend(Body);
      Co.call(Body, "tcp::socket::read_some", field("conn::sock_"));
      FunctionBuilder Main("main");
      Main.call(Body, "conn::start");
      bool Quiet = Mode == 1 && std::string(Set) == "conn::sock_";
      EXPECT_EQ(check({Setup.build(), Co.build(), Main.build()}).size(),
                Quiet ? 0u : 1u)
          << Mode << " " << Set;
    }
  }
}

// The flag has to be the one the model names: close-on-exec leaves the
// descriptor blocking, and so does no fcntl at all on this field.
TEST_F(BlockingCallTest, OtherFlagsOrOtherHoldersStillBlock) {
  FunctionBuilder Setup("socket::set_mode"), Co("handler", true);
  Setup.call(Body, "fcntl", {},
             {argOf(0, field("socket::fd_")), flags(2, {"FD_CLOEXEC"})});
  Setup.call(Body, "fcntl", {},
             {argOf(0, field("other::fd_")), flags(2, {"O_NONBLOCK"})});
  Co.suspend(Body);
  Co.call(Body, "recv", {}, {heldIn(0, field("socket::fd_"))});
  EXPECT_EQ(check({Setup.build(), Co.build()}).size(), 1u);
}

// `recv(fd_, buf, n, MSG_DONTWAIT)` returns at once; the flag is that
// call's, so a recv on the same descriptor without it still blocks.
TEST_F(BlockingCallTest, FlagsOfABlockingCallApplyToThatCallAlone) {
  FunctionBuilder Drain("conn::drain", true), Read("conn::read", true);
  Drain.suspend(Body);
  ArgFact DontWait = flags(3, {"MSG_DONTWAIT"});
  DontWait.Constant = 0x40;
  Drain.call(Body, "recv", {}, {heldIn(0, field("conn::fd_")), DontWait});
  Read.suspend(Body);
  unsigned Blocking = Read.call(Body, "recv", {},
                                {heldIn(0, field("conn::fd_")), flags(3, {})});
  std::vector<Finding> F = check({Drain.build(), Read.build()});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Function, "conn::read");
  EXPECT_EQ(F[0].Loc.Line, 10u + Blocking);
}

// `recv(fd, b, n, wait ? 0 : MSG_DONTWAIT)` may wait: the flag is only one
// of the values the argument may have, and no constant says it is set.
TEST_F(BlockingCallTest, FlagThatMayBeLeftOutDoesNotStopTheWait) {
  FunctionBuilder Read("conn::read", true);
  Read.suspend(Body);
  Read.call(Body, "recv", {},
            {heldIn(0, field("conn::fd_")), flags(3, {"MSG_DONTWAIT"})});
  EXPECT_EQ(check({Read.build()}).size(), 1u);
}

// `poll(fds, n, 0)` probes and returns at once; any other timeout, or one
// not known, waits on the loop.
TEST_F(BlockingCallTest, PollWithAZeroTimeoutReturnsAtOnce) {
  for (std::optional<int64_t> Timeout :
       {std::optional<int64_t>(0), std::optional<int64_t>(100),
        std::optional<int64_t>()}) {
    FunctionBuilder Co("handler", true);
    Co.suspend(Body);
    ArgFact Ms;
    Ms.Index = 2;
    Ms.Constant = Timeout;
    Co.call(Body, "poll", {}, {Ms});
    EXPECT_EQ(check({Co.build()}).size(), Timeout == 0 ? 0u : 1u)
        << Timeout.value_or(-1);
  }
}

// `std::getline(fields, cell)` over an istringstream reads memory; over
// std::cin (or a stream whose object is not known) it waits for input.
TEST_F(BlockingCallTest, ReadingAStreamOverMemoryNeverWaits) {
  for (std::string Type :
       {"std::basic_istringstream", "std::basic_istream", ""}) {
    FunctionBuilder Co("handler", true);
    Co.suspend(Body);
    ArgFact Stream;
    Stream.Type = "std::basic_istream";
    if (!Type.empty())
      Stream.Ref = local("handler::in", Type);
    Co.call(Body, "std::getline", {}, {Stream});
    EXPECT_EQ(check({Co.build()}).size(),
              Type == "std::basic_istringstream" ? 0u : 1u)
        << Type;
  }
}

// `std::istream in(&response)`: a stream built on a buffer in memory reads
// memory; one built on another buffer may wait.
TEST_F(BlockingCallTest, AStreamBuiltOnAMemoryBufferNeverWaits) {
  for (std::string Buffer :
       {"std::basic_istringstream", "std::basic_filebuf"}) {
    FunctionBuilder Co("handler", true);
    Co.suspend(Body);
    ObjectRef In = local("handler::in", "std::basic_istream");
    Co.scopeBegin(Body, In, {argOf(0, local("handler::buf", Buffer))});
    Co.call(Body, "std::getline", {}, {argOf(0, In)});
    EXPECT_EQ(check({Co.build()}).size(),
              Buffer == "std::basic_istringstream" ? 0u : 1u)
        << Buffer;
  }
}

// A library that makes its sockets non-blocking in sources the program does
// not compile says so in its model: a recv on the descriptor its socket
// class holds returns at once; one another class holds still blocks.
TEST_F(BlockingCallTest, DescriptorOfANonblockingLibraryClassIsQuiet) {
  for (std::string Holder : {"lib::socket::m_fd", "app::conn::fd_"}) {
    FunctionBuilder Co("handler", true);
    Co.suspend(Body);
    Co.call(Body, "recv", {}, {heldIn(0, field(Holder))});
    EXPECT_EQ(check({Co.build()}).size(),
              Holder == "lib::socket::m_fd" ? 0u : 1u)
        << Holder;
  }
}

// `int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)`: the flag
// applies to the descriptor the call returns, held where it is stored.
TEST_F(BlockingCallTest, DescriptorReturnedNonblockingIsQuiet) {
  FunctionBuilder Co("handler", true);
  ObjectRef Fd = local("handler::fd", "");
  unsigned Open = Co.call(Body, "socket", {}, {flags(1, {"SOCK_NONBLOCK"})});
  Co.suspend(Body);
  Co.call(Body, "recv", {}, {argOf(0, Fd)});
  FunctionFact F = Co.build();
  EXPECT_EQ(check({F}).size(), 1u); // Its result is not kept: unknown.
  F.Sites[Open].StoredIn = Fd;
  EXPECT_TRUE(check({F}).empty());
}

// A descriptor parameter is what its callers pass: non-blocking only when
// every caller passes one that is, and a caller passing a value no object
// holds leaves it unknown.
// A helper that makes a descriptor and returns it hands its caller one of the
// same mode, kept where the caller stores the result; a helper whose returns
// are not known hands over nothing known.
TEST_F(BlockingCallTest, DescriptorAHelperReturnsKeepsItsMode) {
  for (bool Nonblocking : {true, false})
    for (bool ReturnsKnown : {true, false}) {
      FunctionBuilder Make("make_fd"), Co("handler", true);
      ObjectRef Made = local("make_fd::fd", ""), Kept = field("waker::fd_");
      std::vector<std::string> Flags;
      if (Nonblocking)
        Flags.push_back("SOCK_NONBLOCK");
      unsigned Open = Make.call(Body, "socket", {}, {flags(1, Flags)});
      unsigned Call = Co.call(Body, "make_fd");
      Co.suspend(Body);
      Co.call(Body, "recv", {}, {argOf(0, Kept)});
      FunctionFact M = Make.build(), C = Co.build();
      M.Sites[Open].StoredIn = Made;
      if (ReturnsKnown)
        M.ReturnedObjects = {Made};
      C.Sites[Call].StoredIn = Kept;
      EXPECT_EQ(check({M, C}).size(), Nonblocking && ReturnsKnown ? 0u : 1u)
          << Nonblocking << ReturnsKnown;
    }
}

// `return unique_fd{fd};` with `explicit unique_fd(int fd) : fd_(fd)`: the
// constructor keeps the descriptor it is given in its field, in the mode it
// was made with.
TEST_F(BlockingCallTest, DescriptorAConstructorKeepsKeepsItsMode) {
  for (bool Nonblocking : {true, false}) {
    FunctionBuilder Make("make_fd"), Ctor("unique_fd::unique_fd"),
        Co("handler", true);
    ObjectRef Made = local("make_fd::fd", ""), Kept = field("unique_fd::fd_");
    std::vector<std::string> Flags;
    if (Nonblocking)
      Flags.push_back("SOCK_NONBLOCK");
    unsigned Open = Make.call(Body, "socket", {}, {flags(1, Flags)});
    unsigned Wrap =
        Make.call(Body, "unique_fd::unique_fd", {}, {argOf(0, Made)});
    Co.call(Body, "make_fd");
    Co.suspend(Body);
    Co.call(Body, "recv", {}, {argOf(0, Kept)});
    FunctionFact M = Make.build(), K = Ctor.build();
    M.Sites[Open].StoredIn = Made;
    M.Sites[Wrap].IsConstructor = true;
    K.FieldInits = {{"unique_fd::fd_", 0, Kept.Key}};
    EXPECT_EQ(check({M, K, Co.build()}).size(), Nonblocking ? 0u : 1u)
        << Nonblocking;
  }
}

// Code that tests for EAGAIN after a write was written for a non-blocking
// descriptor, in the writing function or in a helper it calls; other
// errors say nothing.
TEST_F(BlockingCallTest, WriteWhoseCodeExpectsWouldBlockIsQuiet) {
  for (const char *Where : {"writer", "helper", "none"})
    for (const char *Error : {"EWOULDBLOCK", "EINTR"}) {
      FunctionBuilder Co("writer", true), Helper("would_block");
      Co.suspend(Body);
      Co.call(Body, "write", {}, {argOf(0, field("conn::fd_"))});
      Co.call(Body, "would_block");
      FunctionFact W = Co.build(), H = Helper.build();
      if (llvm::StringRef(Where) == "writer")
        W.ComparedConstants = {Error};
      else if (llvm::StringRef(Where) == "helper")
        H.ComparedConstants = {Error};
      bool Expects = llvm::StringRef(Where) != "none" &&
                     llvm::StringRef(Error) == "EWOULDBLOCK";
      EXPECT_EQ(check({W, H}).size(), Expects ? 0u : 1u) << Where << Error;
    }
}

// A function that returns the write's result as it is (an awaiter's
// `syscall()`) leaves the EAGAIN test to its caller: the caller that tests
// it was written for a non-blocking descriptor. Returned but untested, or
// tested by a caller of a function that does not return it, says nothing.
TEST_F(BlockingCallTest, ACallerTestingWhatTheCallReturnsExpectsWouldBlock) {
  for (bool Returned : {false, true})
    for (bool Tested : {false, true}) {
      FunctionBuilder Co("awaiter::await_suspend"), Sys("op::syscall");
      unsigned Write =
          Sys.call(Body, "write", {}, {argOf(0, field("conn::fd_"))});
      Co.call(Body, "op::syscall");
      FunctionFact S = Sys.build(), C = Co.build();
      S.Sites[Write].Returned = Returned;
      if (Tested)
        C.ComparedConstants = {"EAGAIN"};
      FunctionBuilder Loop("handler", true);
      Loop.suspend(Body);
      Loop.call(Body, "awaiter::await_suspend");
      EXPECT_EQ(check({Loop.build(), C, S}).size(),
                Returned && Tested ? 0u : 1u)
          << Returned << Tested;
    }
}

// A helper counts only as a predicate called after the call: a table of
// errno names, or one called before the write, says nothing of the write.
TEST_F(BlockingCallTest, OnlyAPredicateCalledAfterTheCallIsEvidence) {
  for (bool Table : {false, true})
    for (bool Before : {false, true}) {
      FunctionBuilder Co("writer", true), Helper("errname");
      Co.suspend(Body);
      if (Before)
        Co.call(Body, "errname");
      Co.call(Body, "write", {}, {argOf(0, field("conn::fd_"))});
      if (!Before)
        Co.call(Body, "errname");
      FunctionFact H = Helper.build();
      H.ComparedConstants = {"EAGAIN"};
      if (Table)
        llvm::append_range(H.ComparedConstants,
                           std::vector<std::string>{"EBADF", "EINTR", "EINVAL",
                                                    "EIO", "EISDIR", "EMFILE",
                                                    "ENOSPC", "EPIPE"});
      EXPECT_EQ(check({Co.build(), H}).size(), Table || Before ? 1u : 0u)
          << Table << Before;
    }
}

TEST_F(BlockingCallTest, DescriptorParameterIsWhatEveryCallerPasses) {
  FunctionBuilder Setup("a::a"), Reader("read_some"); // A constructor.
  Setup.call(Body, "fcntl", {},
             {argOf(0, field("a::fd_")), flags(2, {"O_NONBLOCK"})});
  Reader.call(Body, "recv", {}, {argOf(0, param("read_some", 0, "fd", ""))});
  auto CheckCallers = [&](std::vector<std::vector<ArgFact>> Callers) {
    FunctionBuilder Co("handler", true);
    Co.suspend(Body);
    for (std::vector<ArgFact> &Args : Callers)
      Co.call(Body, "read_some", {}, std::move(Args));
    return check({Setup.build(), Reader.build(), Co.build()}).size();
  };
  EXPECT_EQ(CheckCallers({{heldIn(0, field("a::fd_"))}}), 0u);
  // Another caller passes a descriptor nothing makes non-blocking.
  EXPECT_EQ(CheckCallers(
                {{heldIn(0, field("a::fd_"))}, {heldIn(0, field("b::fd_"))}}),
            1u);
  // Another passes a value no object holds (`read_some(next_fd())`).
  EXPECT_EQ(CheckCallers({{heldIn(0, field("a::fd_"))}, {}}), 1u);
}

ArgFact constant(unsigned Index, int64_t Value) {
  ArgFact A;
  A.Index = Index;
  A.Constant = Value;
  return A;
}

// A test makes a pipe as a local and hands its write end to a coroutine
// that writes eight bytes once: that cannot fill the pipe. Each of the
// conditions matters: a write in a loop, a call to the writer in a loop, a
// size past PIPE_BUF or not constant, a pipe kept in a field.
TEST_F(BlockingCallTest, FewBytesWrittenOnceIntoALocalPipeAreQuiet) {
  enum Variant {
    Once,
    WriteInLoop,
    CallInLoop,
    Large,
    UnknownSize,
    Field,
    Negative,
    Captured,
    CapturedInTimer
  };
  auto Check = [&](Variant V) {
    ObjectRef Fds = V == Field ? field("test::fds_") : local("test::fds", "");
    FunctionBuilder Test("test"), Writer("writer", true);
    Test.call(Body, "pipe", {}, {heldIn(0, Fds)});
    unsigned Call = V == CallInLoop ? Test.block() : Body;
    if (V == CallInLoop)
      Test.succs(Body, {Call}).succs(Call, {Call, 1});
    bool Captures = V == Captured || V == CapturedInTimer;
    if (V == CapturedInTimer)
      Test.pass(Call, "loop::add_timer", 1, "writer");
    else
      Test.call(Call, "writer", {}, {heldIn(0, Fds)});
    Writer.suspend(Body);
    unsigned Write = V == WriteInLoop ? Writer.block() : Body;
    if (V == WriteInLoop)
      Writer.succs(Body, {Write}).succs(Write, {Write, 1});
    // A lambda that captures the pipe names the test's own local.
    std::vector<ArgFact> Args{Captures ? heldIn(0, Fds)
                                       : argOf(0, param("writer", 0, "fd", ""))};
    if (V != UnknownSize)
      Args.push_back(constant(2, V == Large ? 8192 : V == Negative ? -1 : 8));
    Writer.call(Write, "write", {}, std::move(Args));
    return check({Test.build(), Writer.build()}).size();
  };
  EXPECT_EQ(Check(Once), 0u);
  EXPECT_EQ(Check(Captured), 0u);
  for (Variant V : {WriteInLoop, CallInLoop, Large, UnknownSize, Field,
                    Negative, CapturedInTimer})
    EXPECT_EQ(Check(V), 1u) << "variant " << V;
}

// A continuation runs where the code chaining it runs: chained in a timer
// callback, it is that callback's loop code, and the path starts at the
// registration and shows the chaining; chained from main, it is not loop
// code at all.
TEST_F(BlockingCallTest, ContinuationInheritsTheContextOfItsChainer) {
  for (bool OnLoop : {true, false}) {
    FunctionBuilder Main("main"), Tick("tick"), Then("then_cb");
    if (OnLoop)
      Main.pass(Body, "loop::add_timer", 1, "tick");
    else
      Main.call(Body, "tick");
    Tick.pass(Body, "future::then", 0, "then_cb");
    Then.call(Body, "sleep");
    std::vector<Finding> F = check({Main.build(), Tick.build(), Then.build()});
    ASSERT_EQ(F.size(), OnLoop ? 1u : 0u);
    if (!OnLoop)
      continue;
    ASSERT_EQ(F[0].Path.size(), 3u);
    EXPECT_NE(F[0].Path[0].Message.find("'tick' is handed to the event loop "
                                        "here (loop callback)"),
              std::string::npos)
        << F[0].Path[0].Message;
    EXPECT_EQ(F[0].Path[1].Message, "chains 'then_cb' as a continuation");
    EXPECT_EQ(F[0].Message.substr(0, 67),
              "continuation 'then_cb', chained here, reaches 'sleep', which "
              "blocks");
  }
}

// A few bytes written into a pipe kept in a field find room when code that
// runs reads the pipe as well (a command pipe the loop drains), even from a
// repeating timer; nothing reading it, or a read in code that never runs,
// and the write can block.
TEST_F(BlockingCallTest, FewBytesIntoAPipeTheProgramReadsAreQuiet) {
  for (int Reader : {0, 1, 2}) { // None, a callback of the loop, dead code.
    ObjectRef Fds = field("test::fds_");
    FunctionBuilder Main("main"), Tick("tick"), Drain("drain");
    Main.call(Body, "pipe", {}, {heldIn(0, Fds)});
    Main.pass(Body, "loop::add_timer", 1, "tick");
    if (Reader == 1)
      Main.pass(Body, "loop::add_timer", 1, "drain");
    Tick.call(Body, "write", {}, {heldIn(0, Fds), constant(2, 2)});
    Drain.call(Body, "read", {}, {heldIn(0, Fds)});
    std::vector<Finding> F = check({Main.build(), Tick.build(), Drain.build()});
    // The loop's own read of a blocking pipe is a finding of its own.
    EXPECT_EQ(llvm::count_if(F,
                             [](const Finding &R) {
                               return R.Message.find("'write'") !=
                                      std::string::npos;
                             }),
              Reader == 1 ? 0 : 1)
        << "reader " << Reader;
  }
}

// `if (!readable(fd)) return; read(fd)`: a zero-timeout poll of the same
// descriptor, in a helper the caller calls before handing the descriptor
// down, makes the read return at once. A probe with a timeout, a probe of
// another descriptor, or one that not every path passes does not.
TEST_F(BlockingCallTest, ReadAfterAReadinessProbeIsQuiet) {
  enum Variant { Probed, Timeout, Other, Optional };
  auto Check = [&](Variant V) {
    ObjectRef Control = field("test::control_"),
              Status = field("test::status_");
    FunctionBuilder Tick("tick"), Readable("readable"), Reader("reader");
    FunctionBuilder Main("main");
    Main.pass(Body, "loop::add_timer", 1, "tick");
    unsigned Probe = Body, Read = Body;
    if (V == Optional) { // Body -> {Probe, Read}, Probe -> Read -> exit.
      Probe = Tick.block();
      Read = Tick.block();
      Tick.succs(Body, {Probe, Read}).succs(Probe, {Read}).succs(Read, {1});
    }
    Tick.call(Probe, "readable", {},
              {heldIn(0, V == Other ? Status : Control)});
    Tick.call(Read, "reader", {}, {heldIn(0, Control)});
    Readable.call(Body, "poll", {},
                  {heldIn(0, param("readable", 0, "fd", "")),
                   constant(2, V == Timeout ? 100 : 0)});
    Reader.call(Body, "read", {}, {argOf(0, param("reader", 0, "fd", ""))});
    std::vector<Finding> F =
        check({Main.build(), Tick.build(), Readable.build(), Reader.build()});
    return llvm::count_if(F, [](const Finding &R) {
      return R.Message.find("reaches 'read'") != std::string::npos;
    });
  };
  EXPECT_EQ(Check(Probed), 0);
  for (Variant V : {Timeout, Other, Optional})
    EXPECT_EQ(Check(V), 1) << "variant " << V;
}

// A stall in a callback posted to a loop object that several threads run
// (two threads started, or one started in a loop) blocks one of them: the
// message says so and names where the loop is run. Run by main alone, or
// one thread, it stalls the loop.
TEST_F(BlockingCallTest, StallOnALoopSeveralThreadsRunNamesOneThread) {
  enum Variant { RunByMain, OneThread, TwoThreads, ThreadsInALoop };
  auto Check = [&](Variant V) {
    ObjectRef Io = local("main::io", "loop");
    FunctionBuilder Main("main"), Handler("handler"), Runner("runner");
    Main.pass(Body, "loop::post", 1, "handler");
    unsigned Start = Body;
    if (V == ThreadsInALoop) {
      Start = Main.block();
      Main.succs(Body, {Start}).succs(Start, {Start, 1});
    }
    if (V == RunByMain)
      Main.call(Body, "loop::run", Io);
    else
      Main.pass(Start, "std::thread::thread", 0, "runner");
    if (V == TwoThreads)
      Main.pass(Body, "std::thread::thread", 0, "runner");
    Runner.call(Body, "loop::run", Io);
    Handler.call(Body, "sleep");
    FunctionFact M = Main.build();
    // The registration names the loop it posts to.
    M.Sites[0].Args.insert(M.Sites[0].Args.begin(), argOf(0, Io));
    std::vector<Finding> F = check({M, Handler.build(), Runner.build()});
    EXPECT_EQ(F.size(), 1u);
    return F.empty() ? std::string() : F[0].Message;
  };
  EXPECT_NE(Check(RunByMain).find("blocks the event loop"), std::string::npos);
  EXPECT_NE(Check(OneThread).find("blocks the event loop"), std::string::npos);
  for (Variant V : {TwoThreads, ThreadsInALoop})
    EXPECT_NE(Check(V).find("blocks one of the threads that run 'io'"),
              std::string::npos)
        << "variant " << V;
}

// `fprintf(stderr, ...)` in a coroutine logs, as printf does; the same
// call given a file the program opened writes that file.
TEST_F(BlockingCallTest, WriteToAStandardStreamIsLogging) {
  for (const char *Stream : {"stderr", "journal"}) {
    FunctionBuilder Co("handler", true);
    Co.call(Body, "fprintf", {}, {argOf(0, global(Stream, "FILE"))});
    EXPECT_EQ(check({Co.build()}).size(),
              llvm::StringRef(Stream) == "journal" ? 1u : 0u)
        << Stream;
  }
}

} // namespace
