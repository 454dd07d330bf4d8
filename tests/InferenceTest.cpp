//===- InferenceTest.cpp - Roles inferred from hand-built evidence --------===//

#include "corolint/model/Inference.h"
#include "FactsBuilder.h"
#include "corolint/model/Config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>
#include <optional>

using namespace corolint;
using namespace corolint::test;

namespace {

constexpr unsigned Body = FunctionBuilder::Body;

FunctionFact member(const std::string &Name) {
  return FunctionBuilder(Name).build();
}

/// An event in the shape of cppcoro's single_consumer_event: the awaiter
/// keeps the handle in the event, set() resumes it, and await_ready tests
/// what the constructor's argument 0 sets.
std::vector<FunctionFact> eventLibrary(bool Resumes) {
  FunctionFact Suspend = member("ev::awaiter::await_suspend");
  Suspend.Stores = {{StoredKind::Handle, 0, "ev::waiter_", {"ev.h", 9, 5}}};
  FunctionFact Set = member("ev::set");
  Set.Fields = {"ev::state_", "ev::waiter_"};
  Set.ResumesHandle = Resumes;
  FunctionFact CoAwait = member("ev::operator co_await");
  CoAwait.ReturnType = "ev::awaiter";
  FunctionBuilder Ready("ev::awaiter::await_ready");
  Ready.call(Body, "ev::is_set");
  FunctionFact IsSet = member("ev::is_set");
  IsSet.Fields = {"ev::state_"};
  FunctionFact Ctor = member("ev::ev");
  Ctor.FieldInits = {{"ev::state_", 0}};
  return {Suspend, Set, CoAwait, Ready.build(), IsSet, Ctor};
}

/// A coroutine that awaits an `ev` field and then sets that same field, as
/// code holding a lock releases it.
FunctionFact waitsThenSignals() {
  ObjectRef M = object(ObjectRef::Kind::Field, "account::m_", "ev");
  FunctionBuilder Use("account::deposit", true);
  Use.call(Body, "ev::operator co_await", M);
  Use.call(Body, "ev::set", M);
  return Use.build();
}

InferredModels infer(std::vector<FunctionFact> Functions,
                     const ApiModels &Known = ApiModels()) {
  return inferModels({unit("/src/a.cpp", std::move(Functions))}, Known);
}

TEST(Inference, AwaiterThatKeepsTheHandleAndAMemberThatResumesItMakeAnEvent) {
  InferredModels M = infer(eventLibrary(/*Resumes=*/true));
  ASSERT_EQ(M.Types.size(), 1u);
  EXPECT_TRUE(M.Functions.empty());
  EXPECT_EQ(M.Types[0].Name, "ev");
  EXPECT_EQ(M.Types[0].ModelJson,
            R"({"name":"ev","role":"resource","resourceKind":"event",)"
            R"("waits":["operator co_await"],"signals":["set"],"setByArg":0})");
  ASSERT_GE(M.Types[0].Evidence.size(), 2u);
  EXPECT_NE(
      M.Types[0].Evidence[0].find("ev.h:9:5: 'ev::awaiter::await_suspend' "
                                  "keeps its waiter in 'ev::waiter_'"),
      std::string::npos)
      << M.Types[0].Evidence[0];
}

// What await_ready tests, built from an integer argument, is a count (a
// latch: done at zero), not a flag (set when true).
TEST(Inference, AnIntegerArgumentThatAwaitReadyTestsIsACount) {
  std::vector<FunctionFact> Lib = eventLibrary(/*Resumes=*/true);
  Lib.back().ParamTypes = {"unsigned long"};
  InferredModels M = infer(Lib);
  ASSERT_EQ(M.Types.size(), 1u);
  EXPECT_EQ(M.Types[0].ModelJson,
            R"({"name":"ev","role":"resource","resourceKind":"event",)"
            R"("waits":["operator co_await"],"signals":["set"],"countArg":0})");
  Lib.back().ParamTypes = {"bool"};
  EXPECT_NE(infer(Lib).Types[0].ModelJson.find(R"("setByArg":0)"),
            std::string::npos);
}

TEST(Inference, NothingResumesTheKeptHandleNoEvent) {
  EXPECT_TRUE(infer(eventLibrary(/*Resumes=*/false)).empty());
}

TEST(Inference, AHelperThatResumesCountsForTheMemberThatCallsIt) {
  std::vector<FunctionFact> Lib = eventLibrary(/*Resumes=*/false);
  FunctionBuilder Set("ev::set");
  Set.call(Body, "ev::wake");
  FunctionFact Wake = member("ev::wake");
  Wake.Fields = {"ev::waiter_"};
  Wake.ResumesHandle = true;
  Lib[1] = Set.build();
  Lib.push_back(Wake);
  InferredModels M = infer(Lib);
  ASSERT_EQ(M.Types.size(), 1u);
  EXPECT_NE(M.Types[0].ModelJson.find(R"("signals":["set","wake"])"),
            std::string::npos)
      << M.Types[0].ModelJson;
}

// A scheduler keeps the handle `co_await s.schedule()` suspends too, but
// its own thread (a lambda one of its members starts) resumes it: no event
// that the program signals.
TEST(Inference, WaitersResumedByAThreadOfTheClassItselfMakeNoEvent) {
  std::vector<FunctionFact> Lib = eventLibrary(true);
  FunctionBuilder Body("(lambda at ev.cpp:40:30)");
  Body.call(FunctionBuilder::Body, "ev::set");
  FunctionFact Thread = Body.build();
  Thread.IsLambda = true;
  Thread.Owner = "ev::make_unique";
  Lib.push_back(Thread);
  EXPECT_TRUE(infer(Lib).empty());
  // A lambda that resumes the handle itself is a signal posted to a loop.
  Lib.back().ResumesHandle = true;
  EXPECT_EQ(infer(Lib).Types.size(), 1u);
}

/// A pool in the shape of libcoro's: its awaiter keeps the handle in the
/// pool's queue, and the worker its constructor starts resumes it.
std::vector<FunctionFact> poolLibrary() {
  FunctionFact Suspend = member("pool::op::await_suspend");
  Suspend.Stores = {{StoredKind::Handle, 0, "pool::queue_", {"p.h", 9, 5}}};
  FunctionFact Worker = member("pool::worker");
  Worker.Fields = {"pool::queue_"};
  Worker.ResumesHandle = true;
  Worker.Cfg[Body].Succs = {Body, 1}; // Goes round, taking the next one.
  FunctionBuilder ThreadBody("(lambda at p.cpp:4:20)");
  ThreadBody.call(Body, "pool::worker");
  FunctionFact Thread = ThreadBody.build();
  Thread.IsLambda = true;
  Thread.Owner = "pool::pool";
  FunctionFact Schedule = member("pool::schedule");
  Schedule.ReturnType = "pool::op";
  FunctionFact SleepFor = member("pool::sleep_for");
  SleepFor.ReturnType = "t";
  SleepFor.ParamTypes = {"std::chrono::duration"};
  FunctionFact RunWithin = member("pool::run_within");
  RunWithin.ReturnType = "t";
  RunWithin.ParamTypes = {"t", "std::chrono::duration"};
  FunctionBuilder Drain("pool::drain");
  Drain.call(Body, "pool::worker");
  FunctionBuilder Task("job", true); // Makes `t` a task type; awaits hops.
  unsigned Hop = Task.call(Body, "pool::schedule");
  unsigned AwaitHop = Task.suspend(Body);
  unsigned Nap = Task.call(Body, "pool::sleep_for");
  unsigned AwaitNap = Task.suspend(Body);
  FunctionFact Job = Task.build();
  Job.ReturnType = "t";
  Job.Sites[AwaitHop].OperandCall = Hop;
  Job.Sites[AwaitNap].OperandCall = Nap;
  return {Suspend, Worker,    Thread,        Schedule,
          SleepFor, RunWithin, Drain.build(), Job};
}

// What a scheduler's members return moves the coroutine onto it: a yield,
// with a duration a delay (unless it bounds an awaitable it is handed); a
// member that runs the worker's resumption and that the pool's own code
// never calls runs its loop on the caller's thread.
TEST(Inference, ASchedulersMembersYieldDelayAndRunItsLoop) {
  ApiModels Known;
  ASSERT_FALSE(bool(Known.addJson(
      R"({"types": [{"name": "std::chrono::duration", "role": "duration"}]})",
      "test")));
  InferredModels M = infer(poolLibrary(), Known);
  EXPECT_TRUE(M.Types.empty());
  std::vector<std::string> Json;
  for (const InferredEntry &E : M.Functions)
    Json.push_back(E.ModelJson);
  EXPECT_EQ(Json,
            (std::vector<std::string>{
                R"({"name":"pool::drain","blocking":"runs the scheduler's )"
                R"(loop","blockingKind":"deadlock"})",
                R"({"name":"pool::schedule","yield":true})",
                R"({"name":"pool::sleep_for","delay":true})"}));
  // A coroutine lambda of the class that resumes the waiters once the work
  // it awaited is done (`async_scope::spawn`) is no thread: no scheduler.
  std::vector<FunctionFact> Scope = poolLibrary();
  Scope[2].IsCoroutine = true;
  EXPECT_TRUE(infer(Scope, Known).empty());
  // Nor is a callback that resumes them once, going round no loop (the
  // scope-exit callback of `async_scope::spawn`).
  Scope = poolLibrary();
  Scope[1].Cfg[Body].Succs = {1};
  EXPECT_TRUE(infer(Scope, Known).empty());
}

// A scheduler's member that its caller runs and that waits in the
// scheduler's code for other code (`shutdown()` joining the workers) blocks;
// the workers' own body waiting for work, a wait with a time limit, and
// a member that only wakes the workers do not.
TEST(Inference, ASchedulersMemberJoiningItsThreadsBlocks) {
  ApiModels Known;
  ASSERT_FALSE(bool(Known.addJson(
      R"({"functions": [{"name": "std::thread::join",
                         "blocking": "waits for a thread to finish"},
                        {"name": "std::condition_variable::wait",
                         "blocking": "waits for a notification"},
                        {"name": "std::condition_variable::wait_for",
                         "blocking": "waits for a notification"}],
          "types": [{"name": "std::chrono::duration", "role": "duration"}]})",
      "test")));
  std::vector<FunctionFact> Lib = poolLibrary();
  ObjectRef Thread =
      object(ObjectRef::Kind::Field, "pool::thread_", "std::thread");
  ObjectRef Cv =
      object(ObjectRef::Kind::Field, "pool::cv_", "std::condition_variable");
  FunctionBuilder Shutdown("pool::shutdown");
  Shutdown.call(Body, "std::condition_variable::notify_all", Cv);
  Shutdown.call(Body, "std::thread::join", Thread);
  FunctionBuilder Destroy("pool::~pool");
  Destroy.call(Body, "pool::shutdown");
  FunctionBuilder Wake("pool::wake");
  Wake.call(Body, "std::condition_variable::notify_all", Cv);
  FunctionBuilder Linger("pool::linger");
  ArgFact Limit;
  Limit.Type = "std::chrono::duration";
  Linger.call(Body, "std::condition_variable::wait_for", Cv, {Limit});
  llvm::append_range(
      Lib, std::vector<FunctionFact>{Shutdown.build(), Destroy.build(),
                                     Wake.build(), Linger.build()});
  // The worker waits for work on the pool's threads.
  FunctionBuilder Waiting("pool::worker");
  Waiting.call(Body, "std::condition_variable::wait", Cv);
  Lib[1].Sites = Waiting.build().Sites;
  InferredModels M = infer(Lib, Known);
  std::vector<std::string> Blocking;
  for (const InferredEntry &E : M.Functions)
    if (E.ModelJson.find("waits for the threads") != std::string::npos)
      Blocking.push_back(E.ModelJson);
  EXPECT_EQ(Blocking,
            (std::vector<std::string>{
                R"({"name":"pool::shutdown","blocking":"waits for )"
                R"(the threads of 'pool'","blockingKind":"stall"})"}));
}

