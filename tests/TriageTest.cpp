//===- TriageTest.cpp - Suppressions, fingerprints, baselines, diffs ------===//
//
// The steps between the rules and the reports, on small files written here.
//
//===----------------------------------------------------------------------===//

#include "corolint/InputFile.h"
#include "corolint/report/Baseline.h"
#include "corolint/report/ChangedLines.h"
#include "corolint/report/Fingerprint.h"
#include "corolint/report/Suppressions.h"
#include "corolint/report/Triage.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>

using namespace corolint;

namespace {

/// A source file in a temporary folder, removed at the end of the test.
class TempFile {
public:
  explicit TempFile(llvm::StringRef Text, llvm::StringRef Name = "t.cpp") {
    llvm::sys::fs::createUniqueDirectory("corolint-triage", Dir);
    Path = Dir;
    llvm::sys::path::append(Path, Name);
    write(Text);
  }
  ~TempFile() {
    llvm::sys::fs::remove(Path);
    llvm::sys::fs::remove(Dir);
  }
  void write(llvm::StringRef Text) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    OS << Text;
  }
  std::string path() const { return std::string(Path); }
  std::string dir() const { return std::string(Dir); }

private:
  llvm::SmallString<128> Dir, Path;
};

Finding finding(const std::string &Rule, const std::string &File, unsigned Line,
                unsigned Col = 3) {
  Finding F;
  F.Rule = Rule;
  F.Loc = {File, Line, Col};
  F.Message = "message";
  F.Function = "handler";
  F.Resources = {"c:@ev"};
  return F;
}

TEST(SourceText, ColumnsCountCodePointsNotBytes) {
  TempFile File("int x;\n/* \xc3\xbc\xc3\xa9 */ co_await ev;\n");
  SourceText Sources;
  // "/* üé */ " is 9 code points and 11 bytes: co_await is at byte 12.
  EXPECT_EQ(Sources.codePointColumn(File.path(), 2, 12), 10u);
  EXPECT_EQ(Sources.tokenEndColumn(File.path(), 2, 12), 18u);
  EXPECT_EQ(Sources.codePointColumn(File.path(), 1, 5), 5u);
}

TEST(Fingerprint, SurvivesLinesMovingButNotTheLineChanging) {
  TempFile File("void f() {\n  co_await ev;\n}\n");
  SourceText Before;
  std::string Old =
      fingerprintFindings({finding("r", File.path(), 2)}, Before)[0];
  File.write("// new\n// lines\nvoid f() {\n  co_await    ev;\n}\n");
  SourceText Moved;
  EXPECT_EQ(fingerprintFindings({finding("r", File.path(), 4)}, Moved)[0], Old);
  File.write("void f() {\n  co_await other;\n}\n");
  SourceText Edited;
  EXPECT_NE(fingerprintFindings({finding("r", File.path(), 2)}, Edited)[0],
            Old);
}

TEST(Fingerprint, AlikeFindingsAreNumbered) {
  TempFile File("a;\na;\n");
  SourceText Sources;
  std::vector<std::string> Prints = fingerprintFindings(
      {finding("r", File.path(), 1), finding("r", File.path(), 2)}, Sources);
  EXPECT_EQ(Prints[0].substr(0, Prints[0].size() - 2),
            Prints[1].substr(0, Prints[1].size() - 2));
  EXPECT_TRUE(llvm::StringRef(Prints[0]).ends_with(":1"));
  EXPECT_TRUE(llvm::StringRef(Prints[1]).ends_with(":2"));
}

TEST(Fingerprint, NamesLoseOffsetsAndPositions) {
  EXPECT_EQ(withoutPositions("/abs/a.cpp|c:a.cpp@134@F@f#@ev"),
            "c:a.cpp@@F@f#@ev");
  EXPECT_EQ(withoutPositions("(lambda at a.cpp:12:5)"), "(lambda at a.cpp::)");
  EXPECT_EQ(withoutPositions("Session::run"), "Session::run");
}

