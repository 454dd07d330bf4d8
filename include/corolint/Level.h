//===- Level.h - How serious a finding is -----------------------*- C++ -*-===//
//
// The one spelling of finding levels, for every layer that reads or writes
// them: rules, the configuration's Levels:, --fail-on, the reports and the
// corpus harness.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_LEVEL_H
#define COROLINT_LEVEL_H

#include "llvm/ADT/StringRef.h"
#include <optional>

namespace corolint {

/// In increasing order of seriousness.
enum class Level { Note, Warning, Error };

inline constexpr llvm::StringLiteral LevelNames[] = {"note", "warning",
                                                     "error"};

inline llvm::StringRef levelName(Level L) {
  return LevelNames[static_cast<unsigned>(L)];
}

inline std::optional<Level> parseLevel(llvm::StringRef Name) {
  for (unsigned I = 0; I < std::size(LevelNames); ++I)
    if (Name == LevelNames[I])
      return static_cast<Level>(I);
  return std::nullopt;
}

} // namespace corolint

#endif
