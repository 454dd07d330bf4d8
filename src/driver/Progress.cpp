//===- Progress.cpp - A progress line for long runs on a terminal ---------===//
//
// extractFacts (src/frontend/) calls back as each unit is done; the line is
// rewritten then. Only used when stderr is a terminal.
//
//===----------------------------------------------------------------------===//

#include "Progress.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"

namespace corolint {

Progress::Progress(llvm::raw_ostream &OS, size_t Total)
    : OS(OS), Total(Total), Start(std::chrono::steady_clock::now()) {}

Progress::~Progress() {
  OS << "\r\033[K"; // Erase the line.
  OS.flush();
}

void Progress::finished(llvm::StringRef File) {
  std::lock_guard<std::mutex> Guard(Lock);
  double Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  OS << "\r\033[K[" << ++Done << "/" << Total << "] "
     << llvm::sys::path::filename(File) << ", "
     << llvm::format("%.1f s", Seconds);
  OS.flush();
}

std::vector<ExtractResult>
extractWithProgress(const std::vector<CompileJob> &Jobs,
                    ExtractOptions Options, llvm::raw_ostream &OS) {
  Progress Line(OS, Jobs.size());
  Options.OnUnitDone = [&](const CompileJob &Job) { Line.finished(Job.File); };
  return extractFacts(Jobs, Options);
}

} // namespace corolint
