//===- Names.h - Normalized names and object identities ---------*- C++ -*-===//
//
// The frontend's vocabulary: how a declaration, a type, an object and a
// callable are named in the facts. docs/models.md states the naming rules the
// models rely on.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_FRONTEND_NAMES_H
#define COROLINT_FRONTEND_NAMES_H

#include "ForwardedConstructors.h"
#include "corolint/facts/Facts.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"

namespace corolint {

class Names {
public:
  Names(clang::ASTContext &Ctx, std::string WorkingDir)
      : Ctx(Ctx), WorkingDir(std::move(WorkingDir)) {}

  /// "ns::Class::member": no template arguments, no inline namespaces.
  std::string qualifiedName(const clang::NamedDecl *D) const;
  /// The normalized name of the class a type denotes, or "".
  std::string typeName(clang::QualType T) const;
  std::string usr(const clang::Decl *D) const;
  /// Qualified name for functions; "(lambda at file.cpp:L:C)" for lambdas.
  std::string functionDisplayName(const clang::FunctionDecl *FD) const;
  SourceLoc location(clang::SourceLocation L) const;
  clang::ASTContext &context() const { return Ctx; }

  /// The object an expression names, when it names one.
  ObjectRef objectOf(const clang::Expr *E) const;
  /// The function a callable argument denotes (lambda, function, member
  /// pointer, local variable holding a lambda), or null.
  const clang::FunctionDecl *callableOf(const clang::Expr *E) const;
  /// The lambda a callable argument is or a local holding it was
  /// initialized with, or null.
  const clang::LambdaExpr *lambdaOf(const clang::Expr *E) const;
  /// The object a variable, field or parameter declares.
  ObjectRef objectOfDecl(const clang::ValueDecl *D) const;
  /// The container expression of an element access (`routes_[path]`,
  /// `handlers_.at(name)`, `queue_.front()`), or null.
  const clang::Expr *elementContainer(const clang::Expr *E) const;
  /// The constructor of the program's class that a call of the library
  /// function \p F runs on its arguments (`std::make_unique<T>(args...)`).
  std::optional<ForwardedConstructor>
  constructorRunBy(const clang::FunctionDecl *F) const {
    return Forwarded.of(F);
  }
  /// The field of its own object that member \p M of the program returns
  /// as its whole body (`return inbox_;`), or none.
  ObjectRef fieldReturnedBy(const clang::CXXMethodDecl *M) const;

private:
  /// What an accessor call returns (`socket_wrapper_.socket()`), if it
  /// names one object.
  ObjectRef objectOfAccessor(const clang::CXXMemberCallExpr *Call) const;
  ObjectRef holderAccessor(ObjectRef Holder,
                           const clang::CXXMethodDecl *M) const;
  std::string parameterKey(const clang::Expr *Base) const;
  std::string localKey(const clang::Expr *Base) const;
  std::string fileName(clang::FileID ID) const;
  bool isClosedField(const clang::FieldDecl *F) const;

  clang::ASTContext &Ctx;
  std::string WorkingDir;
  mutable llvm::DenseMap<clang::FileID, std::string> FileNames;
  /// Per class: whether its private fields are closed (isClosedField).
  mutable llvm::DenseMap<const clang::CXXRecordDecl *, bool> ClosedClasses;
  mutable ForwardedConstructors Forwarded;
};

/// Whether \p D is written in a system header: the library's.
bool inSystemHeader(const clang::Decl *D);

/// What a member function returns when its body is one return statement
/// (`return size() == 0;`, `return inbox_;`), or null.
const clang::Expr *accessedValue(const clang::CXXMethodDecl *Method);

/// Strips what does not change which object or callable an expression is:
/// parentheses, implicit casts, temporaries, functional casts.
const clang::Expr *stripWrappers(const clang::Expr *E);

} // namespace corolint

#endif
