//===- RuleRegistry.cpp - The table built from Rules.def ------------------===//

#include "corolint/rules/Rule.h"

namespace corolint {

#define COROLINT_RULE(Id, Class, Level, Precision, Tags, Summary)              \
  std::unique_ptr<Rule> create##Class##Rule();
#include "Rules.def"

static const RuleInfo Rules[] = {
#define COROLINT_RULE(Id, Class, Lvl, Prec, Tags, Summary)                     \
  {Id,                                                                         \
   #Class,                                                                     \
   Summary,                                                                    \
   Level::Lvl,                                                                 \
   Precision::Prec,                                                            \
   Tags,                                                                       \
   &create##Class##Rule},
#include "Rules.def"
};

llvm::ArrayRef<RuleInfo> allRules() { return Rules; }

static const RuleInfo DriverRules[] = {
    {UnusedSuppressionId, "UnusedSuppression",
     "Flags a corolint suppression comment that silences no finding.",
     Level::Note, Precision::VeryHigh, "maintainability", nullptr},
};

llvm::ArrayRef<RuleInfo> driverRules() { return DriverRules; }

llvm::StringRef precisionName(Precision P) {
  switch (P) {
  case Precision::VeryHigh:
    return "very-high";
  case Precision::High:
    return "high";
  case Precision::Medium:
    return "medium";
  case Precision::Low:
    return "low";
  }
  return "medium";
}

const RuleInfo *findRule(llvm::StringRef Id) {
  for (const RuleInfo &R : Rules)
    if (Id == R.Id)
      return &R;
  return nullptr;
}

} // namespace corolint
