//===- ModelsFuzzer.cpp - Model files -------------------------------------===//

#include "FuzzInput.h"
#include "corolint/model/ApiModels.h"

using namespace corolint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  ApiModels Models;
  llvm::consumeError(Models.addJson(fuzz::textOf(Data, Size), "fuzz.json"));
  return 0;
}
