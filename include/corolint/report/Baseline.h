//===- Baseline.h - Findings accepted so far --------------------*- C++ -*-===//
//
// A baseline lets an old code base turn the gate on today: --write-baseline
// records the fingerprints of today's findings, --baseline reports only
// findings whose fingerprint it does not hold. Fingerprints have no line
// numbers, so edits elsewhere in a file keep old findings matched.
// The file format is in docs/ci.md.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_BASELINE_H
#define COROLINT_BASELINE_H

#include "corolint/report/Report.h"

namespace corolint {

class Baseline {
public:
  static llvm::Expected<Baseline> load(llvm::StringRef Path);

  /// The baseline of \p Findings (suppressed ones need none), with files
  /// relative to \p SourceRoot so that it can be committed.
  static std::string write(const std::vector<ReportedFinding> &Findings,
                           llvm::StringRef SourceRoot);

  /// Marks each finding new or unchanged; each entry matches one finding.
  void mark(std::vector<ReportedFinding> &Findings);

  /// The entries no finding matched: fixed since (SARIF's absent results).
  std::vector<ReportedFinding> absent(llvm::StringRef SourceRoot) const;

private:
  struct Entry {
    std::string Fingerprint, Rule, File, Message;
    unsigned Line = 0;
    bool Matched = false;
  };
  std::vector<Entry> Entries;
};

} // namespace corolint

#endif
