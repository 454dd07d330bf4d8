//===- Finding.h - What a rule reports --------------------------*- C++ -*-===//

#ifndef COROLINT_FINDING_H
#define COROLINT_FINDING_H

#include "corolint/Level.h"
#include "corolint/facts/Facts.h"
#include <string>
#include <vector>

namespace corolint {


/// One step of the path that proves a finding: a lock taken, a call made, a
/// wait, a signal.
struct PathStep {
  SourceLoc Loc;
  std::string Message;

  bool operator<(const PathStep &O) const;
  bool operator==(const PathStep &O) const;
};

struct Finding {
  std::string Rule;
  Level Severity = Level::Warning;
  SourceLoc Loc;
  std::string Message;
  std::string Function; ///< Display name of the enclosing function.
  std::vector<std::string> Resources; ///< Keys of the objects involved.
  std::vector<PathStep> Path;

  /// Findings sort by location, then rule, message and path, so that output
  /// does not depend on the order in which rules or threads produced them;
  /// only findings equal in all of these are duplicates.
  bool operator<(const Finding &O) const;
  bool operator==(const Finding &O) const;
};

} // namespace corolint

#endif
