//===- Names.cpp - Normalized names and object identities -----------------===//

#include "Names.h"
#include "RoleEvidence.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace corolint {

const Expr *stripWrappers(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = B->getSubExpr();
    else if (const auto *C = dyn_cast<CXXFunctionalCastExpr>(Next))
      Next = C->getSubExpr();
    else if (const auto *W = dyn_cast<ExprWithCleanups>(Next))
      Next = W->getSubExpr();
    // `strand_{make_strand(pool_)}`: braces around a value of the same type.
    else if (const auto *List = dyn_cast<InitListExpr>(Next);
             List && List->isTransparent())
      Next = List->getInit(0);
    else if (const auto *Call = dyn_cast<CallExpr>(Next);
             Call && Call->getNumArgs() == 1 &&
             (Call->getBuiltinCallee() == Builtin::BImove ||
              Call->getBuiltinCallee() == Builtin::BIforward))
      Next = Call->getArg(0); // std::move(h) is still h.
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

static std::string ownName(const NamedDecl *D) {
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(D))
    return Ctor->getParent()->getNameAsString();
  if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(D))
    return "~" + Dtor->getParent()->getNameAsString();
  if (const auto *R = dyn_cast<RecordDecl>(D))
    if (R->getName().empty()) {
      if (R->isLambda())
        return "(lambda)";
      // `typedef union { ... } pthread_mutex_t;`: the typedef names it.
      if (const TypedefNameDecl *Typedef = R->getTypedefNameForAnonDecl())
        return Typedef->getNameAsString();
      return "(anonymous)";
    }
  if (const auto *N = dyn_cast<NamespaceDecl>(D))
    if (N->isAnonymousNamespace())
      return "(anonymous namespace)";
  return D->getDeclName().getAsString();
}

std::string Names::qualifiedName(const NamedDecl *D) const {
  std::string Result = ownName(D);
  for (const DeclContext *C = D->getDeclContext(); C; C = C->getParent()) {
    if (const auto *N = dyn_cast<NamespaceDecl>(C)) {
      if (N->isInline())
        continue;
    } else if (const auto *R = dyn_cast<RecordDecl>(C)) {
      // The members of an anonymous union are the enclosing class's
      // (`union { Continuation _continuation; };`).
      if (R->isAnonymousStructOrUnion())
        continue;
    } else if (!isa<FunctionDecl>(C)) {
      continue; // Linkage specs, the translation unit, ...
    }
    Result = ownName(cast<NamedDecl>(C)) + "::" + Result;
  }
  return Result;
}

std::string Names::typeName(QualType T) const {
  if (T.isNull())
    return "";
  T = T.getNonReferenceType();
  // An object used through a pointer (`ch->async_receive()`) is still an
  // object of the pointee's class.
  if (T->isPointerType())
    T = T->getPointeeType();
  if (const auto *R = T->getAsCXXRecordDecl())
    return qualifiedName(R);
  return "";
}

/// The closure types a declaration's USR leaves unnamed: the lambdas it is
/// nested in, and those its template arguments name.
static std::vector<const CXXRecordDecl *> closuresIn(const Decl *D) {
  std::vector<const CXXRecordDecl *> Closures;
  for (const DeclContext *C = D->getDeclContext(); C; C = C->getParent())
    if (const auto *R = dyn_cast<CXXRecordDecl>(C); R && R->isLambda())
      Closures.push_back(R);
  if (const auto *R = dyn_cast<CXXRecordDecl>(D); R && R->isLambda())
    Closures.push_back(R);
  const auto *FD = dyn_cast<FunctionDecl>(D);
  if (const TemplateArgumentList *Args =
          FD ? FD->getTemplateSpecializationArgs() : nullptr)
    for (const TemplateArgument &A : Args->asArray())
      if (A.getKind() == TemplateArgument::Type)
        if (const CXXRecordDecl *R = A.getAsType()->getAsCXXRecordDecl();
            R && R->isLambda())
          Closures.push_back(R);
  return Closures;
}

