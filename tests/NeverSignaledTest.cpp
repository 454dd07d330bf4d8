//===- NeverSignaledTest.cpp - The rule on hand-built programs ------------===//

#include "FactsBuilder.h"
#include "corolint/rules/Rule.h"
#include <gtest/gtest.h>

using namespace corolint;
using namespace corolint::test;

namespace {

class NeverSignaledTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(bool(Models.addJson(R"({"types": [
      {"name": "Event", "role": "resource", "resourceKind": "event",
       "waits": ["operator co_await"], "signals": ["set"]},
      {"name": "Timer", "role": "resource", "resourceKind": "timer",
       "waits": ["operator co_await"], "signals": ["cancel"]},
      {"name": "Sem", "role": "resource", "resourceKind": "semaphore",
       "waits": ["acquire"], "signals": ["release"], "unlock": ["release"]},
      {"name": "Group", "role": "resource", "resourceKind": "event",
       "waits": ["operator co_await"], "signals": ["start"]},
      {"name": "DoneGroup", "role": "resource", "resourceKind": "event",
       "waits": ["operator co_await"], "signals": ["start"],
       "startsSignalled": true},
      {"name": "Latch", "role": "resource", "resourceKind": "event",
       "waits": ["operator co_await"], "signals": ["count_down"],
       "countArg": 0},
      {"name": "Task", "role": "task"},
      {"name": "SuspendAlways", "role": "never-resumes"}]})",
                                     "test")));
  }

  std::vector<Finding> check(std::vector<FunctionFact> Functions) {
    return runRule("never-signaled", std::move(Functions), Models);
  }

  static ObjectRef internal(ObjectRef R) {
    R.Internal = true;
    return R;
  }

  ApiModels Models;
  static constexpr unsigned Body = FunctionBuilder::Body;
};

TEST_F(NeverSignaledTest, InternalEventNobodySetsIsReported) {
  FunctionBuilder Co("co", true);
  Co.awaitObject(Body, internal(local("co::ev", "Event")));
  std::vector<Finding> F = check({Co.build()});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("'co::ev' (event) is awaited"),
            std::string::npos);
}

// A task's coroutine that awaits what hands its handle to no one never
// resumes, when what starts it waits for it (`sync_wait(co())`). Another
// coroutine, or a task kept where its owner can resume it, may do so.
TEST_F(NeverSignaledTest, TaskAwaitingWhatNeverResumesIsReported) {
  for (bool IsTask : {true, false})
    for (bool Kept : {false, true}) {
      FunctionBuilder Co("co", true);
      unsigned Suspend = Co.suspend(Body);
      FunctionFact F = Co.build();
      F.Sites[Suspend].Implicit = false;
      F.Sites[Suspend].AwaitableType = "SuspendAlways";
      F.ReturnType = IsTask ? "Task" : "Handle";
      FunctionBuilder Main("main");
      unsigned Call = Main.call(Body, "co");
      unsigned Keep = Main.scopeBegin(Body, local("main::t", "Task"));
      FunctionFact M = Main.build();
      if (Kept)
        M.Sites[Keep].OperandCall = Call;
      EXPECT_EQ(check({F, M}).size(), IsTask && !Kept ? 1u : 0u)
          << IsTask << Kept;
    }
}

TEST_F(NeverSignaledTest, SemaphoreNobodyReleasesIsReported) {
  FunctionBuilder Co("co", true);
  Co.call(Body, "Sem::acquire", internal(global("s", "Sem")));
  std::vector<Finding> F = check({Co.build()});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("waits beyond the units it starts with"),
            std::string::npos)
      << F[0].Message;
}

// A unit that a lock user gives back can go to any waiter.
TEST_F(NeverSignaledTest, SemaphoreUsedAsALockElsewhereIsNotReported) {
  ObjectRef S = internal(global("s", "Sem"));
  FunctionBuilder Co("co", true), User("user", true);
  Co.call(Body, "Sem::acquire", S);
  User.call(Body, "Sem::acquire", S);
  User.call(Body, "Sem::release", S);
  EXPECT_TRUE(check({Co.build(), User.build()}).empty());
}

TEST_F(NeverSignaledTest, ExternalGlobalIsNotReported) {
  FunctionBuilder Co("co", true);
  Co.awaitObject(Body, global("ev", "Event"));
  EXPECT_TRUE(check({Co.build()}).empty());
}

TEST_F(NeverSignaledTest, SignalAnywhereInTheProgramIsEnough) {
  ObjectRef Ev = internal(global("ev", "Event"));
  FunctionBuilder Co("co", true), Setter("setter");
  Co.awaitObject(Body, Ev);
  Setter.call(Body, "Event::set", Ev);
  EXPECT_TRUE(check({Co.build(), Setter.build()}).empty());
}

TEST_F(NeverSignaledTest, HandedToUnknownCodeEscapes) {
  ObjectRef Ev = internal(local("co::ev", "Event"));
  FunctionBuilder Co("co", true);
  Co.call(Body, "library_register", {}, {argOf(0, Ev)});
  Co.awaitObject(Body, Ev);
  EXPECT_TRUE(check({Co.build()}).empty());
}

TEST_F(NeverSignaledTest, TimersCompleteByThemselves) {
  FunctionBuilder Co("co", true);
  Co.awaitObject(Body, internal(local("co::t", "Timer")));
  EXPECT_TRUE(check({Co.build()}).empty());
}

