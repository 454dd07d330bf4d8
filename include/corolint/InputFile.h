//===- InputFile.h - Reading a file the user names, bounded -----*- C++ -*-===//
//
// A configuration, baseline, compile database, facts file or diff that is a
// device or a pipe (`/dev/zero`, `<(cmd)`) has no size to check first; read
// whole, it can exhaust memory. Every input corolint reads goes through
// readInputFile, which stops at a limit and says so.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_INPUTFILE_H
#define COROLINT_INPUTFILE_H

#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include <cstdint>
#include <memory>

namespace corolint {

/// The largest input corolint reads: far above any real one.
constexpr uint64_t InputFileLimit = uint64_t(1) << 30;

/// The contents of \p Path, read in chunks up to \p Limit bytes. The error
/// names the file: "PATH: cannot read: REASON" or "PATH: larger than N MiB".
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
readInputFile(llvm::StringRef Path, uint64_t Limit = InputFileLimit);

} // namespace corolint

#endif
