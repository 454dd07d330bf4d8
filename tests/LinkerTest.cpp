//===- LinkerTest.cpp - Merging units, contexts, resources ----------------===//

#include "FactsBuilder.h"
#include "corolint/program/Program.h"
#include <gtest/gtest.h>

using namespace corolint;
using namespace corolint::test;

namespace {

ApiModels testModels() {
  ApiModels M;
  llvm::Error E = M.addJson(R"({
    "functions": [
      {"name": "loop::add_timer", "loopCallback": 1, "repeats": true},
      {"name": "std::thread::thread", "offload": 0},
      {"name": "std::bind", "storesCallable": 0},
      {"name": "Task::via", "spawnsReceiver": true},
      {"name": "std::map::emplace", "storesCallable": [0, 1]},
      {"name": "asio::post", "loopCallback": 1,
       "offloadWhenArgType": {"arg": 0, "types": ["asio::thread_pool"]}},
      {"name": "asio::io_context::run", "runsLoop": true}
    ],
    "types": [
      {"name": "Event", "role": "resource", "resourceKind": "event",
       "waits": ["operator co_await"], "signals": ["set"]},
      {"name": "Promise", "role": "resource", "resourceKind": "promise",
       "signals": ["set_value"], "handsOut": ["get_future"]},
      {"name": "Future", "role": "resource", "resourceKind": "future",
       "waits": ["get"], "handsOut": ["share"]},
      {"name": "asio::thread_pool", "role": "executor",
       "handsOut": ["get_executor"]},
      {"name": "Sem", "role": "resource", "resourceKind": "semaphore",
       "waits": ["acquire"], "signals": ["release", "shutdown"],
       "unlock": ["release"]}
    ]})",
                            "test-models");
  EXPECT_FALSE(bool(E));
  return M;
}

unsigned indexOf(const Program &P, llvm::StringRef Name) {
  for (unsigned I = 0; I < P.functions().size(); ++I)
    if (P.function(I).name() == Name)
      return I;
  ADD_FAILURE() << "no function " << Name.str();
  return 0;
}

TEST(Linker, InlineFunctionSeenTwiceCountsOnce) {
  ApiModels M = testModels();
  FunctionBuilder Helper("helper");
  Helper.call(FunctionBuilder::Body, "other");
  std::vector<TuFacts> Units = {unit("/b.cpp", {Helper.build()}),
                                unit("test.cpp", {Helper.build()})};
  Program P = linkProgram(Units, M);
  EXPECT_EQ(P.functions().size(), 1u);
}

// Two example programs of one compile database each define `echo` and
// `main`: each definition is kept, and each program's calls reach its own.
TEST(Linker, DefinitionsInTwoMainFilesAreTwoFunctions) {
  ApiModels M = testModels();
  auto ProgramIn = [](const std::string &File) {
    FunctionBuilder Echo("echo"), Main("main");
    Main.call(FunctionBuilder::Body, "echo");
    FunctionFact EchoFact = Echo.build(), MainFact = Main.build();
    EchoFact.Loc.File = MainFact.Loc.File = File;
    return unit(File, {EchoFact, MainFact});
  };
  Program P =
      linkProgram({ProgramIn("/p2/echo.cpp"), ProgramIn("/p1/echo.cpp")}, M);
  ASSERT_EQ(P.functions().size(), 4u);
  unsigned Calls = 0;
  for (const CallEdge &E : P.edges()) {
    EXPECT_EQ(P.function(E.From.Function).fact().Loc.File,
              P.function(E.Callee).fact().Loc.File);
    ++Calls;
  }
  EXPECT_EQ(Calls, 2u);
}

TEST(Linker, ResultDoesNotDependOnUnitOrder) {
  ApiModels M = testModels();
  FunctionBuilder A("a"), B("b");
  A.call(FunctionBuilder::Body, "b");
  TuFacts UA = unit("test.cpp", {A.build()}), UB = unit("/b.cpp", {B.build()});
  Program P1 = linkProgram({UA, UB}, M), P2 = linkProgram({UB, UA}, M);
  ASSERT_EQ(P1.functions().size(), P2.functions().size());
  for (unsigned I = 0; I < P1.functions().size(); ++I)
    EXPECT_EQ(P1.function(I).name(), P2.function(I).name());
  ASSERT_EQ(P1.edges().size(), 1u);
  EXPECT_EQ(P2.edges().size(), 1u);
}

TEST(Linker, CoroutineAndWhatItCallsRunOnTheLoop) {
  ApiModels M = testModels();
  FunctionBuilder Co("co", /*Coroutine=*/true), Helper("helper"), Leaf("leaf");
  Co.call(FunctionBuilder::Body, "helper");
  Helper.call(FunctionBuilder::Body, "leaf");
  Program P = linkProgram(
      {unit("test.cpp", {Co.build(), Helper.build(), Leaf.build()})}, M);
  EXPECT_TRUE(P.context(indexOf(P, "co")).Loop);
  EXPECT_TRUE(P.context(indexOf(P, "helper")).Loop);
  const ExecutionContext &LeafContext = P.context(indexOf(P, "leaf"));
  EXPECT_TRUE(LeafContext.Loop);
  ASSERT_TRUE(LeafContext.LoopVia.has_value());
  EXPECT_EQ(P.function(LeafContext.LoopVia->From.Function).name(), "helper");
}

// `pthread_cond_signal(&ready)`: a C function whose model names the object
// it acts on is a member call on that object, so the resource sees its
// signal; an external operation keeps its form.
TEST(Linker, CFunctionActsOnItsObjectArgument) {
  ApiModels M;
  ASSERT_FALSE(bool(M.addJson(R"({
    "functions": [
      {"name": "cond_signal", "objectArg": 0},
      {"name": "async_read", "external": true, "objectArg": 0}],
    "types": [
      {"name": "cond_t", "role": "resource", "resourceKind": "event",
       "forgetsSignals": true, "waits": ["cond_wait"],
       "signals": ["cond_signal"]}]})",
                              "test")));
  FunctionBuilder Fn("notify");
  ObjectRef Cv = global("ready", "cond_t"), Sock = global("sock", "socket");
  unsigned Signal =
      Fn.call(FunctionBuilder::Body, "cond_signal", {}, {argOf(0, Cv)});
  unsigned Read =
      Fn.call(FunctionBuilder::Body, "async_read", {}, {argOf(0, Sock)});
  Program P = linkProgram({unit("test.cpp", {Fn.build()})}, M);
  const Function &F = P.function(indexOf(P, "notify"));
  EXPECT_EQ(F.site(Signal).Receiver.Key, Cv.Key);
  EXPECT_FALSE(F.site(Read).Receiver.isKnown());
  ASSERT_EQ(P.resources().size(), 1u);
  EXPECT_EQ(P.resources()[0].Signals.size(), 1u);
}

