//===- ConfigCommands.h - --dump/--explain/--verify-config ------*- C++ -*-===//

#ifndef COROLINT_DRIVER_CONFIGCOMMANDS_H
#define COROLINT_DRIVER_CONFIGCOMMANDS_H

#include "corolint/model/Config.h"
#include "llvm/Support/raw_ostream.h"

namespace corolint {

/// A setting in force, and where it came from: "command line (--checks)",
/// "FILE:LINE", or "default".
struct EffectiveValue {
  std::string Value;
  std::string Origin;
};

/// What a run uses: the command line wins over the file, the file over the
/// defaults.
struct EffectiveConfig {
  const Config &File;
  EffectiveValue Checks, HeaderFilterRegex, ExcludeHeaderFilterRegex;
};

/// The command line's value if it gave one, else the file's, else \p Default.
EffectiveValue pickSetting(bool OnCommandLine, llvm::StringRef FlagValue,
                           llvm::StringRef Flag, const ConfigValue &InFile,
                           const Config &File, llvm::StringRef Default);

/// The effective configuration as a .corolint.yaml that gives the same run.
void dumpConfig(llvm::raw_ostream &OS, const EffectiveConfig &C);
/// Each setting and where it came from.
void explainConfig(llvm::raw_ostream &OS, const EffectiveConfig &C);
/// Every problem, each naming the file and line (or the flag) at fault:
/// globs that match no rule, bad regexes, malformed models.
std::vector<std::string> verifyConfig(const EffectiveConfig &C);

} // namespace corolint

#endif
