//===- Report.h - Findings and graphs for people and machines ---*- C++ -*-===//

#ifndef COROLINT_REPORT_H
#define COROLINT_REPORT_H

#include "corolint/rules/Finding.h"
#include "corolint/program/Program.h"
#include "corolint/report/SourceText.h"
#include "llvm/Support/raw_ostream.h"

namespace corolint {

/// A translation unit that could not be analyzed, and why.
struct UnitError {
  std::string File;
  std::string Message;
};

/// How a finding compares with the baseline (SARIF's baselineState).
enum class BaselineState { None, New, Unchanged, Absent };

/// A finding as the reports see it: with its fingerprint, and whether an
/// inline comment suppresses it or the baseline already holds it.
struct ReportedFinding {
  Finding F;
  std::string Fingerprint; ///< The corolint/v1 fingerprint (docs/output.md).
  bool Suppressed = false;
  std::string Justification; ///< Text after the suppression comment.
  BaselineState Baseline = BaselineState::None;
};

struct SarifOptions {
  /// Absolute; artifact URIs are relative to it, under %SRCROOT%.
  std::string SourceRoot;
  /// Write SourceRoot's absolute path into originalUriBaseIds: only when the
  /// user named it, so that output has no machine paths by default.
  bool ShowSourceRoot = false;
  bool OmitSuppressed = false;
};

/// SARIF 2.1.0: one run, every rule's metadata, one result per finding.
void writeSarifReport(llvm::raw_ostream &OS,
                      const std::vector<ReportedFinding> &Findings,
                      const std::vector<UnitError> &Errors,
                      const SarifOptions &Options, SourceText &Sources);

/// Clang-style diagnostics: "file:line:col: warning: message [rule]" and a
/// "note:" line for each step of the path.
void writeTextReport(llvm::raw_ostream &OS,
                     const std::vector<Finding> &Findings, bool Color);

/// The JSON form of docs/output.md; \p Fingerprints are the findings'
/// corolint/v1 fingerprints, in the same order (or empty).
void writeJsonReport(llvm::raw_ostream &OS,
                     const std::vector<Finding> &Findings,
                     const std::vector<std::string> &Fingerprints,
                     const std::vector<UnitError> &Errors);

/// The call/wait graph for Graphviz.
void writeGraphDot(llvm::raw_ostream &OS, const Program &P);
/// The call/wait graph as JSON (docs/output.md).
void writeGraphJson(llvm::raw_ostream &OS, const Program &P);

/// One line: how big the linked program is.
std::string summarizeProgram(const Program &P);

llvm::StringRef edgeKindName(EdgeKind K);

} // namespace corolint

#endif