// A task group constructed with its first task (`task_group g{ex, t};`,
// whose constructor calls start(t)) is signalled by its construction; one
// constructed with no task is not. One whose every constructor leaves it
// signalled (`startsSignalled`) needs no signal at all.
TEST_F(NeverSignaledTest, AConstructorCallingASignalSignalsTheObject) {
  for (const char *Type : {"Group", "DoneGroup"})
    for (bool CtorStarts : {false, true}) {
      std::string Class = Type;
      FunctionBuilder Ctor(Class + "::" + Class);
      if (CtorStarts)
        Ctor.call(Body, Class + "::start");
      FunctionBuilder Co("co", true);
      ObjectRef G = internal(local("co::g", Type));
      unsigned Construct = Co.call(Body, Class + "::" + Class, G);
      Co.awaitObject(Body, G);
      FunctionFact CoFact = Co.build();
      CoFact.Sites[Construct].IsConstructor = true;
      bool Reported = !check({Ctor.build(), CoFact}).empty();
      EXPECT_EQ(Reported, Class == "Group" && !CtorStarts)
          << Type << (CtorStarts ? " constructed with a task" : "");
    }
}

// `co_await group;` calls the group's `operator co_await`, which returns the
// wait on its event: the path shows the program's await first, so that a
// finding in a library's header can move to it.
TEST_F(NeverSignaledTest, AWaitReturnedByAMemberShowsWhereItIsAwaited) {
  FunctionBuilder CoAwait("grp::operator co_await");
  ObjectRef Done = internal(object(ObjectRef::Kind::Field, "grp::done_", "Event"));
  unsigned Wait = CoAwait.call(Body, "Event::operator co_await", Done);
  FunctionFact CoAwaitFact = CoAwait.build();
  CoAwaitFact.Sites[Wait].Returned = true;
  FunctionBuilder Co("co", true);
  Co.call(Body, "grp::operator co_await");
  std::vector<Finding> F = check({CoAwaitFact, Co.build()});
  ASSERT_EQ(F.size(), 1u);
  ASSERT_EQ(F[0].Path.size(), 2u);
  EXPECT_EQ(F[0].Path[0].Message,
            "'co' awaits 'grp::operator co_await' here");
  EXPECT_EQ(F[0].Path[1].Message,
            "'grp::operator co_await' waits for 'grp::done_' here");
}

// `latch done(items.size())`, counted down once by the worker started for
// each item: a worker that can end without counting it down (an early
// `co_return` for an empty shard) leaves the count short. One that counts
// it down on every path, or in a loop (how often is not known), or that
// hands it on where it does not count it down, or ends the process there
// (`std::abort()`), is no finding; nor is a latch counted from anything but
// a range's size (a constant: a race's winner counting a latch of one), one
// that two functions count down, or one its worker waits on.
TEST_F(NeverSignaledTest, ACounterThatCanEndWithoutCountingDownIsReported) {
  enum Shape {
    Skips,
    Always,
    InALoop,
    HandsOn,
    Aborts,
    Constant,
    TwoCounters,
    WorkerWaits
  };
  auto Program = [](Shape S) {
    ObjectRef Done = internal(local("build::done", "Latch"));
    FunctionBuilder Build("build", true);
    unsigned Size =
        Build.call(Body, "std::vector::size", local("build::items", ""));
    unsigned Construct = Build.call(Body, "Latch::Latch", Done);
    Build.call(Body, "worker", {}, {argOf(0, Done)});
    if (S == TwoCounters)
      Build.call(Body, "Latch::count_down", Done);
    Build.awaitObject(Body, Done);
    FunctionFact BuildFact = Build.build();
    BuildFact.Sites[Construct].IsConstructor = true;
    ArgFact Count;
    Count.Index = 0;
    if (S == Constant)
      Count.Constant = 1;
    else
      Count.ProducerUsr = BuildFact.Sites[Size].CalleeUsr;
    BuildFact.Sites[Construct].Args = {Count};
    ObjectRef Param = param("worker", 0, "done", "Latch");
    FunctionBuilder Worker("worker", true);
    unsigned Early = Worker.block(), Counts = Worker.block();
    Worker.call(Body, "is_empty");
    if (S == HandsOn)
      Worker.call(Early, "finish_elsewhere", {}, {argOf(0, Param)});
    else
      Worker.call(Early, "log_empty");
    if (S == WorkerWaits)
      Worker.awaitObject(Counts, Param);
    Worker.call(Counts, "Latch::count_down", Param);
    Worker.succs(Body, S == Always ? std::vector<unsigned>{Counts}
                                   : std::vector<unsigned>{Early, Counts});
    Worker.succs(Early, {1});
    Worker.succs(Counts, {S == InALoop ? Body : 1u});
    FunctionFact WorkerFact = Worker.build();
    WorkerFact.Cfg[Early].NoReturn = S == Aborts;
    // A function of the program, so the latch does not escape: what it
    // does with it is not followed.
    FunctionBuilder Elsewhere("finish_elsewhere");
    return std::vector<FunctionFact>{BuildFact, WorkerFact, Elsewhere.build()};
  };
  std::vector<Finding> F = check(Program(Skips));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message,
            "'build::done' (event) is counted down by 'worker', but 'worker' "
            "can end without counting it down: its count then never reaches "
            "zero, and this wait never completes");
  ASSERT_EQ(F[0].Path.size(), 3u);
  EXPECT_EQ(F[0].Path[1].Message,
            "'worker' can end after this without counting it down");
  EXPECT_EQ(F[0].Path[1].Loc.Line, 11u); // log_empty, the worker's site 1.
  EXPECT_EQ(F[0].Path[2].Message, "the count-down that path skips");
  EXPECT_EQ(F[0].Path[2].Loc.Line, 12u);
  for (Shape Quiet :
       {Always, InALoop, HandsOn, Aborts, Constant, TwoCounters, WorkerWaits})
    EXPECT_TRUE(check(Program(Quiet)).empty()) << Quiet;
}