// A coroutine nothing in the program starts may be started out of sight
// when it is the project's (in its sources: a framework runs its handlers),
// overrides a virtual member, or is public (its address may be taken); a
// header's private member that nothing here reaches (a library's inline
// code this program does not use) never runs, until code that runs calls it.
TEST(Linker, HeaderCoroutineNothingReachesNeverRuns) {
  ApiModels M = testModels();
  for (bool InHeader : {false, true})
    for (bool Private : {false, true})
      for (bool Overrides : {false, true})
        for (bool Called : {false, true}) {
          FunctionBuilder Co("lib::client::read_some_impl",
                             /*Coroutine=*/true),
              Main("main");
          Co.suspend(FunctionBuilder::Body);
          Co.call(FunctionBuilder::Body, "helper");
          if (Called)
            Main.call(FunctionBuilder::Body, "lib::client::read_some_impl");
          FunctionFact CoFact = Co.build();
          if (InHeader)
            CoFact.Loc.File = "lib.hpp";
          CoFact.Private = Private;
          if (Overrides)
            CoFact.Overrides = {"c:@F@lib::base::read"};
          FunctionBuilder Helper("helper");
          Program P = linkProgram(
              {unit("test.cpp", {CoFact, Main.build(), Helper.build()})}, M);
          bool Runs = !InHeader || !Private || Overrides || Called;
          EXPECT_EQ(P.context(indexOf(P, "lib::client::read_some_impl")).Loop,
                    Runs)
              << InHeader << Private << Overrides << Called;
          EXPECT_EQ(P.context(indexOf(P, "helper")).Loop, Runs)
              << InHeader << Private << Overrides << Called;
        }
}

// `co_await backoff{}` runs the awaiter's members on the coroutine's
// thread: each defined one is called from the suspension.
TEST(Linker, AwaiterMembersAreCalledFromTheSuspension) {
  ApiModels M = testModels();
  FunctionBuilder Co("co", /*Coroutine=*/true), Ready("backoff::await_ready"),
      Suspend("backoff::await_suspend");
  Co.suspend(FunctionBuilder::Body);
  unsigned Await = Co.suspend(FunctionBuilder::Body);
  FunctionFact CoFact = Co.build();
  CoFact.Sites[Await].AwaiterUsrs = {"c:@F@backoff::await_ready",
                                     "c:@F@backoff::await_suspend",
                                     "c:@F@undefined::await_suspend"};
  Program P = linkProgram(
      {unit("test.cpp", {CoFact, Ready.build(), Suspend.build()})}, M);
  ASSERT_EQ(P.edges().size(), 2u);
  for (const CallEdge &E : P.edges()) {
    EXPECT_EQ(E.From.Site, Await);
    EXPECT_EQ(E.Kind, EdgeKind::Calls);
  }
  EXPECT_TRUE(P.context(indexOf(P, "backoff::await_suspend")).Loop);
}

// A virtual call reaches every override the program defines of the member
// it names, overrides of overrides too, and binds its arguments to them; a
// call that does not dispatch (qualified, or final) reaches none.
TEST(Linker, VirtualCallReachesTheOverrides) {
  ApiModels M = testModels();
  FunctionBuilder Handler("handler"), File("file_store::save"),
      Synced("synced_file_store::save"), Other("cache::save");
  unsigned Save = Handler.call(FunctionBuilder::Body, "store::save");
  FunctionFact H = Handler.build();
  H.Sites[Save].Virtual = true;
  FunctionFact F = File.build(), S = Synced.build();
  F.Overrides = {"c:@F@store::save"};
  S.Overrides = {"c:@F@file_store::save"};
  FunctionFact O = Other.build();
  O.Overrides = {"c:@F@cache_base::save"};
  Program P = linkProgram({unit("test.cpp", {H, F, S, O})}, M);
  ASSERT_EQ(P.edges().size(), 2u);
  for (const CallEdge &E : P.edges()) {
    EXPECT_NE(E.Callee, indexOf(P, "cache::save"));
    EXPECT_TRUE(P.bindsParameters(E));
    EXPECT_TRUE(P.dispatchesTo(E));
  }
  H.Sites[Save].Virtual = false;
  EXPECT_TRUE(linkProgram({unit("test.cpp", {H, F, S, O})}, M).edges().empty());
}

// `settings->on_body(p, at, n)` through a C-style callback table runs the
// function the program stores in that field (`static const settings
// s{on_begin, on_body}`), in any unit, and nothing stored in another field;
// a field given two functions (two tables) runs neither, as far as the
// analysis can tell.
TEST(Linker, CallThroughAFunctionPointerFieldReachesWhatIsStoredThere) {
  ApiModels M = testModels();
  FunctionBuilder Execute("parser_execute"), Feed("feed"), Body("on_body"),
      Begin("on_begin");
  unsigned Through = Execute.call(FunctionBuilder::Body, "settings::on_body");
  FunctionFact E = Execute.build();
  E.Sites[Through].CalleeUsr.clear();
  E.Sites[Through].ThroughField = "c:@S@settings@FI@on_body";
  FunctionFact F = Feed.build();
  F.FieldFunctions = {{"c:@S@settings@FI@on_begin", "c:@F@on_begin"},
                      {"c:@S@settings@FI@on_body", "c:@F@on_body"}};
  Program P = linkProgram({unit("parser.cpp", {E}),
                           unit("feed.cpp", {F, Body.build(), Begin.build()})},
                          M);
  ASSERT_EQ(P.edges().size(), 1u);
  EXPECT_EQ(P.edges()[0].Callee, indexOf(P, "on_body"));
  EXPECT_EQ(P.function(P.edges()[0].From.Function).name(), "parser_execute");
  F.FieldFunctions.push_back({"c:@S@settings@FI@on_body", "c:@F@on_begin"});
  EXPECT_TRUE(linkProgram({unit("parser.cpp", {E}),
                           unit("feed.cpp", {F, Body.build(), Begin.build()})},
                          M)
                  .edges()
                  .empty());
  F.FieldFunctions.clear();
  EXPECT_TRUE(linkProgram({unit("parser.cpp", {E}),
                           unit("feed.cpp", {F, Body.build(), Begin.build()})},
                          M)
                  .edges()
                  .empty());
}

