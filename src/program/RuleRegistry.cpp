//===- RuleRegistry.cpp - The table built from Rules.def ------------------===//

#include "corolint/Rule.h"

namespace corolint {

#define COROLINT_RULE(Id, Class, Level, Summary)                               \
  std::unique_ptr<Rule> create##Class##Rule();
#include "Rules.def"

static const RuleInfo Rules[] = {
#define COROLINT_RULE(Id, Class, Lvl, Summary)                                 \
  {Id, #Class, Summary, Level::Lvl, &create##Class##Rule},
#include "Rules.def"
};

llvm::ArrayRef<RuleInfo> allRules() { return Rules; }

const RuleInfo *findRule(llvm::StringRef Id) {
  for (const RuleInfo &R : Rules)
    if (Id == R.Id)
      return &R;
  return nullptr;
}

} // namespace corolint
