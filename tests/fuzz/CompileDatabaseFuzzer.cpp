//===- CompileDatabaseFuzzer.cpp - compile_commands.json ------------------===//

#include "FuzzInput.h"
#include "corolint/frontend/Frontend.h"

using namespace corolint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  fuzz::writeInput("compile_commands.json", fuzz::textOf(Data, Size));
  llvm::Expected<std::vector<CompileJob>> Jobs =
      loadCompileJobs(fuzz::scratchDir(), {});
  if (!Jobs)
    llvm::consumeError(Jobs.takeError());
  return 0;
}
