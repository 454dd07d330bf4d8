//===- OutputFile.h - Writing a file the user names, whole or not -*- C++ -*-===//
//
// A report, baseline or facts file is written to a temporary file beside
// the target and renamed over it only once the whole text is written and
// flushed, so that a full disk or a file-size limit leaves the user's old
// file as it was. A target that is not a regular file (a device, a pipe) is
// written through: renaming over `/dev/stdout` or a fifo would replace it.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_OUTPUTFILE_H
#define COROLINT_OUTPUTFILE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace corolint {

/// Writes what \p Write produces to \p Path, whole or not at all; "-" is
/// standard output, and a symbolic link is written through to its file.
/// The error names the file: "PATH: cannot write: REASON".
llvm::Error writeOutputFile(llvm::StringRef Path,
                            llvm::function_ref<void(llvm::raw_ostream &)> Write);

} // namespace corolint

#endif
