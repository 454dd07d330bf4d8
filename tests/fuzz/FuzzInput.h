//===- FuzzInput.h - What the fuzz targets share ----------------*- C++ -*-===//
//
// Readers that take a path get the fuzzer's bytes through one file per
// target in a folder of this process, rewritten for every input.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_FUZZINPUT_H
#define COROLINT_FUZZINPUT_H

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <cstdlib>
#include <string>

namespace corolint::fuzz {

/// The fuzzer's input as text.
inline llvm::StringRef textOf(const uint8_t *Data, size_t Size) {
  return llvm::StringRef(reinterpret_cast<const char *>(Data), Size);
}

/// A folder of this process's own, made on first use.
inline const std::string &scratchDir() {
  static const std::string Dir = [] {
    llvm::SmallString<128> Path;
    if (llvm::sys::fs::createUniqueDirectory("corolint-fuzz", Path))
      std::abort();
    return std::string(Path);
  }();
  return Dir;
}

/// Writes \p Text to \p Name in the scratch folder; returns its path.
inline std::string writeInput(llvm::StringRef Name, llvm::StringRef Text) {
  llvm::SmallString<256> Path(scratchDir());
  llvm::sys::path::append(Path, Name);
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  if (EC)
    std::abort();
  OS << Text;
  return std::string(Path);
}

} // namespace corolint::fuzz

#endif
