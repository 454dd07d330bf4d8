//===- TextReport.cpp - Clang-style diagnostics ---------------------------===//

#include "corolint/report/Report.h"
#include "llvm/Support/WithColor.h"

namespace corolint {

static void writeLine(llvm::raw_ostream &OS, const SourceLoc &Loc, Level L,
                      llvm::StringRef Message, llvm::StringRef Rule,
                      bool Color) {
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

void writeTextReport(llvm::raw_ostream &OS,
                     const std::vector<Finding> &Findings, bool Color) {
  for (const Finding &F : Findings) {
    writeLine(OS, F.Loc, F.Severity, F.Message, F.Rule, Color);
    for (const PathStep &Step : F.Path)
      writeLine(OS, Step.Loc, Level::Note, Step.Message, "", Color);
  }
}

} // namespace corolint