// An event that one function sets, which can also end on a branch that
// records a failure in a field and skips the set: the waiter is never woken
// on that branch. The same branch setting the event too, or an early
// return that records nothing, is not reported.
TEST_F(NeverSignaledTest, AnEventSetOnlyOnTheSuccessPathIsReported) {
  ASSERT_FALSE(bool(Models.addJson(R"({"functions": [
      {"name": "fprintf", "blocking": "writes a file", "streamArg": 0,
       "standardStreams": ["stderr"]},
      {"name": "printf", "standardStreams": ["stdout"]}]})",
                                   "test")));
  enum Variant {
    FailureSkipsSet,
    FailureSetsToo,
    NothingRecorded,
    RunPerChunk,
    FailureReported,
    FailureWrittenToAFile,
    FailurePrinted
  };
  auto Check = [&](Variant V) {
    ObjectRef Ev =
        internal(object(ObjectRef::Kind::Field, "importer::parsed_", "Event"));
    ObjectRef Failed =
        internal(object(ObjectRef::Kind::Field, "importer::failed_", ""));
    // Body -> {Fail, Ok}; Fail -> exit; Ok -> exit.
    FunctionBuilder Parse("importer::parse", true);
    unsigned Fail = Parse.block(), Ok = Parse.block();
    Parse.succs(Body, {Fail, Ok}).succs(Fail, {1}).succs(Ok, {1});
    if (V == FailureReported || V == FailureWrittenToAFile)
      Parse.call(Fail, "fprintf", {},
                 {argOf(0, global(V == FailureReported ? "stderr" : "journal",
                                  "FILE"))});
    else if (V == FailurePrinted)
      Parse.call(Fail, "printf");
    else if (V != NothingRecorded)
      Parse.write(Fail, Failed); // `m_failed = true; co_return;`
    if (V == FailureSetsToo)
      Parse.call(Fail, "Event::set", Ev);
    Parse.call(Ok, "Event::set", Ev);
    FunctionBuilder Flush("importer::flush", true);
    Flush.awaitObject(Body, Ev);
    // Run once by one call; a parser run per chunk may skip the set on all
    // but its last call.
    FunctionBuilder Run("run");
    Run.call(Body, "importer::parse");
    if (V == RunPerChunk) {
      unsigned Loop = Run.block();
      Run.succs(Body, {Loop}).succs(Loop, {Loop, 1});
      Run.call(Loop, "importer::parse");
    }
    return check({Parse.build(), Flush.build(), Run.build()});
  };
  std::vector<Finding> F = Check(FailureSkipsSet);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("is set only by 'importer::parse', which can "
                              "end without setting it, recording "
                              "'importer::failed_' instead"),
            std::string::npos)
      << F[0].Message;
  EXPECT_TRUE(Check(FailureSetsToo).empty());
  EXPECT_TRUE(Check(NothingRecorded).empty());
  EXPECT_TRUE(Check(RunPerChunk).empty());
  // `fprintf(stderr, "bad header"); co_return;` reports the failure; a
  // write to a file of the program's is no report.
  F = Check(FailureReported);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("recording 'stderr' instead"), std::string::npos)
      << F[0].Message;
  EXPECT_TRUE(Check(FailureWrittenToAFile).empty());
  // `printf("no seeds\n"); return;`: printf writes stdout, whatever it is
  // handed.
  F = Check(FailurePrinted);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("recording 'stdout' instead"), std::string::npos)
      << F[0].Message;
}

