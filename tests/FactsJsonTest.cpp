//===- FactsJsonTest.cpp - Facts survive the round trip, bad files don't --===//

#include "FactsBuilder.h"
#include "corolint/facts/Facts.h"
#include <gtest/gtest.h>

using namespace corolint;
using namespace corolint::test;

namespace {

TuFacts sampleUnit() {
  FunctionBuilder B("handler", /*Coroutine=*/true);
  ObjectRef G = local("handler::g", "std::lock_guard");
  B.scopeBegin(FunctionBuilder::Body, G,
               {argOf(0, global("mtx", "std::mutex"))});
  unsigned Call = B.call(FunctionBuilder::Body, "fetch");
  unsigned Await = B.suspend(FunctionBuilder::Body);
  B.scopeEnd(FunctionBuilder::Body, G);
  B.assign(FunctionBuilder::Body, global("ready", "Future"), Call);
  unsigned Size = B.call(FunctionBuilder::Body, "size");
  FunctionFact F = B.build();
  F.Sites[Size].Query = true;
  F.Sites[Size].Returned = true;
  F.Sites[Size].Virtual = true;
  F.Overrides = {"c:@S@Base@F@run#"};
  F.Sites[Await].OperandCall = Call;
  F.Sites[Await].Implicit = false;
  F.Sites[Call].AwaitedIn = Await;
  F.Sites[Call].Mutates = true;
  F.ReturnType = "fake::task";
  F.Sites[0].OperandCall = Call;
  F.Sites[Call].StoredIn = global("fd", "");
  ArgFact Descriptor;
  Descriptor.Index = 1;
  Descriptor.Holder = global("socket::fd_", "");
  Descriptor.Flags = {"O_CLOEXEC", "O_NONBLOCK"};
  F.Sites[Call].Args.push_back(Descriptor);
  F.Sites[Call].ReceiverProducerUsr = "c:@F@make_client";
  F.Sites[Call].Constructs = "std::thread";
  F.Sites[Size].ThroughField = "c:@S@settings@FI@on_url";
  F.FieldFunctions = {{"c:@S@settings@FI@on_url", "c:@F@on_url"}};
  ArgFact Options;
  Options.Index = 2;
  Options.Type = "std::optional";
  Options.BuiltFrom = "std::chrono::duration";
  Options.Ref = global("owner::ev", "Event");
  Options.Ref.Alias = true;
  Options.HandedOver = true;
  Options.Ref.ThroughLocal = "c:@F@outer@req";
  F.Sites[Call].Args.push_back(Options);
  ArgFact Wrapper;
  Wrapper.Index = 3;
  Wrapper.CallableUsr = "c:@F@then@Sa@F@operator()#";
  Wrapper.CapturedCallables = {0, 2};
  Wrapper.MovedIn = {"c:@F@outer@lock"};
  Wrapper.Captures = {"c:@F@outer@lock", "c:@F@outer@req"};
  F.Sites[Call].Args.push_back(Wrapper);
  F.Owner = "ns::outer";
  F.MainFileOnly = true;
  PollFact Poll;
  Poll.Kind = PollKind::Loop;
  Poll.Flag = global("ready", "");
  Poll.Sites = {Call, Await};
  Poll.OnlyCalls = true;
  Poll.Value = 2;
  Poll.ValueName = "Done";
  F.Polls.push_back(Poll);
  F.Reads = {global("ready", "")};
  F.ReturnedObjects = {local("make::fd", "")};
  F.ComparedConstants = {"EAGAIN", "EWOULDBLOCK"};
  F.Fields = {"ev::state_"};
  F.Stores = {{StoredKind::Self, -1, "ev::state_", {"/src/ev.h", 3, 5}},
              {StoredKind::Callable, 1, "loop::queue_", {"/src/ev.h", 9, 2}},
              {StoredKind::Callback, 1, "st::next_", {"/src/ev.h", 11, 2}}};
  F.ReturnBases = {"lock_base"};
  F.InitialSuspend = "std::suspend_always";
  F.FieldInits = {{"ev::state_", 0}};
  F.ParamTypes = {"", "std::function"};
  F.ResumesHandle = true;
  F.InvokesCallable = true;
  F.Cfg[2].NoReturn = true;
  F.Cfg[0].Throws = true;
  F.Cfg[1].Return = SourceLoc{"a.cpp", 9, 5};
  F.Cfg[1].ReturnsTrue = true;
  F.Sites[Size].GuardFlags = {global("client::enabled_", "")};
  F.Sites[Size].GuardFlags[0].Private = true;
  F.Sites[Size].ConditionReads = {global("client::epoch_", "")};
  F.Sites[4].Value = 1;
  F.Sites[4].Initial = true;
  return unit("/src/a.cpp", {F});
}

TEST(FactsJson, RoundTripIsLossless) {
  TuFacts In = sampleUnit();
  std::string Text = writeFactsJson(In);
  llvm::Expected<TuFacts> Out = readFactsJson(Text, "a.facts.json");
  ASSERT_TRUE(bool(Out)) << llvm::toString(Out.takeError());
  EXPECT_EQ(writeFactsJson(*Out), Text);
  ASSERT_EQ(Out->Functions.size(), 1u);
  const FunctionFact &F = Out->Functions[0];
  EXPECT_TRUE(F.IsCoroutine);
  EXPECT_EQ(F.Sites[0].Args[0].Ref.Name, "mtx");
  EXPECT_EQ(F.Sites[2].OperandCall, 1);
  EXPECT_EQ(F.Sites[3].Kind, SiteKind::ScopeEnd);
  EXPECT_EQ(F.Sites[1].AwaitedIn, 2);
  EXPECT_EQ(F.Sites[1].Args.back().CapturedCallables,
            (std::vector<unsigned>{0, 2}));
  EXPECT_EQ(F.Sites[1].Args.back().MovedIn,
            (std::vector<std::string>{"c:@F@outer@lock"}));
  EXPECT_TRUE(F.Sites[1].Args[1].HandedOver);
  EXPECT_EQ(F.Sites[1].Args[1].Ref.ThroughLocal, "c:@F@outer@req");
  EXPECT_EQ(F.Sites[1].Args.back().Captures.size(), 2u);
  EXPECT_TRUE(F.Sites[1].Mutates);
  EXPECT_TRUE(F.Sites[5].Query);
  EXPECT_TRUE(F.Sites[5].Returned);
  EXPECT_TRUE(F.Sites[5].Virtual);
  EXPECT_EQ(F.Overrides, std::vector<std::string>{"c:@S@Base@F@run#"});
  EXPECT_EQ(F.ReturnType, "fake::task");
  EXPECT_EQ(F.Sites[5].ThroughField, "c:@S@settings@FI@on_url");
  EXPECT_EQ(F.FieldFunctions, (std::vector<std::pair<std::string, std::string>>{
                                  {"c:@S@settings@FI@on_url", "c:@F@on_url"}}));
  EXPECT_EQ(F.Sites[0].OperandCall, 1);
  EXPECT_EQ(F.Sites[4].OperandCall, 1); // ready = fetch()
  EXPECT_EQ(F.Sites[1].StoredIn.Name, "fd");
  ASSERT_EQ(F.Sites[1].Args.size(), 3u);
  EXPECT_EQ(F.Sites[1].Args[0].Holder.Name, "socket::fd_");
  EXPECT_EQ(F.Sites[1].ReceiverProducerUsr, "c:@F@make_client");
  EXPECT_EQ(F.Sites[1].Constructs, "std::thread");
  EXPECT_EQ(F.Sites[1].Args[1].BuiltFrom, "std::chrono::duration");
  EXPECT_TRUE(F.Sites[1].Args[1].Ref.Alias);
  EXPECT_EQ(F.Owner, "ns::outer");
  EXPECT_TRUE(F.MainFileOnly);
  EXPECT_TRUE(F.Cfg[2].NoReturn);
  EXPECT_FALSE(F.Cfg[1].NoReturn);
  EXPECT_TRUE(F.Cfg[0].Throws);
  EXPECT_FALSE(F.Cfg[2].Throws);
  ASSERT_TRUE(F.Cfg[1].Return.has_value());
  EXPECT_EQ(F.Cfg[1].Return->Line, 9u);
  EXPECT_EQ(F.Cfg[1].Return->Col, 5u);
  EXPECT_FALSE(F.Cfg[2].Return.has_value());
  EXPECT_TRUE(F.Cfg[1].ReturnsTrue);
  EXPECT_FALSE(F.Cfg[2].ReturnsTrue);
  EXPECT_EQ(F.Sites[1].Args[0].Flags,
            (std::vector<std::string>{"O_CLOEXEC", "O_NONBLOCK"}));
  ASSERT_EQ(F.Polls.size(), 1u);
  EXPECT_EQ(F.Polls[0].Kind, PollKind::Loop);
  EXPECT_EQ(F.Polls[0].Flag.Name, "ready");
  EXPECT_EQ(F.Polls[0].Sites, (std::vector<unsigned>{1, 2}));
  EXPECT_EQ(F.Polls[0].Value, std::optional<int64_t>(2));
  EXPECT_EQ(F.Polls[0].ValueName, "Done");
  ASSERT_EQ(F.Reads.size(), 1u);
  EXPECT_EQ(F.Reads[0].Name, "ready");
  ASSERT_EQ(F.ReturnedObjects.size(), 1u);
  EXPECT_EQ(F.ReturnedObjects[0].Name, "make::fd");
  EXPECT_EQ(F.ComparedConstants,
            (std::vector<std::string>{"EAGAIN", "EWOULDBLOCK"}));
  EXPECT_EQ(F.Fields, std::vector<std::string>{"ev::state_"});
  ASSERT_EQ(F.Stores.size(), 3u);
  EXPECT_EQ(F.Stores[2].Kind, StoredKind::Callback);
  EXPECT_EQ(F.ReturnBases, std::vector<std::string>{"lock_base"});
  EXPECT_EQ(F.InitialSuspend, "std::suspend_always");
  EXPECT_EQ(F.Stores[0].Kind, StoredKind::Self);
  EXPECT_EQ(F.Stores[0].Param, -1);
  EXPECT_EQ(F.Stores[1].Kind, StoredKind::Callable);
  EXPECT_EQ(F.Stores[1].Field, "loop::queue_");
  EXPECT_EQ(F.Stores[1].Loc.Line, 9u);
  ASSERT_EQ(F.FieldInits.size(), 1u);
  EXPECT_EQ(F.FieldInits[0].Field, "ev::state_");
  EXPECT_EQ(F.ParamTypes, (std::vector<std::string>{"", "std::function"}));
  EXPECT_TRUE(F.ResumesHandle);
  EXPECT_TRUE(F.InvokesCallable);
  ASSERT_EQ(F.Sites[5].GuardFlags.size(), 1u);
  EXPECT_EQ(F.Sites[5].GuardFlags[0].Name, "client::enabled_");
  EXPECT_TRUE(F.Sites[5].GuardFlags[0].Private);
  ASSERT_EQ(F.Sites[5].ConditionReads.size(), 1u);
  EXPECT_EQ(F.Sites[5].ConditionReads[0].Name, "client::epoch_");
  EXPECT_EQ(F.Sites[4].Value, std::optional<int64_t>(1));
  EXPECT_TRUE(F.Sites[4].Initial);
}

std::string errorOf(llvm::StringRef Text) {
  llvm::Expected<TuFacts> F = readFactsJson(Text, "x.facts.json");
  if (F)
    return "";
  return llvm::toString(F.takeError());
}

// A field of another type than expected is a clear error, never an abort.
TEST(FactsJson, FieldsOfTheWrongTypeAreErrors) {
  EXPECT_NE(errorOf(R"({"format": 5, "version": 4})").find("not a facts file"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"format": null})").find("not a facts file"),
            std::string::npos);
  EXPECT_NE(errorOf("[1, 2]").find("not a facts file"), std::string::npos);
  EXPECT_NE(errorOf(R"({"format": "corolint-facts", "version": "4"})")
                .find("facts version \"4\" is not a number"),
            std::string::npos);
}

