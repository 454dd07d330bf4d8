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

/// Which files' findings are shown: a main file's always; a header's, as
/// clang-tidy's --header-filter and --exclude-header-filter decide, when it
/// matches the first regex and not the second. Without a first regex, a
/// header is shown when it is the project's: inside ProjectRoot and not in
/// a folder of code copied from another project (isVendored).
struct HeaderFilter {
  std::optional<llvm::Regex> Include, Exclude;
  std::set<std::string> MainFiles;
  /// The project's folder (projectRoot()); empty shows every header.
  std::string ProjectRoot;

  bool shows(llvm::StringRef File) const;
};

/// The project's folder: the nearest folder holding `.git` at or above the
/// folder that all of \p MainFiles are in; without one, \p SourceRoot
/// (where corolint runs, or --source-root) when it holds that folder, else
/// that folder itself. It depends on no compile database, so `link` agrees
/// with the one-shot run.
std::string projectRoot(const std::set<std::string> &MainFiles,
                        llvm::StringRef SourceRoot);

/// Whether \p RelativePath, inside a project, lies in a folder that by
/// convention holds another project's code (`third_party`, `thirdparty`,
/// `3rdparty`, `vendor`, `deps`, CMake's `_deps`).
bool isVendored(llvm::StringRef RelativePath);

/// A finding in a file the filter does not show moves to the last step of
/// its path before its own place that is in a shown file (the project's
/// call into the library's header), keeping the rest of the path as notes;
/// one with no such step is not reported. Others are unchanged.
std::optional<Finding> placeInProject(Finding F, const HeaderFilter &Headers);

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