// A Qt signal is an event of its own: moc's body for it calls an
// `emitsCaller`, a call of it emits it, and awaiting a call that names it as
// its `signalArg` waits for it. moc's dispatcher calls every signal for the
// library; a signal handed on elsewhere, or of a class a header writes, may
// be emitted out of sight; a wait given a timeout ends by itself.
TEST_F(NeverSignaledTest, AQtSignalEmittedOnlyOnSuccessIsReported) {
  ASSERT_FALSE(bool(Models.addJson(R"({
    "functions": [{"name": "activate", "emitsCaller": true},
                  {"name": "await_signal", "signalArg": 1},
                  {"name": "connect", "signalArg": 1},
                  {"name": "listen", "signalArg": 1}],
    "types": [{"name": "Call", "role": "meta-call"}]})",
                                   "qt")));
  enum Variant {
    SkipsEmit,
    EmitsOnBothPaths,
    Bounded,
    HandedOn,
    InHeader,
    Listened
  };
  auto Check = [&](Variant V) {
    auto Signal = [&](const std::string &Name) {
      FunctionBuilder B(Name);
      B.call(Body, "activate");
      FunctionFact F = B.build();
      F.MainFileOnly = V != InHeader;
      return F;
    };
    // Body -> {Fail, Ok}; Fail -> exit; Ok -> exit.
    FunctionBuilder Run("Job::run");
    unsigned Fail = Run.block(), Ok = Run.block();
    Run.succs(Body, {Fail, Ok}).succs(Fail, {1}).succs(Ok, {1});
    Run.call(Fail, "Job::failed");
    if (V == EmitsOnBothPaths)
      Run.call(Fail, "Job::done");
    Run.call(Ok, "Job::done");
    FunctionBuilder Dispatch("Job::qt_static_metacall");
    Dispatch.call(Body, "Job::done");
    FunctionFact Dispatcher = Dispatch.build();
    Dispatcher.ParamTypes = {"QObject", "Call", "int", ""};
    FunctionBuilder Main("main");
    Main.call(Body, "Job::run", local("main::job", "Job"));
    ArgFact Done;
    Done.Index = 1;
    Done.CallableUsr = "c:@F@Job::done";
    if (V == HandedOn) {
      Done.Index = 3;
      Main.call(Body, "connect", {}, {Done});
      Done.Index = 1;
    }
    // Listening to it (a generator of its emits) emits nothing.
    if (V == Listened)
      Main.call(Body, "listen", {}, {Done});
    FunctionBuilder Co("co", true);
    std::vector<ArgFact> Args = {Done};
    if (V == Bounded)
      Args.push_back(ArgFact{2});
    unsigned Wait = Co.call(Body, "await_signal", {}, Args);
    unsigned Suspend = Co.suspend(Body);
    FunctionFact Waiter = Co.build();
    Waiter.Sites[Wait].AwaitedIn = static_cast<int>(Suspend);
    return check({Signal("Job::done"), Signal("Job::failed"), Run.build(),
                  Dispatcher, Main.build(), Waiter});
  };
  std::vector<Finding> F = Check(SkipsEmit);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("'Job::done' (signal) is emitted only by "
                              "'Job::run', which can end without emitting "
                              "it, recording 'Job::failed' instead"),
            std::string::npos)
      << F[0].Message;
  EXPECT_TRUE(Check(EmitsOnBothPaths).empty());
  EXPECT_TRUE(Check(Bounded).empty());
  EXPECT_TRUE(Check(HandedOn).empty());
  EXPECT_TRUE(Check(InHeader).empty());
  EXPECT_EQ(Check(Listened).size(), 1u);
}

// `io.stop(); pool.join();` while the pool's task posts a handler to `io`
// and waits for the promise the handler fulfils: a task that posts after
// the stop waits forever, and the join with it.
class StoppedLoopJoinTest : public ::testing::Test {
public:
  void SetUp() override {
    ASSERT_FALSE(bool(Models.addJson(R"({"functions": [
      {"name": "post", "loopCallback": 1,
       "offloadWhenArgType": {"arg": 0, "types": ["pool"]}},
      {"name": "pool::join", "joins": true},
      {"name": "io::run", "runsLoop": true},
      {"name": "io::stop", "stopsLoop": true}],
      "types": [
      {"name": "promise", "role": "resource", "resourceKind": "promise",
       "signals": ["set_value"], "handsOut": ["get_future"]},
      {"name": "future", "role": "resource", "resourceKind": "future",
       "waits": ["wait", "wait_for"]},
      {"name": "latch", "role": "resource", "resourceKind": "event",
       "waits": ["wait"], "signals": ["count_down"]},
      {"name": "ms", "role": "duration"}]})",
                                     "test")));
  }

  /// `shutdown`: the calls \p Order names, in order ("stop", "run",
  /// "restart", "join", "latch": a wait for the latch the task counts down
  /// at its end); `task`, posted to the pool, posts `handler` to the loop
  /// and waits for what it fulfils, after a timed wait on it when \p Timed;
  /// when \p OtherSignal, `main` fulfils it too.
  std::vector<FunctionFact> program(std::vector<std::string> Order,
                                    bool OtherSignal = false,
                                    bool Timed = false) {
    FunctionBuilder Shutdown("shutdown"), Main("main"), Task("task"),
        Handler("handler");
    ObjectRef Finished = global("finished", "latch");
    for (const std::string &Step : Order)
      if (Step == "latch")
        Shutdown.call(Body, "latch::wait", Finished);
      else
        Shutdown.call(Body, Step == "join" ? "pool::join" : "io::" + Step,
                      Step == "join" ? Pool : Io);
    Main.call(Body, "post", {}, {argOf(0, Pool), callable(1, "task")});
    ObjectRef Done = local("task::done", "promise");
    ObjectRef Taken = local("task::taken", "future");
    unsigned Get = Task.call(Body, "promise::get_future", Done);
    Task.assign(Body, Taken, Get);
    Task.call(Body, "post", {}, {argOf(0, Io), callable(1, "handler")});
    if (Timed)
      Task.call(Body, "future::wait_for", Taken, {argType(0, "ms")});
    Task.call(Body, "future::wait", Taken);
    Task.call(Body, "latch::count_down", Finished);
    Handler.call(Body, "promise::set_value", Done);
    if (OtherSignal)
      Main.call(Body, "promise::set_value", Done);
    return {Shutdown.build(), Main.build(), Task.build(), Handler.build()};
  }

  static ArgFact callable(unsigned Index, const std::string &Name) {
    ArgFact A;
    A.Index = Index;
    A.CallableUsr = "c:@F@" + Name;
    return A;
  }

  ApiModels Models;
  ObjectRef Io = global("io", "io");
  ObjectRef Pool = global("workers", "pool");
  static constexpr unsigned Body = FunctionBuilder::Body;
};

