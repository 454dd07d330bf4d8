//===- ForwardedConstructors.h - What a factory constructs ------*- C++ -*-===//
//
// `std::make_unique<Worker>(id, pub)`, `std::make_shared<Session>(std::move(
// sock))`, `sessions.emplace_back(io, id)`: a library function template that
// forwards its arguments to a constructor of the program's class runs that
// constructor, though the call names only the library function. The library's
// bodies are instantiated in the AST, so the constructor and which of the
// call's arguments reach it are read from there.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_FRONTEND_FORWARDEDCONSTRUCTORS_H
#define COROLINT_FRONTEND_FORWARDEDCONSTRUCTORS_H

#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace corolint {

/// A constructor of the program's class that a library function runs, and
/// for each of the constructor's arguments the index of the library
/// function's parameter it forwards (-1: made inside the library).
struct ForwardedConstructor {
  const clang::CXXConstructorDecl *Ctor = nullptr;
  llvm::SmallVector<int, 4> ParamOfArg;
};

class ForwardedConstructors {
public:
  /// What a call of \p F constructs, when \p F is a library function
  /// template (one of a system header) that hands at least one of its
  /// parameters, through calls of other such functions, to a constructor of
  /// a class of the program, or that has no parameters and constructs one
  /// from nothing (`make_unique<T>()`): the first one its body reaches.
  std::optional<ForwardedConstructor> of(const clang::FunctionDecl *F);

private:
  std::optional<ForwardedConstructor> lookup(const clang::FunctionDecl *F,
                                             unsigned Depth);
  std::optional<ForwardedConstructor> search(const clang::FunctionDecl *F,
                                             unsigned Depth);

  /// Per library function: what it constructs. A function being searched
  /// is in the map with nothing yet, so a recursion finds nothing there.
  llvm::DenseMap<const clang::FunctionDecl *,
                 std::optional<ForwardedConstructor>>
      Memo;
};

} // namespace corolint

#endif
