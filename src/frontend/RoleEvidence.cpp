//===- RoleEvidence.cpp - What a member function keeps and resumes --------===//

#include "RoleEvidence.h"
#include "FunctionBodyVisitor.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <set>

using namespace clang;

namespace corolint {

bool isCoroutineHandle(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || RD->getName() != "coroutine_handle")
    return false;
  const DeclContext *DC = RD->getDeclContext()->getEnclosingNamespaceContext();
  for (; DC && !DC->isTranslationUnit(); DC = DC->getParent())
    if (DC->isStdNamespace())
      return true;
  return false;
}

bool isCallable(QualType T) {
  T = T.getNonReferenceType();
  if (T->isFunctionPointerType() || T->isFunctionType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || isCoroutineHandle(T))
    return false;
  if (RD->isLambda())
    return true;
  DeclarationName Call =
      RD->getASTContext().DeclarationNames.getCXXOperatorName(OO_Call);
  return !RD->getDefinition()->lookup(Call).empty();
}

namespace {

/// Whether \p RD, or a class it derives from, has an `await_suspend`.
bool isAwaiterClass(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return false;
  auto HasSuspend = [](const CXXRecordDecl *C) {
    return llvm::any_of(C->methods(), [](const CXXMethodDecl *M) {
      return M->getIdentifier() && M->getName() == "await_suspend";
    });
  };
  bool Found = HasSuspend(RD->getDefinition());
  RD->getDefinition()->forallBases([&](const CXXRecordDecl *Base) {
    Found |= HasSuspend(Base);
    return true;
  });
  return Found;
}

/// A pointer to an awaiter (`LockAwaiter *`): handed to a helper that links
/// it into a list of waiters, it is the awaiter keeping itself, as an
/// explicit `this` is.
bool isAwaiterPointer(QualType T) {
  return T->isPointerType() &&
         isAwaiterClass(T->getPointeeType()->getAsCXXRecordDecl());
}

/// The local reference \p E names, bound to what it was initialized with
/// (`auto &state = m_mutex.m_state;`), or null.
const Expr *referencedBy(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!V || !V->getType()->isReferenceType() || !V->isLocalVarDecl())
    return nullptr;
  return V->getInit();
}

/// The field an expression designates: `m_waiters`, `m_event.m_state`,
/// `*m_head`, `m_slots[i]`, a local reference to one.
const FieldDecl *fieldOf(const Expr *E) {
  for (E = stripWrappers(E); E; E = stripWrappers(E)) {
    if (const auto *M = dyn_cast<MemberExpr>(E))
      return dyn_cast<FieldDecl>(M->getMemberDecl());
    if (const Expr *Bound = referencedBy(E)) {
      E = Bound;
      continue;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && (U->getOpcode() == UO_Deref || U->getOpcode() == UO_AddrOf))
      E = U->getSubExpr();
    else if (const auto *A = dyn_cast<ArraySubscriptExpr>(E))
      E = A->getBase();
    else
      return nullptr;
  }
  return nullptr;
}

/// `&m_awaitingCoroutine`: the address of a coroutine handle that is a
/// field of this object.
bool addressesOwnHandle(const Stmt *S) {
  const auto *U = dyn_cast<UnaryOperator>(S);
  if (!U || U->getOpcode() != UO_AddrOf)
    return false;
  const auto *M = dyn_cast<MemberExpr>(U->getSubExpr()->IgnoreParens());
  return M && isa<CXXThisExpr>(M->getBase()->IgnoreParenImpCasts()) &&
         isa<FieldDecl>(M->getMemberDecl()) && isCoroutineHandle(M->getType());
}

class EvidenceCollector : public FunctionBodyVisitor<EvidenceCollector> {
public:
  EvidenceCollector(const FunctionDecl *FD, const Names &N, FunctionFact &F)
      : FD(FD), N(N), F(F) {}

  bool VisitMemberExpr(MemberExpr *E) {
    if (const auto *Field = dyn_cast<FieldDecl>(E->getMemberDecl()))
      Fields.insert(N.qualifiedName(Field));
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *E) {
    if (E->isAssignmentOp())
      if (const FieldDecl *Field = fieldOf(E->getLHS()))
        noteStored(E->getRHS(), Field, E->getOperatorLoc(),
                   /*Assigned=*/true);
    return true;
  }

