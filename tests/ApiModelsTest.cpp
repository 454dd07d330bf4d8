//===- ApiModelsTest.cpp - Loading and validating models ------------------===//

#include "corolint/model/ApiModels.h"
#include <gtest/gtest.h>

using namespace corolint;

namespace {

std::string loadError(llvm::StringRef Text) {
  ApiModels M;
  llvm::Error E = M.addJson(Text, "lib.json");
  return E ? llvm::toString(std::move(E)) : "";
}

TEST(ApiModels, ShippedModelsLoad) {
  ApiModels M;
  ASSERT_FALSE(bool(M.addDirectory(COROLINT_SOURCE_DIR "/rules/models")));
  const FunctionModel *Sleep = M.function("std::this_thread::sleep_for");
  ASSERT_NE(Sleep, nullptr);
  EXPECT_FALSE(Sleep->Blocking.empty());
  const TypeModel *Guard = M.type("std::lock_guard");
  ASSERT_NE(Guard, nullptr);
  EXPECT_EQ(Guard->Role, TypeRole::SyncGuard);
  ASSERT_NE(M.function("boost::asio::co_spawn"), nullptr);
}

TEST(ApiModels, UnknownKeyNamesFileAndEntry) {
  std::string E = loadError(
      R"({"functions": [{"name": "f"}, {"name": "g", "blockng": "x"}]})");
  EXPECT_NE(E.find("lib.json"), std::string::npos) << E;
  EXPECT_NE(E.find("functions[1] ('g')"), std::string::npos) << E;
  EXPECT_NE(E.find("unknown key 'blockng'"), std::string::npos) << E;
}

TEST(ApiModels, WrongValueTypesAreErrors) {
  EXPECT_NE(loadError(R"({"functions": [{"name": "f", "offload": "0"}]})")
                .find("argument index"),
            std::string::npos);
  EXPECT_NE(loadError(R"({"types": [{"name": "T", "role": "lock"}]})")
                .find("'role' must be one of"),
            std::string::npos);
  EXPECT_NE(loadError(R"({"types": [{"name": "T"}]})").find("missing 'role'"),
            std::string::npos);
  EXPECT_NE(
      loadError(R"({"types": [{"role": "task"}]})").find("missing 'name'"),
      std::string::npos);
  EXPECT_NE(loadError("{").find("not valid JSON"), std::string::npos);
}

TEST(ApiModels, LaterEntryReplacesEarlier) {
  ApiModels M;
  ASSERT_FALSE(bool(
      M.addJson(R"({"functions": [{"name": "f", "blocking": "a"}]})", "1")));
  ASSERT_FALSE(bool(
      M.addJson(R"({"functions": [{"name": "f", "blocking": "b"}]})", "2")));
  EXPECT_EQ(M.function("f")->Blocking, "b");
}

TEST(ApiModels, MemberCallUsesTheObjectsTypeBeforeTheDeclaringClass) {
  ApiModels M;
  ASSERT_FALSE(bool(M.addJson(
      R"({"types": [{"name": "std::future", "role": "resource", "waits": ["wait"]},
                    {"name": "base::Ev", "role": "resource", "signals": ["set"]}]})",
      "m")));
  // wait() is declared in an unmodelled base of std::future.
  const TypeModel *T =
      M.typeForCall("std::future", "std::__basic_future::wait");
  ASSERT_NE(T, nullptr);
  EXPECT_EQ(T->Name, "std::future");
  T = M.typeForCall("Derived", "base::Ev::set");
  ASSERT_NE(T, nullptr);
  EXPECT_EQ(T->Name, "base::Ev");
  EXPECT_EQ(M.typeForCall("Other", "other::f"), nullptr);
}

TEST(ApiModels, TimeoutVocabularyLoads) {
  ApiModels M;
  ASSERT_FALSE(bool(M.addJson(
      R"({"functions": [
            {"name": "net::read", "external": true, "objectArg": 0},
            {"name": "net::either", "race": true},
            {"name": "net::sleep", "delay": true},
            {"name": "net::yield", "yield": true}],
          "types": [{"name": "net::socket", "role": "io-object",
                     "cancels": ["close"]}]})",
      "lib.json")));
  EXPECT_EQ(M.function("net::read")->ObjectArg, 0);
  EXPECT_TRUE(M.function("net::either")->Race);
  EXPECT_TRUE(M.function("net::sleep")->Delay);
  EXPECT_FALSE(M.function("net::sleep")->Yield);
  EXPECT_TRUE(M.function("net::yield")->Yield);
  const TypeModel *Socket = M.type("net::socket");
  ASSERT_NE(Socket, nullptr);
  EXPECT_EQ(Socket->Role, TypeRole::IoObject);
  EXPECT_TRUE(TypeModel::has(Socket->Cancels, "close"));
}

TEST(ApiModels, SplitMemberKeepsOperators) {
  EXPECT_EQ(splitMember("ns::T::operator co_await").first, "ns::T");
  EXPECT_EQ(splitMember("ns::T::operator co_await").second,
            "operator co_await");
  EXPECT_EQ(splitMember("sleep").first, "");
}

} // namespace
