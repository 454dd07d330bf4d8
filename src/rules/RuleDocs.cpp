//===- RuleDocs.cpp - Each rule's page, built in --------------------------===//
//
// The pages are embedded at build time (cmake/EmbedRuleDocs.cmake) so that
// SARIF's rule help is the same text as docs/rules/<id>.md, with one source.
//
//===----------------------------------------------------------------------===//

#include "corolint/rules/Rule.h"

namespace corolint {

namespace {
struct DocPage {
  const char *Id;
  const char *Text;
};

const DocPage Pages[] = {
#include "RuleDocs.inc"
};
} // namespace

llvm::StringRef ruleDocPage(llvm::StringRef Id) {
  for (const DocPage &P : Pages)
    if (Id == P.Id)
      return P.Text;
  return {};
}

} // namespace corolint
