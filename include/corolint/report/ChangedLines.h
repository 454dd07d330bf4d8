//===- ChangedLines.h - What a change added or modified ---------*- C++ -*-===//
//
// Diff mode for pull requests: only findings on lines the change added or
// modified, or whose path passes through one, are reported. Not for the
// default branch: a finding that a change causes elsewhere (the other half
// of a new wait cycle) is reported only where the change touched it.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHANGEDLINES_H
#define COROLINT_CHANGEDLINES_H

#include "corolint/rules/Finding.h"
#include "llvm/ADT/StringMap.h"

namespace corolint {

class ChangedLines {
public:
  /// The added and modified lines of a unified diff (any context size);
  /// its paths are relative to \p BaseDir, with or without git's b/.
  static ChangedLines parse(llvm::StringRef Diff, llvm::StringRef BaseDir);
  /// Whether \p Text can be a unified diff: empty (nothing changed), or
  /// naming a changed file (a `+++ ` line). Anything else would filter out
  /// every finding without a word.
  static bool isUnifiedDiff(llvm::StringRef Text);

  /// Runs `git diff -U0 REF` in \p Dir: the working tree against REF.
  static llvm::Expected<ChangedLines> fromGit(llvm::StringRef Ref,
                                              llvm::StringRef Dir);

  /// Whether \p F's primary location or a step of its path is on a changed
  /// line.
  bool touches(const Finding &F) const;

private:
  bool contains(const SourceLoc &Loc) const;

  /// Absolute file path to its changed lines, as sorted [first, last].
  llvm::StringMap<std::vector<std::pair<unsigned, unsigned>>> Lines;
};

} // namespace corolint

#endif