TEST(Suppressions, NamedGlobsSuppressAndBareNolintDoesNot) {
  TempFile File("x; // NOLINT(corolint-lock-*): only a counter\n"
                "x; // NOLINT\n"
                "// NOLINTNEXTLINE(misc-foo, corolint-wait-cycle) why\n"
                "x;\n");
  SourceText Sources;
  Suppressions S;
  S.addFile(File.path(), Sources);
  EXPECT_EQ(S.suppress(finding("lock-across-suspend", File.path(), 1)),
            std::optional<std::string>("only a counter"));
  EXPECT_FALSE(S.suppress(finding("wait-cycle", File.path(), 1)));
  EXPECT_FALSE(S.suppress(finding("lock-across-suspend", File.path(), 2)));
  EXPECT_EQ(S.suppress(finding("wait-cycle", File.path(), 4)),
            std::optional<std::string>("why"));
  EXPECT_TRUE(S.unused(*CheckFilter::parse("*")).empty());
}

TEST(Suppressions, BlocksAndStaleCommentsAreReported) {
  TempFile File("// NOLINTBEGIN(corolint-*)\n"
                "x;\n"
                "// NOLINTEND(corolint-*)\n"
                "x;\n"
                "// NOLINTEND(corolint-blocking-call)\n"
                "x; // NOLINT(corolint-never-signaled)\n"
                "x; // NOLINT(corolint-no-such-rule)\n");
  SourceText Sources;
  Suppressions S;
  S.addFile(File.path(), Sources);
  EXPECT_TRUE(S.suppress(finding("wait-cycle", File.path(), 2)));
  EXPECT_FALSE(S.suppress(finding("wait-cycle", File.path(), 4)));
  std::vector<Finding> Notes = S.unused(*CheckFilter::parse("*"));
  ASSERT_EQ(Notes.size(), 3u);
  EXPECT_EQ(Notes[0].Loc.Line, 5u);
  EXPECT_NE(Notes[0].Message.find("has no NOLINTBEGIN"), std::string::npos);
  EXPECT_EQ(Notes[1].Loc.Line, 6u);
  EXPECT_NE(Notes[1].Message.find("suppresses no finding"), std::string::npos);
  EXPECT_EQ(Notes[2].Loc.Line, 7u);
  EXPECT_NE(Notes[2].Message.find("names no corolint rule"), std::string::npos);
  EXPECT_EQ(Notes[0].Rule, "unused-suppression");
  EXPECT_EQ(Notes[0].Severity, Level::Note);
  // A comment naming only rules that did not run cannot be judged.
  EXPECT_EQ(S.unused(*CheckFilter::parse("*,-never-signaled")).size(), 2u);
}

TEST(ChangedLines, AddedLinesOfAUnifiedDiffWithContext) {
  TempFile File("a\nb\nc\nd\n", "x.cpp");
  ChangedLines C = ChangedLines::parse("diff --git a/x.cpp b/x.cpp\n"
                                       "--- a/x.cpp\n"
                                       "+++ b/x.cpp\n"
                                       "@@ -1,3 +1,4 @@\n"
                                       " a\n"
                                       "-old\n"
                                       "+b\n"
                                       "+c\n"
                                       " d\n",
                                       File.dir());
  EXPECT_FALSE(C.touches(finding("r", File.path(), 1)));
  EXPECT_TRUE(C.touches(finding("r", File.path(), 2)));
  EXPECT_TRUE(C.touches(finding("r", File.path(), 3)));
  EXPECT_FALSE(C.touches(finding("r", File.path(), 4)));
  Finding ThroughPath = finding("r", File.path(), 4);
  ThroughPath.Path.push_back({{File.path(), 3, 1}, "step"});
  EXPECT_TRUE(C.touches(ThroughPath));
}

TEST(ChangedLines, ZeroContextHunks) {
  TempFile File("a\nb\nc\nd\ne\n", "y.cpp");
  ChangedLines C = ChangedLines::parse("--- a/y.cpp\n+++ b/y.cpp\n"
                                       "@@ -1,0 +2 @@\n+b\n"
                                       "@@ -3 +4,0 @@\n-gone\n",
                                       File.dir());
  EXPECT_TRUE(C.touches(finding("r", File.path(), 2)));
  EXPECT_FALSE(C.touches(finding("r", File.path(), 4)));
}