std::string Names::usr(const Decl *D) const {
  llvm::SmallString<128> Buf;
  if (index::generateUSRForDecl(D, Buf))
    return "";
  // Clang names a closure type that has linkage (a lambda in an inline
  // function or a template) "@Sa", without its place, so two lambdas of one
  // function would share a USR and one of them would be lost. Their places
  // tell them apart, and are the same in every unit that includes them.
  for (const CXXRecordDecl *Closure : closuresIn(D)) {
    SourceLoc L = location(Closure->getLocation());
    Buf += "|L" + std::to_string(L.Line) + ":" + std::to_string(L.Col);
  }
  // Clang names a static function or anything in an anonymous namespace
  // after its file's base name only, so two "static run()" in a/main.cpp and
  // b/main.cpp would merge. The full path of the declaration keeps them
  // apart, and still merges what one header declares for many units.
  // Every program of a compile database has its own main: keep them apart
  // by place the same way, or one unit's main would stand for all of them.
  const auto *ND = dyn_cast<NamedDecl>(D);
  const auto *FD = dyn_cast<FunctionDecl>(D);
  if ((ND && !ND->isExternallyVisible()) || (FD && FD->isMain()))
    return location(D->getLocation()).File + "|" + std::string(Buf);
  return std::string(Buf);
}

