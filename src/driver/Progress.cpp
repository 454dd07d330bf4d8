//===- Progress.cpp - A progress line for long runs on a terminal ---------===//
//
// extractFacts (src/frontend/) reports nothing until every unit is done, so
// for a progress line the driver hands it one unit at a time from its own
// thread pool. Only used when stderr is a terminal.
//
//===----------------------------------------------------------------------===//

#include "Progress.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

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
                    const ExtractOptions &Options, llvm::raw_ostream &OS) {
  std::vector<ExtractResult> Results(Jobs.size());
  Progress Line(OS, Jobs.size());
  ExtractOptions One = Options;
  One.Jobs = 1;
  unsigned Threads = Options.Jobs
                         ? Options.Jobs
                         : llvm::hardware_concurrency().compute_thread_count();
  llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Threads));
  for (size_t I = 0; I < Jobs.size(); ++I)
    Pool.async([&, I] {
      Results[I] = std::move(extractFacts({Jobs[I]}, One).front());
      Line.finished(Jobs[I].File);
    });
  Pool.wait();
  return Results;
}

} // namespace corolint