// `complete_ = [this] { ... };` keeps the lambda for later: a hand-over
// (the program starts it somewhere), not a call in the assigner's context.
// A wrapper made from a callable keeps it (`std::bind(&C::drain, this)`);
// an unmodelled library function taking one is taken to call it.
TEST(Linker, CallableWrappedByAStoringModelIsNotCalled) {
  ApiModels M = testModels();
  for (const char *Wrapper : {"std::bind", "lib::apply"}) {
    FunctionBuilder Main("main"), Drain("drain");
    Main.pass(FunctionBuilder::Body, Wrapper, 0, "drain");
    Program P =
        linkProgram({unit("test.cpp", {Main.build(), Drain.build()})}, M);
    bool Stored = llvm::StringRef(Wrapper) == "std::bind";
    EXPECT_EQ(P.edges().size(), Stored ? 0u : 1u) << Wrapper;
    EXPECT_EQ(P.handOvers().size(), Stored ? 1u : 0u) << Wrapper;
  }
}

// A function that calls a parameter (through std::function's operator())
// runs what each caller passes there, within that caller's call; one that
// does not call it only keeps it.
TEST(Linker, CallableParameterCalledByTheCalleeRunsInTheCallersCall) {
  ApiModels M = testModels();
  for (bool Calls : {true, false}) {
    FunctionBuilder Main("main"), Each("each"), Visit("visit");
    unsigned At = Main.pass(FunctionBuilder::Body, "each", 0, "visit");
    // A lambda in `each` that calls `each`'s parameter captures it: that is
    // not the lambda's own parameter, and not this call of it.
    Each.call(FunctionBuilder::Body, "std::function::operator()",
              param(Calls ? "each" : "outer", 0, "f", "std::function"));
    Program P = linkProgram(
        {unit("test.cpp", {Main.build(), Each.build(), Visit.build()})}, M);
    unsigned Visits = indexOf(P, "visit");
    bool Found = llvm::any_of(P.edges(), [&](const CallEdge &E) {
      return E.Callee == Visits && E.From.Function == indexOf(P, "main") &&
             E.From.Site == At && E.Kind == EdgeKind::Calls;
    });
    EXPECT_EQ(Found, Calls);
  }
}

TEST(Linker, CallableAssignedToAnObjectIsStoredNotCalled) {
  ApiModels M = testModels();
  FunctionBuilder Co("co", /*Coroutine=*/true), Done("done_cb");
  Co.suspend(FunctionBuilder::Body);
  Co.pass(FunctionBuilder::Body, "std::function::operator=", 0, "done_cb");
  Program P = linkProgram({unit("test.cpp", {Co.build(), Done.build()})}, M);
  EXPECT_TRUE(P.edges().empty());
  ASSERT_EQ(P.handOvers().size(), 1u);
  EXPECT_FALSE(P.context(indexOf(P, "done_cb")).Loop);
}

/// A field `Router::routes_` of \p Type, as every member of Router names it.
ObjectRef routesField(std::string Type) {
  return object(ObjectRef::Kind::Field, "Router::routes_", std::move(Type));
}

// `add(h) { routes_.emplace(path, std::move(h)); }` then `routes_.at(p)(body)`
// in a timer callback: the handler a caller passes to `add` runs in the
// callback, on the loop, and is handed the call's arguments. A handler
// kept in another table does not.
TEST(Linker, CallableKeptInAFieldRunsWhereTheFieldIsCalled) {
  ApiModels M = testModels();
  for (bool SameTable : {true, false}) {
    FunctionBuilder Main("main"), Add("Router::add"), Tick("tick"),
        Export("export_handler");
    ArgFact Handler;
    Handler.Index = 0;
    Handler.CallableUsr = "c:@F@export_handler";
    Main.call(FunctionBuilder::Body, "Router::add", {}, {Handler});
    Main.pass(FunctionBuilder::Body, "loop::add_timer", 1, "tick");
    ArgFact Kept = argOf(1, param("Router::add", 0, "h", "std::function"));
    Add.call(FunctionBuilder::Body, "std::map::emplace",
             routesField("std::map"), {Kept});
    ObjectRef Called = routesField("std::function");
    if (!SameTable)
      Called.Key += "_other";
    unsigned At =
        Tick.call(FunctionBuilder::Body, "std::function::operator()", Called);
    Program P = linkProgram({unit("test.cpp", {Main.build(), Add.build(),
                                               Tick.build(), Export.build()})},
                            M);
    unsigned Runs = indexOf(P, "export_handler");
    auto Edge = llvm::find_if(P.edges(), [&](const CallEdge &E) {
      return E.Callee == Runs && E.From.Site == At &&
             E.From.Function == indexOf(P, "tick");
    });
    ASSERT_EQ(Edge != P.edges().end(), SameTable);
    EXPECT_EQ(P.context(Runs).Loop, SameTable);
    if (SameTable)
      EXPECT_TRUE(P.bindsParameters(*Edge));
  }
}

