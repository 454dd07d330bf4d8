//===- ReportTest.cpp - Every format behind one Reporter interface --------===//
//
// The formats' bytes are checked by cli-test.sh and ci-test.sh; here, what
// the interface promises: which findings each format shows.
//
//===----------------------------------------------------------------------===//

#include "corolint/report/Report.h"
#include <gtest/gtest.h>

using namespace corolint;

namespace {

ReportedFinding finding(std::string Message) {
  ReportedFinding RF;
  RF.F.Rule = "wait-cycle";
  RF.F.Loc = {"/src/a.cpp", 3, 5};
  RF.F.Message = std::move(Message);
  RF.Fingerprint = "fp-" + RF.F.Message;
  return RF;
}

/// One finding of each triage state, named after it.
std::vector<ReportedFinding> oneOfEachState() {
  std::vector<ReportedFinding> All = {finding("plain"), finding("suppressed"),
                                      finding("unchanged"), finding("absent"),
                                      finding("new")};
  All[1].Suppressed = true;
  All[2].Baseline = BaselineState::Unchanged;
  All[3].Baseline = BaselineState::Absent;
  All[4].Baseline = BaselineState::New;
  return All;
}

std::string write(ReportFormat Format,
                  llvm::ArrayRef<ReportedFinding> Findings) {
  SourceText Sources;
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  createReporter(Format, {})->write(OS, {nullptr, Findings, {}, Sources});
  return Out;
}

TEST(Report, TextAndJsonShowOnlyFindingsThatNeedAttention) {
  std::vector<ReportedFinding> All = oneOfEachState();
  for (ReportFormat Format : {ReportFormat::Text, ReportFormat::Json}) {
    std::string Out = write(Format, All);
    EXPECT_NE(Out.find("plain"), std::string::npos) << Out;
    EXPECT_NE(Out.find("new"), std::string::npos) << Out;
    EXPECT_EQ(Out.find("suppressed"), std::string::npos) << Out;
    EXPECT_EQ(Out.find("unchanged"), std::string::npos) << Out;
    EXPECT_EQ(Out.find("absent"), std::string::npos) << Out;
  }
}

// Paths and NOLINT text need not be UTF-8: such bytes are written as U+FFFD,
// and the report is whole.
TEST(Report, BytesThatAreNotUtf8DoNotStopAReport) {
  std::vector<ReportedFinding> Bad = {finding("caf\xe9 \xff")};
  Bad[0].F.Loc.File = "/src/\xff.cpp";
  for (ReportFormat Format : {ReportFormat::Json, ReportFormat::Sarif}) {
    std::string Out;
    EXPECT_NO_THROW(Out = write(Format, Bad));
    EXPECT_NE(Out.find("caf\xef\xbf\xbd \xef\xbf\xbd"), std::string::npos)
        << Out;
  }
}

TEST(Report, SarifKeepsEveryStateMarked) {
  std::string Out = write(ReportFormat::Sarif, oneOfEachState());
  EXPECT_NE(Out.find("\"kind\": \"inSource\""), std::string::npos);
  EXPECT_NE(Out.find("\"baselineState\": \"unchanged\""), std::string::npos);
  EXPECT_NE(Out.find("\"baselineState\": \"absent\""), std::string::npos);
  EXPECT_NE(Out.find("\"baselineState\": \"new\""), std::string::npos);
}

TEST(Report, OnlyGraphsDoWithoutFindings) {
  ReportOptions Options;
  EXPECT_TRUE(createReporter(ReportFormat::Text, Options)->showsFindings());
  EXPECT_TRUE(createReporter(ReportFormat::Json, Options)->showsFindings());
  EXPECT_TRUE(createReporter(ReportFormat::Sarif, Options)->showsFindings());
  EXPECT_FALSE(
      createReporter(ReportFormat::GraphDot, Options)->showsFindings());
  EXPECT_FALSE(
      createReporter(ReportFormat::GraphJson, Options)->showsFindings());
}

} // namespace
