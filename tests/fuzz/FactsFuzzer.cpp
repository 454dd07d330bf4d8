//===- FactsFuzzer.cpp - Facts files, then linking and every rule ---------===//
//
// A facts file that reads must write back to the same text, and a program
// linked from it must survive every rule: link reads facts written on other
// machines, so nothing in them may crash or hang the analysis.
//
//===----------------------------------------------------------------------===//

#include "FuzzInput.h"
#include "corolint/facts/Facts.h"
#include "corolint/model/ApiModels.h"
#include "corolint/rules/Analysis.h"
#include "corolint/rules/Rule.h"

using namespace corolint;

static const ApiModels &shippedModels() {
  static const ApiModels Models = [] {
    ApiModels M;
    if (llvm::Error E = M.addDirectory(COROLINT_FUZZ_MODELS_DIR)) {
      llvm::consumeError(std::move(E));
      std::abort();
    }
    return M;
  }();
  return Models;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::Expected<TuFacts> Facts =
      readFactsJson(fuzz::textOf(Data, Size), "fuzz.facts.json");
  if (!Facts) {
    llvm::consumeError(Facts.takeError());
    return 0;
  }
  std::string Text = writeFactsJson(*Facts);
  llvm::Expected<TuFacts> Again = readFactsJson(Text, "again.facts.json");
  if (!Again || writeFactsJson(*Again) != Text)
    std::abort(); // What corolint writes, it must read back the same.
  Program P = linkProgram({std::move(*Facts)}, shippedModels());
  runRules(P, *CheckFilter::parse("*"));
  return 0;
}
