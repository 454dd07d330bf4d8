//===- SourceText.cpp - The lines of the analyzed files -------------------===//

#include "corolint/report/SourceText.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"

namespace corolint {

const SourceText::FileLines &SourceText::file(llvm::StringRef File) {
  std::unique_ptr<FileLines> &Entry = Files[File];
  if (Entry)
    return *Entry;
  Entry = std::make_unique<FileLines>();
  if (auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/true))
    Entry->Text = (*Buffer)->getBuffer().str();
  llvm::StringRef Rest = Entry->Text;
  while (!Rest.empty()) {
    auto [Line, Next] = Rest.split('\n');
    Entry->Lines.push_back(Line.rtrim('\r'));
    Rest = Next;
  }
  return *Entry;
}

const std::vector<llvm::StringRef> &SourceText::lines(llvm::StringRef File) {
  return file(File).Lines;
}

llvm::StringRef SourceText::line(llvm::StringRef File, unsigned Line) {
  const std::vector<llvm::StringRef> &All = lines(File);
  return Line >= 1 && Line <= All.size() ? All[Line - 1] : llvm::StringRef();
}

/// UTF-8 continuation bytes (10xxxxxx) do not start a code point.
static unsigned countCodePoints(llvm::StringRef Bytes) {
  unsigned N = 0;
  for (unsigned char C : Bytes)
    N += (C & 0xC0) != 0x80;
  return N;
}

unsigned SourceText::codePointColumn(llvm::StringRef File, unsigned Line,
                                     unsigned ByteCol) {
  llvm::StringRef Text = line(File, Line);
  if (ByteCol == 0 || ByteCol - 1 > Text.size())
    return ByteCol ? ByteCol : 1; // Not in the file as read: trust Clang.
  return countCodePoints(Text.take_front(ByteCol - 1)) + 1;
}

unsigned SourceText::tokenEndColumn(llvm::StringRef File, unsigned Line,
                                    unsigned ByteCol) {
  llvm::StringRef Text = line(File, Line);
  unsigned Start = codePointColumn(File, Line, ByteCol);
  if (ByteCol == 0 || ByteCol > Text.size())
    return Start + 1;
  llvm::StringRef Rest = Text.drop_front(ByteCol - 1);
  size_t Length =
      Rest.find_if_not([](char C) { return llvm::isAlnum(C) || C == '_'; });
  if (Length == 0)
    Length = 1;
  if (Length == llvm::StringRef::npos)
    Length = Rest.size();
  return Start + countCodePoints(Rest.take_front(Length));
}

std::string normalizeWhitespace(llvm::StringRef Line) {
  std::string Out;
  bool Space = false;
  for (char C : Line.trim()) {
    if (llvm::isSpace(C)) {
      Space = true;
      continue;
    }
    if (Space)
      Out += ' ';
    Space = false;
    Out += C;
  }
  return Out;
}

} // namespace corolint
