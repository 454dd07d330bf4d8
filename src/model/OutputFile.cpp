//===- OutputFile.cpp - Writing a file the user names, whole or not -------===//

#include "corolint/OutputFile.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace corolint {

static llvm::Error cannotWrite(llvm::StringRef Path, std::error_code EC) {
  return llvm::createStringError(EC, "%s: cannot write: %s",
                                 Path.str().c_str(), EC.message().c_str());
}

/// Writes into \p OS and closes it; the first error the stream met, if any.
static std::error_code writeAndClose(
    llvm::raw_fd_ostream &OS,
    llvm::function_ref<void(llvm::raw_ostream &)> Write) {
  Write(OS);
  OS.close();
  std::error_code EC = OS.error();
  // Reported by the caller: a stream destroyed with an error it still holds
  // aborts the program.
  OS.clear_error();
  return EC;
}

llvm::Error
writeOutputFile(llvm::StringRef Path,
                llvm::function_ref<void(llvm::raw_ostream &)> Write) {
  llvm::sys::fs::file_status Status;
  if (!llvm::sys::fs::status(Path, Status) &&
      Status.type() != llvm::sys::fs::file_type::regular_file &&
      Status.type() != llvm::sys::fs::file_type::directory_file) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_None);
    if (!EC)
      EC = writeAndClose(OS, Write);
    return EC ? cannotWrite(Path, EC) : llvm::Error::success();
  }
  int FD = -1;
  llvm::SmallString<256> Temp;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(
          Path + ".tmp-%%%%%%", FD, Temp))
    return cannotWrite(Path, EC);
  std::error_code EC;
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    EC = writeAndClose(OS, Write);
  }
  if (!EC)
    EC = llvm::sys::fs::rename(Temp, Path);
  if (EC) {
    llvm::sys::fs::remove(Temp);
    return cannotWrite(Path, EC);
  }
  return llvm::Error::success();
}

} // namespace corolint
