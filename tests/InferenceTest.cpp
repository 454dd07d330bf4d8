//===- InferenceTest.cpp - Roles inferred from hand-built evidence --------===//

#include "corolint/model/Inference.h"
#include "FactsBuilder.h"
#include "corolint/model/Config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>

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

// A class that code waits on and then signals itself, or that a guard's
// destructor signals, is a lock, not an event.
TEST(Inference, AClassUsedAsALockIsNoEvent) {
  std::vector<FunctionFact> Lib = eventLibrary(true);
  ObjectRef M = object(ObjectRef::Kind::Field, "account::m_", "ev");
  FunctionBuilder Use("account::deposit", true);
  Use.call(Body, "ev::operator co_await", M);
  Use.call(Body, "ev::set", M);
  Lib.push_back(Use.build());
  EXPECT_TRUE(infer(Lib).empty());
  Lib.pop_back();
  FunctionBuilder Release("ev_guard::~ev_guard");
  Release.call(Body, "ev::set", M);
  Lib.push_back(Release.build());
  EXPECT_TRUE(infer(Lib).empty());
}

TEST(Inference, AModelWinsOverInference) {
  ApiModels Known;
  ASSERT_FALSE(bool(Known.addJson(
      R"({"types": [{"name": "ev", "role": "resource", "resourceKind":
         "event", "waits": ["operator co_await"], "signals": ["reset"]}]})",
      "test")));
  EXPECT_TRUE(infer(eventLibrary(true), Known).empty());
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
  return {Post, After, Run};
}

TEST(Inference, AQueueThatRunTakesCallablesFromMakesALoopAndItsTimers) {
  ApiModels Known;
  ASSERT_FALSE(bool(Known.addJson(
      R"({"types": [{"name": "std::chrono::duration", "role": "duration"}]})",
      "test")));
  InferredModels M = infer(loopLibrary(), Known);
  ASSERT_EQ(M.Functions.size(), 2u);
  EXPECT_EQ(M.Functions[0].ModelJson,
            R"({"name":"loop::post","loopCallback":0})");
  EXPECT_EQ(M.Functions[1].ModelJson,
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

TEST(Inference, AQueueNothingTakesFromIsNoLoop) {
  std::vector<FunctionFact> Lib = loopLibrary();
  Lib[2].InvokesCallable = false;
  EXPECT_TRUE(infer(Lib).empty());
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