std::string Names::fileName(FileID ID) const {
  auto It = FileNames.find(ID);
  if (It != FileNames.end())
    return It->second;
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::SmallString<256> Path;
  if (OptionalFileEntryRef F = SM.getFileEntryRefForID(ID))
    Path = F->getName();
  if (!Path.empty()) {
    llvm::sys::fs::make_absolute(WorkingDir, Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  }
  return FileNames[ID] = std::string(Path);
}

SourceLoc Names::location(SourceLocation L) const {
  const SourceManager &SM = Ctx.getSourceManager();
  // Code written in a macro's argument (`REQUIRE(co_await f())`) is where
  // it is spelled, so that the finding and its NOLINT are on that line; the
  // rest of a macro's expansion is where the macro is used.
  L = SM.getFileLoc(L);
  if (L.isInvalid())
    return {};
  return {fileName(SM.getFileID(L)), SM.getExpansionLineNumber(L),
          SM.getExpansionColumnNumber(L)};
}

std::string Names::functionDisplayName(const FunctionDecl *FD) const {
  const auto *M = dyn_cast<CXXMethodDecl>(FD);
  if (!M || !M->getParent()->isLambda())
    return qualifiedName(FD);
  SourceLoc L = location(M->getParent()->getLocation());
  return "(lambda at " + llvm::sys::path::filename(L.File).str() + ":" +
         std::to_string(L.Line) + ":" + std::to_string(L.Col) + ")";
}

/// Whether a member can hand out one of the class's fields: it returns a
/// reference or pointer to something it may change (`event &ready()`), other
/// than the object itself (`operator=`).
static bool handsOutMutableAccess(const CXXMethodDecl *M) {
  QualType T = M->getReturnType();
  if (!T->isReferenceType() && !T->isPointerType())
    return false;
  QualType Pointee = T->getPointeeType();
  const CXXRecordDecl *Returned = Pointee->getAsCXXRecordDecl();
  bool Self = Returned && Returned->getCanonicalDecl() ==
                              M->getParent()->getCanonicalDecl();
  return !Pointee.isConstQualified() && !Self;
}

/// Whether \p M has a body where its class is seen. A member of a class
/// template's specialization that nothing calls is declared but never
/// instantiated: its body is the template's, which is seen, and no code
/// runs it.
static bool isDefinedHere(const CXXMethodDecl *M,
                          const FunctionTemplateDecl *Template) {
  if (M->isDefined())
    return true;
  if (Template)
    if (const FunctionTemplateDecl *From =
            Template->getInstantiatedFromMemberTemplate())
      return From->getTemplatedDecl()->isDefined();
  const FunctionDecl *From = M->getInstantiatedFromMemberFunction();
  return From && From->isDefined();
}

/// Whether every member function of \p R and of the classes nested in it is
/// defined (or deleted, defaulted, pure) where \p R is seen, and none hands
/// out a field: the analysis of this unit sees all code that can reach them.
static bool allMembersDefined(const CXXRecordDecl *R) {
  for (const Decl *D : R->decls()) {
    const auto *Template = dyn_cast<FunctionTemplateDecl>(D);
    if (Template)
      D = Template->getTemplatedDecl();
    if (const auto *M = dyn_cast<CXXMethodDecl>(D)) {
      if (M->isImplicit() || M->isDeleted() || M->isDefaulted() ||
          M->isPureVirtual())
        continue;
      if (!isDefinedHere(M, Template) || handsOutMutableAccess(M))
        return false;
    } else if (const auto *Nested = dyn_cast<CXXRecordDecl>(D)) {
      if (Nested->isImplicit())
        continue; // The injected class name.
      if (!Nested->hasDefinition() ||
          !allMembersDefined(Nested->getDefinition()))
        return false;
    }
  }
  return true;
}

/// A private field, held by value, of a class without friends, all of whose
/// members are defined here: only code the analysis sees can name it.
/// Decided once per class: a class of a big header is named many times.
bool Names::isClosedField(const FieldDecl *F) const {
  const auto *R = dyn_cast<CXXRecordDecl>(F->getParent());
  if (F->getAccess() != AS_private || !R || !R->hasDefinition() ||
      F->getType()->isReferenceType() || F->getType()->isPointerType())
    return false;
  auto [It, New] = ClosedClasses.try_emplace(R, false);
  if (New)
    It->second = !R->hasFriends() && allMembersDefined(R);
  return It->second;
}

ObjectRef Names::objectOfDecl(const ValueDecl *D) const {
  ObjectRef R;
  R.Type = typeName(D->getType());
  R.Key = usr(D);
  if (const auto *F = dyn_cast<FieldDecl>(D)) {
    R.K = ObjectRef::Kind::Field;
    R.Name = qualifiedName(F);
    R.Internal = isClosedField(F);
    R.Private = F->getAccess() == AS_private;
    // A pointer field may own its object (`ev_ = new Event`); a reference
    // never does.
    R.Alias = F->getType()->isReferenceType();
  } else if (const auto *P = dyn_cast<ParmVarDecl>(D)) {
    const auto *Fn = dyn_cast_or_null<FunctionDecl>(P->getDeclContext());
    if (!Fn)
      return {};
    R.K = ObjectRef::Kind::Param;
    R.ParamIndex = P->getFunctionScopeIndex();
    R.Key = usr(Fn) + "#" + std::to_string(R.ParamIndex);
    R.Name = functionDisplayName(Fn) + "::" + P->getNameAsString();
  } else if (const auto *V = dyn_cast<VarDecl>(D)) {
    R.K = V->hasGlobalStorage() ? ObjectRef::Kind::Global
                                : ObjectRef::Kind::Local;
    // A reference or pointer names an object that may live anywhere.
    R.Internal = !V->isExternallyVisible() &&
                 !V->getType()->isReferenceType() &&
                 !V->getType()->isPointerType();
    // A local reference (`auto &join = m_join;`) names what it is bound to,
    // which its own key does not.
    R.Alias = R.K == ObjectRef::Kind::Local && V->getType()->isReferenceType();
    const auto *Fn = dyn_cast_or_null<FunctionDecl>(V->getDeclContext());
    R.Name = Fn ? functionDisplayName(Fn) + "::" + V->getNameAsString()
                : qualifiedName(V);
  } else {
    return {};
  }
  if (R.Key.empty()) {
    // USRs exist for every variable we name; a location keeps the key unique
    // should one ever be missing.
    SourceLoc L = location(D->getLocation());
    R.Key = "c:" + L.File + "@" + std::to_string(L.Line) + ":" +
            std::to_string(L.Col) + "@" + D->getNameAsString();
  }
  return R;
}

ObjectRef Names::objectOf(const Expr *E) const {
  E = stripWrappers(E);
  if (!E)
    return {};
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    if (U->getOpcode() == UO_Deref || U->getOpcode() == UO_AddrOf)
      return objectOf(U->getSubExpr());
  // `uv_close((uv_handle_t *)&timer_, cb)`: a pointer cast to another
  // pointer type still points at the object.
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
      Cast && Cast->getType()->isPointerType() &&
      Cast->getSubExpr()->getType()->isPointerType())
    return objectOf(Cast->getSubExpr());
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return objectOfDecl(Ref->getDecl());
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    if (isa<VarDecl>(Member->getMemberDecl()))
      return objectOfDecl(Member->getMemberDecl());
    if (isa<FieldDecl>(Member->getMemberDecl())) {
      ObjectRef R = objectOfDecl(Member->getMemberDecl());
      R.ThroughParam = parameterKey(Member->getBase());
      R.ThroughLocal = localKey(Member->getBase());
      return R;
    }
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
    return objectOfAccessor(Call);
  // `*sock` and `sock->close()` on a smart pointer name the object it owns,
  // as they do on a raw pointer, with the class of that object; other
  // copies of a shared pointer may reach it, so it is never internal.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    if ((Op->getOperator() == OO_Star || Op->getOperator() == OO_Arrow) &&
        Op->getNumArgs() == 1) {
      ObjectRef R = objectOf(Op->getArg(0));
      if (R.isKnown() && !typeName(Op->getType()).empty())
        R.Type = typeName(Op->getType());
      R.Internal = false;
      return R;
    }
  return {};
}

