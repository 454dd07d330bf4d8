//===- IntegerValues.h - Where a function's integers come from -*- C++ -*-===//
//
// A file descriptor is a plain int: what the analysis can know about one is
// the object that holds it and the flag constants ORed into the values that
// make it. This reads both off one function body, flow-insensitively: a
// local's value is any of the values stored in it anywhere in the function.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_FRONTEND_INTEGERVALUES_H
#define COROLINT_FRONTEND_INTEGERVALUES_H

#include "Names.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <set>

namespace corolint {

class IntegerValues {
public:
  explicit IntegerValues(const Names &N) : N(N) {}

  /// Whether a value of this type can be a descriptor or point to some (an
  /// int, or a pointer to an array of them, not a string): only these get a
  /// holder, which keeps the facts of other arguments as they were.
  static bool isIntegerLike(clang::QualType T);
  /// Whether \p T is a C struct, or a pointer to one, that a system call
  /// reads descriptors from (`poll(&pfd, 1, 0)` over `pollfd pfd{fd,
  /// POLLIN, 0}`): its holder is the one object its members are given.
  static bool isPlainStruct(clang::QualType T);

  // What the function body shows, noted as the walk meets it.
  void noteLocal(const clang::VarDecl *V);
  void noteStore(const clang::Expr *Target, const clang::Expr *Value);
  void noteRangeFor(const clang::CXXForRangeStmt *S);

  /// The object \p E reads its value from: the object it names, or through
  /// a getter whose body returns a field (one level), an element of an array
  /// or container, a range-for variable, a reference local.
  ObjectRef holderOf(const clang::Expr *E) const;
  /// The names of the constants \p E may have ORed in (ArgFact::Flags),
  /// sorted.
  std::vector<std::string> flagsOf(const clang::Expr *E) const;
  /// The range that range-for variable \p V walks, if it is one.
  const clang::Expr *rangeOf(const clang::VarDecl *V) const {
    return RangeOf.lookup(V);
  }

private:
  ObjectRef holder(const clang::Expr *E, unsigned Depth, bool InGetter) const;
  ObjectRef memberSource(const clang::VarDecl *V, unsigned Depth) const;
  ObjectRef getterField(const clang::CXXMemberCallExpr *Call,
                        unsigned Depth) const;
  ObjectRef elementsOf(const clang::CXXMemberCallExpr *Call,
                       unsigned Depth) const;
  void collectFlags(const clang::Expr *E, std::set<std::string> &Out,
                    llvm::SmallPtrSetImpl<const clang::VarDecl *> &Seen) const;
  void addMacroNames(clang::SourceLocation Loc,
                     std::set<std::string> &Out) const;

  const Names &N;
  /// Per local: every expression stored in it (initializer, `=`, `|=`),
  /// or in one of its members (`pfd.fd = fd`).
  llvm::DenseMap<const clang::VarDecl *, std::vector<const clang::Expr *>>
      Stores;
  /// Per range-for variable: the range it walks.
  llvm::DenseMap<const clang::VarDecl *, const clang::Expr *> RangeOf;
};

} // namespace corolint

#endif