/// A service in the shape of cppcoro's io_service: its awaiters keep the
/// handle in its queue, and process_events() goes round a loop taking the
/// next event and resuming it; \p Waits: it waits in `epoll_wait` on its
/// epoll descriptor (a field) when the queue is empty, else it sleeps. No
/// code of the class runs it: its user does.
std::vector<FunctionFact> userRunLibrary(bool Waits) {
  FunctionFact Suspend = member("io::op::await_suspend");
  Suspend.Stores = {{StoredKind::Handle, 0, "io::queue_", {"io.h", 9, 5}}};
  FunctionFact TimedSuspend = member("io::timed_op::await_suspend");
  TimedSuspend.Stores = {
      {StoredKind::Handle, 0, "io::queue_", {"io.h", 20, 5}}};
  FunctionBuilder Next("io::next_event");
  ArgFact Epoll;
  Epoll.Ref = object(ObjectRef::Kind::Field, "io::epoll_fd_", "");
  if (Waits)
    Next.call(Body, "epoll_wait", {}, {Epoll});
  else
    Next.call(Body, "sleep_for");
  FunctionFact NextFact = Next.build();
  NextFact.Fields = {"io::queue_"};
  NextFact.ResumesHandle = true;
  FunctionBuilder Process("io::process_events");
  Process.call(Body, "io::next_event");
  Process.succs(Body, {Body, 1}); // Until stopped.
  FunctionFact Schedule = member("io::schedule");
  Schedule.ReturnType = "io::op";
  FunctionFact After = member("io::schedule_after");
  After.ReturnType = "io::timed_op";
  After.ParamTypes = {"std::chrono::duration", "io::token"};
  FunctionFact Token = member("io::token::token");
  FunctionBuilder Task("job", true);
  unsigned Hop = Task.call(Body, "io::schedule");
  unsigned AwaitHop = Task.suspend(Body);
  unsigned Nap = Task.call(Body, "io::schedule_after");
  unsigned AwaitNap = Task.suspend(Body);
  FunctionFact Job = Task.build();
  Job.Sites[AwaitHop].OperandCall = Hop;
  Job.Sites[AwaitNap].OperandCall = Nap;
  return {Suspend,  TimedSuspend, NextFact, Process.build(),
          Schedule, After,        Token,    Job};
}

// A member that resumes the waiters and waits for more, going round a loop,
// runs a loop the class's user runs: what the awaiters' members return
// moves onto it or sleeps on it (a duration and an option object). A
// member that resumes and sleeps, waiting on nothing it keeps, is an
// event's signal.
TEST(Inference, AMemberWaitingForWaitersToResumeRunsALoopItsUserRuns) {
  ApiModels Known;
  ASSERT_FALSE(bool(Known.addJson(
      R"({"functions": [{"name": "epoll_wait",
                         "blocking": "waits for file descriptors"},
                        {"name": "sleep_for", "blocking": "sleeps"}],
          "types": [{"name": "std::chrono::duration", "role": "duration"}]})",
      "test")));
  InferredModels M = infer(userRunLibrary(true), Known);
  EXPECT_TRUE(M.Types.empty());
  std::vector<std::string> Json;
  for (const InferredEntry &E : M.Functions)
    Json.push_back(E.ModelJson);
  EXPECT_EQ(Json, (std::vector<std::string>{
                      R"({"name":"io::process_events","blocking":"runs the )"
                      R"(scheduler's loop","blockingKind":"deadlock"})",
                      R"({"name":"io::schedule","yield":true})",
                      R"({"name":"io::schedule_after","delay":true})"}));
  EXPECT_TRUE(llvm::any_of(M.Functions[0].Evidence, [](const std::string &E) {
    return E.find("'io' is a loop its user runs") != std::string::npos;
  }));
  M = infer(userRunLibrary(false), Known);
  ASSERT_EQ(M.Types.size(), 1u);
  EXPECT_NE(M.Types[0].ModelJson.find(R"("resourceKind":"event")"),
            std::string::npos);
}

// An awaiter that hands a timer registration a callable resuming the waiter
// makes a sleep: what takes a duration and returns it is a delay. What
// takes an awaitable as well (a deadline racing it) is not.
TEST(Inference, AnAwaiterResumedByALoopsTimerMakesASleep) {
  ApiModels Known;
  ASSERT_FALSE(bool(Known.addJson(
      R"({"functions": [{"name": "tl::call_later", "loopCallback": 1,
                         "delay": true}],
          "types": [{"name": "std::chrono::duration", "role": "duration"}]})",
      "test")));
  ArgFact Resume;
  Resume.Index = 1;
  Resume.CallableUsr = "c:@F@(lambda at tl.h:9:30)";
  FunctionBuilder Suspend("tl::sleep_op::await_suspend");
  Suspend.call(Body, "tl::call_later", {},
               {argType(0, "std::chrono::duration"), Resume});
  FunctionFact Lambda = member("(lambda at tl.h:9:30)");
  Lambda.IsLambda = true;
  Lambda.Owner = "tl::sleep_op::await_suspend";
  Lambda.ResumesHandle = true;
  FunctionFact After = member("tl::after");
  After.ReturnType = "tl::sleep_op";
  After.ParamTypes = {"std::chrono::duration"};
  FunctionFact Race = member("tl::with_deadline");
  Race.ReturnType = "tl::sleep_op";
  Race.ParamTypes = {"tl::sleep_op", "std::chrono::duration"};
  InferredModels M = infer({Suspend.build(), Lambda, After, Race,
                            member("tl::sleep_op::await_ready")},
                           Known);
  ASSERT_EQ(M.Functions.size(), 1u);
  EXPECT_EQ(M.Functions[0].ModelJson, R"({"name":"tl::after","delay":true})");
  Lambda.ResumesHandle = false; // Runs something else once the time is up.
  EXPECT_TRUE(
      infer({Suspend.build(), Lambda, After, Race}, Known).Functions.empty());
}

ApiModels suspendAlwaysModel() {
  ApiModels Known;
  EXPECT_FALSE(bool(Known.addJson(
      R"({"types": [{"name": "std::suspend_always", "role":
         "never-resumes"}]})",
      "test")));
  return Known;
}

/// A member coroutine returning a `lazy` (a `lazy_base`) that starts
/// suspended.
FunctionFact lazyJob() {
  FunctionFact Job = FunctionBuilder("svc::job", true).build();
  Job.ReturnType = "lazy";
  Job.ReturnBases = {"lazy_base"};
  Job.InitialSuspend = "std::suspend_always";
  return Job;
}

// A lazy task: coroutines return it, it starts suspended and is awaitable.
// Starting at once, or not awaitable (a generator), it is none.
TEST(Inference, ALazyAwaitableReturnTypeOfCoroutinesIsATask) {
  ApiModels Known = suspendAlwaysModel();
  FunctionFact Job = lazyJob();
  FunctionFact CoAwait = member("lazy::operator co_await");
  InferredModels M = infer({Job, CoAwait}, Known);
  ASSERT_EQ(M.Types.size(), 1u);
  EXPECT_EQ(M.Types[0].ModelJson, R"({"name":"lazy","role":"task"})");
  EXPECT_TRUE(infer({Job}, Known).empty()); // Not awaitable.
  FunctionBuilder Caller("caller", true); // Awaited through await_transform.
  Caller.awaitObject(Body, object(ObjectRef::Kind::Local, "caller::t", "lazy"));
  EXPECT_EQ(infer({Job, Caller.build()}, Known).Types.size(), 1u);
  Job.InitialSuspend = "std::suspend_never";
  EXPECT_TRUE(infer({Job, CoAwait}, Known).empty()); // Eager.
}

// `lazy.via(ex)` moves the task's coroutine into another wrapper of the
// same base: a task too, awaited or not. A member returning a class of
// another base (an awaiter) is none.
TEST(Inference, AClassOfTheTasksBaseThatItsMemberReturnsIsATask) {
  ApiModels Known = suspendAlwaysModel();
  FunctionFact Job = lazyJob();
  FunctionFact CoAwait = member("lazy::operator co_await");
  FunctionFact Via = member("lazy::via");
  Via.ReturnType = "rescheduled";
  Via.ReturnBases = {"lazy_base"};
  FunctionFact TryAwait = member("lazy_base::co_await_try");
  TryAwait.ReturnType = "lazy_base::try_awaiter";
  FunctionFact Suspend = member("lazy_base::try_awaiter::await_suspend");
  InferredModels M = infer({Job, CoAwait, Via, TryAwait, Suspend}, Known);
  ASSERT_EQ(M.Types.size(), 2u);
  EXPECT_EQ(M.Types[1].ModelJson, R"({"name":"rescheduled","role":"task"})");
  // A base that makes nothing awaitable (`noncopyable`) tells nothing.
  EXPECT_EQ(infer({Job, CoAwait, Via}, Known).Types.size(), 1u);
  Via.ReturnBases = {"awaiter_base"};
  EXPECT_EQ(infer({Job, CoAwait, Via, TryAwait, Suspend}, Known).Types.size(),
            1u);
}

