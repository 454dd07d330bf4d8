//===- Rule.h - The interface every rule implements -------------*- C++ -*-===//
//
// A rule reads the linked program model and nothing else: no AST, no files.
// That keeps rules small and lets unit tests drive them with hand-built
// programs. Rules are listed once, in rules/Rules.def.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_RULE_H
#define COROLINT_RULE_H

#include "corolint/rules/Finding.h"
#include "corolint/program/Program.h"
#include <memory>

namespace corolint {

class Rule {
public:
  virtual ~Rule() = default;
  /// Appends the findings of this rule on \p P to \p Out. A rule leaves
  /// Finding::Rule empty: runRule() fills in its id from the registry.
  virtual void check(const Program &P, std::vector<Finding> &Out) const = 0;

  /// Steps the rule's searches took so far (nodes visited, edges followed),
  /// so that tests bound its work as programs grow instead of timing it.
  uint64_t work() const { return Work; }

protected:
  mutable uint64_t Work = 0;
};

/// How often a finding of the rule is a real problem (SARIF's precision).
enum class Precision { VeryHigh, High, Medium, Low };

llvm::StringRef precisionName(Precision P);

struct RuleInfo {
  const char *Id;
  const char *Name;    ///< PascalCase, for SARIF.
  const char *Summary; ///< One sentence; the first of the doc page.
  Level DefaultLevel;
  Precision Confidence;
  const char *Tags; ///< ';'-separated, for SARIF's rule properties.
  std::unique_ptr<Rule> (*Create)();
};

/// Runs the rule \p Info describes on \p P, appending its findings, each
/// with the rule's id, to \p Out.
void runRule(const RuleInfo &Info, const Program &P, std::vector<Finding> &Out);

/// Every rule, in the order of Rules.def.
llvm::ArrayRef<RuleInfo> allRules();
const RuleInfo *findRule(llvm::StringRef Id);

/// Findings the driver itself reports about the run rather than about the
/// program (a stale suppression comment). They have ids, levels and pages
/// like rules, so reports and --checks treat them alike.
llvm::ArrayRef<RuleInfo> driverRules();

/// The driver's note about a suppression comment that silences nothing.
inline constexpr const char *UnusedSuppressionId = "unused-suppression";

/// The page docs/rules/<id>.md as it was when corolint was built (SARIF's
/// rule help); empty for an id without a page.
llvm::StringRef ruleDocPage(llvm::StringRef Id);

} // namespace corolint

#endif