TEST_F(StoppedLoopJoinTest, JoinAfterTheStopIsReported) {
  std::vector<Finding> F =
      runRule("never-signaled", program({"stop", "join"}), Models);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message.find("the join waits for the tasks of 'workers', "
                              "which wait for handlers they post to 'io', "
                              "but 'io' was stopped before the join"),
            0u)
      << F[0].Message;
  EXPECT_EQ(F[0].Path.size(), 5u);
}

// Joined first, the loop used again after the stop, the tasks waited for
// before it, a timed wait that may let the task's wait through, or what the
// task waits for signalled by other code too: quiet.
TEST_F(StoppedLoopJoinTest, JoinFirstARunBetweenOrAnotherSignalIsQuiet) {
  EXPECT_TRUE(
      runRule("never-signaled", program({"join", "stop"}), Models).empty());
  for (const char *Between : {"run", "restart"})
    EXPECT_TRUE(
        runRule("never-signaled", program({"stop", Between, "join"}), Models)
            .empty())
        << Between;
  EXPECT_TRUE(
      runRule("never-signaled", program({"latch", "stop", "join"}), Models)
          .empty());
  EXPECT_TRUE(
      runRule("never-signaled", program({"stop", "join"}, false, true), Models)
          .empty());
  EXPECT_TRUE(runRule("never-signaled", program({"stop", "join"}, true), Models)
                  .empty());
}

} // namespace

// A service `S` whose constructor makes a work guard `S::work_` on its
// loop `S::io_` and starts a thread that runs the loop; `S::stop` joins
// the thread, after what \p Before does.
class BusyLoopJoinTest : public ::testing::Test {
public:
  void SetUp() override {
    ASSERT_FALSE(bool(Models.addJson(R"({"functions": [
      {"name": "std::thread::thread", "offload": 0},
      {"name": "std::thread::join", "joins": true},
      {"name": "make_work_guard", "keepsLoopBusy": 0},
      {"name": "io::run", "runsLoop": true},
      {"name": "io::stop", "stopsLoop": true}]})",
                                     "test")));
  }

  std::vector<FunctionFact> service(const std::string &Before,
                                    bool RunInALoop = false) {
    FunctionBuilder Ctor("S::S");
    ArgFact Loop;
    Loop.Ref = Io;
    unsigned Guard = Ctor.call(Body, "make_work_guard", {}, {Loop});
    ArgFact Run;
    Run.CallableUsr = "c:@F@S::run";
    unsigned Start = Ctor.call(Body, "std::thread::thread", Thread, {Run});
    FunctionFact CtorFact = Ctor.build();
    CtorFact.Sites[Guard].StoredIn = Work;
    CtorFact.Sites[Start].IsConstructor = true;

    FunctionBuilder RunFn("S::run");
    unsigned Block = Body;
    if (RunInALoop) {
      Block = RunFn.block();
      RunFn.succs(Body, {Block}).succs(Block, {Block, 1});
    }
    RunFn.call(Block, "io::run", Io);

    FunctionBuilder Stop("S::stop");
    if (Before == "reset") {
      Stop.call(Body, "guard::reset", Work);
    } else if (Before == "stop") {
      Stop.call(Body, "io::stop", Io);
    }
    Stop.call(Body, "std::thread::join", Thread);
    FunctionFact StopFact = Stop.build();
    StopFact.ObjectClass = Before == "outside" ? "Owner" : "S";
    for (SiteFact &S : StopFact.Sites)
      S.Mutates = S.CalleeName == "guard::reset";
    return {CtorFact, RunFn.build(), StopFact};
  }

  ApiModels Models;
  ObjectRef Io = global("S::io_", "io");
  ObjectRef Work = global("S::work_", "guard");
  ObjectRef Thread = global("S::thread_", "std::thread");
  static constexpr unsigned Body = FunctionBuilder::Body;
};

TEST_F(BusyLoopJoinTest, JoinWhileTheGuardLivesIsReported) {
  Io.K = Work.K = Thread.K = ObjectRef::Kind::Field;
  std::vector<Finding> F = runRule("never-signaled", service(""), Models);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("the work guard 'S::work_' keeps it from ever "
                              "running out"),
            std::string::npos)
      << F[0].Message;
  EXPECT_EQ(F[0].Path.size(), 3u);
}

// Resetting the guard or stopping the loop lets `run()` return; a loop run
// one turn at a time (`while (...) io.run_one()`) returns on its own.
TEST_F(BusyLoopJoinTest, ResetStopOrARunPerTurnIsQuiet) {
  Io.K = Work.K = Thread.K = ObjectRef::Kind::Field;
  EXPECT_TRUE(runRule("never-signaled", service("reset"), Models).empty());
  EXPECT_TRUE(runRule("never-signaled", service("stop"), Models).empty());
  EXPECT_TRUE(runRule("never-signaled", service("", true), Models).empty());
}

// A join made by code of another object than the one that keeps the guard
// may come after that object, and its guard, are gone.
TEST_F(BusyLoopJoinTest, AFieldGuardJoinedFromOutsideItsObjectIsQuiet) {
  Io.K = Work.K = Thread.K = ObjectRef::Kind::Field;
  EXPECT_TRUE(runRule("never-signaled", service("outside"), Models).empty());
}

