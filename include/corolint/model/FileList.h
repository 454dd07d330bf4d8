//===- FileList.h - Files of a folder, in a stable order --------*- C++ -*-===//

#ifndef COROLINT_FILELIST_H
#define COROLINT_FILELIST_H

#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace corolint {

/// The files directly in \p Dir whose names end with \p Suffix, sorted by
/// path so that everything read from a folder is read in the same order.
llvm::Expected<std::vector<std::string>> listFiles(llvm::StringRef Dir,
                                                   llvm::StringRef Suffix);

} // namespace corolint

#endif