/// A promise and a future in async_simple's shape: the future's awaiter
/// keeps the handle in a shared state, then() keeps a callable there, and
/// the promise's set_value() has the state resume and call them.
std::vector<FunctionFact> futureLibrary() {
  FunctionFact Suspend = member("fut::awaiter::await_suspend");
  Suspend.Stores = {{StoredKind::Handle, 0, "state::waiter_", {"f.h", 9, 5}}};
  FunctionFact Fulfil = member("state::fulfil");
  Fulfil.Fields = {"state::next_", "state::waiter_"};
  Fulfil.ResumesHandle = true;
  Fulfil.InvokesCallable = true;
  FunctionFact CoAwait = member("fut::operator co_await");
  CoAwait.ReturnType = "fut::awaiter";
  FunctionFact Then = member("fut::then");
  Then.Stores = {{StoredKind::Callable, 0, "state::next_", {"f.h", 20, 5}}};
  FunctionFact GetFuture = member("prom::get_future");
  GetFuture.ReturnType = "fut";
  GetFuture.Fields = {"prom::state_"};
  FunctionBuilder SetValue("prom::set_value");
  SetValue.call(Body, "state::fulfil");
  return {Suspend, Fulfil, CoAwait, Then, GetFuture, SetValue.build()};
}

// The promise hands the future out and its set_value() resumes what the
// future's awaiter keeps: a promise and its future, and then() chains a
// continuation. With nothing that hands the future out, no pair.
TEST(Inference, AFutureAndThePromiseHandingItOutShareTheirState) {
  InferredModels M = infer(futureLibrary());
  ASSERT_EQ(M.Types.size(), 2u);
  EXPECT_EQ(M.Types[0].ModelJson,
            R"({"name":"prom","handsOut":["get_future"],"role":"resource",)"
            R"("resourceKind":"promise","signals":["set_value"]})");
  EXPECT_EQ(M.Types[1].ModelJson,
            R"({"name":"fut","role":"resource","resourceKind":"future",)"
            R"("waits":["operator co_await"]})");
  ASSERT_EQ(M.Functions.size(), 1u);
  EXPECT_EQ(M.Functions[0].ModelJson,
            R"({"name":"fut::then","continuation":0})");
  std::vector<FunctionFact> Unpaired = futureLibrary();
  Unpaired[4].ReturnType = "";
  EXPECT_TRUE(infer(Unpaired).empty());
}

// async_simple's thenValue(): the callable is captured by a lambda that is
// handed to then(), which keeps it in the state: a continuation too. A
// lambda that captures something else hands on no callable.
TEST(Inference, ACallableWrappedInALambdaHandedOnIsKeptWhereTheLambdaIs) {
  std::vector<FunctionFact> Lib = futureLibrary();
  ArgFact Wrapper;
  Wrapper.CallableUsr = "c:@F@(lambda at f.h:30:17)";
  Wrapper.CapturedCallables = {0};
  FunctionBuilder ThenValue("fut::then_value");
  ThenValue.call(Body, "fut::then", {}, {Wrapper});
  Lib.push_back(ThenValue.build());
  InferredModels M = infer(Lib);
  std::vector<std::string> Json;
  for (const InferredEntry &E : M.Functions)
    Json.push_back(E.ModelJson);
  EXPECT_EQ(Json, (std::vector<std::string>{
                      R"({"name":"fut::then","continuation":0})",
                      R"({"name":"fut::then_value","continuation":0})"}));
  Lib.back().Sites[0].Args[0].CapturedCallables.clear();
  EXPECT_EQ(infer(Lib).Functions.size(), 1u);
}

// folly's shape: the awaiter keeps no handle, but hands the state a lambda
// that resumes it, which the state keeps as its one callback and fulfil()
// calls. Called going round a loop instead, it is a loop's queue.
TEST(Inference, AResumingCallbackKeptInTheStateKeepsTheWaiter) {
  std::vector<FunctionFact> Lib = futureLibrary();
  FunctionBuilder Suspend("fut::awaiter::await_suspend");
  ArgFact Resume;
  Resume.CallableUsr = "c:@F@(lambda at f.h:12:7)";
  Suspend.call(Body, "state::set_callback", {}, {Resume});
  Lib[0] = Suspend.build();
  FunctionFact Lambda = member("(lambda at f.h:12:7)");
  Lambda.IsLambda = true;
  Lambda.Owner = "fut::awaiter::await_suspend";
  Lambda.ResumesHandle = true;
  FunctionFact SetCallback = member("state::set_callback");
  SetCallback.Stores = {
      {StoredKind::Callback, 0, "state::next_", {"f.h", 30, 5}}};
  Lib[1].ResumesHandle = false; // fulfil() only calls the callback.
  Lib.push_back(Lambda);
  Lib.push_back(SetCallback);
  InferredModels M = infer(Lib);
  ASSERT_EQ(M.Types.size(), 2u);
  EXPECT_EQ(M.Types[0].Name, "prom");
  EXPECT_EQ(M.Types[1].Name, "fut");
  Lib[1].Cfg[Body].Succs = {Body, 1};
  EXPECT_TRUE(infer(Lib).Types.empty());
}

// Handed an awaitable and blocking on every path from entry to exit
// (through a helper that waits on a condition variable): it waits for a
// coroutine, which on the loop is a deadlock. Blocking on one branch only,
// it is none.
TEST(Inference, AFunctionHandedATaskThatBlocksOnEveryPathWaitsForIt) {
  ApiModels Known;
  ASSERT_FALSE(bool(Known.addJson(
      R"({"functions": [{"name": "std::condition_variable::wait",
         "blocking": "waits on a condition variable"}]})",
      "test")));
  FunctionFact Job = FunctionBuilder("job", true).build();
  Job.ReturnType = "t";
  FunctionBuilder Wait("lib::sync_wait"), Helper("lib::completion::wait");
  Wait.call(Body, "lib::completion::wait");
  Helper.call(Body, "std::condition_variable::wait");
  FunctionFact SyncWait = Wait.build();
  SyncWait.ParamTypes = {"t"};
  InferredModels M = infer({Job, SyncWait, Helper.build()}, Known);
  ASSERT_EQ(M.Functions.size(), 1u);
  EXPECT_EQ(M.Functions[0].ModelJson,
            R"({"name":"lib::sync_wait","blocking":"waits for a coroutine )"
            R"(to finish","blockingKind":"deadlock"})");
  FunctionBuilder Maybe("lib::sync_wait");
  unsigned Branch = Maybe.block();
  Maybe.succs(2, {Branch, 1}).succs(Branch, {1});
  Maybe.call(Branch, "lib::completion::wait");
  FunctionFact SometimesWaits = Maybe.build();
  SometimesWaits.ParamTypes = {"t"};
  EXPECT_TRUE(infer({Job, SometimesWaits, Helper.build()}, Known).empty());
}

// A call handed a task and a duration, whose result is awaited, bounds the
// task (`co_await within(read(), 5s)`), defined in the program or not. Handed
// no duration, or not awaited, it says nothing.
TEST(Inference, ACallHandedATaskAndADurationAndAwaitedBoundsIt) {
  ApiModels Known;
  ASSERT_FALSE(bool(Known.addJson(
      R"({"types": [{"name": "std::chrono::duration", "role": "duration"}]})",
      "test")));
  FunctionFact Job = FunctionBuilder("job", true).build();
  Job.ReturnType = "t";
  auto Caller = [](std::vector<std::string> ArgTypes, bool Awaited) {
    FunctionBuilder B("serve", true);
    std::vector<ArgFact> Args;
    for (const std::string &Type : ArgTypes) {
      Args.emplace_back();
      Args.back().Index = Args.size() - 1;
      Args.back().Type = Type;
    }
    unsigned Call = B.call(Body, "lib::within", {}, Args);
    unsigned Await = B.suspend(Body);
    FunctionFact F = B.build();
    if (Awaited)
      F.Sites[Await].OperandCall = Call;
    return F;
  };
  InferredModels M =
      infer({Job, Caller({"t", "std::chrono::duration"}, true)}, Known);
  ASSERT_EQ(M.Functions.size(), 1u);
  EXPECT_EQ(M.Functions[0].ModelJson,
            R"({"name":"lib::within","timeout":true})");
  EXPECT_TRUE(infer({Job, Caller({"t", ""}, true)}, Known).empty());
  EXPECT_TRUE(
      infer({Job, Caller({"t", "std::chrono::duration"}, false)}, Known)
          .empty());
}

// What an awaiter runs when awaited is part of the wait (`try_await(h)`
// that starts the awaited tasks), not a signal.
TEST(Inference, MembersTheAwaiterCallsAreNoSignals) {
  std::vector<FunctionFact> Lib = eventLibrary(true);
  FunctionBuilder Suspend("ev::awaiter::await_suspend");
  Suspend.call(FunctionBuilder::Body, "ev::set");
  Lib[0].Sites = Suspend.build().Sites;
  Lib[0].Cfg = Suspend.build().Cfg;
  EXPECT_TRUE(infer(Lib).empty());
}

// A class that code waits on and then signals itself, or that the guard
// awaiting it gives releases in its destructor (through a helper of the
// guard), is a lock, not an event: an async mutex, and the guard an async
// guard.
TEST(Inference, AClassUsedAsALockIsAnAsyncMutex) {
  std::vector<FunctionFact> Lib = eventLibrary(true);
  Lib.pop_back(); // A mutex is constructed unlocked, with no argument.
  Lib.push_back(waitsThenSignals());
  // Taken with no argument, then released by the same code: a mutex.
  InferredModels Inferred = infer(Lib);
  ASSERT_EQ(Inferred.Types.size(), 1u);
  EXPECT_EQ(Inferred.Types[0].ModelJson,
            R"({"name":"ev","role":"async-mutex",)"
            R"("lock":["operator co_await"],"unlock":["set"]})");
  // A wait handed an argument (the lock a condition variable lets go of),
  // then a signal: a consumer notifying back. No event, and no role.
  FunctionFact Wait = member("ev::wait");
  Wait.ReturnType = "ev::awaiter";
  Wait.ParamTypes = {"mutex"};
  Lib.push_back(Wait);
  EXPECT_TRUE(infer(Lib).empty());
  Lib.pop_back();
  Lib.pop_back();
  FunctionBuilder Release("ev_guard::~ev_guard");
  Release.call(Body, "ev_guard::release");
  FunctionBuilder Helper("ev_guard::release");
  Helper.call(Body, "ev::set",
              object(ObjectRef::Kind::Field, "account::m_", "ev"));
  Lib.push_back(Release.build());
  Lib.push_back(Helper.build());
  // A class whose destructor signals it, but that awaiting it does not
  // give, is no guard: `ev` stays an event.
  Inferred = infer(Lib);
  ASSERT_EQ(Inferred.Types.size(), 1u);
  EXPECT_NE(Inferred.Types[0].ModelJson.find(R"("resourceKind":"event")"),
            std::string::npos);
  FunctionFact Resume = member("ev::awaiter::await_resume");
  Resume.ReturnType = "ev_guard";
  Lib.push_back(Resume);
  Inferred = infer(Lib);
  ASSERT_EQ(Inferred.Types.size(), 2u);
  EXPECT_EQ(Inferred.Types[0].ModelJson,
            R"({"name":"ev","role":"async-mutex",)"
            R"("lock":["operator co_await"],"unlock":["set"]})");
  EXPECT_EQ(Inferred.Types[1].ModelJson,
            R"({"name":"ev_guard","role":"async-guard"})");
}

