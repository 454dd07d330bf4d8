//===- FunctionExtractor.h - One function's sites and CFG -------*- C++ -*-===//

#ifndef COROLINT_FRONTEND_FUNCTIONEXTRACTOR_H
#define COROLINT_FRONTEND_FUNCTIONEXTRACTOR_H

#include "Names.h"

namespace corolint {

/// Turns one function definition into a FunctionFact: its sites (calls,
/// suspensions, local object lifetimes) placed on its Clang CFG.
FunctionFact extractFunction(const clang::FunctionDecl *FD, const Names &N);

} // namespace corolint

#endif
