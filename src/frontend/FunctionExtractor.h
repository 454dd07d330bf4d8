//===- FunctionExtractor.h - One function's sites and CFG -------*- C++ -*-===//

#ifndef COROLINT_FRONTEND_FUNCTIONEXTRACTOR_H
#define COROLINT_FRONTEND_FUNCTIONEXTRACTOR_H

#include "Names.h"
#include <optional>

namespace corolint {

/// Turns one function definition into a FunctionFact: its sites (calls,
/// suspensions, local object lifetimes) placed on its Clang CFG.
FunctionFact extractFunction(const clang::FunctionDecl *FD, const Names &N);

/// The in-class member initializers of \p RD (`manual_event ready_{true};`)
/// as the sites of a function of their own, named as the class's
/// constructor: they run in every constructor that does not initialize the
/// member itself, including the one the compiler writes, which a unit that
/// never constructs the class does not define. None when \p RD has none.
std::optional<FunctionFact>
extractInClassInitializers(const clang::CXXRecordDecl *RD, const Names &N);

} // namespace corolint

#endif