// A program whose `main` runs `loop` until no handle is active, whose
// `start` makes the handle `Async` and the timer `Timer` active, and whose
// `shutdown` closes what \p Closed names: "A", "T", "stop T" (stops it
// only: a backoff timer is started again), "other" (a global never made
// active, which may be another name for one that is), or "param" (a handle
// parameter that no caller binds, as a library callback's). \p Classes
// are the classes of `start` and `shutdown` when the handles are fields.
class OpenHandleRunTest : public ::testing::Test {
public:
  void SetUp() override {
    ASSERT_FALSE(bool(Models.addJson(R"({"functions": [
      {"name": "run", "runsLoop": true},
      {"name": "stop", "stopsLoop": true},
      {"name": "async_init", "activatesHandle": 1},
      {"name": "timer_start", "activatesHandle": 0, "repeatArg": 3},
      {"name": "close", "closesHandle": 0},
      {"name": "timer_stop", "deactivatesHandle": 0}]})",
                                     "test")));
  }

  static ArgFact arg(unsigned Index, ObjectRef Ref) {
    ArgFact A;
    A.Index = Index;
    A.Ref = std::move(Ref);
    return A;
  }

  ObjectRef closed(const std::string &Handle) const {
    if (Handle == "A")
      return Async;
    if (Handle == "T" || Handle == "stop T")
      return Timer;
    if (Handle == "other")
      return global("other", "handle_t");
    return param("shutdown", 0, "handle", "handle_t");
  }

  std::vector<Finding> check(std::vector<std::string> Closed,
                             int64_t TimerRepeat = 1000, bool StopsLoop = false,
                             std::pair<std::string, std::string> Classes = {}) {
    FunctionBuilder Main("main");
    Main.call(Body, "run", Loop);
    FunctionBuilder Start("start");
    Start.call(Body, "async_init", {}, {arg(0, Loop), arg(1, Async)});
    ArgFact Repeat;
    Repeat.Index = 3;
    Repeat.Constant = TimerRepeat;
    Start.call(Body, "timer_start", {}, {arg(0, Timer), Repeat});
    FunctionBuilder Shutdown("shutdown");
    for (const std::string &Handle : Closed)
      Shutdown.call(Body, Handle == "stop T" ? "timer_stop" : "close", {},
                    {arg(0, closed(Handle))});
    if (StopsLoop)
      Shutdown.call(Body, "stop", Loop);
    FunctionFact StartFact = Start.build(), ShutdownFact = Shutdown.build();
    StartFact.ObjectClass = Classes.first;
    ShutdownFact.ObjectClass = Classes.second;
    return runRule("never-signaled", {Main.build(), StartFact, ShutdownFact},
                   Models);
  }

  ApiModels Models;
  ObjectRef Loop = global("loop", "loop_t");
  ObjectRef Async = global("A", "async_t");
  ObjectRef Timer = global("T", "timer_t");
  static constexpr unsigned Body = FunctionBuilder::Body;
};

TEST_F(OpenHandleRunTest, AHandleLeftOpenByTheShutdownIsReported) {
  std::vector<Finding> F = check({"T"});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("the handle 'A' is never stopped or closed, "
                              "while the program closes 'T'"),
            std::string::npos)
      << F[0].Message;
  EXPECT_EQ(F[0].Path.size(), 2u);
}

// Every handle closed; a loop stopped; a close of a handle that cannot be
// named, or of one never made active (either may be `A`); no shutdown at
// all (a server that runs until it is killed), or a timer only stopped (a
// backoff, started again); the only other handle a timer that fires once.
TEST_F(OpenHandleRunTest, NoHandleKnownToBeLeftOpenIsQuiet) {
  EXPECT_TRUE(check({"T", "A"}).empty());
  EXPECT_TRUE(check({"T"}, 1000, /*StopsLoop=*/true).empty());
  EXPECT_TRUE(check({"T", "param"}).empty());
  EXPECT_TRUE(check({"T", "other"}).empty());
  EXPECT_TRUE(check({}).empty());
  EXPECT_TRUE(check({"stop T"}).empty());
  EXPECT_TRUE(check({"A"}, /*TimerRepeat=*/0).empty());
  EXPECT_EQ(check({"A"}).size(), 1u);
}

// Handles that are fields count when their class is the program's. A
// connection closing its own socket is no shutdown of the server's
// listener: only handles of one class (or globals, or locals of one
// function) are shut down together.
TEST_F(OpenHandleRunTest, OnlyAHandleBesideTheClosedOneIsLeftOpen) {
  Async = object(ObjectRef::Kind::Field, "server::listener_", "tcp_t");
  Timer = object(ObjectRef::Kind::Field, "server::heartbeat_", "timer_t");
  EXPECT_EQ(check({"T"}, 1000, false, {"server", "server"}).size(), 1u);
  EXPECT_TRUE(check({"T"}).empty()); // No member of `server` is defined.
  Timer = object(ObjectRef::Kind::Field, "connection::tcp_", "tcp_t");
  EXPECT_TRUE(check({"T"}, 1000, false, {"server", "connection"}).empty());
}

