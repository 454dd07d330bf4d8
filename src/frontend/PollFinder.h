//===- PollFinder.h - Where a function tests a flag to go on ----*- C++ -*-===//

#ifndef COROLINT_FRONTEND_POLLFINDER_H
#define COROLINT_FRONTEND_POLLFINDER_H

#include "Names.h"
#include "clang/AST/Stmt.h"

namespace corolint {

/// The flag tests of a function body: a guard that opens the body
/// (`if (!ready) return;`) and loops whose condition is a flag
/// (`while (!ready) co_await sleep_for(10ms);`). \p SiteOfStmt maps the
/// statements that are sites to their ids.
std::vector<PollFact>
findPolls(const clang::Stmt *Body,
          const llvm::DenseMap<const clang::Stmt *, unsigned> &SiteOfStmt,
          const Names &N);

/// SiteFact::GuardFlags of the calls in \p Body: the boolean flags that an
/// enclosing `if`, or an earlier `if (!flag) return;` of an enclosing
/// block, requires to be set for the call to run.
void markGuardedSites(
    const clang::Stmt *Body,
    const llvm::DenseMap<const clang::Stmt *, unsigned> &SiteOfStmt,
    const Names &N, std::vector<SiteFact> &Sites);

/// SiteFact::ConditionReads of the calls in \p Body: the objects that the
/// conditions of the enclosing `if`s and loops read.
void markTestedSites(
    const clang::Stmt *Body,
    const llvm::DenseMap<const clang::Stmt *, unsigned> &SiteOfStmt,
    const Names &N, std::vector<SiteFact> &Sites);

} // namespace corolint

#endif