  /// `new (&continuation_) Fn([f = std::move(f)] { f(); })`: the field is
  /// constructed in place from what the initializer is made of.
  bool VisitCXXNewExpr(CXXNewExpr *E) {
    if (E->getNumPlacementArgs() == 1 && E->getInitializer())
      if (const FieldDecl *Field = fieldOf(E->getPlacementArg(0)))
        noteStored(E->getInitializer(), Field, E->getBeginLoc(),
                   /*Assigned=*/true);
    return true;
  }

  bool VisitCallExpr(CallExpr *E);

  void finish() {
    F.Fields.assign(Fields.begin(), Fields.end());
    F.Stores.assign(Stores.begin(), Stores.end());
  }

private:
  /// The parameters (of this function) and explicit `this` that \p Value
  /// is made from, stored into \p Field.
  /// \p Assigned: the field is assigned the value, rather than handed it
  /// (`on_msg_ = h` keeps one callback; `queue_.push_back(f)` queues work).
  void noteStored(const Expr *Value, const FieldDecl *Field, SourceLocation Loc,
                  bool Assigned = false);
  void noteMemberCall(const CXXMemberCallExpr *E);

  const FunctionDecl *FD;
  const Names &N;
  FunctionFact &F;
  std::set<std::string> Fields;
  std::set<FieldStoreFact> Stores;
};

void EvidenceCollector::noteStored(const Expr *Value, const FieldDecl *Field,
                                   SourceLocation Loc, bool Assigned) {
  llvm::SmallVector<const Stmt *, 16> Work{Value};
  llvm::SmallPtrSet<const VarDecl *, 8> SeenLocals;
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    FieldStoreFact Store;
    bool Stored = false;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
      const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl());
      if (Param && Param->getDeclContext() == FD) {
        Store.Param = static_cast<int>(Param->getFunctionScopeIndex());
        Stored = true;
        if (isCoroutineHandle(Param->getType()))
          Store.Kind = StoredKind::Handle;
        else if (isCallable(Param->getType()))
          Store.Kind = Assigned ? StoredKind::Callback : StoredKind::Callable;
        else if (isAwaiterPointer(Param->getType()))
          Store.Kind = StoredKind::Self;
        else
          Stored = false;
      }
      // `void *next = awaiter; state.compare_exchange_weak(old, next)`.
      if (const auto *Local = dyn_cast<VarDecl>(Ref->getDecl());
          Local && !isa<ParmVarDecl>(Local) && Local->isLocalVarDecl() &&
          Local->getInit() && SeenLocals.insert(Local).second)
        Work.push_back(Local->getInit());
    } else if (const auto *This = dyn_cast<CXXThisExpr>(S)) {
      Stored = !This->isImplicit();
      Store.Kind = StoredKind::Self;
    } else if (addressesOwnHandle(S)) {
      // `state.compare_exchange_strong(old, &m_awaitingCoroutine)`: where
      // the awaiter keeps its waiter's handle, handed by address.
      Stored = true;
      Store.Kind = StoredKind::Handle;
    }
    if (Stored) {
      Store.Field = N.qualifiedName(Field);
      Store.Loc = N.location(Loc);
      Stores.insert(std::move(Store));
    }
    // `this->m_next` reads a field; it does not store `this`.
    if (const auto *M = dyn_cast<MemberExpr>(S);
        M && isa<CXXThisExpr>(M->getBase()->IgnoreParenImpCasts()))
      continue;
    llvm::append_range(Work, S->children());
  }
}

/// `m_waiters.push_back(h)`, `m_state.compare_exchange_weak(old, this)`,
/// `h.resume()`.
void EvidenceCollector::noteMemberCall(const CXXMemberCallExpr *E) {
  const CXXMethodDecl *Method = E->getMethodDecl();
  const Expr *Object = E->getImplicitObjectArgument();
  if (!Method || !Object)
    return;
  if (isCoroutineHandle(Object->getType()) && Method->getIdentifier() &&
      Method->getName() == "resume")
    F.ResumesHandle = true;
  if (Method->isConst())
    return;
  if (const FieldDecl *Field = fieldOf(Object))
    for (const Expr *Arg : E->arguments())
      noteStored(Arg, Field, E->getExprLoc());
}