/// `routes_[path]`, `handlers_.at(name)`, `queue_.front()`: an element a
/// library container hands out by reference is known by its container.
/// Only a library's members count (a container's `at`, `front`, `back`):
/// they return a reference into the object they are called on, which the
/// program's own members need not.
const Expr *Names::elementContainer(const Expr *E) const {
  E = stripWrappers(E);
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
    return Op->getArg(0);
  const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(E);
  const CXXMethodDecl *M = Call ? Call->getMethodDecl() : nullptr;
  const SourceManager &SM = Ctx.getSourceManager();
  if (M && M->getReturnType()->isReferenceType() &&
      SM.isInSystemHeader(SM.getExpansionLoc(M->getLocation())))
    return Call->getImplicitObjectArgument();
  return nullptr;
}

/// The parameter \p Base names (`from`, `*to`, `to` in `to->guard`), or
/// null.
static const ParmVarDecl *parameterNamed(const Expr *Base) {
  Base = stripWrappers(Base);
  if (const auto *U = dyn_cast_or_null<UnaryOperator>(Base);
      U && U->getOpcode() == UO_Deref)
    Base = stripWrappers(U->getSubExpr());
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Base);
  return Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
}

/// `from.guard`, `to->guard`: the key of the parameter (`from`, `to`) a
/// field is reached through, or "".
std::string Names::parameterKey(const Expr *Base) const {
  const ParmVarDecl *Param = parameterNamed(Base);
  ObjectRef R = Param ? objectOfDecl(Param) : ObjectRef();
  return R.K == ObjectRef::Kind::Param ? R.Key : "";
}

/// The local variable an object expression is reached from, through
/// fields, dereferences, element accessors and the member calls that hand
/// out parts (`node.mapped()`, `it->second`, `*req.reply`), or null.
static const VarDecl *localReachedFrom(const Expr *Base) {
  for (Base = stripWrappers(Base); Base; Base = stripWrappers(Base)) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Base)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      return Var && Var->isLocalVarDecl() && !Var->isStaticLocal() ? Var
                                                                   : nullptr;
    }
    if (const auto *Member = dyn_cast<MemberExpr>(Base))
      Base = Member->getBase();
    else if (const auto *U = dyn_cast<UnaryOperator>(Base);
             U && U->getOpcode() == UO_Deref)
      Base = U->getSubExpr();
    else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Base))
      Base = Call->getImplicitObjectArgument();
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Base);
             Op && Op->getNumArgs() >= 1 &&
             (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star ||
              Op->getOperator() == OO_Subscript))
      Base = Op->getArg(0);
    else
      return nullptr;
  }
  return nullptr;
}

/// `req.waiter`, `node.mapped().handle`: the key of the local (`req`,
/// `node`) a field is reached from, or "". A local's own name is no field.
std::string Names::localKey(const Expr *Base) const {
  const VarDecl *Local = localReachedFrom(Base);
  return Local ? objectOfDecl(Local).Key : "";
}

/// Whether the object \p Call is made on is a parameter of reference or
/// pointer type, which names the caller's object (`link.upstream()`,
/// `link->upstream()` on `Link &link`, `Link *link`).
static bool refersElsewhere(const CXXMemberCallExpr *Call) {
  const ParmVarDecl *Param = parameterNamed(Call->getImplicitObjectArgument());
  return Param && (Param->getType()->isReferenceType() ||
                   Param->getType()->isPointerType());
}