// `monitor a(probe_a), b(probe_b); a.check();`: the member is one field for
// both objects, so which probe `check` runs is not known; with one object,
// it is that object's.
TEST(Linker, CallableKeptInAFieldOfTwoObjectsIsNotFollowed) {
  ApiModels M = testModels();
  for (bool TwoObjects : {false, true}) {
    FunctionBuilder Main("main"), Ctor("Mon::Mon"), Check("Mon::check"),
        ProbeA("probe_a"), ProbeB("probe_b");
    ObjectRef A = local("main::a", "Mon"), B = local("main::b", "Mon");
    std::vector<std::pair<ObjectRef, std::string>> Made = {{A, "probe_a"}};
    if (TwoObjects)
      Made.push_back({B, "probe_b"});
    for (const auto &[Obj, Probe] : Made) {
      ArgFact Given;
      Given.CallableUsr = "c:@F@" + Probe;
      Main.call(FunctionBuilder::Body, "Mon::Mon", Obj, {Given});
    }
    Main.call(FunctionBuilder::Body, "Mon::check", A);
    unsigned At = Check.call(
        FunctionBuilder::Body, "std::function::operator()",
        object(ObjectRef::Kind::Field, "Mon::probe_", "std::function"));
    FunctionFact C = Ctor.build();
    C.FieldInits = {{"Mon::probe_", 0, "c:@Mon::probe_"}};
    Program P =
        linkProgram({unit("test.cpp", {Main.build(), C, Check.build(),
                                       ProbeA.build(), ProbeB.build()})},
                    M);
    bool Runs = llvm::any_of(P.edges(), [&](const CallEdge &E) {
      return E.From.Function == indexOf(P, "Mon::check") && E.From.Site == At;
    });
    EXPECT_EQ(Runs, !TwoObjects);
  }
}

// `op = first; op = second; op = third; op();`: a local given several of
// its function's parameters runs what any call passes to any of them.
TEST(Linker, LocalGivenSeveralParametersRunsWhatEachIsPassed) {
  ApiModels M = testModels();
  FunctionBuilder Main("main"), Retry("retry"), A("a"), B("b"), C("c");
  std::vector<ArgFact> Passed;
  for (const char *Name : {"a", "b", "c"}) {
    ArgFact Arg;
    Arg.Index = Passed.size();
    Arg.CallableUsr = std::string("c:@F@") + Name;
    Passed.push_back(Arg);
  }
  Main.call(FunctionBuilder::Body, "retry", {}, Passed);
  ObjectRef Op = local("retry::op", "std::function");
  for (int I = 0; I < 3; ++I)
    Retry.call(FunctionBuilder::Body, "std::function::operator=", Op,
               {argOf(0, param("retry", I, "p" + std::to_string(I),
                               "std::function"))});
  unsigned At =
      Retry.call(FunctionBuilder::Body, "std::function::operator()", Op);
  Program P = linkProgram({unit("test.cpp", {Main.build(), Retry.build(),
                                             A.build(), B.build(), C.build()})},
                          M);
  for (const char *Name : {"a", "b", "c"})
    EXPECT_TRUE(llvm::any_of(P.edges(), [&](const CallEdge &E) {
      return E.Callee == indexOf(P, Name) && E.From.Site == At &&
             E.From.Function == indexOf(P, "retry");
    })) << Name;
}

// `job = std::move(queue_.front()); job();`: a local moved out of an
// element of the table holds what the table holds. `auto table =
// make_table();` holds what the local the factory returns holds.
TEST(Linker, CallableFollowsCopiesAndReturnedTables) {
  ApiModels M = testModels();
  FunctionBuilder Make("make_table"), Main("main"), Work("work");
  ObjectRef Built = local("make_table::table", "std::map");
  Make.call(FunctionBuilder::Body, "std::function::operator=", Built, {[] {
              ArgFact A;
              A.CallableUsr = "c:@F@work";
              return A;
            }()});
  FunctionFact MakeFact = Make.build();
  MakeFact.ReturnedObjects = {Built};
  ObjectRef Table = local("main::table", "std::map");
  unsigned Made = Main.call(FunctionBuilder::Body, "make_table");
  ObjectRef Job = local("main::job", "std::function");
  ObjectRef Front = Table;
  Front.Key += "->front()";
  Main.call(FunctionBuilder::Body, "std::function::operator=", Job,
            {argOf(0, Front)});
  unsigned At =
      Main.call(FunctionBuilder::Body, "std::function::operator()", Job);
  FunctionFact MainFact = Main.build();
  MainFact.Sites[Made].StoredIn = Table;
  Program P =
      linkProgram({unit("test.cpp", {MakeFact, MainFact, Work.build()})}, M);
  EXPECT_TRUE(llvm::any_of(P.edges(), [&](const CallEdge &E) {
    return E.Callee == indexOf(P, "work") && E.From.Site == At &&
           E.From.Function == indexOf(P, "main");
  }));
}

TEST(Linker, TimerCallbackIsLoopAndThreadBodyIsWorker) {
  ApiModels M = testModels();
  FunctionBuilder Main("main"), Tick("tick"), Work("work");
  Main.pass(FunctionBuilder::Body, "loop::add_timer", 1, "tick");
  Main.pass(FunctionBuilder::Body, "std::thread::thread", 0, "work");
  Program P = linkProgram(
      {unit("test.cpp", {Main.build(), Tick.build(), Work.build()})}, M);
  EXPECT_FALSE(P.context(indexOf(P, "main")).Loop);
  EXPECT_TRUE(P.context(indexOf(P, "tick")).Loop);
  EXPECT_FALSE(P.context(indexOf(P, "work")).Loop);
  EXPECT_TRUE(P.context(indexOf(P, "work")).Worker);
}

// `syncAwait(handle().via(&ex))`: the member starts the task it is called
// on, on the executor it is handed; `main` only waits for it. What the
// coroutine runs before it first suspends runs on that executor.
TEST(Linker, TaskStartedByItsOwnMemberIsSpawned) {
  ApiModels M = testModels();
  FunctionBuilder Main("main"), Handle("handle", /*Coroutine=*/true),
      Helper("helper");
  Main.call(FunctionBuilder::Body, "handle");
  unsigned Via = Main.call(FunctionBuilder::Body, "Task::via");
  FunctionFact MainFact = Main.build();
  MainFact.Sites[Via].ReceiverProducerUsr = "c:@F@handle";
  Handle.call(FunctionBuilder::Body, "helper");
  Program P = linkProgram(
      {unit("test.cpp", {MainFact, Handle.build(), Helper.build()})}, M);
  EXPECT_FALSE(P.context(indexOf(P, "main")).Loop);
  EXPECT_TRUE(P.context(indexOf(P, "handle")).StartsOnLoop);
  EXPECT_TRUE(P.context(indexOf(P, "helper")).Loop);
  EXPECT_TRUE(llvm::any_of(P.edges(), [&](const CallEdge &E) {
    return E.Kind == EdgeKind::Spawns && E.Callee == indexOf(P, "handle");
  }));
}