// `fetch`: takes a unit of `C::sem_` (site 0, line 10), then either returns
// early (block Early) or gives it back (site 1, line 11) and returns.
// \p Early lists what the early path does before its return, which is at
// line \p ReturnLine, column 30: "release" (gives the unit back), "hand" (a
// call handed the semaphore). \p Take is "direct" (`sem_.acquire()`),
// "gate" (`gate_.enter()`, a member that takes a unit of its own `units_`
// on every path), "maybe" (a take on one path only) or "entered" (a
// give-back before the take: the function is entered holding a unit).
class LeakedHoldTest : public ::testing::Test {
public:
  void SetUp() override {
    ASSERT_FALSE(bool(Models.addJson(R"({"types": [
      {"name": "Sem", "role": "resource", "resourceKind": "semaphore",
       "waits": ["acquire"], "signals": ["release"], "unlock": ["release"],
       "tryLock": ["try_acquire"]}]})",
                                     "test")));
  }

  std::vector<Finding> check(std::vector<std::string> Early = {},
                             std::string Take = "direct",
                             unsigned ReturnLine = 10,
                             bool CallerGivesBack = false) {
    std::vector<FunctionFact> Functions;
    ObjectRef Sem = object(ObjectRef::Kind::Field, "C::sem_", "Sem");
    ObjectRef Units = object(ObjectRef::Kind::Field, "gate::units_", "Sem");
    FunctionBuilder Fetch("fetch");
    unsigned Early1 = Fetch.block(), Rest = Fetch.block();
    Fetch.succs(Body, {Early1, Rest}).succs(Early1, {1}).succs(Rest, {1});
    if (Take == "gate") {
      FunctionBuilder Enter("gate::enter"), Leave("gate::leave");
      Enter.call(Body, "Sem::acquire", Units);
      Leave.call(Body, "Sem::release", Units);
      Functions.push_back(Enter.build());
      Functions.push_back(Leave.build());
      Fetch.call(Body, "gate::enter", field("C::gate_", "gate"));
      Fetch.call(Rest, "gate::leave", field("C::gate_", "gate"));
    } else {
      if (Take == "entered")
        Fetch.call(Body, "Sem::release", Sem);
      Fetch.call(Body, Take == "try" ? "Sem::try_acquire" : "Sem::acquire",
                 Sem);
      Fetch.call(Rest, "Sem::release", Sem);
    }
    if (Take == "maybe") {
      // entry -> {Body, Skip}: the take runs on one path only.
      unsigned Skip = Fetch.block();
      Fetch.succs(0, {Body, Skip}).succs(Skip, {Early1});
    }
    for (const std::string &Step : Early)
      Fetch.call(Early1, Step == "release" ? "Sem::release" : "log",
                 Step == "release" ? Sem : ObjectRef(),
                 Step == "hand" ? std::vector<ArgFact>{arg(0, Sem)}
                                : std::vector<ArgFact>{});
    Fetch.returns(Early1, ReturnLine, 30).returns(Rest, 12, 1);
    Functions.push_back(Fetch.build());
    FunctionBuilder Caller("caller");
    Caller.call(Body, "fetch");
    if (CallerGivesBack)
      Caller.call(Body, "Sem::release", Sem);
    Functions.push_back(Caller.build());
    return runRule("never-signaled", std::move(Functions), Models);
  }

  static ObjectRef field(const std::string &Name, const std::string &Type) {
    return object(ObjectRef::Kind::Field, Name, Type);
  }
  static ArgFact arg(unsigned Index, ObjectRef Ref) {
    ArgFact A;
    A.Index = Index;
    A.Ref = std::move(Ref);
    return A;
  }

  ApiModels Models;
  static constexpr unsigned Body = FunctionBuilder::Body;
};

TEST_F(LeakedHoldTest, EarlyReturnBeforeTheGiveBackIsReported) {
  std::vector<Finding> F = check({"log"});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("this return keeps a unit of semaphore "
                              "'C::sem_', which 'fetch' takes and gives "
                              "back itself on its other path"),
            std::string::npos)
      << F[0].Message;
  EXPECT_EQ(F[0].Loc.Col, 30u);
  EXPECT_EQ(F[0].Path.size(), 3u);
}

TEST_F(LeakedHoldTest, TakeThroughAMemberOfItsOwnObjectIsFollowed) {
  std::vector<Finding> F = check({}, "gate");
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("this return keeps a unit of 'C::gate_'"),
            std::string::npos)
      << F[0].Message;
  EXPECT_NE(F[0].Path[0].Message.find("by 'gate::enter' (of 'gate::units_')"),
            std::string::npos);
}

// Given back or handed on before the early return; a try, tested on the
// spot; a take on some paths only (`if (c) acquire(); ... if (c)
// release();`); a return after the give-back in the code (the try-style
// take keeps the unit on its last path, for its caller); a caller that
// gives it back.
TEST_F(LeakedHoldTest, ReturnsThatDoNotKeepTheUnitAreQuiet) {
  EXPECT_TRUE(check({"release"}).empty());
  EXPECT_TRUE(check({"hand"}).empty());
  EXPECT_TRUE(check({}, "try").empty());
  EXPECT_TRUE(check({}, "maybe").empty());
  EXPECT_TRUE(check({}, "direct", /*ReturnLine=*/13).empty());
  EXPECT_TRUE(check({}, "direct", 30, /*CallerGivesBack=*/true).empty());
}

// `mutex_.Unlock(); ...; mutex_.Lock(); if (err) return; ...`: a member
// called holding the lock lets go of it for a while and is meant to end
// holding it. The return at line 11 lies between the take (line 11) and
// the last give-back (line 12).
TEST_F(LeakedHoldTest, FunctionEnteredHoldingTheUnitIsQuiet) {
  EXPECT_TRUE(check({}, "entered", /*ReturnLine=*/11).empty());
  EXPECT_EQ(check({}, "direct", /*ReturnLine=*/10).size(), 1u);
}

