//===- OutputFile.cpp - Writing a file the user names, whole or not -------===//

#include "corolint/OutputFile.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

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

/// A new file beside \p Target, opened for writing: `Target.tmp-XXXXXX`.
/// Named here rather than by createUniqueFile, which would also replace a
/// `%` in the target's own path.
static std::error_code createTempBeside(llvm::StringRef Target, int &FD,
                                        llvm::SmallVectorImpl<char> &Temp) {
  for (int Attempt = 0;; ++Attempt) {
    Temp.clear();
    llvm::raw_svector_ostream(Temp)
        << Target << ".tmp-" << llvm::format_hex_no_prefix(
                                    llvm::sys::Process::GetRandomNumber(), 8);
    std::error_code EC = llvm::sys::fs::openFileForWrite(
        llvm::Twine(Temp), FD, llvm::sys::fs::CD_CreateNew);
    if (EC != std::errc::file_exists || Attempt == 100)
      return EC;
  }
}

llvm::Error
writeOutputFile(llvm::StringRef Path,
                llvm::function_ref<void(llvm::raw_ostream &)> Write) {
  if (Path == "-") {
    Write(llvm::outs());
    llvm::outs().flush();
    std::error_code EC = llvm::outs().error();
    // Cleared, or the stream aborts the program when it is destroyed.
    llvm::outs().clear_error();
    return EC ? cannotWrite("standard output", EC) : llvm::Error::success();
  }
  // A symbolic link is replaced through: the file it names gets the text,
  // and the link stays.
  llvm::SmallString<256> Target(Path);
  if (llvm::sys::fs::is_symlink_file(Path))
    if (std::error_code EC = llvm::sys::fs::real_path(Path, Target))
      return cannotWrite(Path, EC);
  llvm::sys::fs::file_status Status;
  if (!llvm::sys::fs::status(Target, Status) &&
      Status.type() != llvm::sys::fs::file_type::regular_file &&
      Status.type() != llvm::sys::fs::file_type::directory_file) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Target, EC, llvm::sys::fs::OF_None);
    if (!EC)
      EC = writeAndClose(OS, Write);
    return EC ? cannotWrite(Path, EC) : llvm::Error::success();
  }
  int FD = -1;
  llvm::SmallString<256> Temp;
  if (std::error_code EC = createTempBeside(Target, FD, Temp))
    return cannotWrite(Path, EC);
  std::error_code EC;
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    EC = writeAndClose(OS, Write);
  }
  if (!EC)
    EC = llvm::sys::fs::rename(Temp, Target);
  if (EC) {
    llvm::sys::fs::remove(Temp);
    return cannotWrite(Path, EC);
  }
  return llvm::Error::success();
}

} // namespace corolint
