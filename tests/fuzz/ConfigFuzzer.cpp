//===- ConfigFuzzer.cpp - .corolint.yaml, and the models it describes -----===//

#include "FuzzInput.h"
#include "corolint/model/ApiModels.h"
#include "corolint/model/Config.h"

using namespace corolint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Path =
      fuzz::writeInput(".corolint.yaml", fuzz::textOf(Data, Size));
  llvm::Expected<Config> C = loadConfig(Path);
  if (!C) {
    llvm::consumeError(C.takeError());
    return 0;
  }
  ApiModels Models;
  llvm::consumeError(C->addModelsTo(Models));
  return 0;
}
