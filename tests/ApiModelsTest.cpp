//===- ApiModelsTest.cpp - Loading and validating models ------------------===//

#include "corolint/model/ApiModels.h"
#include "corolint/model/Inference.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
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

// A second entry of one name would replace the first without a word: the
// first's `blocking` lost to a later entry that only says `joins`.
TEST(ApiModels, AnEntryGivenTwiceInOneFileIsAnError) {
  std::string E = loadError(R"({"functions": [
      {"name": "f", "blocking": "waits"}, {"name": "f", "joins": true}]})");
  EXPECT_NE(E.find("lib.json"), std::string::npos) << E;
  EXPECT_NE(E.find("functions entry 'f' is given twice"), std::string::npos)
      << E;
  EXPECT_NE(loadError(R"({"types": [{"name": "T", "role": "task"},
                                    {"name": "T", "role": "task"}]})")
                .find("types entry 'T' is given twice"),
            std::string::npos);
  EXPECT_EQ(loadError(R"({"functions": [{"name": "f"}],
                          "types": [{"name": "f", "role": "task"}]})"),
            "");
  // Inference may find one role twice (a guard template two mutexes share).
  ApiModels Inferred;
  EXPECT_FALSE(bool(Inferred.addJson(R"({"types": [
      {"name": "G", "role": "async-guard"},
      {"name": "G", "role": "async-guard"}]})",
                                     InferredOrigin)));
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

// A callable's place may be a list, for overloads that put it elsewhere;
// an empty list or one with something else in it means nothing.
TEST(ApiModels, CallablePlacesMayBeAList) {
  ApiModels M;
  ASSERT_FALSE(bool(M.addJson(
      R"({"functions": [{"name": "f", "loopCallback": [1, 2]}]})", "1")));
  const FunctionModel *F = M.function("f");
  ASSERT_NE(F, nullptr);
  EXPECT_TRUE(F->LoopCallback.has(1));
  EXPECT_TRUE(F->LoopCallback.has(2));
  EXPECT_FALSE(F->LoopCallback.has(0));
  for (const char *Bad : {"[]", "[1, \"2\"]", "[-1]"})
    EXPECT_NE(loadError(std::string(R"({"functions": [{"name": "f", "offload": )") +
                        Bad + "}]}")
                  .find("or a non-empty list of them"),
              std::string::npos)
        << Bad;
}

// Each alone would be silently ignored.
TEST(ApiModels, NonblockingKeysGoTogetherAndNeedADescriptor) {
  EXPECT_NE(loadError(R"({"functions": [{"name": "f", "nonblockingArg": 1}]})")
                .find("go together"),
            std::string::npos);
  EXPECT_NE(loadError(R"({"functions": [{"name": "f", "nonblockingArg": 1,
                          "nonblockingFlags": ["O_NONBLOCK"]}]})")
                .find("need a descriptor"),
            std::string::npos);
  EXPECT_EQ(loadError(R"({"functions": [{"name": "f", "nonblockingArg": 1,
                          "nonblockingFlags": ["O_NONBLOCK"],
                          "returnsDescriptor": true}]})"),
            "");
}

TEST(ApiModels, ChannelKeysNeedADescriptor) {
  EXPECT_NE(loadError(R"({"functions": [{"name": "f", "makesChannel": true}]})")
                .find("'makesChannel' needs"),
            std::string::npos);
  EXPECT_NE(loadError(R"({"functions": [{"name": "f", "sizeArg": 2}]})")
                .find("'sizeArg' needs"),
            std::string::npos);
  EXPECT_EQ(loadError(R"({"functions": [{"name": "f", "descriptorArg": 0,
                          "sizeArg": 2, "makesChannel": true}]})"),
            "");
}

// A probe's descriptors say nothing without its timeout.
TEST(ApiModels, ProbesArgNeedsATimeoutArg) {
  EXPECT_NE(loadError(R"({"functions": [{"name": "f", "blocking": "waits",
                          "probesArg": 0}]})")
                .find("'probesArg' says which descriptors"),
            std::string::npos);
  EXPECT_EQ(loadError(R"({"functions": [{"name": "f", "blocking": "waits",
                          "timeoutArg": 2, "probesArg": 0}]})"),
            "");
}