// nlohmann converts a float or an out-of-range value into an integer field
// with undefined behaviour (found by the facts fuzzer): each is malformed.
TEST(FactsJson, IntegersOutOfRangeOrFloatsAreErrors) {
  std::string Text = writeFactsJson(sampleUnit());
  auto WithId = [&](const std::string &Id) {
    std::string T = Text;
    size_t At = T.find("\"id\":0");
    EXPECT_NE(At, std::string::npos);
    return T.replace(At, 6, "\"id\":" + Id);
  };
  EXPECT_EQ(errorOf(WithId("0")), "");
  for (const char *Bad : {"1.5e87", "-1", "4294967296", "0.5"})
    EXPECT_NE(errorOf(WithId(Bad)).find("expected an integer"),
              std::string::npos)
        << Bad;
}

TEST(FactsJson, OtherVersionIsRefusedWithTheFileName) {
  std::string Text = writeFactsJson(sampleUnit());
  std::string Current = "\"version\":" + std::to_string(FactsVersion);
  size_t At = Text.find(Current);
  ASSERT_NE(At, std::string::npos);
  Text.replace(At, Current.size(), "\"version\":99");
  std::string E = errorOf(Text);
  EXPECT_NE(E.find("x.facts.json"), std::string::npos) << E;
  EXPECT_NE(E.find("facts version 99"), std::string::npos) << E;
}