// A wait handed a lock that it works on (`m_lock.m_mutex->unlock()` in its
// awaiter, libcoro's shape; `co_await lock.coLock()` in the wait itself,
// async_simple's) lets go of it while suspended: a condition variable, an
// event that code waits on with its lock and notifies later. Handed one
// it never touches, or an object that cannot be released, it is no lock
// that a wait lets go of, and code that waits then signals it makes no role.
TEST(Inference, AWaitThatWorksOnTheLockItIsHandedIsAConditionVariable) {
  std::vector<FunctionFact> Lib = eventLibrary(true);
  Lib.pop_back(); // No constructor argument.
  FunctionBuilder Wait("ev::wait");
  FunctionFact Waits = Wait.build();
  Waits.ReturnType = "ev::awaiter";
  Waits.ParamTypes = {"lk"};
  Lib.push_back(Waits);
  ObjectRef Cv = object(ObjectRef::Kind::Field, "account::cv_", "ev");
  FunctionBuilder Use("account::take", true);
  Use.call(Body, "ev::wait", Cv);
  Use.call(Body, "ev::set", Cv);
  Lib.push_back(Use.build());
  FunctionFact Unlock = member("lk::unlock");
  Lib.push_back(Unlock);
  EXPECT_TRUE(infer(Lib).empty()); // Handed a lock it does not work on.

  FunctionBuilder Suspend("ev::awaiter::await_suspend");
  Suspend.call(Body, "mutex::unlock",
               object(ObjectRef::Kind::Field, "lk::m_mutex", "mutex"));
  Lib[0].Sites = Suspend.build().Sites;
  Lib[0].Cfg = Suspend.build().Cfg;
  InferredModels Inferred = infer(Lib);
  ASSERT_EQ(Inferred.Types.size(), 1u);
  EXPECT_EQ(Inferred.Types[0].ModelJson,
            R"({"name":"ev","role":"resource","resourceKind":"event",)"
            R"("waits":["operator co_await","wait"],"signals":["set"],)"
            R"("waitReleasesLock":true})");
  EXPECT_NE(Inferred.Types[0].Evidence.back().find(
                "'ev::wait' is handed a 'lk' and works on it here "
                "('mutex::unlock')"),
            std::string::npos)
      << Inferred.Types[0].Evidence.back();

  // Handed something with no `unlock` (a scheduler to resume on): no lock.
  for (FunctionFact &F : Lib)
    if (F.Name == "lk::unlock")
      F.Name = "lk::schedule";
  EXPECT_TRUE(infer(Lib).empty());
}

// A signal reached through a virtual call resumes what the override the
// units define resumes (`co_await waiter->on_notify()`), and a member
// handed a waiter is a helper of the waiter list, no signal.
TEST(Inference, AVirtualCallReachesItsOverrides) {
  std::vector<FunctionFact> Lib = eventLibrary(false);
  Lib[0].Stores.push_back({StoredKind::Self, -1, "ev::list_", {"ev.h", 9, 7}});
  FunctionBuilder Set("ev::set");
  Set.call(Body, "ev::waiter_base::on_notify");
  Lib[1].Sites = Set.build().Sites;
  Lib[1].Cfg = Set.build().Cfg;
  Lib[1].Fields = {"ev::list_"};
  FunctionFact Notify = member("ev::awaiter::on_notify");
  Notify.ResumesHandle = true;
  Lib.push_back(Notify);
  EXPECT_TRUE(infer(Lib).empty());
  Lib.back().Overrides = {"c:@F@ev::waiter_base::on_notify"};
  FunctionFact Helper = member("ev::wake_one");
  Helper.Fields = {"ev::list_"};
  Helper.ParamTypes = {"ev::awaiter"};
  Helper.ResumesHandle = true;
  Lib.push_back(Helper);
  InferredModels Inferred = infer(Lib);
  ASSERT_EQ(Inferred.Types.size(), 1u);
  EXPECT_NE(Inferred.Types[0].ModelJson.find(R"("signals":["set"])"),
            std::string::npos)
      << Inferred.Types[0].ModelJson;
}

// Its own destructor releasing its waiters does not make an event a lock.
TEST(Inference, AnEventItsOwnDestructorSignalsStaysAnEvent) {
  std::vector<FunctionFact> Lib = eventLibrary(true);
  FunctionBuilder Release("ev::~ev");
  Release.call(Body, "ev::set");
  Lib.push_back(Release.build());
  InferredModels Inferred = infer(Lib);
  ASSERT_EQ(Inferred.Types.size(), 1u);
  EXPECT_NE(Inferred.Types[0].ModelJson.find(R"("resourceKind":"event")"),
            std::string::npos);
}

// Used as a lock, but constructed with an argument that sets the state its
// awaiter tests: a count (a semaphore) or an initial state (an auto-reset
// event); which, the facts cannot say, so it gets no role.
// Waited on and then signalled by the same code, and set up by its
// constructor's argument: by that argument's type, a semaphore counting
// units (libcoro's `semaphore(std::ptrdiff_t)`), an auto-reset event
// starting set or not (cppcoro's `async_auto_reset_event(bool)`), or, for
// a type that says neither, nothing.
TEST(Inference, ALockSetUpByItsArgumentIsASemaphoreOrAnAutoResetEvent) {
  for (const char *Type : {"long", "bool", "", "std::string"}) {
    std::vector<FunctionFact> Lib = eventLibrary(true);
    for (FunctionFact &F : Lib)
      if (F.Name == "ev::ev" && *Type)
        F.ParamTypes = {Type};
    Lib.push_back(waitsThenSignals());
    InferredModels Inferred = infer(Lib);
    llvm::StringRef T = Type;
    // A value of another kind (an enumerator: no spelling) says nothing of
    // how it starts; an object it is handed (a name) is no state.
    if (T.empty()) {
      EXPECT_TRUE(Inferred.empty()) << Type;
      continue;
    }
    if (T == "std::string") {
      ASSERT_EQ(Inferred.Types.size(), 1u);
      EXPECT_EQ(Inferred.Types[0].ModelJson,
                R"({"name":"ev","role":"async-mutex",)"
                R"("lock":["operator co_await"],"unlock":["set"]})");
      continue;
    }
    ASSERT_EQ(Inferred.Types.size(), 1u) << Type;
    EXPECT_EQ(Inferred.Types[0].ModelJson,
              T == "long"
                  ? R"({"name":"ev","role":"resource","resourceKind":)"
                    R"("semaphore","waits":["operator co_await"],)"
                    R"("signals":["set"],"unlock":["set"]})"
                  : R"({"name":"ev","role":"resource","resourceKind":"event",)"
                    R"("waits":["operator co_await"],"signals":["set"],)"
                    R"("setByArg":0})");
  }
}

// `semaphore(executor &e, long n)`: the executor the awaiter also reads is
// no state, and the count is the argument after it.
TEST(Inference, AnObjectTheConstructorIsHandedIsNoState) {
  std::vector<FunctionFact> Lib = eventLibrary(true);
  for (FunctionFact &F : Lib) {
    if (F.Name == "ev::ev") {
      F.ParamTypes = {"executor", "long"};
      F.FieldInits = {{"ev::exec_", 0}, {"ev::state_", 1}};
    }
    if (F.Name == "ev::is_set")
      F.Fields = {"ev::exec_", "ev::state_"};
  }
  Lib.push_back(waitsThenSignals());
  InferredModels Inferred = infer(Lib);
  ASSERT_EQ(Inferred.Types.size(), 1u);
  EXPECT_EQ(Inferred.Types[0].ModelJson,
            R"({"name":"ev","role":"resource","resourceKind":)"
            R"("semaphore","waits":["operator co_await"],)"
            R"("signals":["set"],"unlock":["set"]})");
  EXPECT_NE(Inferred.Types[0].Evidence.back().find("argument 1 ('long"),
            std::string::npos)
      << Inferred.Types[0].Evidence.back();
}

// A queue: its wait gives a value and its signal is handed one; an event's
// waits give nothing.
TEST(Inference, AWaitGivingWhatASignalIsHandedMakesAChannel) {
  for (bool GivesValue : {false, true}) {
    std::vector<FunctionFact> Lib = eventLibrary(true);
    for (FunctionFact &F : Lib)
      if (F.Name == "ev::set")
        F.ParamTypes = {"std::string"};
    FunctionFact Resume = member("ev::awaiter::await_resume");
    if (GivesValue)
      Resume.ReturnType = "std::string";
    Lib.push_back(Resume);
    InferredModels Inferred = infer(Lib);
    ASSERT_EQ(Inferred.Types.size(), 1u);
    EXPECT_NE(Inferred.Types[0].ModelJson.find(
                  GivesValue ? R"("resourceKind":"channel")"
                             : R"("resourceKind":"event")"),
              std::string::npos)
        << Inferred.Types[0].ModelJson;
  }
}

// pop() and push() written as coroutines (libcoro's queue and semaphore):
// a coroutine member that awaits the awaiter waits, and one that resumes
// the kept waiters signals.
TEST(Inference, CoroutineMembersWaitAndSignal) {
  std::vector<FunctionFact> Lib = eventLibrary(true);
  FunctionBuilder Pop("ev::pop", /*Coroutine=*/true);
  unsigned Await = Pop.suspend(Body);
  FunctionFact PopFact = Pop.build();
  PopFact.Sites[Await].AwaitableType = "ev::awaiter";
  FunctionFact Push = member("ev::push");
  Push.IsCoroutine = true;
  Push.Fields = {"ev::waiter_"};
  Push.ResumesHandle = true;
  Lib.push_back(PopFact);
  Lib.push_back(Push);
  InferredModels Inferred = infer(Lib);
  ASSERT_EQ(Inferred.Types.size(), 1u);
  EXPECT_NE(
      Inferred.Types[0].ModelJson.find(
          R"("waits":["operator co_await","pop"],"signals":["push","set"])"),
      std::string::npos)
      << Inferred.Types[0].ModelJson;
}

// `lock()` returns `lock_op<void>`, derived from the awaiter that keeps the
// waiter: it waits all the same.
TEST(Inference, AMemberReturningAClassDerivedFromTheAwaiterWaits) {
  std::vector<FunctionFact> Lib = eventLibrary(true);
  FunctionFact Wait = member("ev::wait");
  Wait.ReturnType = "ev::waiting";
  Wait.ReturnBases = {"ev::awaiter"};
  Lib.push_back(Wait);
  InferredModels Inferred = infer(Lib);
  ASSERT_EQ(Inferred.Types.size(), 1u);
  EXPECT_NE(Inferred.Types[0].ModelJson.find(
                R"("waits":["operator co_await","wait"])"),
            std::string::npos)
      << Inferred.Types[0].ModelJson;
}