bool EvidenceCollector::VisitCallExpr(CallExpr *E) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
    noteMemberCall(Member);
    return true;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Call && Op->getNumArgs() > 0) {
      QualType Callee = Op->getArg(0)->getType();
      if (isCoroutineHandle(Callee))
        F.ResumesHandle = true;
      else if (!Callee.getNonReferenceType()->isRecordType() ||
               !Callee.getNonReferenceType()->getAsCXXRecordDecl()->isLambda())
        F.InvokesCallable = true;
    } else if (Op->isAssignmentOp() && Op->getNumArgs() == 2) {
      if (const FieldDecl *Field = fieldOf(Op->getArg(0)))
        noteStored(Op->getArg(1), Field, Op->getOperatorLoc(),
                   /*Assigned=*/true);
    }
    return true;
  }
  const FunctionDecl *Callee = E->getDirectCallee();
  if (!Callee) {
    // Through a pointer to a function: whatever was stored there.
    if (!isa<CXXPseudoDestructorExpr>(E->getCallee()->IgnoreParenImpCasts()))
      F.InvokesCallable = true;
    return true;
  }
  // `std::exchange(m_waiter, h)`: a function handed the field by reference
  // to change it.
  if (E->getNumArgs() >= 2 && Callee->getNumParams() >= 1 &&
      Callee->getParamDecl(0)->getType()->isReferenceType() &&
      !Callee->getParamDecl(0)
           ->getType()
           .getNonReferenceType()
           .isConstQualified())
    if (const FieldDecl *Field = fieldOf(E->getArg(0)))
      for (const Expr *Arg : llvm::drop_begin(E->arguments()))
        noteStored(Arg, Field, E->getExprLoc());
  return true;
}

/// `event(bool initially_set) : m_state(initially_set ? this : nullptr)`.
std::vector<FieldInitFact> fieldInits(const CXXConstructorDecl *Ctor,
                                      const Names &N) {
  std::set<FieldInitFact> Inits;
  for (const CXXCtorInitializer *Init : Ctor->inits()) {
    const FieldDecl *Field = Init->getMember();
    if (!Field || !Init->isWritten())
      continue;
    llvm::SmallVector<const Stmt *, 16> Work{Init->getInit()};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S)
        continue;
      if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
        if (const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl());
            Param && Param->getDeclContext() == Ctor)
          Inits.insert({N.qualifiedName(Field), Param->getFunctionScopeIndex(),
                        N.objectOfDecl(Field).Key});
      llvm::append_range(Work, S->children());
    }
  }
  return {Inits.begin(), Inits.end()};
}

/// `lock_operation<void>` : `lock_operation_base`, which has the
/// `await_suspend`.
std::vector<std::string> returnBases(const FunctionDecl *FD, const Names &N) {
  const CXXRecordDecl *RD = FD->getReturnType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return {};
  std::set<std::string> Bases;
  RD->getDefinition()->forallBases([&](const CXXRecordDecl *Base) {
    Bases.insert(N.qualifiedName(Base));
    return true;
  });
  return {Bases.begin(), Bases.end()};
}

/// A class's normalized name; a boolean or an integer by its canonical
/// spelling (`bool`, `long`: what a latch's count or an event's flag is);
/// "" for anything else.
std::string paramTypeName(QualType T, const Names &N,
                          const PrintingPolicy &Policy) {
  if (std::string Class = N.typeName(T); !Class.empty())
    return Class;
  QualType Canonical =
      T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  // The unit's policy: a default one spells C's `_Bool`.
  if (Canonical->isBooleanType() || Canonical->isIntegerType())
    return Canonical.getAsString(Policy);
  return "";
}

} // namespace

void collectRoleEvidence(const FunctionDecl *FD, const Stmt *Body,
                         const Names &N, FunctionFact &F) {
  // Any function's: `sync_wait(task)` waits for what it is handed.
  for (const ParmVarDecl *Param : FD->parameters())
    F.ParamTypes.push_back(paramTypeName(
        Param->getType(), N, FD->getASTContext().getPrintingPolicy()));
  if (llvm::all_of(F.ParamTypes,
                   [](const std::string &T) { return T.empty(); }))
    F.ParamTypes.clear();
  if (!isa<CXXMethodDecl>(FD))
    return;
  F.ReturnBases = returnBases(FD, N);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    F.FieldInits = fieldInits(Ctor, N);
  EvidenceCollector Collector(FD, N, F);
  Collector.TraverseStmt(const_cast<Stmt *>(Body));
  Collector.finish();
}

} // namespace corolint
