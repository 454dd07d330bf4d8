//===- IntegerValues.cpp - Where a function's integers come from ----------===//
//
// Flags are recorded by the names the code spells, not by their values.
// O_NONBLOCK is 04000 on Linux and 4 on the BSDs and macOS, and glibc's
// SOCK_NONBLOCK is an enumerator behind a macro of the same name: a model
// that named values would be right on one platform, and facts are extracted
// before the models are read, so the frontend could not evaluate a flag the
// model names in the unit's own headers either. The name is what a reader of
// the code sees and what the models say (C functions are matched by name
// too). A flag written as a number, or built by shifts, is not seen.
//
//===----------------------------------------------------------------------===//

#include "IntegerValues.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace corolint {

/// Reference locals and range-for variables can alias one another; the walk
/// follows this many of them before it gives up.
static constexpr unsigned MaxDepth = 4;

bool IntegerValues::isIntegerLike(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *P = T->getAs<PointerType>()) {
    T = P->getPointeeType();
    if (T->isAnyCharacterType())
      return false; // A string.
  }
  return T->isIntegralOrEnumerationType() && !T->isBooleanType();
}

bool IntegerValues::isPlainStruct(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *P = T->getAs<PointerType>())
    T = P->getPointeeType();
  const auto *R = T->getAsCXXRecordDecl();
  return R && R->hasDefinition() && R->isCLike();
}

void IntegerValues::noteLocal(const VarDecl *V) {
  if (V->isLocalVarDecl() && V->getInit())
    Stores[V].push_back(V->getInit());
}

void IntegerValues::noteStore(const Expr *Target, const Expr *Value) {
  Target = stripWrappers(Target);
  if (const auto *Member = dyn_cast<MemberExpr>(Target);
      Member && !Member->isArrow())
    Target = stripWrappers(Member->getBase());
  const auto *Ref = dyn_cast<DeclRefExpr>(Target);
  const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (V && V->isLocalVarDecl())
    Stores[V].push_back(Value);
}

void IntegerValues::noteRangeFor(const CXXForRangeStmt *S) {
  if (const VarDecl *V = S->getLoopVariable())
    RangeOf[V] = S->getRangeInit();
}

ObjectRef IntegerValues::holderOf(const Expr *E) const {
  return holder(E, 0, /*InGetter=*/false);
}

ObjectRef IntegerValues::holder(const Expr *E, unsigned Depth,
                                bool InGetter) const {
  E = E ? stripWrappers(E->IgnoreParenCasts()) : nullptr;
  if (!E || Depth > MaxDepth)
    return {};
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    return U->getOpcode() == UO_AddrOf
               ? holder(U->getSubExpr(), Depth, InGetter)
               : ObjectRef();
  if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(E))
    return holder(Sub->getBase(), Depth, InGetter);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    return Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2
               ? holder(Op->getArg(0), Depth, InGetter)
               : ObjectRef();
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    if (InGetter)
      return {};
    // A library's member (`std::array::data()`) hands out the object's own
    // elements, whatever field its body names: that field is the same for
    // every array of the program. The program's own getters name theirs.
    const CXXMethodDecl *M = Call->getMethodDecl();
    const SourceManager &SM = N.context().getSourceManager();
    if (M && SM.isInSystemHeader(SM.getExpansionLoc(M->getLocation())))
      return elementsOf(Call, Depth);
    ObjectRef Field = getterField(Call, Depth);
    return Field.isKnown() ? Field : elementsOf(Call, Depth);
  }
  ObjectRef Named = N.objectOf(E);
  // In a getter only what outlives the call can be handed out.
  if (InGetter)
    return Named.K == ObjectRef::Kind::Field ||
                   Named.K == ObjectRef::Kind::Global
               ? Named
               : ObjectRef();
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!V)
    return Named;
  if (auto It = RangeOf.find(V); It != RangeOf.end())
    return holder(It->second, Depth + 1, InGetter);
  if (V->isLocalVarDecl() && V->getType()->isReferenceType() && V->getInit())
    return holder(V->getInit(), Depth + 1, InGetter);
  if (V->isLocalVarDecl() && isPlainStruct(V->getType()))
    if (ObjectRef Source = memberSource(V, Depth); Source.isKnown())
      return Source;
  return Named;
}

/// `pollfd pfd{fd, POLLIN, 0}`, or `pfd.fd = fd`: a local C struct whose
/// members are given constants and the value of one object holds what
/// that object holds. Several objects, or none, and it holds its own.
ObjectRef IntegerValues::memberSource(const VarDecl *V, unsigned Depth) const {
  std::vector<const Expr *> Values;
  for (const Expr *Stored : Stores.lookup(V)) {
    Stored = Stored->IgnoreParenImpCasts();
    if (const auto *List = dyn_cast<InitListExpr>(Stored))
      Values.insert(Values.end(), List->inits().begin(), List->inits().end());
    else
      Values.push_back(Stored);
  }
  ObjectRef Source;
  for (const Expr *Value : Values) {
    if (!Value || !isIntegerLike(Value->getType()) ||
        Value->isValueDependent() || Value->isIntegerConstantExpr(N.context()))
      continue;
    ObjectRef From = holder(Value, Depth + 1, /*InGetter=*/false);
    if (!From.isKnown() || (Source.isKnown() && Source.Key != From.Key))
      return {};
    Source = std::move(From);
  }
  return Source;
}