// `workers.emplace_back(run)` is described by the model of the element's
// constructor (`std::thread::thread`); a call that constructs an element
// of an unmodelled class keeps its own model.
TEST(ApiModels, ElementConstructedInPlaceHasItsConstructorsModel) {
  ApiModels Models;
  ASSERT_FALSE(bool(Models.addJson(R"({"functions": [
      {"name": "std::thread::thread", "offload": 0},
      {"name": "std::vector::emplace_back", "blocking": "not really"}]})",
                                   "test")));
  SiteFact Emplace;
  Emplace.CalleeName = "std::vector::emplace_back";
  Emplace.CalleeUsr = "c:@N@std@S@vector@F@emplace_back";
  Emplace.Constructs = "std::thread";
  const FunctionModel *M = functionModelOf(Models, Emplace);
  ASSERT_TRUE(M);
  EXPECT_EQ(M->Name, "std::thread::thread");
  Emplace.Constructs = "job";
  M = functionModelOf(Models, Emplace);
  ASSERT_TRUE(M);
  EXPECT_EQ(M->Name, "std::vector::emplace_back");
}

TEST(ApiModels, TimeoutArgBoundsABlockingCall) {
  EXPECT_NE(loadError(R"({"functions": [{"name": "f", "timeoutArg": 2}]})")
                .find("the call must be 'blocking'"),
            std::string::npos);
  EXPECT_EQ(loadError(R"({"functions": [{"name": "f", "timeoutArg": 2,
                          "blocking": "waits"}]})"),
            "");
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

/// The section of \p Doc under \p Heading, up to the next heading.
llvm::StringRef section(llvm::StringRef Doc, llvm::StringRef Heading) {
  size_t Start = Doc.find("\n" + Heading.str() + "\n");
  if (Start == llvm::StringRef::npos)
    return "";
  llvm::StringRef Rest = Doc.substr(Start + Heading.size() + 2);
  return Rest.take_front(Rest.find("\n#"));
}

/// The row of a key table whose first cell names `Key`, or "".
llvm::StringRef row(llvm::StringRef Section, llvm::StringRef Key) {
  std::string Code = "`" + Key.str() + "`";
  for (llvm::StringRef Line : llvm::split(Section, '\n'))
    if (Line.starts_with("| ") && Line.split(" | ").first.contains(Code))
      return Line;
  return "";
}

/// The keys the first cells of a key table name.
std::vector<std::string> keysOfTable(llvm::StringRef Section) {
  std::vector<std::string> Keys;
  for (llvm::StringRef Line : llvm::split(Section, '\n')) {
    if (!Line.starts_with("| `"))
      continue;
    llvm::StringRef Cell = Line.drop_front(2).split(" | ").first;
    for (llvm::StringRef Key : llvm::split(Cell, ", "))
      Keys.push_back(Key.trim('`').str());
  }
  return Keys;
}