TEST(Linker, PostToAThreadPoolIsOffload) {
  ApiModels M = testModels();
  FunctionBuilder Main("main"), Job("job"), Handler("handler");
  ArgFact Pool = argType(0, "asio::thread_pool");
  ArgFact JobArg;
  JobArg.Index = 1;
  JobArg.CallableUsr = "c:@F@job";
  Main.call(FunctionBuilder::Body, "asio::post", {}, {Pool, JobArg});
  Main.pass(FunctionBuilder::Body, "asio::post", 1, "handler");
  Program P = linkProgram(
      {unit("test.cpp", {Main.build(), Job.build(), Handler.build()})}, M);
  EXPECT_TRUE(P.context(indexOf(P, "job")).Worker);
  EXPECT_FALSE(P.context(indexOf(P, "job")).Loop);
  EXPECT_TRUE(P.context(indexOf(P, "handler")).Loop);
}

// `asio::post(io, std::bind(&log::on_sent, this))`: the wrapper keeps the
// callable, and the call it is made for hands the wrapper, and so the
// callable, to the loop.
TEST(Linker, CallableKeptByAWrapperMadeForTheArgumentIsHandedOn) {
  ApiModels M = testModels();
  FunctionBuilder Main("main"), Sent("on_sent");
  unsigned Bind = Main.pass(FunctionBuilder::Body, "std::bind", 0, "on_sent");
  ArgFact Wrapped;
  Wrapped.Index = 1;
  Wrapped.MadeBy = static_cast<int>(Bind);
  Main.call(FunctionBuilder::Body, "asio::post", {}, {Wrapped});
  Program P = linkProgram({unit("test.cpp", {Main.build(), Sent.build()})}, M);
  ASSERT_EQ(P.edges().size(), 1u);
  EXPECT_EQ(P.edges()[0].Kind, EdgeKind::LoopCallback);
  EXPECT_TRUE(P.context(indexOf(P, "on_sent")).Loop);
}

// An io_context that only a thread of the program's runs, and that is only
// ever handed jobs, is a work queue: what is posted to it is worker code.
// One that an object is made on (a timer), or that `main` runs, serves
// the program's I/O: a loop.
TEST(Linker, LoopRunOnlyByItsThreadAndGivenOnlyJobsIsAWorkQueue) {
  ApiModels M = testModels();
  ObjectRef Jobs = global("jobs", "asio::io_context");
  constexpr unsigned Body = FunctionBuilder::Body;
  auto JobRunsOnAWorker = [&](bool TimerOnIt, bool MainRunsIt) {
    FunctionBuilder Main("main"), Writer("writer"), Job("job");
    Main.pass(Body, "std::thread::thread", 0, "writer");
    ArgFact JobArg;
    JobArg.Index = 1;
    JobArg.CallableUsr = "c:@F@job";
    Main.call(Body, "asio::post", {}, {argOf(0, Jobs), JobArg});
    unsigned Make =
        Main.call(Body, "asio::steady_timer::steady_timer",
                  local("t", "asio::steady_timer"), {argOf(0, Jobs)});
    if (MainRunsIt)
      Main.call(Body, "asio::io_context::run", Jobs);
    Writer.call(Body, "asio::io_context::run", Jobs);
    FunctionFact MainFact = Main.build();
    MainFact.Sites[Make].IsConstructor = TimerOnIt;
    Program P = linkProgram(
        {unit("test.cpp", {MainFact, Writer.build(), Job.build()})}, M);
    const unsigned J = indexOf(P, "job");
    EXPECT_NE(P.context(J).Worker, P.context(J).Loop);
    return P.context(J).Worker;
  };
  EXPECT_TRUE(JobRunsOnAWorker(false, false));
  EXPECT_FALSE(JobRunsOnAWorker(true, false)) << "a timer is made on it";
  EXPECT_FALSE(JobRunsOnAWorker(false, true)) << "main runs it";
}

// `work_ = pool.get_executor()`, then `asio::post(work_, job)`: the executor
// kept in a field stands for the pool that handed it out, whatever its own
// type (`any_io_executor`). One taken from an io_context stays a loop's.
TEST(Linker, PostToAnExecutorAPoolHandedOutIsOffload) {
  ApiModels M = testModels();
  for (const char *Context : {"asio::thread_pool", "asio::io_context"}) {
    ObjectRef Work =
        object(ObjectRef::Kind::Field, "svc::work_", "asio::any_io_executor");
    FunctionBuilder Init("svc::svc"), Main("main"), Job("job");
    constexpr unsigned Body = FunctionBuilder::Body;
    unsigned Get = Init.call(Body, std::string(Context) + "::get_executor",
                             global("ctx", Context));
    Init.assign(Body, Work, Get);
    ArgFact JobArg;
    JobArg.Index = 1;
    JobArg.CallableUsr = "c:@F@job";
    Main.call(Body, "asio::post", {}, {argOf(0, Work), JobArg});
    Program P = linkProgram(
        {unit("test.cpp", {Init.build(), Main.build(), Job.build()})}, M);
    bool IsPool = llvm::StringRef(Context).ends_with("thread_pool");
    EXPECT_EQ(P.context(indexOf(P, "job")).Worker, IsPool) << Context;
    EXPECT_EQ(P.context(indexOf(P, "job")).Loop, !IsPool) << Context;
  }
}

