//===- SourceText.h - The lines of the analyzed files -----------*- C++ -*-===//
//
// Reports need the source text after the facts are gone: suppression comments,
// the normalized line a fingerprint hashes, and SARIF columns, which count
// Unicode code points where Clang counts bytes.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SOURCETEXT_H
#define COROLINT_SOURCETEXT_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>
#include <vector>

namespace corolint {

/// Reads each file once, on first use, and hands out its lines. A file that
/// cannot be read has no lines; callers fall back to what the facts say.
class SourceText {
public:
  /// Line \p Line (1-based) of \p File without its line break; empty when
  /// the file or the line does not exist.
  llvm::StringRef line(llvm::StringRef File, unsigned Line);
  /// Every line of \p File.
  const std::vector<llvm::StringRef> &lines(llvm::StringRef File);

  /// The 1-based column in code points of the 1-based byte column
  /// \p ByteCol, as SARIF counts them.
  unsigned codePointColumn(llvm::StringRef File, unsigned Line,
                           unsigned ByteCol);
  /// The code point column just past the token that starts at \p ByteCol
  /// (an identifier or keyword, else one character): SARIF's endColumn.
  unsigned tokenEndColumn(llvm::StringRef File, unsigned Line,
                          unsigned ByteCol);

private:
  struct FileLines {
    std::string Text;
    std::vector<llvm::StringRef> Lines;
  };
  const FileLines &file(llvm::StringRef File);

  llvm::StringMap<std::unique_ptr<FileLines>> Files;
};

/// The line with runs of white space collapsed to one space and the ends
/// trimmed: what a fingerprint and a suppression compare.
std::string normalizeWhitespace(llvm::StringRef Line);

} // namespace corolint

#endif
