//===- Fingerprint.h - Stable identities of findings ------------*- C++ -*-===//
//
// A fingerprint names a finding across runs and edits, for SARIF's
// partialFingerprints and for baselines. It hashes what the finding is about
// (rule, file name, enclosing function, resources, the finding's source line
// with white space collapsed), never a line or column number, so code moving
// up or down does not change it.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_FINGERPRINT_H
#define COROLINT_FINGERPRINT_H

#include "corolint/rules/Finding.h"
#include "corolint/report/SourceText.h"

namespace corolint {

/// The corolint/v1 fingerprint of each finding, in order. Findings that hash
/// alike (the same line twice in one function) are told apart by a ":N"
/// suffix counting them in \p Findings' order, which is by location.
std::vector<std::string>
fingerprintFindings(const std::vector<Finding> &Findings, SourceText &Sources);

/// \p Name without what changes when code moves: the file offsets inside
/// USRs of locals, line and column numbers in lambda names, and the absolute
/// path that prefixes keys of internal objects.
std::string withoutPositions(llvm::StringRef Name);

} // namespace corolint

#endif