/// A group over the event of eventLibrary, in the shape of libcoro's
/// task_group: `operator co_await` returns a wait on the private event it
/// keeps, and finish() (which start() calls) sets it. \p Init is the
/// in-class initializer's constant argument, if any.
std::vector<FunctionFact> groupLibrary(bool Internal,
                                       std::optional<int64_t> Init) {
  std::vector<FunctionFact> Lib = eventLibrary(true);
  ObjectRef Done = object(ObjectRef::Kind::Field, "grp::done_", "ev");
  Done.Internal = Internal;
  Done.Private = true;
  FunctionBuilder CoAwait("grp::operator co_await");
  unsigned Wait = CoAwait.call(Body, "ev::operator co_await", Done);
  FunctionFact CoAwaitFact = CoAwait.build();
  CoAwaitFact.Sites[Wait].Returned = true;
  FunctionBuilder Finish("grp::finish");
  Finish.call(Body, "ev::set", Done);
  FunctionBuilder Start("grp::start");
  Start.call(Body, "grp::finish");
  FunctionBuilder InClass("grp::grp");
  unsigned Construct = InClass.call(
      Body, "ev::ev", Done,
      Init ? std::vector<ArgFact>{constant(0, *Init)} : std::vector<ArgFact>{});
  FunctionFact InClassFact = InClass.build();
  InClassFact.Usr = "c:@S@grp@in-class-initializers";
  InClassFact.Sites[Construct].IsConstructor = true;
  llvm::append_range(Lib,
                     std::vector<FunctionFact>{CoAwaitFact, Finish.build(),
                                               Start.build(), InClassFact});
  return Lib;
}

const InferredEntry *typeNamed(const InferredModels &M, llvm::StringRef Name) {
  auto It = llvm::find_if(
      M.Types, [&](const InferredEntry &E) { return E.Name == Name; });
  return It == M.Types.end() ? nullptr : &*It;
}

TEST(Inference, AClassReturningAWaitOnItsEventIsAnEventItsMembersSignal) {
  InferredModels M = infer(groupLibrary(/*Internal=*/true, std::nullopt));
  const InferredEntry *Group = typeNamed(M, "grp");
  ASSERT_TRUE(Group);
  EXPECT_EQ(Group->ModelJson,
            R"({"name":"grp","role":"resource","resourceKind":"event",)"
            R"("waits":["operator co_await"],"signals":["finish","start"]})");
}

// libcoro's fix of A6: `coro::event m_on_empty_event{true};` makes a group
// with no tasks done from the start.
TEST(Inference, AnEventFieldConstructedSetMakesTheClassStartSignalled) {
  InferredModels Set = infer(groupLibrary(true, 1));
  ASSERT_TRUE(typeNamed(Set, "grp"));
  EXPECT_NE(typeNamed(Set, "grp")->ModelJson.find(R"("startsSignalled":true)"),
            std::string::npos);
  InferredModels Unset = infer(groupLibrary(true, 0));
  ASSERT_TRUE(typeNamed(Unset, "grp"));
  EXPECT_EQ(typeNamed(Unset, "grp")->ModelJson.find("startsSignalled"),
            std::string::npos);
}

// A latch: `latch(long n) : done_(n <= 0)` counts from its argument; a
// flag argument sets it.
TEST(Inference, AnEventFieldBuiltFromAnArgumentIsCountedOrSetByIt) {
  for (const char *Type : {"long", "bool", "std::string"}) {
    std::vector<FunctionFact> Lib = groupLibrary(true, std::nullopt);
    FunctionFact Ctor = member("grp::grp");
    Ctor.Usr = "c:@F@grp::grp#l";
    Ctor.FieldInits = {{"grp::done_", 0}};
    Ctor.ParamTypes = {Type};
    Lib.push_back(Ctor);
    const InferredEntry *Group = typeNamed(infer(Lib), "grp");
    if (llvm::StringRef(Type) == "std::string") {
      EXPECT_FALSE(Group) << "a state read from an argument it cannot read";
      continue;
    }
    ASSERT_TRUE(Group) << Type;
    EXPECT_NE(Group->ModelJson.find(llvm::StringRef(Type) == "long"
                                        ? R"("countArg":0)"
                                        : R"("setByArg":0)"),
              std::string::npos)
        << Group->ModelJson;
  }
}

// A field code outside the class can name may be signalled there.
TEST(Inference, AnEventFieldOthersCanNameMakesNoRole) {
  EXPECT_FALSE(typeNamed(infer(groupLibrary(false, std::nullopt)), "grp"));
  std::vector<FunctionFact> Lib = groupLibrary(true, std::nullopt);
  FunctionBuilder Share("grp::share");
  ObjectRef Done = object(ObjectRef::Kind::Field, "grp::done_", "ev");
  Share.call(Body, "registry::keep", {}, {argOf(0, Done)});
  Lib.push_back(Share.build());
  EXPECT_FALSE(typeNamed(infer(Lib), "grp"));
}

/// A latch in the shape of async_simple's: coroutines that await a wait on
/// the condition variable it keeps, handing it a predicate that reads
/// `count_`, and count_down(), which writes `count_` (\p Counts) and
/// notifies it; arrive_and_wait() awaits count_down() and wait(). \p
/// ByArg: a constructor sets `count_` from its argument; \p Takes: wait()
/// takes from `count_` too (a semaphore's acquire).
std::vector<FunctionFact> cvLatchLibrary(bool ByArg, bool Takes = false,
                                         bool Counts = true) {
  ObjectRef Cv = object(ObjectRef::Kind::Field, "lat::cv_", "cv");
  Cv.Internal = Cv.Private = true;
  ObjectRef Count = object(ObjectRef::Kind::Field, "lat::count_", "");
  FunctionFact Predicate = member("(lambda at lat.h:5:30)");
  Predicate.IsLambda = true;
  Predicate.Fields = {"lat::count_"};
  ArgFact Ready;
  Ready.Index = 1;
  Ready.CallableUsr = Predicate.Usr;
  FunctionBuilder Wait("lat::wait", true);
  unsigned CvWait = Wait.call(Body, "cv::wait", Cv, {Ready});
  unsigned Suspend = Wait.suspend(Body);
  if (Takes)
    Wait.write(Body, Count);
  FunctionFact WaitFact = Wait.build();
  WaitFact.Sites[CvWait].AwaitedIn = Suspend;
  FunctionBuilder CountDown("lat::count_down", true);
  if (Counts)
    CountDown.write(Body, Count);
  CountDown.call(Body, "cv::notify", Cv);
  FunctionBuilder Both("lat::arrive_and_wait", true);
  Both.call(Body, "lat::count_down");
  unsigned Waits = Both.call(Body, "lat::wait");
  unsigned Awaits = Both.suspend(Body);
  FunctionFact BothFact = Both.build();
  BothFact.Sites[Waits].AwaitedIn = Awaits;
  FunctionFact Ctor = member("lat::lat");
  Ctor.ParamTypes = {"unsigned long"};
  if (ByArg)
    Ctor.FieldInits = {{"lat::count_", 0}};
  return {WaitFact, CountDown.build(), BothFact, Ctor, Predicate};
}

ApiModels conditionVariableModel() {
  ApiModels Known;
  EXPECT_FALSE(bool(Known.addJson(
      R"({"types": [{"name": "cv", "role": "resource", "resourceKind": )"
      R"("event", "waits": ["wait"], "signals": ["notify"], )"
      R"("waitReleasesLock": true}]})",
      "test")));
  return Known;
}

// What a latch or a semaphore built on a condition variable starts as is
// the count its constructor's argument gives the state the waits' predicate
// reads; arrive_and_wait() both counts down and waits.
TEST(Inference, CoroutinesAwaitingAConditionVariableTheyKeepMakeALatch) {
  ApiModels Known = conditionVariableModel();
  InferredModels Counted = infer(cvLatchLibrary(/*ByArg=*/true), Known);
  const InferredEntry *Latch = typeNamed(Counted, "lat");
  ASSERT_TRUE(Latch);
  EXPECT_EQ(Latch->ModelJson,
            R"({"name":"lat","role":"resource","resourceKind":"event",)"
            R"("waits":["arrive_and_wait","wait"],)"
            R"("signals":["arrive_and_wait","count_down"],"countArg":0})");
  // A wait that takes from the count itself is a semaphore's acquire: the
  // signals that are no waits give the units back.
  InferredModels Taken = infer(cvLatchLibrary(true, /*Takes=*/true), Known);
  const InferredEntry *Semaphore = typeNamed(Taken, "lat");
  ASSERT_TRUE(Semaphore);
  EXPECT_EQ(Semaphore->ModelJson,
            R"({"name":"lat","role":"resource","resourceKind":"semaphore",)"
            R"("waits":["arrive_and_wait","wait"],)"
            R"("signals":["arrive_and_wait","count_down"],)"
            R"("unlock":["count_down"]})");
  // No signal changes what the predicate reads (a channel's capacity):
  // what the waits wait for is not known.
  EXPECT_FALSE(typeNamed(
      infer(cvLatchLibrary(true, false, /*Counts=*/false), Known), "lat"));
  // A predicate over state no argument sets (`bool open_ = true;`): how
  // the class starts is not known, so it has no role.
  EXPECT_FALSE(typeNamed(infer(cvLatchLibrary(false), Known), "lat"));
  // Nor when what the coroutines await is an event, not a condition
  // variable: they may test state of their own before waiting (`while
  // (count_ == 0) co_await arrived_.wait();`).
  ApiModels Event;
  ASSERT_FALSE(bool(Event.addJson(
      R"({"types": [{"name": "cv", "role": "resource", "resourceKind": )"
      R"("event", "waits": ["wait"], "signals": ["notify"]}]})",
      "test")));
  EXPECT_FALSE(typeNamed(infer(cvLatchLibrary(true), Event), "lat"));
}

