//===- Report.h - Findings and graphs for people and machines ---*- C++ -*-===//
//
// The last step of the pipeline (design.md): a Reporter writes what a run
// found in one output format. The driver picks the format and calls this one
// interface; each format's class lives in its own file of src/report/.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_REPORT_H
#define COROLINT_REPORT_H

#include "corolint/program/Program.h"
#include "corolint/report/SourceText.h"
#include "corolint/rules/Finding.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>

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

  /// Neither suppressed nor known to the baseline: what text and JSON show
  /// and what the exit status counts.
  bool needsAttention() const {
    return !Suppressed && Baseline != BaselineState::Unchanged &&
           Baseline != BaselineState::Absent;
  }
};

/// What a run hands its report.
struct AnalysisResults {
  /// The linked program, which graphs draw. Null when the findings of several
  /// programs go into one report (the corpus harness writes one SARIF file
  /// per folder of cases); only the graph formats need it.
  const Program *Linked = nullptr;
  /// Every finding after triage, with its state: suppressed ones and, with a
  /// baseline, unchanged and absent ones are here too, and each format
  /// decides what it shows of them.
  llvm::ArrayRef<ReportedFinding> Findings;
  llvm::ArrayRef<UnitError> Unanalyzed;
  /// The files the findings point into, read once and shared with triage.
  SourceText &Sources;
};

/// Every output format: --format's text, json and sarif, and --graph's dot
/// and json.
enum class ReportFormat { Text, Json, Sarif, GraphDot, GraphJson };

struct SarifOptions {
  /// Absolute; artifact URIs are relative to it, under %SRCROOT%.
  std::string SourceRoot;
  /// Write SourceRoot's absolute path into originalUriBaseIds: only when the
  /// user named it, so that output has no machine paths by default.
  bool ShowSourceRoot = false;
  bool OmitSuppressed = false;
};

/// What the command line says about how a format writes.
struct ReportOptions {
  bool Color = false; ///< Text: colours, for a terminal.
  SarifOptions Sarif;
};

/// Writes a run's results in one format (docs/output.md).
class Reporter {
public:
  virtual ~Reporter();

  /// Whether this format shows findings. The graphs show the linked program
  /// instead, so the driver does not run the rules for them.
  virtual bool showsFindings() const { return true; }

  /// Writes the whole report to \p OS. The same results give the same bytes.
  virtual void write(llvm::raw_ostream &OS,
                     const AnalysisResults &Results) const = 0;
};

/// The reporter that writes \p Format.
std::unique_ptr<Reporter> createReporter(ReportFormat Format,
                                         const ReportOptions &Options);

/// One line: how big the linked program is.
std::string summarizeProgram(const Program &P);

llvm::StringRef edgeKindName(EdgeKind K);

} // namespace corolint

#endif
