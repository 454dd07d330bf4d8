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

/// The constructor call that builds a variable of static storage at
/// namespace or class scope (`manual_event ready{true};`) as the sites of
/// a function of its own, named as the variable: what state the object
/// starts in is known from its arguments, as a local's or a field's is.
/// None when no constructor is handed an argument.
std::optional<FunctionFact> extractGlobalInitializer(const clang::VarDecl *V,
                                                     const Names &N);

} // namespace corolint

#endif
