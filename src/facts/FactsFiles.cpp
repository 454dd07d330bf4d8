//===- FactsFiles.cpp - Facts on disk, one file per translation unit ------===//

#include "corolint/facts/FactsFiles.h"
#include "corolint/InputFile.h"
#include "corolint/OutputFile.h"
#include "corolint/model/FileList.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <algorithm>

namespace corolint {

std::string factsFileName(llvm::StringRef MainFile) {
  // The base name keeps the file recognizable; the hash of the whole path
  // keeps two a.cpp in different folders apart.
  std::string Hash = llvm::utohexstr(llvm::xxh3_64bits(MainFile), true);
  return llvm::sys::path::filename(MainFile).str() + "." + Hash + ".facts.json";
}

llvm::Error writeFactsFile(llvm::StringRef Dir, const TuFacts &Facts) {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, factsFileName(Facts.MainFile));
  return writeOutputFile(
      Path, [&](llvm::raw_ostream &OS) { OS << writeFactsJson(Facts); });
}

static llvm::Error collect(llvm::StringRef Path,
                           std::vector<std::string> &Out) {
  if (!llvm::sys::fs::is_directory(Path)) {
    Out.push_back(Path.str());
    return llvm::Error::success();
  }
  llvm::Expected<std::vector<std::string>> Files =
      listFiles(Path, ".facts.json");
  if (!Files)
    return Files.takeError();
  Out.insert(Out.end(), Files->begin(), Files->end());
  return llvm::Error::success();
}

llvm::Expected<std::vector<TuFacts>>
readFactsFiles(const std::vector<std::string> &Paths) {
  std::vector<std::string> Files;
  for (const std::string &P : Paths)
    if (llvm::Error E = collect(P, Files))
      return std::move(E);
  std::sort(Files.begin(), Files.end());
  if (Files.empty())
    return llvm::createStringError(std::errc::invalid_argument,
                                   "no *.facts.json files in the given paths");
  std::vector<TuFacts> Units;
  for (const std::string &File : Files) {
    auto Buffer = readInputFile(File);
    if (!Buffer)
      return Buffer.takeError();
    llvm::Expected<TuFacts> Facts = readFactsJson((*Buffer)->getBuffer(), File);
    if (!Facts)
      return Facts.takeError();
    Units.push_back(std::move(*Facts));
  }
  return Units;
}

} // namespace corolint
