//===- InputFile.cpp - Reading a file the user names, with a bound --------===//

#include "corolint/InputFile.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"

namespace corolint {

llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
readInputFile(llvm::StringRef Path, uint64_t Limit) {
  auto Fail = [&](const std::string &Why) {
    return llvm::createStringError(std::errc::invalid_argument, "%s: %s",
                                   Path.str().c_str(), Why.c_str());
  };
  llvm::Expected<llvm::sys::fs::file_t> File =
      llvm::sys::fs::openNativeFileForRead(Path);
  if (!File)
    return Fail("cannot read: " + llvm::toString(File.takeError()));
  llvm::SmallString<0> Data;
  std::string Error;
  for (;;) {
    size_t Start = Data.size();
    Data.resize_for_overwrite(Start + (64 << 10));
    llvm::Expected<size_t> Read = llvm::sys::fs::readNativeFile(
        *File, llvm::MutableArrayRef<char>(Data.data() + Start, 64 << 10));
    if (!Read) {
      Error = "cannot read: " + llvm::toString(Read.takeError());
      break;
    }
    Data.truncate(Start + *Read);
    if (*Read == 0)
      break;
    if (Data.size() > Limit) {
      Error = "larger than " + std::to_string(Limit >> 20) + " MiB";
      break;
    }
  }
  llvm::sys::fs::closeFile(*File);
  if (!Error.empty())
    return Fail(Error);
  return llvm::MemoryBuffer::getMemBufferCopy(Data, Path);
}

} // namespace corolint
