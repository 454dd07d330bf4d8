//===- DiffFuzzer.cpp - Unified diffs (--diff=-) --------------------------===//

#include "FuzzInput.h"
#include "corolint/report/ChangedLines.h"

using namespace corolint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  ChangedLines::parse(fuzz::textOf(Data, Size), "/src");
  return 0;
}