TEST(FactsJson, TruncatedFileIsRefused) {
  std::string Text = writeFactsJson(sampleUnit());
  std::string E = errorOf(llvm::StringRef(Text).take_front(Text.size() / 2));
  EXPECT_NE(E.find("truncated"), std::string::npos) << E;
}

TEST(FactsJson, IndexOutsideTheFunctionIsRefused) {
  TuFacts U = sampleUnit();
  U.Functions[0].Cfg[2].Succs.push_back(42);
  std::string E = errorOf(writeFactsJson(U));
  EXPECT_NE(E.find("successor that does not exist"), std::string::npos) << E;
}

TEST(FactsJson, SitePlacedWhereItsBlockDoesNotListItIsRefused) {
  TuFacts U = sampleUnit();
  U.Functions[0].Sites[0].Pos.Index = 2;
  std::string E = errorOf(writeFactsJson(U));
  EXPECT_NE(E.find("site 0 is not where its block lists it"), std::string::npos)
      << E;
}

TEST(FactsJson, StoredCallThatIsNoCallIsRefused) {
  TuFacts U = sampleUnit();
  U.Functions[0].Sites[4].OperandCall = 4;
  std::string E = errorOf(writeFactsJson(U));
  EXPECT_NE(E.find("site 4 names as its call a site that is not another call"),
            std::string::npos)
      << E;
}