/// A gate over a timer that never expires, in the shape Asio code writes
/// one: the constructor arms the timer with `max()` (or, \p Finite, with a
/// duration), passed() awaits the timer in `while (!open_)`, open() sets
/// `open_` (to \p OpenValue) and, when \p Cancels, cancels the timer;
/// `open_` starts at \p Start (an in-class initializer), or from the
/// constructor's argument when none is given.
std::vector<FunctionFact> timerGateLibrary(bool Cancels, int64_t OpenValue,
                                           std::optional<int64_t> Start,
                                           bool Finite = false) {
  ObjectRef Timer = object(ObjectRef::Kind::Field, "gate::timer_", "tm");
  ObjectRef Open = object(ObjectRef::Kind::Field, "gate::open_", "");
  Timer.Internal = Timer.Private = Open.Internal = Open.Private = true;
  FunctionBuilder Passed("gate::passed", true);
  unsigned Wait = Passed.call(Body, "tm::async_wait", Timer);
  unsigned Suspend = Passed.suspend(Body);
  FunctionFact PassedFact = Passed.build();
  PassedFact.Sites[Wait].AwaitedIn = Suspend;
  PollFact Loop;
  Loop.Kind = PollKind::Loop;
  Loop.Flag = Open;
  Loop.Negated = true;
  Loop.Sites = {Wait, Suspend};
  PassedFact.Polls = {Loop};
  FunctionBuilder OpenIt("gate::open");
  unsigned Set = OpenIt.write(Body, Open);
  if (Cancels)
    OpenIt.call(Body, "tm::cancel", Timer);
  FunctionFact OpenFact = OpenIt.build();
  OpenFact.Sites[Set].Value = OpenValue;
  FunctionBuilder Ctor("gate::gate");
  ArgFact Expiry;
  Expiry.Index = 1;
  Expiry.Type = "dur";
  Expiry.ProducerUsr = Finite ? "" : "c:@S@dur@F@max#S";
  Ctor.call(Body, "tm::tm", Timer, {Expiry});
  unsigned Max = Ctor.call(Body, "dur::max");
  FunctionFact CtorFact = Ctor.build();
  CtorFact.Sites[Max].CalleeUsr = "c:@S@dur@F@max#S";
  if (Start) {
    unsigned Init = Ctor.write(Body, Open);
    CtorFact = Ctor.build();
    CtorFact.Sites[Max].CalleeUsr = "c:@S@dur@F@max#S";
    CtorFact.Sites[Init].Initial = true;
    CtorFact.Sites[Init].Value = *Start;
  } else {
    CtorFact.ParamTypes = {"bool"};
    CtorFact.FieldInits = {{"gate::open_", 0}};
  }
  return {PassedFact, OpenFact, CtorFact};
}

ApiModels timerModel() {
  ApiModels Known;
  EXPECT_FALSE(bool(Known.addJson(
      R"({"types": [{"name": "tm", "role": "resource", "resourceKind": )"
      R"("timer", "waits": ["async_wait"], "signals": ["cancel"]}, )"
      R"({"name": "dur", "role": "duration"}]})",
      "test")));
  return Known;
}

// Awaiting passed() waits until a member sets the flag and wakes the timer:
// each gate object is an event of its own (held-out: two replicas' latches).
TEST(Inference, ATimerAwaitedUntilAFlagIsSetIsAnEventItsOpenersSignal) {
  ApiModels Known = timerModel();
  InferredModels Unset = infer(timerGateLibrary(true, 1, 0), Known);
  const InferredEntry *Gate = typeNamed(Unset, "gate");
  ASSERT_TRUE(Gate);
  EXPECT_EQ(Gate->ModelJson,
            R"({"name":"gate","role":"resource","resourceKind":"event",)"
            R"("waits":["passed"],"signals":["open"]})");
  InferredModels Set = infer(timerGateLibrary(true, 1, 1), Known);
  const InferredEntry *Open = typeNamed(Set, "gate");
  ASSERT_TRUE(Open);
  EXPECT_NE(Open->ModelJson.find(R"("startsSignalled":true)"),
            std::string::npos);
  // Setting the flag opens the gate for whoever comes next, cancelled or
  // not (a waiter already asleep stays so: a lost wake-up, not a cycle).
  InferredModels Uncancelled = infer(timerGateLibrary(false, 1, 0), Known);
  EXPECT_TRUE(typeNamed(Uncancelled, "gate"));
  // A timer armed with a duration wakes the loop itself (a heartbeat);
  // clearing the flag opens nothing; a start an argument gives is unknown.
  EXPECT_FALSE(typeNamed(
      infer(timerGateLibrary(true, 1, 0, /*Finite=*/true), Known), "gate"));
  EXPECT_FALSE(typeNamed(infer(timerGateLibrary(true, 0, 0), Known), "gate"));
  EXPECT_FALSE(
      typeNamed(infer(timerGateLibrary(true, 1, std::nullopt), Known), "gate"));
  // With no timer model, nothing says the await is a wait to be woken.
  EXPECT_FALSE(typeNamed(infer(timerGateLibrary(true, 1, 0)), "gate"));
}

// An awaiter that keeps its handle in the record other awaiters link into
// the condition variable's list, and links none itself (libcoro's
// `wait_for`, whose helper task links a proxy), waits on that list too.
// Records linked into two lists say nothing of which it waits on.
TEST(Inference, AnAwaiterKeepingItsHandleInAListedRecordWaitsOnThatList) {
  auto Library = [](bool TwoLists) {
    FunctionFact Suspend = member("cv::awaiter::await_suspend");
    Suspend.Stores = {
        {StoredKind::Handle, 0, "cv::record::handle_", {"cv.h", 9, 5}},
        {StoredKind::Self, -1, "cv::list_", {"cv.h", 10, 5}}};
    FunctionFact Timed = member("cv::timed_awaiter::await_suspend");
    Timed.Stores = {
        {StoredKind::Handle, 0, "cv::record::handle_", {"cv.h", 20, 5}}};
    FunctionFact Notify = member("cv::notify");
    Notify.Fields = {"cv::list_"};
    Notify.ResumesHandle = true;
    FunctionFact Wait = member("cv::wait");
    Wait.ReturnType = "cv::awaiter";
    FunctionFact WaitFor = member("cv::wait_for");
    WaitFor.ReturnType = "cv::timed_awaiter";
    std::vector<FunctionFact> Lib{Suspend, Timed, Notify, Wait, WaitFor};
    if (TwoLists) {
      FunctionFact Other = member("gate::awaiter::await_suspend");
      Other.Stores = {
          {StoredKind::Handle, 0, "cv::record::handle_", {"gate.h", 9, 5}},
          {StoredKind::Self, -1, "gate::list_", {"gate.h", 10, 5}}};
      Lib.push_back(Other);
    }
    return Lib;
  };
  InferredModels OneList = infer(Library(false));
  const InferredEntry *Cv = typeNamed(OneList, "cv");
  ASSERT_TRUE(Cv);
  EXPECT_EQ(Cv->ModelJson,
            R"({"name":"cv","role":"resource","resourceKind":"event",)"
            R"("waits":["wait","wait_for"],"signals":["notify"]})");
  InferredModels TwoLists = infer(Library(true));
  Cv = typeNamed(TwoLists, "cv");
  ASSERT_TRUE(Cv);
  EXPECT_NE(Cv->ModelJson.find(R"("waits":["wait"])"), std::string::npos)
      << Cv->ModelJson;
}

// A member that takes the lock and gives it back (`scoped_lock(task)`,
// running the task between) is neither a lock nor an unlock, and the
// executor a constructor is handed is no state of the lock: libcoro's
// shared_mutex is an async mutex. A class whose signals all wait as well
// (a channel's produce and consume) is no lock.
TEST(Inference, AMemberThatTakesAndGivesBackIsNeitherLockNorUnlock) {
  std::vector<FunctionFact> Lib = eventLibrary(true);
  Lib.back().ParamTypes = {"executor"}; // ev(executor &) : state_(e)
  Lib.push_back(waitsThenSignals());
  FunctionBuilder Scoped("ev::scoped", true);
  unsigned Await = Scoped.suspend(Body);
  Scoped.call(Body, "ev::set");
  FunctionFact ScopedFact = Scoped.build();
  ScopedFact.Sites[Await].AwaitableType = "ev::awaiter";
  ScopedFact.ParamTypes = {"task"};
  Lib.push_back(ScopedFact);
  InferredModels Inferred = infer(Lib);
  ASSERT_EQ(Inferred.Types.size(), 1u);
  EXPECT_EQ(Inferred.Types[0].ModelJson,
            R"({"name":"ev","role":"async-mutex",)"
            R"("lock":["operator co_await"],"unlock":["set"]})");
  // `set` waits too: nothing releases what a wait took.
  FunctionBuilder SetWaits("ev::set", true);
  unsigned SetAwait = SetWaits.suspend(Body);
  FunctionFact SetFact = SetWaits.build();
  SetFact.Sites[SetAwait].AwaitableType = "ev::awaiter";
  SetFact.Fields = Lib[1].Fields;
  SetFact.ResumesHandle = true;
  Lib[1] = SetFact;
  Inferred = infer(Lib);
  const InferredEntry *Ev = typeNamed(Inferred, "ev");
  EXPECT_TRUE(!Ev || Ev->ModelJson.find("async-mutex") == std::string::npos)
      << Ev->ModelJson;
}

// `when_any(a, b)`: a coroutine hands a local event, set once, to code
// whose tasks each await what they are handed and then set it, and
// awaits the event: the first task to finish ends the wait. A count (a
// latch: `when_all`) or a task that sets the event before awaiting is no
// race.
TEST(Inference, AwaitingAnEventTheFirstFinishedTaskSetsIsARace) {
  auto Library = [](bool Counted, bool SetsFirst) {
    std::vector<FunctionFact> Lib = eventLibrary(true);
    if (Counted)
      Lib.back().ParamTypes = {"unsigned long"};
    FunctionBuilder Task("run_one", true);
    unsigned Await = Task.suspend(Body);
    unsigned Set =
        Task.call(Body, "ev::set", param("run_one", 1, "notify", "ev"));
    FunctionFact TaskFact = Task.build();
    TaskFact.Sites[Await].AwaitableType = "job";
    TaskFact.ParamTypes = {"job", "ev"};
    if (SetsFirst)
      std::swap(TaskFact.Sites[Await].Pos, TaskFact.Sites[Set].Pos);
    FunctionBuilder Start("start_all", true);
    Start.call(Body, "run_one");
    ObjectRef Notify = local("first_of::notify", "ev");
    FunctionBuilder First("first_of", true);
    ArgFact Handed;
    Handed.Index = 1;
    Handed.Ref = Notify;
    First.call(Body, "start_all", {}, {Handed});
    First.awaitObject(Body, Notify);
    FunctionFact FirstFact = First.build();
    FirstFact.ParamTypes = {"job", "job"};
    llvm::append_range(
        Lib, std::vector<FunctionFact>{TaskFact, Start.build(), FirstFact});
    return Lib;
  };
  InferredModels Race = infer(Library(false, false));
  ASSERT_EQ(Race.Functions.size(), 1u);
  EXPECT_EQ(Race.Functions[0].ModelJson, R"({"name":"first_of","race":true})");
  ASSERT_EQ(Race.Functions[0].Evidence.size(), 3u);
  EXPECT_NE(Race.Functions[0].Evidence[1].find(
                "'run_one' sets it once it has awaited what it is handed"),
            std::string::npos)
      << Race.Functions[0].Evidence[1];
  EXPECT_TRUE(infer(Library(true, false)).Functions.empty());
  EXPECT_TRUE(infer(Library(false, true)).Functions.empty());
}

