//===- TextReport.cpp - Clang-style diagnostics ---------------------------===//
//
// "file:line:col: warning: message [rule]" and a "note:" line for each step
// of the path; only the findings that need attention.
//
//===----------------------------------------------------------------------===//

#include "Reporters.h"
#include "llvm/Support/WithColor.h"

namespace corolint {
namespace {

class TextReporter final : public Reporter {
public:
  explicit TextReporter(bool Color) : Color(Color) {}

  void write(llvm::raw_ostream &OS,
             const AnalysisResults &Results) const override;

private:
  void writeLine(llvm::raw_ostream &OS, const SourceLoc &Loc, Level L,
                 llvm::StringRef Message, llvm::StringRef Rule) const;

  bool Color;
};

void TextReporter::writeLine(llvm::raw_ostream &OS, const SourceLoc &Loc,
                             Level L, llvm::StringRef Message,
                             llvm::StringRef Rule) const {
  if (Color)
    OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
  OS << Loc.File << ':' << Loc.Line << ':' << Loc.Col << ": ";
  if (Color)
    OS.changeColor(L == Level::Error     ? llvm::raw_ostream::RED
                   : L == Level::Warning ? llvm::raw_ostream::MAGENTA
                                         : llvm::raw_ostream::BLACK,
                   true);
  OS << levelName(L) << ": ";
  if (Color)
    OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
  OS << Message;
  if (!Rule.empty())
    OS << " [" << Rule << ']';
  if (Color)
    OS.resetColor();
  OS << '\n';
}

void TextReporter::write(llvm::raw_ostream &OS,
                         const AnalysisResults &Results) const {
  for (const ReportedFinding &RF : Results.Findings) {
    if (!RF.needsAttention())
      continue;
    const Finding &F = RF.F;
    writeLine(OS, F.Loc, F.Severity, F.Message, F.Rule);
    for (const PathStep &Step : F.Path)
      writeLine(OS, Step.Loc, Level::Note, Step.Message, "");
  }
}

} // namespace

std::unique_ptr<Reporter> createTextReporter(bool Color) {
  return std::make_unique<TextReporter>(Color);
}

} // namespace corolint
