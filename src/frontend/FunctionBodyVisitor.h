//===- FunctionBodyVisitor.h - What one function's body runs ----*- C++ -*-===//
//
// The base of the visitors that read one function's body for what it runs:
// nested lambdas and local classes are functions of their own, and an
// unevaluated operand (`decltype(fs[0]())` in a local's type, `sizeof`,
// `noexcept(...)`, a requires-expression) runs nothing.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_FRONTEND_FUNCTIONBODYVISITOR_H
#define COROLINT_FRONTEND_FUNCTIONBODYVISITOR_H

#include "clang/AST/RecursiveASTVisitor.h"

namespace corolint {

template <typename Derived>
class FunctionBodyVisitor : public clang::RecursiveASTVisitor<Derived> {
public:
  bool TraverseLambdaExpr(clang::LambdaExpr *) { return true; }
  bool TraverseCXXRecordDecl(clang::CXXRecordDecl *) { return true; }
  bool TraverseDecltypeTypeLoc(clang::DecltypeTypeLoc) { return true; }
  bool TraverseUnaryExprOrTypeTraitExpr(clang::UnaryExprOrTypeTraitExpr *) {
    return true;
  }
  bool TraverseCXXNoexceptExpr(clang::CXXNoexceptExpr *) { return true; }
  bool TraverseRequiresExpr(clang::RequiresExpr *) { return true; }
};

} // namespace corolint

#endif