// `lazy.start(cb)` launches a coroutine that awaits the lazy and then calls
// `cb`: a continuation, and so is what hands `cb` on to it
// (`directlyStart(cb, ex)`). A coroutine that calls the callable before
// awaiting, or awaits something other than the object started, is none.
TEST(Inference, ACallableCalledOnceTheObjectStartedIsAwaitedIsAContinuation) {
  auto Library = [](bool AwaitsFirst, std::string Awaited) {
    FunctionBuilder Launch("(lambda at lazy.h:9:5)", true);
    unsigned Wait = Launch.call(Body, Awaited + "::co_await_try",
                                param("launch", 0, "lazy", Awaited));
    unsigned Suspend = Launch.suspend(Body);
    unsigned Call =
        Launch.call(Body, "cb::operator()", param("launch", 1, "cb", "cb"));
    FunctionFact LaunchFact = Launch.build();
    LaunchFact.IsLambda = true;
    LaunchFact.Sites[Wait].AwaitedIn = Suspend;
    LaunchFact.ParamTypes = {Awaited, "cb"};
    if (!AwaitsFirst)
      std::swap(LaunchFact.Sites[Suspend].Pos, LaunchFact.Sites[Call].Pos);
    FunctionBuilder Start("lazy::start");
    ArgFact Callback;
    Callback.Index = 1;
    Callback.Ref = param("lazy::start", 0, "callback", "cb");
    Start.call(Body, "(lambda at lazy.h:9:5)", {}, {Callback});
    FunctionFact StartFact = Start.build();
    StartFact.Sites[0].CalleeUsr = LaunchFact.Usr;
    FunctionBuilder Direct("lazy::directly_start");
    ArgFact Forwarded;
    Forwarded.Ref = param("lazy::directly_start", 0, "callback", "cb");
    Direct.call(Body, "lazy::start", {}, {Forwarded});
    return std::vector<FunctionFact>{LaunchFact, StartFact, Direct.build()};
  };
  auto Continuations = [](const InferredModels &M) {
    std::vector<std::string> Json;
    for (const InferredEntry &E : M.Functions)
      Json.push_back(E.ModelJson);
    return Json;
  };
  EXPECT_EQ(Continuations(infer(Library(true, "lazy"))),
            (std::vector<std::string>{
                R"({"name":"lazy::start","continuation":0})",
                R"({"name":"lazy::directly_start","continuation":0})"}));
  EXPECT_TRUE(infer(Library(false, "lazy")).Functions.empty());
  EXPECT_TRUE(infer(Library(true, "scheduler")).Functions.empty());
}

TEST(Inference, AModelWinsOverInference) {
  ApiModels Known;
  ASSERT_FALSE(bool(Known.addJson(
      R"({"types": [{"name": "ev", "role": "resource", "resourceKind":
         "event", "waits": ["operator co_await"], "signals": ["reset"]}]})",
      "test")));
  EXPECT_TRUE(infer(eventLibrary(true), Known).empty());
}

// A model that names members of a class and gives the class no type role
// (cppcoro's names `io_service::process_events`, a loop its user runs)
// describes it: inference gives it none either.
TEST(Inference, AModelNamingMembersOfAClassWinsOverItsTypeRole) {
  ApiModels Known;
  ASSERT_FALSE(bool(Known.addJson(
      R"({"functions": [{"name": "ev::set", "blocking": "runs a loop",
         "blockingKind": "deadlock"}]})",
      "test")));
  EXPECT_TRUE(infer(eventLibrary(true), Known).Types.empty());
}

/// A loop in the shape of a hand-rolled one: post() keeps the callable in
/// a queue that run() takes out and calls.
std::vector<FunctionFact> loopLibrary() {
  FunctionFact Post = member("loop::post");
  Post.Stores = {{StoredKind::Callable, 0, "loop::queue_", {"l.h", 4, 3}}};
  FunctionFact After = member("loop::run_after");
  After.Stores = {{StoredKind::Callable, 1, "loop::timers_", {"l.h", 6, 3}}};
  After.ParamTypes = {"std::chrono::duration", "std::function"};
  FunctionFact Run = member("loop::run");
  Run.Fields = {"loop::queue_", "loop::timers_"};
  Run.InvokesCallable = true;
  Run.Cfg[FunctionBuilder::Body].Succs = {FunctionBuilder::Body, 1}; // Loops.
  return {Post, After, Run};
}

// What calls the kept callable once, going round no loop (a callable
// wrapper's call, a future's continuation), is no loop's run().
TEST(Inference, ACallableCalledOnceIsNoLoop) {
  std::vector<FunctionFact> Lib = loopLibrary();
  Lib[2].Cfg[FunctionBuilder::Body].Succs = {1};
  EXPECT_TRUE(infer(Lib).empty());
}

TEST(Inference, AQueueThatRunTakesCallablesFromMakesALoopAndItsTimers) {
  ApiModels Known;
  ASSERT_FALSE(bool(Known.addJson(
      R"({"types": [{"name": "std::chrono::duration", "role": "duration"}]})",
      "test")));
  InferredModels M = infer(loopLibrary(), Known);
  ASSERT_EQ(M.Functions.size(), 3u);
  EXPECT_EQ(M.Functions[0].ModelJson,
            R"({"name":"loop::post","loopCallback":0})");
  // The drainer runs the loop on the thread that calls it (once, for both
  // of its queues).
  EXPECT_EQ(M.Functions[1].ModelJson,
            R"({"name":"loop::run","runsLoop":true})");
  EXPECT_EQ(M.Functions[2].ModelJson,
            R"({"name":"loop::run_after","loopCallback":1,"delay":true})");
}

TEST(Inference, AQueueItsOwnClassDrainsOnAThreadItStartsIsAPool) {
  std::vector<FunctionFact> Lib = loopLibrary();
  FunctionBuilder Worker("(lambda at l.h:2:20)");
  Worker.call(Body, "loop::run");
  FunctionFact W = Worker.build();
  W.IsLambda = true;
  W.Owner = "loop::loop";
  Lib.push_back(W);
  InferredModels M = infer(Lib);
  ASSERT_EQ(M.Functions.size(), 2u);
  EXPECT_EQ(M.Functions[0].ModelJson, R"({"name":"loop::post","offload":0})");
}

// A public run() that calls the drainer (`run() { while (!stopping_)
// drain_queue(); }`) runs it on whatever thread calls run(): a loop its
// user runs, not a pool. A function that hands its callable parameter on
// to a registration (`call_later(d, fn) { add_timer(d, zero,
// std::move(fn)); }`) registers it the same way.
TEST(Inference, AUserRunLoopAndWhatHandsItsCallableToARegistration) {
  std::vector<FunctionFact> Lib = loopLibrary();
  Lib[2].Name = "loop::drain_queue";
  Lib[2].Usr = "c:@F@loop::drain_queue";
  FunctionBuilder Run("loop::run");
  Run.call(Body, "loop::drain_queue");
  Lib.push_back(Run.build());
  FunctionBuilder Later("loop::call_later");
  ArgFact Fn;
  Fn.Index = 0;
  Fn.Ref = param("loop::call_later", 1, "fn", "std::function");
  Later.call(Body, "loop::post", {}, {Fn});
  Lib.push_back(Later.build());
  InferredModels M = infer(Lib);
  ASSERT_EQ(M.Functions.size(), 4u);
  EXPECT_EQ(M.Functions[0].ModelJson,
            R"({"name":"loop::post","loopCallback":0})");
  EXPECT_EQ(M.Functions[1].ModelJson,
            R"({"name":"loop::drain_queue","runsLoop":true})");
  EXPECT_EQ(M.Functions[3].ModelJson,
            R"({"name":"loop::call_later","loopCallback":1})");
  EXPECT_NE(M.Functions[3].Evidence[0].find(
                "'loop::call_later' hands its argument 1 to 'loop::post'"),
            std::string::npos);
}

// `post_all(jobs)` keeps `[task] { (*task)(); }` for each job in the
// queue and loops over the jobs: it hands out callables that call, and
// calls none itself, so it fills the queue rather than drains it.
TEST(Inference, AMemberThatOnlyMakesCallersOfCallablesIsNoDrainer) {
  std::vector<FunctionFact> Lib = loopLibrary();
  Lib[2].InvokesCallable = false;
  FunctionFact Wrapper = member("(lambda at l.h:8:30)");
  Wrapper.IsLambda = true;
  Wrapper.InvokesCallable = true;
  FunctionBuilder PostAll("loop::post_all");
  ArgFact Made;
  Made.CallableUsr = Wrapper.Usr;
  PostAll.call(Body, "std::deque::emplace_back", {}, {Made});
  FunctionFact P = PostAll.build();
  P.Fields = {"loop::queue_"};
  P.Cfg[FunctionBuilder::Body].Succs = {FunctionBuilder::Body, 1}; // Loops.
  Lib.push_back(Wrapper);
  Lib.push_back(P);
  EXPECT_TRUE(infer(Lib).Functions.empty());
}

TEST(Inference, AQueueNothingTakesFromIsNoLoop) {
  std::vector<FunctionFact> Lib = loopLibrary();
  Lib[2].InvokesCallable = false;
  EXPECT_TRUE(infer(Lib).empty());
}

/// What the models say of system calls and of a socket class, for the
/// network operations inference finds.
ApiModels socketModels() {
  ApiModels Known;
  llvm::Error E = Known.addJson(
      R"({"functions": [{"name": "recv", "external": true},
                        {"name": "send", "external": true, "writes": true},
                        {"name": "connect", "connects": true},
                        {"name": "sock::async_read_some", "external": true}],
          "types": [{"name": "std::chrono::duration", "role": "duration"},
                    {"name": "sock", "role": "io-object",
                     "cancels": ["close"]}]})",
      "test");
  EXPECT_FALSE(bool(E));
  return Known;
}

const InferredEntry *functionNamed(const InferredModels &M,
                                   llvm::StringRef Name) {
  auto It = llvm::find_if(
      M.Functions, [&](const InferredEntry &E) { return E.Name == Name; });
  return It == M.Functions.end() ? nullptr : &*It;
}

