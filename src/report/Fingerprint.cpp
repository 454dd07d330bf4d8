//===- Fingerprint.cpp - Stable identities of findings --------------------===//

#include "corolint/report/Fingerprint.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include <algorithm>

namespace corolint {

std::string withoutPositions(llvm::StringRef Name) {
  // Keys of internal objects start with their file's absolute path and '|'.
  size_t Bar = Name.rfind('|');
  if (Bar != llvm::StringRef::npos)
    Name = Name.drop_front(Bar + 1);
  std::string Out;
  for (size_t I = 0; I < Name.size(); ++I) {
    Out += Name[I];
    if (Name[I] != '@' && Name[I] != ':')
      continue;
    while (I + 1 < Name.size() && llvm::isDigit(Name[I + 1]))
      ++I;
  }
  return Out;
}

static std::string hashOf(const Finding &F, SourceText &Sources) {
  std::vector<std::string> Resources;
  for (const std::string &R : F.Resources)
    Resources.push_back(withoutPositions(R));
  std::sort(Resources.begin(), Resources.end());
  // Fields are separated by a byte that no name or line contains.
  std::string Text = "corolint/v1\x1f" + F.Rule + "\x1f" +
                     llvm::sys::path::filename(F.Loc.File).str() + "\x1f" +
                     withoutPositions(F.Function) + "\x1f" +
                     llvm::join(Resources, "\x1e") + "\x1f" +
                     normalizeWhitespace(Sources.line(F.Loc.File, F.Loc.Line));
  std::array<uint8_t, 32> Hash = llvm::SHA256::hash(llvm::ArrayRef(
      reinterpret_cast<const uint8_t *>(Text.data()), Text.size()));
  return llvm::toHex(llvm::ArrayRef(Hash).take_front(16), /*LowerCase=*/true);
}

std::vector<std::string>
fingerprintFindings(const std::vector<Finding> &Findings, SourceText &Sources) {
  std::vector<std::string> Result;
  llvm::StringMap<unsigned> Seen;
  for (const Finding &F : Findings) {
    std::string Hash = hashOf(F, Sources);
    unsigned N = ++Seen[Hash];
    Result.push_back(Hash + ":" + std::to_string(N));
  }
  return Result;
}

} // namespace corolint