// docs/models.md is where model authors look keys up: every key and named
// value of ModelSchema.def must be on it, in its place, and the page must
// describe no key that the loader rejects.
TEST(ApiModels, DocumentationNamesEveryKeyAndRole) {
  auto Page =
      llvm::MemoryBuffer::getFile(COROLINT_SOURCE_DIR "/docs/models.md");
  ASSERT_TRUE(bool(Page)) << "docs/models.md";
  llvm::StringRef Doc = (*Page)->getBuffer();
  llvm::StringRef File = section(Doc, "## File");
  llvm::StringRef Functions = section(Doc, "### `functions[]`");
  llvm::StringRef Types = section(Doc, "### `types[]`");
  ASSERT_FALSE(File.empty() || Functions.empty() || Types.empty());
  auto Mentions = [](llvm::StringRef Text, llvm::StringRef Word) {
    return Text.contains(("`" + Word + "`").str());
  };
  auto QuotesKey = [](llvm::StringRef Text, llvm::StringRef Key) {
    return Text.contains(("\"" + Key + "\":").str());
  };
  std::vector<std::string> FunctionKeys, TypeKeys;
#define MODEL_FILE_KEY(Key)                                                    \
  EXPECT_TRUE(QuotesKey(File, Key)) << "## File does not show " Key;
#define MODEL_FILE_LIST(Key, Model)                                            \
  EXPECT_TRUE(QuotesKey(File, Key)) << "## File does not show " Key;
#define MODEL_FUNCTION_KEY(Key, Field, Presence)                               \
  EXPECT_NE(row(Functions, Key), "") << "functions[] has no row for " Key;     \
  FunctionKeys.push_back(Key);
#define MODEL_FUNCTION_ARG_TYPES_KEY(Key)                                      \
  EXPECT_NE(row(Functions, Key), "") << "functions[] has no row for " Key;     \
  FunctionKeys.push_back(Key);
#define MODEL_ARG_TYPES_KEY(Key, Field)                                        \
  EXPECT_TRUE(QuotesKey(row(Functions, "offloadWhenArgType"), Key))            \
      << "offloadWhenArgType's row does not show " Key;
#define MODEL_TYPE_KEY(Key, Field, Presence)                                   \
  EXPECT_NE(row(Types, Key), "") << "types[] has no row for " Key;             \
  TypeKeys.push_back(Key);
#define MODEL_BLOCKING_KIND(Name, Kind)                                        \
  EXPECT_TRUE(Mentions(row(Functions, "blockingKind"), Name))                  \
      << "blockingKind's row does not name " Name;
#define MODEL_TYPE_ROLE(Name, Role)                                            \
  EXPECT_TRUE(Mentions(row(Types, "role"), Name))                              \
      << "role's row does not name " Name;
#include "corolint/model/ModelSchema.def"
  for (const std::string &Key : keysOfTable(Functions))
    EXPECT_TRUE(llvm::is_contained(FunctionKeys, Key))
        << "functions[] describes " << Key << ", which the loader rejects";
  for (const std::string &Key : keysOfTable(Types))
    EXPECT_TRUE(llvm::is_contained(TypeKeys, Key))
        << "types[] describes " << Key << ", which the loader rejects";
}

TEST(ApiModels, RoleNameIsHowModelFilesSpellIt) {
  EXPECT_EQ(typeRoleName(TypeRole::Resource), "resource");
  EXPECT_EQ(typeRoleName(TypeRole::IoObject), "io-object");
  ApiModels M;
  ASSERT_FALSE(bool(M.addJson(
      R"({"types": [{"name": "G", "role": "sync-guard"}]})", "lib.json")));
  EXPECT_EQ(typeRoleName(M.type("G")->Role), "sync-guard");
}

TEST(ApiModels, SplitMemberKeepsOperators) {
  EXPECT_EQ(splitMember("ns::T::operator co_await").first, "ns::T");
  EXPECT_EQ(splitMember("ns::T::operator co_await").second,
            "operator co_await");
  EXPECT_EQ(splitMember("sleep").first, "");
}

// Standalone Asio is Boost.Asio under another namespace: its names find the
// Boost models, and code in either namespace is library code.
TEST(ApiModels, OtherNamespacesOfALibraryFindItsModels) {
  ApiModels M;
  ASSERT_FALSE(bool(M.addJson(R"({"namespaces": ["boost::asio", "asio"],
    "functions": [{"name": "boost::asio::post", "yield": true}],
    "types": [{"name": "boost::asio::steady_timer", "role": "io-object"}]})",
                              "test")));
  EXPECT_NE(M.function("asio::post"), nullptr);
  EXPECT_NE(M.type("asio::steady_timer"), nullptr);
  EXPECT_EQ(M.function("myasio::post"), nullptr);
  EXPECT_TRUE(M.isLibraryCode("asio::detail::socket_ops::recv"));
  EXPECT_TRUE(M.isLibraryCode("boost::asio::post"));
  EXPECT_FALSE(M.isLibraryCode("boost::beast::read"));
  EXPECT_FALSE(M.isLibraryCode("asio"));
  EXPECT_FALSE(M.isLibraryCode("server::asio_session::run"));
}

} // namespace
