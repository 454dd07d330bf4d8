//===- Suppressions.h - NOLINT comments for corolint ------------*- C++ -*-===//
//
// Inline suppressions as clang-tidy spells them, with corolint's rule names:
//   code;  // NOLINT(corolint-wait-cycle) the reason, kept as justification
//   // NOLINTNEXTLINE(corolint-blocking-call, corolint-lock-*) reason
//   // NOLINTBEGIN(corolint-*) ... // NOLINTEND(corolint-*)
// Only names with the corolint- prefix count: a bare NOLINT, or one naming
// clang-tidy's checks, is clang-tidy's business and silences nothing here.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SUPPRESSIONS_H
#define COROLINT_SUPPRESSIONS_H

#include "corolint/rules/Analysis.h"
#include "corolint/rules/Finding.h"
#include "corolint/report/SourceText.h"
#include <optional>

namespace corolint {

/// One rule glob of one suppression comment, and the lines it covers.
struct Suppression {
  SourceLoc Loc;         ///< Where the comment's NOLINT word is.
  std::string Directive; ///< NOLINT, NOLINTNEXTLINE, NOLINTBEGIN, NOLINTEND.
  std::string Glob;      ///< As written, with its corolint- prefix.
  std::string Justification;
  unsigned FirstLine = 0, LastLine = 0;
  bool Used = false;
  std::string Problem; ///< A NOLINTEND without NOLINTBEGIN, say.
};

/// The suppression comments of a set of files.
class Suppressions {
public:
  /// Reads the comments of \p File (once, however often it is added).
  void addFile(llvm::StringRef File, SourceText &Sources);

  /// The justification of the comment that suppresses \p F, if one does;
  /// that comment then counts as used.
  std::optional<std::string> suppress(const Finding &F);

  /// unused-suppression notes: comments that are malformed, name no rule,
  /// or suppressed nothing although a rule they name ran (\p Checks).
  std::vector<Finding> unused(const CheckFilter &Checks) const;

private:
  void addDirective(llvm::StringRef File, unsigned Line, unsigned Col,
                    llvm::StringRef Directive, llvm::StringRef Text);

  std::vector<Suppression> All;
  llvm::StringMap<bool> Read;
};

} // namespace corolint

#endif
