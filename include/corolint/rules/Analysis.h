//===- Analysis.h - Facts in, findings out ----------------------*- C++ -*-===//
//
// The steps after extraction, shared by the command line and the corpus
// harness so that the tests run exactly what users run.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_ANALYSIS_H
#define COROLINT_ANALYSIS_H

#include "corolint/rules/Finding.h"
#include "corolint/program/Program.h"
#include "llvm/Support/GlobPattern.h"

namespace corolint {

/// Which rules run, from a clang-tidy style glob list ("*,-timer-polling"):
/// globs apply in order, the last one that matches a rule decides.
class CheckFilter {
public:
  static llvm::Expected<CheckFilter> parse(llvm::StringRef Globs);
  bool enabled(llvm::StringRef RuleId) const;

  /// The globs of \p Globs that match no rule (nor a driver note such as
  /// unused-suppression): typos, or rules of another corolint version.
  static std::vector<std::string> unknownGlobs(llvm::StringRef Globs);

private:
  std::vector<std::pair<bool, llvm::GlobPattern>> Globs;
};

/// Runs the enabled rules; findings come back sorted, one per place and
/// message (an inline function or template seen many times, or a helper
/// reached along several paths, is reported once, with its first path).
std::vector<Finding> runRules(const Program &P, const CheckFilter &Checks);

} // namespace corolint

#endif