// Standalone Asio spells Boost.Asio's pool `asio::thread_pool`: a model's
// type names cover every spelling of its library's namespace.
TEST(Linker, PostToAPoolOfAnotherNamespaceSpellingIsOffload) {
  ApiModels M;
  ASSERT_FALSE(bool(M.addJson(R"({"namespaces": ["boost::asio", "asio"],
    "functions": [{"name": "boost::asio::post", "loopCallback": 1,
      "offloadWhenArgType": {"arg": 0,
                             "types": ["boost::asio::thread_pool"]}}]})",
                              "test")));
  for (const char *Pool :
       {"asio::thread_pool", "boost::asio::thread_pool", "asio::io_context"}) {
    FunctionBuilder Main("main"), Job("job");
    ArgFact JobArg;
    JobArg.Index = 1;
    JobArg.CallableUsr = "c:@F@job";
    Main.call(FunctionBuilder::Body, "asio::post", {},
              {argType(0, Pool), JobArg});
    Program P = linkProgram({unit("test.cpp", {Main.build(), Job.build()})}, M);
    bool IsPool = llvm::StringRef(Pool).ends_with("thread_pool");
    EXPECT_EQ(P.context(indexOf(P, "job")).Worker, IsPool) << Pool;
    EXPECT_EQ(P.context(indexOf(P, "job")).Loop, !IsPool) << Pool;
  }
}

// A loop task that turns its own loop for a while (`while (!drained())
// loop.turn(10)`, `turn` a `runsLoop` with no blocking, registered through
// the same class) serves the loop's events there: what `turn` calls is the
// loop's own code, not the task's. Turned with no bound (`turn()`, which may
// wait for what only the task would post), or from another loop's code, it
// stalls the caller's loop; a loop a model says blocks (`run_all`) too.
TEST(Linker, LoopCodeTurningItsLoopForAWhileDoesNotMakeItsWaitTheTasks) {
  ApiModels M = testModels();
  ASSERT_FALSE(bool(M.addJson(
      R"({"functions": [{"name": "frame_loop::defer", "loopCallback": 0},
                        {"name": "frame_loop::turn", "runsLoop": true},
                        {"name": "frame_loop::run_all", "runsLoop": true,
                         "blocking": "runs an event loop"}]})",
      "test")));
  struct Variant {
    const char *Registration;
    unsigned RegistrationArg;
    bool Bounded;
    bool Nested;
  };
  for (Variant V : {Variant{"frame_loop::defer", 0, true, true},
                    Variant{"frame_loop::defer", 0, false, false},
                    Variant{"loop::add_timer", 1, true, false}}) {
    FunctionBuilder Main("main"), Task("task"), Turn("frame_loop::turn"),
        RunAll("frame_loop::run_all");
    Main.pass(FunctionBuilder::Body, V.Registration, V.RegistrationArg, "task");
    std::vector<ArgFact> Args;
    if (V.Bounded)
      Args.push_back(constant(0, 10));
    Task.call(FunctionBuilder::Body, "frame_loop::turn", {}, Args);
    Task.call(FunctionBuilder::Body, "frame_loop::run_all", {},
              {constant(0, 10)});
    Program P = linkProgram({unit("test.cpp", {Main.build(), Task.build(),
                                               Turn.build(), RunAll.build()})},
                            M);
    EXPECT_TRUE(P.context(indexOf(P, "task")).Loop);
    EXPECT_EQ(P.context(indexOf(P, "frame_loop::turn")).Loop, !V.Nested)
        << V.Registration << " " << V.Bounded;
    EXPECT_TRUE(P.context(indexOf(P, "frame_loop::run_all")).Loop);
  }
}

TEST(Linker, WaitsAndSignalsGatherOnOneResourceAcrossUnits) {
  ApiModels M = testModels();
  ObjectRef Ev = global("ev", "Event");
  FunctionBuilder Waiter("waiter", true), Setter("setter");
  Waiter.awaitObject(FunctionBuilder::Body, Ev);
  Setter.call(FunctionBuilder::Body, "Event::set", Ev);
  Program P = linkProgram(
      {unit("test.cpp", {Waiter.build()}), unit("/b.cpp", {Setter.build()})},
      M);
  ASSERT_EQ(P.resources().size(), 1u);
  const Resource &R = P.resources()[0];
  EXPECT_EQ(R.Name, "ev");
  EXPECT_EQ(R.Kind, "event");
  ASSERT_EQ(R.Waits.size(), 1u);
  ASSERT_EQ(R.Signals.size(), 1u);
  EXPECT_EQ(P.function(R.Waits[0].Function).name(), "waiter");
  EXPECT_EQ(P.function(R.Signals[0].Function).name(), "setter");
}

TEST(Linker, ReferenceParameterFollowsToTheArgument) {
  ApiModels M = testModels();
  ObjectRef Param = param("notify", 0, "e", "Event");
  FunctionBuilder Notify("notify"), Caller("caller");
  Notify.call(FunctionBuilder::Body, "Event::set", Param);
  Caller.call(FunctionBuilder::Body, "notify", {},
              {argOf(0, global("ready", "Event"))});
  Program P =
      linkProgram({unit("test.cpp", {Notify.build(), Caller.build()})}, M);
  ASSERT_EQ(P.resources().size(), 1u);
  EXPECT_EQ(P.resources()[0].Name, "ready");
}

TEST(Linker, UnboundParameterStaysItsOwnResource) {
  ApiModels M = testModels();
  ObjectRef Param = param("notify", 0, "e", "Event");
  FunctionBuilder Notify("notify");
  Notify.call(FunctionBuilder::Body, "Event::set", Param);
  Program P = linkProgram({unit("test.cpp", {Notify.build()})}, M);
  ASSERT_EQ(P.resources().size(), 1u);
  EXPECT_EQ(P.resources()[0].Name, "notify::e");
}

/// A program whose 'store' keeps the futures of \p Owners in one field and
/// whose 'read' waits on that field.
Program futureInField(const std::vector<ObjectRef> &Owners) {
  static const ApiModels M = testModels();
  ObjectRef Ready = object(ObjectRef::Kind::Field, "S::ready", "Future");
  FunctionBuilder Store("store"), Read("read");
  for (const ObjectRef &Owner : Owners)
    Store.assign(
        FunctionBuilder::Body, Ready,
        Store.call(FunctionBuilder::Body, "Promise::get_future", Owner));
  Read.call(FunctionBuilder::Body, "Future::get", Ready);
  return linkProgram({unit("test.cpp", {Store.build(), Read.build()})}, M);
}

