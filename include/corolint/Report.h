//===- Report.h - Findings and graphs for people and machines ---*- C++ -*-===//

#ifndef COROLINT_REPORT_H
#define COROLINT_REPORT_H

#include "corolint/Finding.h"
#include "corolint/Program.h"
#include "llvm/Support/raw_ostream.h"

namespace corolint {

/// A translation unit that could not be analyzed, and why.
struct UnitError {
  std::string File;
  std::string Message;
};

/// Clang-style diagnostics: "file:line:col: warning: message [rule]" and a
/// "note:" line for each step of the path.
void writeTextReport(llvm::raw_ostream &OS,
                     const std::vector<Finding> &Findings, bool Color);

/// The JSON form of docs/output.md.
void writeJsonReport(llvm::raw_ostream &OS,
                     const std::vector<Finding> &Findings,
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
