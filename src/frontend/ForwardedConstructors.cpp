//===- ForwardedConstructors.cpp - What a library factory constructs ------===//

#include "ForwardedConstructors.h"
#include "Names.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace corolint {
namespace {

/// make_shared reaches the constructor through allocate_shared, the
/// shared_ptr constructors, the control block, allocator_traits and
/// construct_at: nine calls in libstdc++ 12. Deeper chains are not
/// factories.
constexpr unsigned MaxDepth = 12;

/// `std::forward<Args>(args)`, `std::move(a)`, `static_cast<A &&>(a)`: the
/// expression handed on.
const Expr *handedOn(const Expr *E) {
  for (;;) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && Call->getNumArgs() == 1 && Callee->isInStdNamespace() &&
          Callee->getIdentifier() &&
          (Callee->getName() == "forward" || Callee->getName() == "move")) {
        E = Call->getArg(0);
        continue;
      }
    }
    if (const auto *Cast = dyn_cast<CXXStaticCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    // A copy into a by-value parameter, or a conversion
    // (`make_unique<log>("app.log")` into a `const std::string &`).
    if (const auto *Made = dyn_cast<CXXConstructExpr>(E);
        Made && Made->getNumArgs() >= 1 &&
        llvm::all_of(llvm::drop_begin(Made->arguments()),
                     [](const Expr *A) { return isa<CXXDefaultArgExpr>(A); })) {
      E = Made->getArg(0);
      continue;
    }
    return E;
  }
}

/// The calls and constructions of one library function's body (and of a
/// constructor's initializers), in source order.
class CallsInBody : public RecursiveASTVisitor<CallsInBody> {
public:
  bool VisitCallExpr(CallExpr *E) {
    // A member operator's object is its first argument, which no parameter
    // of the operator receives.
    if (!isa<CXXOperatorCallExpr>(E) && E->getDirectCallee())
      Found.push_back(E);
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    Found.push_back(E);
    return true;
  }
  std::vector<const Expr *> Found;
};

std::vector<const Expr *> callsIn(const FunctionDecl *F) {
  CallsInBody Calls;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(F))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten() || Init->isBaseInitializer())
        Calls.TraverseStmt(Init->getInit());
  Calls.TraverseStmt(F->getBody());
  return Calls.Found;
}

const FunctionDecl *calleeOf(const Expr *E) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getConstructor();
  return cast<CallExpr>(E)->getDirectCallee();
}

llvm::ArrayRef<const Expr *> argsOf(const Expr *E) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return {Construct->getArgs(), Construct->getNumArgs()};
  const auto *Call = cast<CallExpr>(E);
  return {Call->getArgs(), Call->getNumArgs()};
}

/// A constructor the program writes and that builds something from its
/// arguments: not one the compiler writes, nor a copy or a move.
bool isProgramConstructor(const FunctionDecl *F) {
  const auto *Ctor = dyn_cast<CXXConstructorDecl>(F);
  return Ctor && !inSystemHeader(Ctor) && !Ctor->isTrivial() &&
         !Ctor->isCopyOrMoveConstructor() && !Ctor->isImplicit();
}

} // namespace

std::optional<ForwardedConstructor>
ForwardedConstructors::of(const FunctionDecl *F) {
  return lookup(F, 0);
}

std::optional<ForwardedConstructor>
ForwardedConstructors::lookup(const FunctionDecl *F, unsigned Depth) {
  const FunctionDecl *Definition = nullptr;
  if (!F->hasBody(Definition) || !inSystemHeader(Definition))
    return std::nullopt;
  if (auto It = Memo.find(Definition); It != Memo.end())
    return It->second;
  if (Depth > MaxDepth)
    return std::nullopt;
  Memo[Definition] = std::nullopt;
  std::optional<ForwardedConstructor> Found = search(Definition, Depth);
  Memo[Definition] = Found;
  return Found;
}

std::optional<ForwardedConstructor>
ForwardedConstructors::search(const FunctionDecl *F, unsigned Depth) {
  for (const Expr *Call : callsIn(F)) {
    llvm::ArrayRef<const Expr *> Args = argsOf(Call);
    llvm::SmallVector<int, 4> Forwarded;
    bool Any = false;
    for (const Expr *Arg : Args) {
      const auto *Ref = dyn_cast<DeclRefExpr>(handedOn(Arg));
      const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
      bool Ours = Param && Param->getDeclContext() == F;
      Forwarded.push_back(Ours ? Param->getFunctionScopeIndex() : -1);
      Any |= Ours;
    }
    const FunctionDecl *Callee = calleeOf(Call);
    // `std::make_unique<snapshot>()`: a factory handed nothing constructs
    // from nothing.
    if (Args.empty() && F->getNumParams() == 0 && isProgramConstructor(Callee))
      return ForwardedConstructor{cast<CXXConstructorDecl>(Callee), {}};
    if (!Any)
      continue;
    if (isProgramConstructor(Callee))
      return ForwardedConstructor{cast<CXXConstructorDecl>(Callee), Forwarded};
    std::optional<ForwardedConstructor> Inner = lookup(Callee, Depth + 1);
    if (!Inner)
      continue;
    bool Reaches = false;
    for (int &Index : Inner->ParamOfArg) {
      Index = Index >= 0 && Index < static_cast<int>(Forwarded.size())
                  ? Forwarded[Index]
                  : -1;
      Reaches |= Index >= 0;
    }
    if (Reaches)
      return Inner;
  }
  return std::nullopt;
}

} // namespace corolint
