//===- Config.h - .corolint.yaml --------------------------------*- C++ -*-===//
//
// A project's configuration: which checks run, and models of its in-house
// libraries in the same schema as rules/models/*.json (docs/models.md).
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CONFIG_H
#define COROLINT_CONFIG_H

#include "corolint/model/ApiModels.h"
#include <optional>

namespace corolint {

/// One setting of the file and the line it was read from (0: not set), so
/// that --explain-config and --verify-config can point at it.
struct ConfigValue {
  std::string Value;
  unsigned Line = 0;

  bool isSet() const { return Line != 0; }
};

struct Config {
  std::string File; ///< Where it was read from; empty for the default.
  ConfigValue Checks;
  ConfigValue HeaderFilterRegex;
  ConfigValue ExcludeHeaderFilterRegex;
  /// `Levels:` rule id -> note, warning or error, overriding the rule's
  /// default level; in file order.
  std::vector<std::pair<std::string, ConfigValue>> Levels;
  /// Each entry of `Models:` as JSON text, with a name for messages.
  std::vector<std::pair<std::string, std::string>> Models;

  /// Adds the configured models to \p Models.
  llvm::Error addModelsTo(ApiModels &Models) const;
};

/// The keys a configuration file may have.
llvm::ArrayRef<const char *> configKeys();

/// Reads a configuration file; unknown keys are errors naming the line.
llvm::Expected<Config> loadConfig(llvm::StringRef Path);

/// The nearest .corolint.yaml in \p Dir or a folder above it.
std::optional<std::string> findConfigUpward(llvm::StringRef Dir);

} // namespace corolint

#endif
