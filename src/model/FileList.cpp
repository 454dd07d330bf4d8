//===- FileList.cpp - Files of a folder, in a stable order ----------------===//

#include "corolint/model/FileList.h"
#include "llvm/Support/FileSystem.h"
#include <algorithm>

namespace corolint {

llvm::Expected<std::vector<std::string>> listFiles(llvm::StringRef Dir,
                                                   llvm::StringRef Suffix) {
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    if (llvm::StringRef(It->path()).ends_with(Suffix))
      Files.push_back(It->path());
  if (EC)
    return llvm::createStringError(EC, "%s: cannot read folder: %s",
                                   Dir.str().c_str(), EC.message().c_str());
  std::sort(Files.begin(), Files.end());
  return Files;
}

} // namespace corolint