TEST(Baseline, EachEntryMatchesOneFinding) {
  TempFile File("{\"format\": \"corolint-baseline\", \"version\": 1, "
                "\"findings\": [{\"fingerprint\": \"aa:1\", \"rule\": "
                "\"wait-cycle\", \"file\": \"t.cpp\", \"line\": 3}, "
                "{\"fingerprint\": \"gone:1\", \"rule\": \"wait-cycle\"}]}",
                "baseline.json");
  llvm::Expected<Baseline> B = Baseline::load(File.path());
  ASSERT_TRUE(bool(B)) << llvm::toString(B.takeError());
  std::vector<ReportedFinding> Findings(2);
  Findings[0].Fingerprint = "aa:1";
  Findings[1].Fingerprint = "bb:1";
  B->mark(Findings);
  EXPECT_EQ(Findings[0].Baseline, BaselineState::Unchanged);
  EXPECT_EQ(Findings[1].Baseline, BaselineState::New);
  std::vector<ReportedFinding> Gone = B->absent("/root");
  ASSERT_EQ(Gone.size(), 1u);
  EXPECT_EQ(Gone[0].Fingerprint, "gone:1");
  EXPECT_EQ(Gone[0].Baseline, BaselineState::Absent);
}

// A device or pipe has no size to check first: the read stops at the limit.
TEST(InputFile, ReadsAFileWholeAndADeviceUpToTheLimit) {
  TempFile File("{}\n", "small.json");
  auto Small = readInputFile(File.path(), 1 << 20);
  ASSERT_TRUE(bool(Small)) << llvm::toString(Small.takeError());
  EXPECT_EQ((*Small)->getBuffer(), "{}\n");
  auto Zero = readInputFile("/dev/zero", 1 << 20);
  ASSERT_FALSE(bool(Zero));
  EXPECT_EQ(llvm::toString(Zero.takeError()), "/dev/zero: larger than 1 MiB");
  auto Missing = readInputFile("/nonexistent/x.json");
  ASSERT_FALSE(bool(Missing));
  EXPECT_NE(llvm::toString(Missing.takeError())
                .find("/nonexistent/x.json: cannot read"),
            std::string::npos);
}

// A field of another type is a one-line error naming the file, never an
// abort; a list that is not one is not taken for an empty one.
TEST(Baseline, FieldsOfTheWrongTypeAreErrors) {
  auto ErrorOf = [](const char *Text) {
    TempFile File(Text, "baseline.json");
    llvm::Expected<Baseline> B = Baseline::load(File.path());
    return B ? std::string() : llvm::toString(B.takeError());
  };
  EXPECT_NE(ErrorOf(R"({"format": 3})").find("not a corolint baseline"),
            std::string::npos);
  EXPECT_NE(ErrorOf(R"({"format": "corolint-baseline", "version": "1"})")
                .find("is not a number"),
            std::string::npos);
  EXPECT_NE(ErrorOf(R"({"format": "corolint-baseline", "version": 1,
                        "findings": {}})")
                .find("\"findings\" must be a list"),
            std::string::npos);
  EXPECT_NE(ErrorOf(R"({"format": "corolint-baseline", "version": 1,
                        "findings": [{"fingerprint": "a", "line": "7"}]})")
                .find("finding 0: \"line\" must be a whole number"),
            std::string::npos);
}

// Copied libraries sit in conventional folders, at any depth; a file of the
// project that only mentions such a word in its name does not.
TEST(HeaderFilter, VendoredFoldersAreNotTheProject) {
  EXPECT_TRUE(isVendored("third_party/asio/asio.hpp"));
  EXPECT_TRUE(isVendored("include/ylt/thirdparty/iguana/json.h"));
  EXPECT_TRUE(isVendored("build/_deps/fmt-src/include/fmt/core.h"));
  EXPECT_TRUE(isVendored("3rdParty/x.h"));
  EXPECT_FALSE(isVendored("include/coro/net/tcp/client.hpp"));
  EXPECT_FALSE(isVendored("src/vendor_api.h"));
}

// Without --header-filter, a header is shown when it is in the project and
// not in a copied library; with it, the regex decides, as in clang-tidy.
TEST(HeaderFilter, ProjectHeadersByDefaultTheRegexWhenGiven) {
  HeaderFilter H;
  H.ProjectRoot = "/src/app";
  H.MainFiles = {"/elsewhere/main.cpp"};
  EXPECT_TRUE(H.shows("/src/app/include/app/session.h"));
  EXPECT_FALSE(H.shows("/src/app/third_party/json.h"));
  EXPECT_FALSE(H.shows("/opt/boost/include/boost/asio.hpp"));
  EXPECT_FALSE(H.shows("/src/application/x.h")); // Not inside: a prefix.
  EXPECT_TRUE(H.shows("/elsewhere/main.cpp"));
  H.Include.emplace("third_party");
  EXPECT_TRUE(H.shows("/src/app/third_party/json.h"));
  EXPECT_FALSE(H.shows("/src/app/include/app/session.h"));
  H.Exclude.emplace("json");
  EXPECT_FALSE(H.shows("/src/app/third_party/json.h"));
}