TEST(FactsJson, OtherJsonIsNotFacts) {
  EXPECT_NE(errorOf("{\"hello\": 1}").find("not a facts file"),
            std::string::npos);
}

TEST(FactsJson, PollNamingAMissingSiteIsRefused) {
  TuFacts U = sampleUnit();
  U.Functions[0].Polls[0].Sites.push_back(99);
  std::string E = errorOf(writeFactsJson(U));
  EXPECT_NE(E.find("a poll lists a site that does not exist"),
            std::string::npos)
      << E;
}

// A constant argument survives the facts round trip; an absent one stays
// absent.
TEST(FactsJson, ArgumentConstantsRoundTrip) {
  TuFacts In = sampleUnit();
  ASSERT_FALSE(In.Functions[0].Sites[0].Args.empty());
  In.Functions[0].Sites[0].Args[0].Constant = 1;
  llvm::Expected<TuFacts> Out =
      readFactsJson(writeFactsJson(In), "a.facts.json");
  ASSERT_TRUE(bool(Out)) << llvm::toString(Out.takeError());
  EXPECT_EQ(Out->Functions[0].Sites[0].Args[0].Constant,
            std::optional<int64_t>(1));
  llvm::Expected<TuFacts> Plain =
      readFactsJson(writeFactsJson(sampleUnit()), "b.facts.json");
  ASSERT_TRUE(bool(Plain)) << llvm::toString(Plain.takeError());
  EXPECT_FALSE(Plain->Functions[0].Sites[0].Args[0].Constant.has_value());
}

} // namespace