std::vector<std::string> waitedNames(const Program &P) {
  std::vector<std::string> Names;
  for (const Resource &R : P.resources())
    if (!R.Waits.empty())
      Names.push_back(R.Name);
  return Names;
}

TEST(Linker, FutureStoredInAFieldIsItsPromise) {
  Program P = futureInField({global("config", "Promise")});
  EXPECT_EQ(waitedNames(P), std::vector<std::string>{"config"});
}

// The field may hold either promise's future: it stands for neither.
TEST(Linker, FieldStoredFromTwoPromisesIsItsOwnResource) {
  Program P = futureInField(
      {global("config", "Promise"), global("fallback", "Promise")});
  EXPECT_EQ(waitedNames(P), std::vector<std::string>{"S::ready"});
}

// `ready = p.get_future()` here, `ready = other` there: the field may hold
// a future of anything.
TEST(Linker, FieldAlsoAssignedFromElsewhereIsItsOwnResource) {
  ApiModels M = testModels();
  ObjectRef Ready = object(ObjectRef::Kind::Field, "S::ready", "Future");
  FunctionBuilder Store("store"), Read("read");
  unsigned Body = FunctionBuilder::Body;
  Store.assign(
      Body, Ready,
      Store.call(Body, "Promise::get_future", global("config", "Promise")));
  Store.call(Body, "Future::operator=", Ready,
             {argOf(0, global("other", "Future"))});
  Read.call(Body, "Future::get", Ready);
  Program P = linkProgram({unit("test.cpp", {Store.build(), Read.build()})}, M);
  EXPECT_EQ(waitedNames(P), std::vector<std::string>{"S::ready"});
}

// acquire ... release on every path: a lock, not a wait and a signal.
TEST(Linker, SemaphoreGivenBackOnEveryPathIsALock) {
  ApiModels M = testModels();
  ObjectRef S = global("s", "Sem");
  FunctionBuilder F("f", true);
  F.call(FunctionBuilder::Body, "Sem::acquire", S);
  F.call(FunctionBuilder::Body, "Sem::release", S);
  Program P = linkProgram({unit("test.cpp", {F.build()})}, M);
  ASSERT_EQ(P.resources().size(), 1u);
  EXPECT_EQ(P.resources()[0].Locks.size(), 1u);
  EXPECT_TRUE(P.resources()[0].Waits.empty());
  EXPECT_TRUE(P.resources()[0].Signals.empty());
}

// `co_await jobs.acquire(); if (cancelled) jobs.release();`: a job consumed
// and sometimes put back; and shutdown() is a signal, never a give-back.
TEST(Linker, SemaphoreGivenBackOnSomePathsIsAnEvent) {
  ApiModels M = testModels();
  ObjectRef S = global("s", "Sem");
  FunctionBuilder F("f", true);
  unsigned Body = FunctionBuilder::Body;
  unsigned PutBack = F.block(), Join = F.block();
  F.succs(Body, {PutBack, Join}).succs(PutBack, {Join}).succs(Join, {1});
  F.call(Body, "Sem::acquire", S);
  F.call(PutBack, "Sem::release", S);
  F.call(Join, "Sem::shutdown", S);
  Program P = linkProgram({unit("test.cpp", {F.build()})}, M);
  ASSERT_EQ(P.resources().size(), 1u);
  EXPECT_TRUE(P.resources()[0].Locks.empty());
  EXPECT_EQ(P.resources()[0].Waits.size(), 1u);
  EXPECT_EQ(P.resources()[0].Signals.size(), 2u);
}

TEST(Linker, HandleOfAHandleReachesThePromise) {
  ApiModels M = testModels();
  ObjectRef F = local("read::f", "Future"), Shared = local("read::s", "Future");
  FunctionBuilder Read("read");
  unsigned Body = FunctionBuilder::Body;
  unsigned Get =
      Read.call(Body, "Promise::get_future", global("config", "Promise"));
  Read.assign(Body, F, Get);
  Read.assign(Body, Shared, Read.call(Body, "Future::share", F));
  Read.call(Body, "Future::get", Shared);
  Program P = linkProgram({unit("test.cpp", {Read.build()})}, M);
  EXPECT_EQ(waitedNames(P), std::vector<std::string>{"config"});
}

// `s = config.get_future().share()`: a handle of a handle made in one
// expression. Through a member that hands out nothing (`Promise::peek`) the
// local is a handle of no one.
TEST(Linker, HandleOfAHandleMadeInOneExpressionReachesThePromise) {
  ApiModels M = testModels();
  for (const char *Inner : {"Promise::get_future", "Promise::peek"}) {
    ObjectRef Shared = local("read::s", "Future");
    FunctionBuilder Read("read");
    unsigned Body = FunctionBuilder::Body;
    unsigned Get = Read.call(Body, Inner, global("config", "Promise"));
    Read.assign(Body, Shared, Read.callOnResult(Body, "Future::share", Get));
    Read.call(Body, "Future::get", Shared);
    Program P = linkProgram({unit("test.cpp", {Read.build()})}, M);
    EXPECT_EQ(waitedNames(P),
              std::vector<std::string>{
                  Inner == std::string("Promise::peek") ? "read::s" : "config"})
        << Inner;
  }
}

// Each instantiation of one generic lambda has the same pattern; a lambda
// nested in another has its own, although its USR starts with the outer's.
TEST(LambdaPattern, GroupsInstantiationsNotNestedLambdas) {
  EXPECT_EQ(
      lambdaPattern(
          "c:@S@c@F@send#I#@Sa@F@operator()<#$@N@n@S@plain>#&S0_#1|L16:11"),
      lambdaPattern(
          "c:@S@c@F@send#I#@Sa@F@operator()<#$@N@n@S@tls>#&S0_#1|L16:11"));
  EXPECT_NE(lambdaPattern("c:@F@f#@Sa@F@operator()#&R#1@Sa@F@operator()#&C#1"
                          "|L228:11|L224:9"),
            lambdaPattern("c:@F@f#@Sa@F@operator()#&R#1|L224:9"));
  EXPECT_EQ(lambdaPattern("c:@F@plain#I#"), "c:@F@plain#I#");
}

} // namespace

