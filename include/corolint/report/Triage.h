//===- Triage.h - From the rules' findings to what is reported --*- C++ -*-===//
//
// Between the rules and the reports (design.md's pipeline): findings outside
// the header filter go, inline suppressions mark theirs and stale ones become
// notes, and every finding gets its fingerprint. Baselines and diff mode then
// work on the result.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TRIAGE_H
#define COROLINT_TRIAGE_H

#include "corolint/rules/Analysis.h"
#include "corolint/report/Report.h"
#include "llvm/Support/Regex.h"
#include <set>

namespace corolint {

/// Which files' findings are shown, as clang-tidy's --header-filter and
/// --exclude-header-filter decide: a main file's always, a header's when it
/// matches the first regex and not the second.
struct HeaderFilter {
  std::optional<llvm::Regex> Include, Exclude;
  std::set<std::string> MainFiles;

  bool shows(llvm::StringRef File) const;
};

/// The files whose suppression comments count: each unit's main file, and
/// the files under \p Root that define functions (headers included).
std::vector<std::string> suppressionSources(const std::vector<TuFacts> &Units,
                                            llvm::StringRef Root);

/// Triages \p Findings (sorted, as runRules returns them). \p SourceFiles are
/// more files whose suppression comments count even without findings, so
/// that stale ones there are reported too.
std::vector<ReportedFinding>
triageFindings(std::vector<Finding> Findings, const HeaderFilter &Headers,
               const std::vector<std::string> &SourceFiles,
               const CheckFilter &Checks, SourceText &Sources);

} // namespace corolint

#endif
