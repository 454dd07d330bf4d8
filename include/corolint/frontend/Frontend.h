//===- Frontend.h - From compile commands to TU facts -----------*- C++ -*-===//
//
// The only entry into the Clang frontend. Nothing here exposes Clang types,
// so the driver and the tests build without Clang's headers.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_FRONTEND_H
#define COROLINT_FRONTEND_H

#include "corolint/facts/Facts.h"
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace corolint {

/// One translation unit to parse, as the compile database gives it.
struct CompileJob {
  std::string File;      ///< Absolute path of the main file.
  std::string Directory; ///< Working directory of the command.
  std::vector<std::string> CommandLine;
};

struct ExtractOptions {
  unsigned Jobs = 0; ///< 0: one per core; never more threads than units.
  std::vector<std::string> ExtraArgs;
  std::vector<std::string> ExtraArgsBefore;
  /// Called, from the thread that parsed it, as each unit is done.
  std::function<void(const CompileJob &)> OnUnitDone;
};

/// The facts of one translation unit, or why it could not be analyzed.
struct ExtractResult {
  std::string File;
  std::optional<TuFacts> Facts;
  std::string Error; ///< One line: the file and the first problem.
};

/// Reads \p BuildDir/compile_commands.json. With \p Files, only those (each
/// must be in the database); otherwise every entry, sorted by file.
llvm::Expected<std::vector<CompileJob>>
loadCompileJobs(llvm::StringRef BuildDir,
                const std::vector<std::string> &Files);

/// Parses every job, in parallel, and returns results in the order of
/// \p Jobs whatever order the threads finish in.
std::vector<ExtractResult> extractFacts(const std::vector<CompileJob> &Jobs,
                                        const ExtractOptions &Options);

} // namespace corolint

#endif