/// `socket_wrapper_.socket()`: a member that takes no argument and returns a
/// pointer or a reference to a class object gives the same object each time
/// it is called on the same object, so `...socket()->close()` closes what
/// `async_read(*...socket(), buf)` reads. Called on its own object
/// (`inbox().async_send(...)`), an accessor the program defines as
/// `return inbox_;` is that field, as `inbox_` is. On another object it
/// stays the accessor of that object: the field's key, every object's,
/// would make two links one (`left_.inbox()`, `right_.inbox()`). On a
/// parameter or a reference field, which stand for what callers and
/// constructors bind them to, it keeps its holder (ObjectRef::AccessorOf)
/// for the linker to resolve.
ObjectRef Names::objectOfAccessor(const CXXMemberCallExpr *Call) const {
  const CXXMethodDecl *M = Call->getMethodDecl();
  if (!M || Call->getNumArgs() != 0 || !M->getIdentifier())
    return {};
  QualType Result = M->getReturnType();
  if (!(Result->isPointerType() || Result->isReferenceType()) ||
      typeName(Result).empty())
    return {};
  if (isa<CXXThisExpr>(stripWrappers(Call->getImplicitObjectArgument())))
    if (ObjectRef Field = fieldReturnedBy(M); Field.isKnown())
      return Field;
  ObjectRef R = objectOf(Call->getImplicitObjectArgument());
  if (!R.isKnown())
    return {};
  if (R.K == ObjectRef::Kind::Param || R.Alias) {
    // Only an accessor that gives the same object each time it is called
    // on the same holder stands for one object of each holder
    // (`Chan &next() { return lanes_[turn_++ % 2]; }` does not).
    if (!M->isConst() && !fieldReturnedBy(M).isKnown() && !inSystemHeader(M))
      return R.K == ObjectRef::Kind::Param ? ObjectRef() : holderAccessor(R, M);
    // A parameter taken by value is a copy of its own.
    if (R.K == ObjectRef::Kind::Param && !R.AccessorOf &&
        !refersElsewhere(Call))
      return {};
    R.AccessorOf = std::make_shared<const ObjectRef>(R);
  }
  return holderAccessor(R, M);
}

/// `holder.accessor()` named by its holder \p R and the accessor \p M.
ObjectRef Names::holderAccessor(ObjectRef R, const CXXMethodDecl *M) const {
  // Not the parameter itself, which the linker would bind to an argument.
  R.ParamIndex = -1;
  R.Key += "->" + M->getNameAsString() + "()";
  R.Name += "." + M->getNameAsString() + "()";
  R.Type = typeName(M->getReturnType());
  R.Internal = false;
  R.Alias = false;
  return R;
}

/// The field of its own object that member \p M of the program returns as
/// its whole body (`return inbox_;`, `return &inbox_;`, `return *impl_;`),
/// or none. A library's member may return anything it likes, and an
/// override of a virtual one something else.
ObjectRef Names::fieldReturnedBy(const CXXMethodDecl *M) const {
  if (inSystemHeader(M) || M->isVirtual())
    return {};
  const Expr *Value = stripWrappers(accessedValue(M));
  if (const auto *U = dyn_cast_or_null<UnaryOperator>(Value);
      U && (U->getOpcode() == UO_Deref || U->getOpcode() == UO_AddrOf))
    Value = stripWrappers(U->getSubExpr());
  const auto *Member = dyn_cast_or_null<MemberExpr>(Value);
  if (!Member || !isa<FieldDecl>(Member->getMemberDecl()) ||
      !isa<CXXThisExpr>(stripWrappers(Member->getBase())))
    return {};
  return objectOfDecl(Member->getMemberDecl());
}

const Expr *accessedValue(const CXXMethodDecl *Method) {
  const FunctionDecl *Definition = nullptr;
  if (!Method->hasBody(Definition))
    return nullptr;
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Definition->getBody());
  if (!Block || Block->size() != 1)
    return nullptr;
  const auto *Return = dyn_cast<ReturnStmt>(Block->body_front());
  return Return ? Return->getRetValue() : nullptr;
}

/// The function a lambda runs: its call operator, or for a generic lambda the
/// first instantiation of it (handlers are usually instantiated once).
static const FunctionDecl *lambdaBody(const LambdaExpr *L) {
  const CXXMethodDecl *Op = L->getCallOperator();
  if (const FunctionTemplateDecl *T = Op->getDescribedFunctionTemplate()) {
    auto Instances = T->specializations();
    return Instances.empty() ? nullptr : *Instances.begin();
  }
  return Op;
}

