//===- Progress.h - A progress line for long runs on a terminal -*- C++ -*-===//

#ifndef COROLINT_DRIVER_PROGRESS_H
#define COROLINT_DRIVER_PROGRESS_H

#include "corolint/frontend/Frontend.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <mutex>

namespace corolint {

/// "[N/M] file, 12.3 s" on one terminal line, rewritten as units finish and
/// erased at the end, so that it never mixes with the report.
class Progress {
public:
  Progress(llvm::raw_ostream &OS, size_t Total);
  ~Progress();

  /// Called from any thread when a unit is done.
  void finished(llvm::StringRef File);

private:
  llvm::raw_ostream &OS;
  size_t Total, Done = 0;
  std::chrono::steady_clock::time_point Start;
  std::mutex Lock;
};

/// extractFacts, reporting each unit to \p OS as it finishes. Results are in
/// the order of \p Jobs, whatever order the threads finish in.
std::vector<ExtractResult>
extractWithProgress(const std::vector<CompileJob> &Jobs,
                    ExtractOptions Options, llvm::raw_ostream &OS);

} // namespace corolint

#endif