/// `sock.native_handle()`, `pipe.write_fd()`: a member function whose whole
/// body returns a field (or an element of one) reads that field. One level
/// only: a getter calling a getter is not followed. The field is the class's,
/// whichever object the call is made on: facts about a holder are facts
/// about every object of the class.
ObjectRef IntegerValues::getterField(const CXXMemberCallExpr *Call,
                                     unsigned Depth) const {
  const CXXMethodDecl *M = Call->getMethodDecl();
  const FunctionDecl *Def = nullptr;
  if (!M || M->isVirtual() || M->getNumParams() != 0 || !M->hasBody(Def))
    return {};
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
  if (!Body || Body->size() != 1)
    return {};
  const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
  return Return ? holder(Return->getRetValue(), Depth + 1, /*InGetter=*/true)
                : ObjectRef();
}

/// `fds.data()` of a `std::array<int, 2>` or a vector: a member call with no
/// arguments that returns a pointer to integers hands out the object's own
/// elements, whose holder the object is (`pipe(fds.data())` fills `fds`).
ObjectRef IntegerValues::elementsOf(const CXXMemberCallExpr *Call,
                                    unsigned Depth) const {
  QualType T = Call->getType();
  if (Call->getNumArgs() != 0 || !T->isPointerType() ||
      !T->getPointeeType()->isIntegerType())
    return {};
  return holder(Call->getImplicitObjectArgument(), Depth + 1,
                /*InGetter=*/false);
}

std::vector<std::string> IntegerValues::flagsOf(const Expr *E) const {
  std::set<std::string> Names;
  llvm::SmallPtrSet<const VarDecl *, 4> Seen;
  collectFlags(E, Names, Seen);
  return {Names.begin(), Names.end()};
}

/// A value has the bits of each operand of `|` and those of either branch
/// of `?:` (a mode chosen at run time counts as set). Under `&`, `~`, `^`
/// and the rest a constant may clear bits (`flags & ~O_NONBLOCK`), so the
/// walk does not go there.
void IntegerValues::collectFlags(
    const Expr *E, std::set<std::string> &Out,
    llvm::SmallPtrSetImpl<const VarDecl *> &Seen) const {
  E = E ? E->IgnoreParenCasts() : nullptr;
  if (!E)
    return;
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    if (B->getOpcode() == BO_Or || B->getOpcode() == BO_OrAssign) {
      collectFlags(B->getLHS(), Out, Seen);
      collectFlags(B->getRHS(), Out, Seen);
    } else if (B->getOpcode() == BO_Assign || B->getOpcode() == BO_Comma) {
      collectFlags(B->getRHS(), Out, Seen);
    }
    return;
  }
  if (const auto *C = dyn_cast<AbstractConditionalOperator>(E)) {
    collectFlags(C->getTrueExpr(), Out, Seen);
    collectFlags(C->getFalseExpr(), Out, Seen);
    return;
  }
  if (isa<IntegerLiteral>(E)) {
    addMacroNames(E->getBeginLoc(), Out);
    return;
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  if (!Ref)
    return;
  if (const auto *Constant = dyn_cast<EnumConstantDecl>(Ref->getDecl())) {
    Out.insert(Constant->getNameAsString());
    addMacroNames(E->getBeginLoc(), Out);
    return;
  }
  const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
  if (!V || !Seen.insert(V).second)
    return;
  if (auto It = Stores.find(V); It != Stores.end()) {
    for (const Expr *Value : It->second)
      collectFlags(Value, Out, Seen);
  } else if (!V->isLocalVarDecl() && V->getType().isConstQualified()) {
    // `constexpr int NonBlocking = O_NONBLOCK;` outside the function.
    collectFlags(V->getInit(), Out, Seen);
  }
}

/// Every macro the token at \p Loc comes from, innermost first: O_NONBLOCK,
/// and a project's `#define NB_FLAGS (O_NONBLOCK | O_CLOEXEC)` around it.
void IntegerValues::addMacroNames(SourceLocation Loc,
                                  std::set<std::string> &Out) const {
  const SourceManager &SM = N.context().getSourceManager();
  const LangOptions &Lang = N.context().getLangOpts();
  while (Loc.isMacroID()) {
    llvm::StringRef Name = Lexer::getImmediateMacroName(Loc, SM, Lang);
    if (!Name.empty())
      Out.insert(Name.str());
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
}

} // namespace corolint
