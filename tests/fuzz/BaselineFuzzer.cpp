//===- BaselineFuzzer.cpp - Baselines -------------------------------------===//

#include "FuzzInput.h"
#include "corolint/report/Baseline.h"

using namespace corolint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Path =
      fuzz::writeInput("baseline.json", fuzz::textOf(Data, Size));
  llvm::Expected<Baseline> B = Baseline::load(Path);
  if (!B)
    llvm::consumeError(B.takeError());
  return 0;
}