/// A connection in the shape of libcoro's tcp client: read_impl calls a
/// helper that calls \p Syscalls (`::recv`) and, when \p Suspends, awaits
/// the descriptor's readiness; read(buf, timeout) awaits read_impl handing
/// it the duration, and close() closes the socket the connection holds.
std::vector<FunctionFact> socketLibrary(std::vector<std::string> Syscalls,
                                        bool Suspends) {
  FunctionBuilder Helper("conn::recv_some");
  for (const std::string &Call : Syscalls)
    Helper.call(Body, Call);
  FunctionBuilder Impl("conn::read_impl", true);
  Impl.call(Body, "conn::recv_some");
  if (Suspends)
    Impl.suspend(Body);
  FunctionFact ImplFact = Impl.build();
  ImplFact.Fields = {"conn::fd_"};
  FunctionBuilder Read("conn::read", true);
  unsigned Call = Read.call(Body, "conn::read_impl", {},
                            {argType(0, "std::chrono::duration")});
  unsigned Await = Read.suspend(Body);
  FunctionFact ReadFact = Read.build();
  ReadFact.Sites[Call].AwaitedIn = Await;
  ReadFact.ParamTypes = {"std::chrono::duration"};
  FunctionBuilder Close("conn::close");
  Close.call(Body, "sock::close",
             object(ObjectRef::Kind::Field, "conn::socket_", "sock"));
  return {Helper.build(), ImplFact, ReadFact, Close.build()};
}

// A coroutine that calls ::recv and suspends waits for the peer; a member
// that takes a duration and awaits it with one is the same operation with
// a timeout parameter; the class holding them is an I/O object whose
// close() cancels them.
TEST(Inference, ACoroutineThatReceivesAndSuspendsWaitsForAPeer) {
  ApiModels Known = socketModels();
  InferredModels M = infer(socketLibrary({"recv"}, true), Known);
  const InferredEntry *Impl = functionNamed(M, "conn::read_impl");
  const InferredEntry *Read = functionNamed(M, "conn::read");
  ASSERT_TRUE(Impl && Read);
  EXPECT_EQ(Impl->ModelJson, R"({"name":"conn::read_impl","external":true})");
  EXPECT_EQ(Read->ModelJson, R"({"name":"conn::read","external":true})");
  const InferredEntry *Conn = typeNamed(M, "conn");
  ASSERT_TRUE(Conn);
  EXPECT_EQ(Conn->ModelJson,
            R"({"name":"conn","role":"io-object","cancels":["close"]})");
}

// Receiving with no suspension, or after a yield, is a plain
// (blocking-call's) read; a wrapper that takes no duration is no timeout
// parameter.
TEST(Inference, AReceiveWithNoSuspensionOrDurationAddsNothing) {
  ApiModels Known = socketModels();
  EXPECT_TRUE(infer(socketLibrary({"recv"}, false), Known).empty());
  ASSERT_FALSE(bool(Known.addJson(
      R"({"functions": [{"name": "sched::yield", "yield": true}]})", "test")));
  std::vector<FunctionFact> Yields = socketLibrary({"recv"}, false);
  FunctionBuilder Impl("conn::read_impl", true);
  unsigned Yield = Impl.call(Body, "sched::yield");
  unsigned Await = Impl.suspend(Body);
  Impl.call(Body, "conn::recv_some");
  Yields[1] = Impl.build();
  Yields[1].Sites[Await].OperandCall = Yield;
  EXPECT_TRUE(infer(Yields, Known).empty());
  std::vector<FunctionFact> Lib = socketLibrary({"recv"}, true);
  Lib[2].ParamTypes.clear();
  InferredModels M = infer(Lib, Known);
  EXPECT_TRUE(functionNamed(M, "conn::read_impl"));
  EXPECT_FALSE(functionNamed(M, "conn::read"));
}

// Several socket calls make one operation: a receive makes it a read, a
// send alone a write, and a connect stays a connect.
TEST(Inference, SocketCallsCombineIntoOneOperation) {
  ApiModels Known = socketModels();
  auto Json = [&](std::vector<std::string> Syscalls) {
    InferredModels M = infer(socketLibrary(std::move(Syscalls), true), Known);
    const InferredEntry *Impl = functionNamed(M, "conn::read_impl");
    return Impl ? Impl->ModelJson : "";
  };
  EXPECT_EQ(Json({"send", "recv"}),
            R"({"name":"conn::read_impl","external":true})");
  EXPECT_EQ(Json({"send"}),
            R"({"name":"conn::read_impl","external":true,"writes":true})");
  EXPECT_EQ(Json({"connect", "send"}),
            R"({"name":"conn::read_impl","external":true,"writes":true,)"
            R"("connects":true})");
  EXPECT_EQ(Json({"connect"}), R"({"name":"conn::read_impl","connects":true})");
}

// An awaiter whose await_suspend starts a callback-style read handed a
// callable that resumes the waiter: what returns the awaiter is the read.
TEST(Inference, AnAwaiterStartingACallbackReadIsThatRead) {
  ApiModels Known = socketModels();
  auto Library = [](bool Resumes) {
    ArgFact Handler;
    Handler.Index = 1;
    Handler.CallableUsr = "c:@F@rd::handler";
    FunctionBuilder Suspend("rd::await_suspend");
    Suspend.call(Body, "sock::async_read_some",
                 object(ObjectRef::Kind::Field, "rd::socket", "sock"),
                 {Handler});
    FunctionFact Lambda = member("rd::handler");
    Lambda.IsLambda = true;
    Lambda.ResumesHandle = Resumes;
    FunctionFact Returner = member("stream::read_some");
    Returner.ReturnType = "rd";
    return std::vector<FunctionFact>{Suspend.build(), Lambda, Returner};
  };
  InferredModels M = infer(Library(true), Known);
  const InferredEntry *Read = functionNamed(M, "stream::read_some");
  ASSERT_TRUE(Read);
  EXPECT_EQ(Read->ModelJson, R"({"name":"stream::read_some","external":true})");
  EXPECT_FALSE(
      functionNamed(infer(Library(false), Known), "stream::read_some"));
}

// Awaiters that share a base's await_suspend, which calls each derived
// awaiter's syscall() (CRTP): what returns each derived awaiter is the
// operation its own syscall() makes; the base is none.
TEST(Inference, EachDerivedAwaiterIsItsOwnSocketOperation) {
  ApiModels Known = socketModels();
  FunctionBuilder Base("blk::await_suspend");
  Base.call(Body, "rd::syscall");
  Base.call(Body, "wr::syscall");
  FunctionBuilder Read("rd::syscall");
  Read.call(Body, "recv");
  FunctionBuilder Write("wr::syscall");
  Write.call(Body, "send");
  FunctionFact RecvMember = member("peer::recv");
  RecvMember.ReturnType = "rd";
  RecvMember.ReturnBases = {"blk"};
  FunctionFact SendMember = member("peer::send");
  SendMember.ReturnType = "wr";
  SendMember.ReturnBases = {"blk"};
  FunctionBuilder Session("session", true);
  unsigned AwaitRead = Session.suspend(Body);
  unsigned AwaitWrite = Session.suspend(Body);
  FunctionFact SessionFact = Session.build();
  SessionFact.Sites[AwaitRead].AwaitableType = "rd";
  SessionFact.Sites[AwaitWrite].AwaitableType = "wr";
  FunctionFact ReadFact = Read.build(), WriteFact = Write.build();
  ReadFact.Fields = {"rd::fd_"};
  WriteFact.Fields = {"wr::fd_"};
  InferredModels M = infer({Base.build(), member("blk::blk"), ReadFact,
                            WriteFact, RecvMember, SendMember, SessionFact},
                           Known);
  const InferredEntry *Recv = functionNamed(M, "peer::recv");
  const InferredEntry *Send = functionNamed(M, "peer::send");
  ASSERT_TRUE(Recv && Send);
  EXPECT_EQ(Recv->ModelJson, R"({"name":"peer::recv","external":true})");
  EXPECT_EQ(Send->ModelJson,
            R"({"name":"peer::send","external":true,"writes":true})");
  EXPECT_EQ(M.Functions.size(), 2u);
}

// An awaiter that keeps a completion which calls `recv` once the descriptor
// is ready (cppcoro's Linux sockets: `m_completeFunc = [..] { return
// recv(..); }`, through a helper of another class) performs that receive;
// kept by a function that is not the awaiter's, it is not.
TEST(Inference, TheCompletionAnAwaiterKeepsIsItsOperation) {
  ApiModels Known = socketModels();
  auto Library = [](const std::string &Keeper) {
    FunctionBuilder Start("rd::try_start");
    Start.call(Body, Keeper + "::start");
    ArgFact Completion;
    Completion.Index = 0;
    Completion.CallableUsr = "c:@F@(lambda at impl.cpp:3:7)";
    FunctionBuilder Keep(Keeper + "::start");
    Keep.call(Body, "std::function::operator=", {}, {Completion});
    FunctionBuilder Run("(lambda at impl.cpp:3:7)");
    Run.call(Body, "recv");
    FunctionFact RunFact = Run.build();
    RunFact.IsLambda = true;
    RunFact.Owner = Keeper + "::start";
    FunctionFact Suspend = member("rd::await_suspend");
    FunctionFact Returner = member("sock2::recv");
    Returner.ReturnType = "rd";
    return std::vector<FunctionFact>{Start.build(), Keep.build(), RunFact,
                                     Suspend, Returner};
  };
  InferredModels M = infer(Library("rd_impl"), Known);
  const InferredEntry *Recv = functionNamed(M, "sock2::recv");
  ASSERT_TRUE(Recv);
  EXPECT_EQ(Recv->ModelJson, R"({"name":"sock2::recv","external":true})");
  // The completion is another awaiter's: its operation, not this one's.
  std::vector<FunctionFact> Other = Library("wr");
  Other.push_back(member("wr::await_suspend"));
  EXPECT_FALSE(functionNamed(infer(Other, Known), "sock2::recv"));
}

// What `corolint models` prints is a Models: section that .corolint.yaml
// reads back as the same models.
TEST(Inference, PrintedModelsReadBackAsConfiguration) {
  std::vector<FunctionFact> Lib = eventLibrary(true);
  llvm::append_range(Lib, loopLibrary());
  InferredModels M = infer(Lib);
  std::string Yaml = M.yaml();
  EXPECT_NE(Yaml.find("# ev.h:9:5: "), std::string::npos) << Yaml;
  llvm::SmallString<128> Path;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("inferred", "yaml", Path));
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    ASSERT_FALSE(EC);
    OS << Yaml;
  }
  llvm::Expected<Config> C = loadConfig(Path);
  llvm::sys::fs::remove(Path);
  ASSERT_TRUE(bool(C)) << llvm::toString(C.takeError());
  ApiModels Read;
  ASSERT_FALSE(bool(C->addModelsTo(Read)));
  const TypeModel *Ev = Read.type("ev");
  ASSERT_NE(Ev, nullptr);
  EXPECT_EQ(Ev->Signals, std::vector<std::string>{"set"});
  EXPECT_EQ(Ev->SetByArg, 0);
  const FunctionModel *Post = Read.function("loop::post");
  ASSERT_NE(Post, nullptr);
  EXPECT_TRUE(Post->LoopCallback.has(0));
}

} // namespace