// A loop that takes a coroutine handle out of its queue and resumes it on
// one branch only drops it on the other (a `continue` to the next one),
// unless that branch asks the handle itself whether there is anything to
// resume (`if (h.done()) continue;`).
TEST_F(NeverSignaledTest, HandleTakenOutAndSkippedIsDropped) {
  ASSERT_FALSE(bool(Models.addJson(R"({"functions": [
    {"name": "Queue::pop_front", "takesElement": true},
    {"name": "Handle::resume", "resumes": true}]})",
                                   "handles")));
  ObjectRef Queue = object(ObjectRef::Kind::Field, "Worker::queue_", "Queue");
  ObjectRef H = local("run::h", "Handle");
  auto Check = [&](bool AsksTheHandle, bool HandsItOn = false) {
    FunctionBuilder B("run");
    unsigned Read = B.call(Body, "Queue::front", Queue);
    B.call(Body, "Queue::pop_front", Queue);
    if (AsksTheHandle)
      B.call(Body, "Handle::done", H);
    else
      B.call(Body, "cache_miss");
    unsigned Resume = B.block(), Skip = B.block(), Head = B.block();
    B.call(Resume, "Handle::resume", H);
    if (HandsItOn)
      B.call(Skip, "retry", {}, {argOf(0, H)});
    B.succs(Body, {Resume, Skip}).succs(Resume, {Head}).succs(Skip, {Head});
    B.succs(Head, {Body, 1});
    FunctionFact F = B.build();
    F.Sites[Read].StoredIn = H;
    F.Sites[2].Query = AsksTheHandle;
    return check({F});
  };
  std::vector<Finding> F = Check(false);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc.Line, 12u); // the branch: `cache_miss()`
  EXPECT_NE(F[0].Message.find("takes a waiting coroutine's handle out of "
                              "'Worker::queue_' into 'h'"),
            std::string::npos)
      << F[0].Message;
  EXPECT_TRUE(Check(true).empty());
  // `retry(h); continue;`: handed on.
  EXPECT_TRUE(Check(false, true).empty());
}

// `loop_.post(next->handle)`, where the program's `post` keeps the handle
// it is given in a field (a queue its loop resumes from): a resume, so the
// path that returns without posting drops the waiter. A call that keeps
// nothing (`log_waiter(next)`) resumes nothing.
TEST_F(NeverSignaledTest, HandleHandedToTheProgramsLoopIsResumed) {
  ASSERT_FALSE(bool(Models.addJson(R"({"functions": [
    {"name": "Queue::pop_front", "takesElement": true}]})",
                                   "handles")));
  ObjectRef Queue = object(ObjectRef::Kind::Field, "Gate::parked_", "Queue");
  ObjectRef Next = local("finish::next", "Waiter");
  auto Check = [&](bool PostKeepsIt) {
    FunctionBuilder B("finish");
    unsigned Read = B.call(Body, "Queue::front", Queue);
    B.call(Body, "Queue::pop_front", Queue);
    unsigned Post = B.block(), Drop = B.block();
    B.call(Post, "Loop::post", {}, {argOf(0, Next)});
    B.call(Drop, "retire");
    B.succs(Body, {Post, Drop}).succs(Post, {1}).succs(Drop, {1});
    FunctionFact F = B.build();
    F.Sites[Read].StoredIn = Next;
    FunctionFact Loop = FunctionBuilder("Loop::post").build();
    if (PostKeepsIt)
      Loop.Stores.push_back({StoredKind::Handle, 0, "Loop::ready_", {}});
    return check({F, Loop, FunctionBuilder("retire").build()});
  };
  std::vector<Finding> F = Check(true);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("into 'next'"), std::string::npos)
      << F[0].Message;
  EXPECT_TRUE(Check(false).empty());
}

// `if (w->cancelled) continue;` asks what state the waiter is in (its
// timeout resumed it already), and `blocked_ = w;` keeps it elsewhere:
// neither path drops it.
TEST_F(NeverSignaledTest, WaiterTestedOrStoredIsNotDropped) {
  ASSERT_FALSE(bool(Models.addJson(R"({"functions": [
    {"name": "Queue::pop_front", "takesElement": true},
    {"name": "Handle::resume", "resumes": true}]})",
                                   "handles")));
  ObjectRef Queue = object(ObjectRef::Kind::Field, "Mutex::waiters_", "Queue");
  ObjectRef W = local("unlock::w", "Handle");
  enum class Drop { Plainly, AfterATest, IntoAField };
  auto Check = [&](Drop How) {
    FunctionBuilder B("unlock");
    unsigned Read = B.call(Body, "Queue::front", Queue);
    B.call(Body, "Queue::pop_front", Queue);
    unsigned Resume = B.block(), Skip = B.block();
    B.call(Resume, "Handle::resume", W);
    unsigned Store = B.call(Skip, "log_skip");
    B.succs(Body, {Resume, Skip}).succs(Resume, {1}).succs(Skip, {1});
    FunctionFact F = B.build();
    F.Sites[Read].StoredIn = W;
    if (How == Drop::AfterATest)
      F.Cfg[Body].TestedLocals = {W.Key};
    if (How == Drop::IntoAField) {
      F.Sites[Store].Kind = SiteKind::Write;
      F.Sites[Store].Receiver =
          object(ObjectRef::Kind::Field, "Mutex::blocked_", "Handle");
      F.Sites[Store].Assigned = W;
    }
    return check({F, FunctionBuilder("log_skip").build()});
  };
  EXPECT_EQ(Check(Drop::Plainly).size(), 1u);
  EXPECT_TRUE(Check(Drop::AfterATest).empty());
  EXPECT_TRUE(Check(Drop::IntoAField).empty());
}