namespace {

// `Client(io &queue) : queue_(queue)` and `Client c(jobs)` in main: the
// reference field is main's `jobs`, as its constructor's parameter is. A
// second constructor that does not bind it from a parameter of its type
// leaves it open; so does a constructor no analyzed code calls.
TEST(Linker, ReferenceFieldIsWhatItsConstructorsAreGiven) {
  ApiModels M = testModels();
  ObjectRef Field = object(ObjectRef::Kind::Field, "Client::queue_", "io");
  Field.Alias = true;
  auto Program = [&](bool SecondConstructor, bool Called) {
    FunctionBuilder Ctor("Client::Client");
    FunctionFact CtorFact = Ctor.build();
    CtorFact.ParamTypes = {"io"};
    CtorFact.FieldInits = {{"Client::queue_", 0, Field.Key}};
    FunctionBuilder Use("Client::render");
    Use.call(FunctionBuilder::Body, "io::post", Field);
    FunctionBuilder Main("main");
    if (Called)
      Main.call(FunctionBuilder::Body, "Client::Client",
                local("main::c", "Client"),
                {argOf(0, local("main::jobs", "io"))});
    std::vector<FunctionFact> Functions{CtorFact, Use.build(), Main.build()};
    if (SecondConstructor) {
      FunctionBuilder Other("Client::Client");
      FunctionFact OtherFact = Other.build();
      OtherFact.Usr = "c:@F@Client::Client#int";
      OtherFact.ParamTypes = {"int"};
      Functions.push_back(OtherFact);
    }
    return linkProgram({unit("test.cpp", Functions)}, M);
  };
  auto Resolved = [&](const corolint::Program &P) {
    std::vector<std::string> Keys;
    for (const ObjectRef &R : P.resolve(indexOf(P, "Client::render"), Field))
      Keys.push_back(R.Name);
    return Keys;
  };
  EXPECT_EQ(Resolved(Program(false, true)),
            std::vector<std::string>{"main::jobs"});
  EXPECT_EQ(Resolved(Program(true, true)),
            std::vector<std::string>{"Client::queue_"});
  EXPECT_EQ(Resolved(Program(false, false)),
            std::vector<std::string>{"Client::queue_"});
}

// `std::thread t(drain, std::ref(jobs), backlog)` in main: the thread's
// function gets main's `jobs` as its first parameter, through the wrapper
// std::ref makes; its second, a copy of `backlog`, is no object of main's.
// A start whose model hands nothing on after the callable binds nothing.
TEST(Linker, ThreadStartBindsWhatItHandsOnByReference) {
  ApiModels M;
  ASSERT_FALSE(bool(M.addJson(R"({"functions": [
      {"name": "std::thread::thread", "offload": 0, "forwardsArgs": true},
      {"name": "pool::submit", "offload": 0},
      {"name": "std::ref", "refersTo": 0}]})",
                              "test-models")));
  auto Resolved = [&](llvm::StringRef Start, unsigned Param) {
    FunctionBuilder Drain("drain");
    Drain.call(FunctionBuilder::Body, "queue::pop",
               param("drain", 0, "q", "queue"));
    FunctionBuilder Main("main");
    unsigned Ref = Main.call(FunctionBuilder::Body, "std::ref", {},
                             {argOf(0, local("main::jobs", "queue"))});
    ArgFact Callable;
    Callable.CallableUsr = "c:@F@drain";
    ArgFact Wrapped;
    Wrapped.Index = 1;
    Wrapped.MadeBy = static_cast<int>(Ref);
    Main.call(FunctionBuilder::Body, Start.str(), {},
              {Callable, Wrapped, argOf(2, local("main::backlog", "queue"))});
    corolint::Program P =
        linkProgram({unit("test.cpp", {Drain.build(), Main.build()})}, M);
    std::vector<std::string> Names;
    for (const ObjectRef &R :
         P.resolve(indexOf(P, "drain"), param("drain", Param, "q", "queue")))
      Names.push_back(R.Name);
    return Names;
  };
  EXPECT_EQ(Resolved("std::thread::thread", 0),
            std::vector<std::string>{"main::jobs"});
  EXPECT_EQ(Resolved("std::thread::thread", 1),
            std::vector<std::string>{"drain::q"});
  EXPECT_EQ(Resolved("pool::submit", 0), std::vector<std::string>{"drain::q"});
}

// `link.upstream()` in `follow(Link &link)`, called as `follow(a)` and
// `follow(b)` in main: the accessor of each object the parameter is bound
// to, named as main's own `a.upstream()` is; with no caller, the accessor
// of the parameter itself.
TEST(Linker, AccessorOfAParameterIsThatOfWhatItIsBoundTo) {
  ApiModels M = testModels();
  ObjectRef Holder = param("follow", 0, "link", "Link");
  ObjectRef Upstream = Holder;
  Upstream.ParamIndex = -1;
  Upstream.Key += "->upstream()";
  Upstream.Name += ".upstream()";
  Upstream.Type = "Event";
  Upstream.AccessorOf = std::make_shared<const ObjectRef>(Holder);
  auto Resolved = [&](std::vector<std::string> Arguments) {
    FunctionBuilder Follow("follow"), Main("main");
    Follow.call(FunctionBuilder::Body, "Event::wait", Upstream);
    for (const std::string &Name : Arguments)
      Main.call(FunctionBuilder::Body, "follow", {},
                {argOf(0, local("main::" + Name, "Link"))});
    corolint::Program P =
        linkProgram({unit("test.cpp", {Follow.build(), Main.build()})}, M);
    std::vector<std::string> Names;
    for (const ObjectRef &R : P.resolve(indexOf(P, "follow"), Upstream)) {
      Names.push_back(R.Name);
      EXPECT_EQ(R.Type, "Event");
    }
    return Names;
  };
  EXPECT_EQ(
      Resolved({"a", "b"}),
      (std::vector<std::string>{"main::a.upstream()", "main::b.upstream()"}));
  EXPECT_EQ(Resolved({}), std::vector<std::string>{"follow::link.upstream()"});
}

} // namespace
