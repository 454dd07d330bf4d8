//===- RegistryTest.cpp - Every rule ships with its page and corpus -------===//

#include "corolint/rules/Rule.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include <gtest/gtest.h>

using namespace corolint;

namespace {

TEST(Registry, RuleIdsAreUniqueAndNamesArePascalCase) {
  std::set<std::string> Ids;
  for (const RuleInfo &R : allRules()) {
    EXPECT_TRUE(Ids.insert(R.Id).second) << R.Id;
    EXPECT_TRUE(isupper(R.Name[0])) << R.Name;
    EXPECT_NE(std::string(R.Name), R.Id);
  }
}

// The summary in Rules.def is the first sentence of the rule's page, and the
// rule has a source file and a corpus folder named after its id.
TEST(Registry, EveryRuleHasItsSourcePageAndCorpus) {
  for (const RuleInfo &R : allRules()) {
    std::string Root = COROLINT_SOURCE_DIR;
    EXPECT_TRUE(llvm::sys::fs::exists(Root + "/rules/" + R.Id + ".cpp"))
        << R.Id;
    EXPECT_TRUE(llvm::sys::fs::is_directory(Root + "/test-corpus/" + R.Id))
        << R.Id;
    auto Page =
        llvm::MemoryBuffer::getFile(Root + "/docs/rules/" + R.Id + ".md");
    ASSERT_TRUE(bool(Page)) << R.Id << " has no docs/rules page";
    llvm::StringRef Text = (*Page)->getBuffer();
    size_t Heading = Text.find('\n');
    llvm::StringRef Body = Text.substr(Heading + 1).ltrim();
    EXPECT_TRUE(Body.starts_with(R.Summary))
        << R.Id << ": the page must open with: " << R.Summary;
  }
}

// SARIF's rule help is the page itself, built in; findings the driver
// reports (unused-suppression) have pages too, and a SARIF precision.
TEST(Registry, EveryRuleAndDriverNoteHasItsPageBuiltIn) {
  for (llvm::ArrayRef<RuleInfo> Table : {allRules(), driverRules()})
    for (const RuleInfo &R : Table) {
      llvm::StringRef Page = ruleDocPage(R.Id);
      EXPECT_TRUE(Page.starts_with(std::string("# ") + R.Id + "\n")) << R.Id;
      EXPECT_TRUE(Page.contains(R.Summary)) << R.Id;
      EXPECT_FALSE(precisionName(R.Confidence).empty()) << R.Id;
      EXPECT_NE(llvm::StringRef(R.Tags), "") << R.Id;
    }
}

} // namespace