// The project is the repository the main files are in; without one, the
// folder that holds them and the folder corolint runs in.
TEST(HeaderFilter, ProjectRootIsTheRepositoryOrTheCommonFolder) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("corolint-root", Dir));
  std::string Root(Dir);
  std::string Src = Root + "/repo/src", Tests = Root + "/repo/tests/unit";
  ASSERT_FALSE(llvm::sys::fs::create_directories(Src));
  ASSERT_FALSE(llvm::sys::fs::create_directories(Tests));
  std::set<std::string> Mains{Src + "/a.cpp", Tests + "/b.cpp"};
  EXPECT_EQ(projectRoot(Mains, ""), Root + "/repo");
  // Run from above the sources, the run's folder is the project; run from
  // elsewhere (or from /), it says nothing.
  EXPECT_EQ(projectRoot(Mains, Root), Root);
  EXPECT_EQ(projectRoot(Mains, Root + "/build"), Root + "/repo");
  EXPECT_EQ(projectRoot(Mains, "/"), Root + "/repo");
  ASSERT_FALSE(llvm::sys::fs::create_directory(Root + "/repo/.git"));
  EXPECT_EQ(projectRoot(Mains, Root), Root + "/repo");
  EXPECT_EQ(projectRoot({}, Root), "");
  llvm::sys::fs::remove_directories(Root);
}

Finding throughLibrary() {
  Finding F = finding("blocking-call", "/p/third_party/lib.h", 9);
  F.Message = "call to 'read' blocks";
  F.Function = "lib::load";
  F.Path = {{{"/p/app.cpp", 3, 1}, "'handler' is a coroutine"},
            {{"/p/app.cpp", 7, 5}, "calls 'lib::load'"},
            {{"/p/third_party/lib.h", 4, 3}, "calls 'lib::detail::open'"},
            {F.Loc, "'read' blocks here"}};
  return F;
}

// A finding in a copied library moves to the project's last call on its
// way there, and says where it really is; with no such call it goes.
TEST(HeaderFilter, FindingInALibraryMovesToTheProjectsCall) {
  HeaderFilter H;
  H.ProjectRoot = "/p";
  std::optional<Finding> Moved = placeInProject(throughLibrary(), H);
  ASSERT_TRUE(Moved);
  EXPECT_EQ(Moved->Loc.File, "/p/app.cpp");
  EXPECT_EQ(Moved->Loc.Line, 7u);
  EXPECT_EQ(Moved->Message,
            "in 'lib::load', which this reaches: call to 'read' blocks");
  EXPECT_EQ(Moved->Path.size(), 4u); // The library's steps stay as notes.
  Finding Inside = throughLibrary();
  Inside.Path.erase(Inside.Path.begin(), Inside.Path.begin() + 2);
  EXPECT_FALSE(placeInProject(Inside, H));
  H.Include.emplace(".*"); // Asked for: left where it is.
  EXPECT_EQ(placeInProject(throughLibrary(), H)->Loc.Line, 9u);
}

// A path with no step at the finding's own place gets one ("here, outside
// the project"); the place it moves to is read before that step is added,
// which may move the others (it read freed memory once).
TEST(HeaderFilter, FindingWithNoStepAtItsPlaceMovesToo) {
  HeaderFilter H;
  H.ProjectRoot = "/p";
  Finding F = throughLibrary();
  F.Path.pop_back();
  F.Path.shrink_to_fit();
  std::optional<Finding> Moved = placeInProject(F, H);
  ASSERT_TRUE(Moved);
  EXPECT_EQ(Moved->Loc.File, "/p/app.cpp");
  EXPECT_EQ(Moved->Loc.Line, 7u);
  EXPECT_EQ(Moved->Path.back().Message, "here, outside the project");
}

} // namespace