/// What \p E passes as a callable, through wrappers, `&` and the
/// initializers of locals: a LambdaExpr, a DeclRefExpr naming a function,
/// or null.
static const Expr *callableSource(const Expr *E) {
  // Each step goes into a subexpression or a variable's initializer; a
  // variable whose initializer names itself ends the walk.
  llvm::SmallPtrSet<const VarDecl *, 4> Followed;
  while (E) {
    E = stripWrappers(E);
    if (isa<LambdaExpr>(E))
      return E;
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      E = U->getOpcode() == UO_AddrOf ? U->getSubExpr() : nullptr;
      continue;
    }
    if (const auto *Conv = dyn_cast<CXXMemberCallExpr>(E);
        Conv && isa_and_nonnull<CXXConversionDecl>(Conv->getMethodDecl()) &&
        Conv->getRecordDecl() && Conv->getRecordDecl()->isLambda()) {
      // A lambda with no captures converted to a function pointer (a C
      // API's callback, `uv_udp_send(..., [](uv_udp_send_t *r, int s) {
      // ... })`) is the lambda.
      E = Conv->getImplicitObjectArgument();
      continue;
    }
    if (const auto *C = dyn_cast<CXXConstructExpr>(E)) {
      // A callable converted into a wrapper (std::function and its kin) is
      // the same callable. Explicit constructors, like std::thread's, are
      // calls of their own and are recorded as such.
      const CXXConstructorDecl *Ctor = C->getConstructor();
      E = (C->getNumArgs() == 1 && !Ctor->isExplicit() &&
           !Ctor->isCopyOrMoveConstructor())
              ? C->getArg(0)
              : nullptr;
      continue;
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    if (!Ref)
      return nullptr;
    if (isa<FunctionDecl>(Ref->getDecl()))
      return Ref;
    const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
    E = (V && V->isLocalVarDecl() && Followed.insert(V).second) ? V->getInit()
                                                               : nullptr;
  }
  return nullptr;
}

bool inSystemHeader(const Decl *D) {
  const SourceManager &SM = D->getASTContext().getSourceManager();
  return SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation()));
}

/// The call operator of a function object of the program passed as a
/// callable (`std::thread t(Worker{id})`, `threads.emplace_back(std::ref(
/// worker))`, `async_read(sock, buf, *this)` in an Asio stackless
/// coroutine): what a thread or a loop that is handed it runs. A library's
/// wrapper around one argument that is itself callable (`std::ref`,
/// `std::move`) hands on that argument. A class of a system header (a
/// hasher, std::function) is the library's, and a class with several call
/// operators, or a template one, says nothing.
static const FunctionDecl *functionObjectCall(const Expr *E) {
  E = stripWrappers(E);
  if (const auto *Wrap = dyn_cast<CallExpr>(E);
      Wrap && Wrap->getNumArgs() == 1 && Wrap->getDirectCallee() &&
      inSystemHeader(Wrap->getDirectCallee()) &&
      isCallable(Wrap->getType()))
    E = stripWrappers(Wrap->getArg(0));
  const CXXRecordDecl *Class =
      E->getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (!Class || Class->isLambda() || !Class->hasDefinition() ||
      inSystemHeader(Class))
    return nullptr;
  const CXXMethodDecl *Call = nullptr;
  for (const CXXMethodDecl *M : Class->methods())
    if (M->getOverloadedOperator() == OO_Call) {
      if (Call)
        return nullptr;
      Call = M;
    }
  return Call && Call->isDefined() && !Class->isDependentContext() ? Call
                                                                   : nullptr;
}

const FunctionDecl *Names::callableOf(const Expr *E) const {
  const Expr *Source = callableSource(E);
  if (const auto *L = dyn_cast_or_null<LambdaExpr>(Source))
    return lambdaBody(L);
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Source))
    return cast<FunctionDecl>(Ref->getDecl());
  return E ? functionObjectCall(E) : nullptr;
}

const LambdaExpr *Names::lambdaOf(const Expr *E) const {
  return dyn_cast_or_null<LambdaExpr>(callableSource(E));
}

} // namespace corolint
