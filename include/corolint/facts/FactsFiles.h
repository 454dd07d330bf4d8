//===- FactsFiles.h - Facts on disk, one file per TU ------------*- C++ -*-===//

#ifndef COROLINT_FACTSFILES_H
#define COROLINT_FACTSFILES_H

#include "corolint/facts/Facts.h"
#include <vector>

namespace corolint {

/// "<base name>.<hash of the path>.facts.json"
std::string factsFileName(llvm::StringRef MainFile);
/// Writes the facts of one unit into \p Dir, whole or not at all.
llvm::Error writeFactsFile(llvm::StringRef Dir, const TuFacts &Facts);
/// Reads facts files and folders of them; fails on the first bad file.
llvm::Expected<std::vector<TuFacts>>
readFactsFiles(const std::vector<std::string> &Paths);

} // namespace corolint

#endif
