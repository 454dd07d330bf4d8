//===- FunctionExtractor.cpp - One function's sites and CFG ---------------===//
//
// Two passes. An AST walk of the body, which sees what the user wrote (it
// skips the await_ready/await_suspend/await_resume calls the compiler adds
// around each co_await, and nested lambdas, which are functions of their own),
// records the sites. The CFG then gives each site its block and order.
//
//===----------------------------------------------------------------------===//

#include "FunctionExtractor.h"
#include "FunctionBodyVisitor.h"
#include "IntegerValues.h"
#include "PollFinder.h"
#include "RoleEvidence.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include <map>

using namespace clang;

namespace corolint {
namespace {

/// The class of the one value \p E is built from, through nested
/// constructions and braces (`std::optional<ms>{30s}`): the innermost class
/// found. Empty when it is built from none or from several values.
std::string builtFromType(const Expr *E, const Names &N) {
  std::string Found;
  for (E = stripWrappers(E);;) {
    const Expr *Inner = nullptr;
    if (const auto *C = dyn_cast<CXXConstructExpr>(E);
        C && C->getNumArgs() == 1)
      Inner = C->getArg(0);
    else if (const auto *L = dyn_cast<InitListExpr>(E);
             L && L->getNumInits() == 1)
      Inner = L->getInit(0);
    // A member left to its default (`{}` of an aggregate) holds nothing given.
    if (!Inner || isa<ImplicitValueInitExpr, CXXDefaultInitExpr>(Inner))
      return Found;
    E = stripWrappers(Inner);
    if (const auto *C = dyn_cast<CXXConstructExpr>(E);
        C && C->getNumArgs() == 0)
      return Found;
    if (std::string T = N.typeName(E->getType()); !T.empty())
      Found = T;
  }
}

/// The call whose result a value stores, through co_await and a converting
/// constructor (`std::shared_future<int> f = p.get_future()`), or null.
const CallExpr *storedCall(const Expr *Value) {
  const Expr *E = stripWrappers(Value);
  if (const auto *Await = dyn_cast_or_null<CoawaitExpr>(E))
    E = stripWrappers(Await->getOperand());
  // An explicit constructor makes a new kind of object out of the value
  // (`Guard g(std::async(...))`); a converting one only changes its type.
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(E))
    if (!Construct->getConstructor()->isExplicit() &&
        Construct->getNumArgs() >= 1 &&
        llvm::all_of(llvm::drop_begin(Construct->arguments()),
                     [](const Expr *A) { return isa<CXXDefaultArgExpr>(A); }))
      E = stripWrappers(Construct->getArg(0));
  return dyn_cast_or_null<CallExpr>(E);
}

/// The constructor call that makes the object a pointer value owns: `new
/// T(args)`, or a smart pointer taking it (`std::unique_ptr<std::thread>(new
/// std::thread(run))`).
const CXXConstructExpr *newlyMade(const Expr *Value) {
  const Expr *E = stripWrappers(Value);
  if (const auto *Owner = dyn_cast_or_null<CXXConstructExpr>(E);
      Owner && Owner->getNumArgs() == 1)
    E = stripWrappers(Owner->getArg(0));
  const auto *New = dyn_cast_or_null<CXXNewExpr>(E);
  return New ? New->getConstructExpr() : nullptr;
}

/// The constructor call that makes the object a value is or owns: `T(args)`,
/// or newlyMade().
const CXXConstructExpr *constructedValue(const Expr *Value) {
  if (const CXXConstructExpr *Made = newlyMade(Value))
    return Made;
  return dyn_cast_or_null<CXXConstructExpr>(stripWrappers(Value));
}

/// What a member initializer initializes with: the expression written in
/// the constructor, or the class's in-class initializer it stands for.
const Expr *memberInitExpr(const CXXCtorInitializer *Init) {
  const Expr *E = Init->getInit();
  if (const auto *Default = dyn_cast_or_null<CXXDefaultInitExpr>(E))
    return Default->getExpr();
  return E;
}

class SiteCollector : public FunctionBodyVisitor<SiteCollector> {
public:
  SiteCollector(const Names &N, std::vector<SiteFact> &Sites)
      : N(N), Sites(Sites), Values(N) {}

  bool VisitCallExpr(CallExpr *E);
  bool VisitCXXConstructExpr(CXXConstructExpr *E);
  bool VisitCoawaitExpr(CoawaitExpr *E) {
    return addSuspend(E, SuspendKind::CoAwait);
  }
  bool VisitCoyieldExpr(CoyieldExpr *E) {
    return addSuspend(E, SuspendKind::CoYield);
  }
  bool VisitVarDecl(VarDecl *V);
  bool VisitBinaryOperator(BinaryOperator *E);
  bool VisitUnaryOperator(UnaryOperator *E);
  bool VisitInitListExpr(InitListExpr *E);
  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) {
    Values.noteRangeFor(S);
    return true;
  }
  bool VisitCaseStmt(CaseStmt *S) {
    noteCompared(S->getLHS());
    return true;
  }
  bool VisitReturnStmt(ReturnStmt *S) {
    Returned.push_back(S->getRetValue());
    return true;
  }
  /// `Cache() : loaded_(load())`: a write of the field that stores the call.
  void addMemberInit(const CXXCtorInitializer *Init);
  void noteFieldFunction(const FieldDecl *Field, const Expr *Value);
  void addFieldCall(const CallExpr *E, const FieldDecl *Field);
  std::vector<std::pair<std::string, std::string>> fieldFunctions() const {
    return {FieldFunctions.begin(), FieldFunctions.end()};
  }
  /// `Target = Value` by an assignment operator, whose site is \p S.
  void noteAssignment(SiteFact &S, const Expr *Target, const Expr *Value);
  const Expr *emplacedValue(const CXXMemberCallExpr *Call);
  /// `bool enable_timeout_ = false;`: the value a flag starts with.
  void addFieldValue(const FieldDecl *Field, const Expr *Init) {
    SiteFact &S = addSite(SiteKind::Write, Field->getLocation());
    S.Receiver = N.objectOfDecl(Field);
    S.Value = constantOf(Init);
    S.Initial = true;
  }

  /// Suspensions and locals name the call they await or are initialized
  /// from by site id, and calls name the suspension around them; calls are
  /// visited after the expression that contains them, so this is resolved at
  /// the end.
  void resolveOperandCalls();
  /// Holders and flags of integer arguments, and where integer results are
  /// stored: a local's value is any stored in it anywhere in the function,
  /// so these are settled once the whole body has been seen.
  void resolveIntegers();
  /// FunctionFact::ReturnedObjects, for a function with an integer result.
  std::vector<ObjectRef> returnedObjects() const;
  /// SiteFact::Returned of the calls `return` statements return.
  void markReturnedCalls();
  /// FunctionFact::ComparedConstants.
  std::set<std::string> Compared;
  /// FunctionFact::FieldFunctions.
  std::set<std::pair<std::string, std::string>> FieldFunctions;

  llvm::DenseMap<const Stmt *, unsigned> SiteOfStmt;
  llvm::DenseMap<const VarDecl *, unsigned> SiteOfVar;
  /// Constructor calls that initialize a local, and the local.
  llvm::DenseMap<const CXXConstructExpr *, const ValueDecl *> InitializedVar;
  llvm::DenseMap<const CXXCtorInitializer *, unsigned> SiteOfInit;
  /// A library call's site, and the site of the program's constructor it
  /// runs, placed right after it.
  llvm::DenseMap<unsigned, unsigned> ConstructorRunBy;

private:
  SiteFact &addSite(SiteKind Kind, SourceLocation Loc);
  void addArgs(SiteFact &S, llvm::ArrayRef<const Expr *> Args,
               unsigned FirstParam, const FunctionDecl *Callee = nullptr);
  void addForwardedConstruction(unsigned CallSite, SourceLocation Loc,
                                const FunctionDecl *Callee,
                                llvm::ArrayRef<const Expr *> Args,
                                unsigned FirstParam);
  bool addSuspend(CoroutineSuspendExpr *E, SuspendKind Kind);
  /// A write of \p Target by \p E (an assignment, an increment), if it
  /// names an object.
  void addWrite(const Expr *E, ObjectRef Target, SourceLocation Loc);
  /// The value of \p E when it is an integral or boolean constant.
  std::optional<int64_t> constantOf(const Expr *E) const;
  void markAwaitedIn(const Stmt *S, unsigned Suspend);
  std::string constructedElement(const CXXMemberCallExpr *Call);
  QualType libraryElementType(const CXXMemberCallExpr *Call,
                              std::initializer_list<llvm::StringRef> Names);
  /// `fd = socket(...)`: the call's integer result is kept in \p Holder.
  void noteStoredResult(const Expr *Value, ObjectRef Holder);
  void noteCallableObject(SiteFact &S, const Expr *Object);
  /// An operand of `==`, `!=` or a `case` label: the constants it names.
  void noteCompared(const Expr *E) {
    if (E && E->getType()->isIntegralOrEnumerationType())
      for (std::string &Name : Values.flagsOf(E))
        Compared.insert(std::move(Name));
  }

  const Names &N;
  std::vector<SiteFact> &Sites;
  std::vector<std::pair<unsigned, const Expr *>> PendingOperands;
  /// Member calls on the result of another call, with that call.
  std::vector<std::pair<unsigned, const Expr *>> PendingReceivers;
  std::vector<std::pair<unsigned, const Expr *>> SuspendOperands;
  std::vector<const Expr *> Returned; ///< What each `return` returns.
  IntegerValues Values;
  struct IntegerArg {
    unsigned Site;
    unsigned Index; ///< ArgFact::Index.
    const Expr *E;
  };
  std::vector<IntegerArg> IntegerArgs;
  /// Arguments a call makes, whose site is known at the end.
  std::vector<IntegerArg> MadeArgs;
  /// Member calls on a reference local, whose receiverHolder is known at
  /// the end of the body.
  std::vector<std::pair<unsigned, const DeclRefExpr *>> ReferenceReceivers;
  bool boundToOtherObject(const DeclRefExpr *Ref) const;
  std::vector<std::pair<const Expr *, ObjectRef>> StoredResults;
};

SiteFact &SiteCollector::addSite(SiteKind Kind, SourceLocation Loc) {
  SiteFact &S = Sites.emplace_back();
  S.Id = Sites.size() - 1;
  S.Kind = Kind;
  S.Loc = N.location(Loc);
  return S;
}

/// What an argument passed by value was copied or moved from
/// (`add_timer(d, std::move(fn))` into a `std::function` parameter hands
/// on `fn`).
static const Expr *passedObject(const Expr *Arg) {
  const auto *Copy = dyn_cast<CXXConstructExpr>(stripWrappers(Arg));
  if (Copy && Copy->getNumArgs() == 1 &&
      Copy->getConstructor()->isCopyOrMoveConstructor())
    return Copy->getArg(0);
  return Arg;
}

/// Whether argument \p Arg of a call of \p Callee hands its object over:
/// `std::move(lk)` moved into a parameter taken by value, or into a move
/// constructor or move assignment (`auto owner = std::move(lk);`). A
/// parameter taken by reference may or may not take it.
static bool handsOver(const Expr *Arg, const FunctionDecl *Callee) {
  if (const auto *Move = dyn_cast<CXXConstructExpr>(stripWrappers(Arg));
      Move && Move->getNumArgs() == 1 &&
      Move->getConstructor()->isMoveConstructor())
    return Move->getArg(0)->isXValue();
  const auto *Ctor = dyn_cast_or_null<CXXConstructorDecl>(Callee);
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
  return Arg->isXValue() && ((Ctor && Ctor->isMoveConstructor()) ||
                             (Method && Method->isMoveAssignmentOperator()));
}

/// The callable parameters of the function it is written in that \p L
/// captures, itself or as the value of an init-capture (`[func =
/// std::forward<F>(f)]`): a callable wrapped in a lambda that is handed on
/// is handed on.
static std::vector<unsigned> capturedCallables(const LambdaExpr *L) {
  std::set<unsigned> Params;
  for (const LambdaCapture &C : L->captures()) {
    if (!C.capturesVariable())
      continue;
    const ValueDecl *V = C.getCapturedVar();
    if (const auto *Init = dyn_cast<VarDecl>(V); Init && Init->isInitCapture())
      if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
              stripWrappers(passedObject(Init->getInit()))))
        V = Ref->getDecl();
    // A parameter of the function the lambda is written in, not of one
    // around it (a lambda within a lambda).
    if (const auto *P = dyn_cast<ParmVarDecl>(V);
        P && P->getDeclContext() == L->getLambdaClass()->getDeclContext() &&
        isCallable(P->getType()))
      Params.insert(P->getFunctionScopeIndex());
  }
  return {Params.begin(), Params.end()};
}

/// The keys of the locals and parameters of the function \p L is written in
/// whose objects its init-captures take over by move (`[lock =
/// std::move(lock)]`).
static std::vector<std::string> movedIn(const LambdaExpr *L, const Names &N) {
  std::set<std::string> Keys;
  for (const LambdaCapture &C : L->captures()) {
    const auto *Init =
        C.capturesVariable() ? dyn_cast<VarDecl>(C.getCapturedVar()) : nullptr;
    if (!Init || !Init->isInitCapture())
      continue;
    const auto *Move =
        dyn_cast_or_null<CXXConstructExpr>(stripWrappers(Init->getInit()));
    if (!Move || Move->getNumArgs() != 1 ||
        !Move->getConstructor()->isMoveConstructor())
      continue;
    const auto *Ref = dyn_cast<DeclRefExpr>(stripWrappers(Move->getArg(0)));
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (Var && Var->isLocalVarDeclOrParm())
      Keys.insert(N.objectOfDecl(Var).Key);
  }
  return {Keys.begin(), Keys.end()};
}

/// The keys of the locals and parameters of the function \p L is written
/// in that it captures, by copy or by reference, named in its capture list
/// or not (`[&]` captures what the body uses).
static std::vector<std::string> capturedLocals(const LambdaExpr *L,
                                               const Names &N) {
  std::set<std::string> Keys;
  for (const LambdaCapture &C : L->captures()) {
    const auto *Var =
        C.capturesVariable() ? dyn_cast<VarDecl>(C.getCapturedVar()) : nullptr;
    if (Var && Var->isInitCapture())
      if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
              stripWrappers(passedObject(Var->getInit()))))
        Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (Var && Var->isLocalVarDeclOrParm() && !Var->isStaticLocal())
      Keys.insert(N.objectOfDecl(Var).Key);
  }
  return {Keys.begin(), Keys.end()};
}

/// Whether a member call's object \p Object is reached through another
/// object than `this`: an unnamed one, or a field of another object. A named
/// object, `this` itself and a field of `this` are not.
static bool onOtherObject(const Expr *Object) {
  const Expr *E = stripWrappers(Object);
  if (const auto *U = dyn_cast_or_null<UnaryOperator>(E);
      U && U->getOpcode() == UO_Deref)
    E = stripWrappers(U->getSubExpr());
  // `capture_->join()` on a smart pointer: the object it owns.
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E);
      Op && (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) &&
      Op->getNumArgs() == 1)
    E = stripWrappers(Op->getArg(0));
  if (!E || isa<CXXThisExpr>(E) || isa<DeclRefExpr>(E))
    return false;
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return !isa<CXXThisExpr>(stripWrappers(Member->getBase()));
  return true;
}

/// Whether objects of type \p T can be called: a class with a call
/// operator (std::function, a lambda), not a thread or a future.
static bool isCallable(QualType T) {
  const CXXRecordDecl *R = T->getAsCXXRecordDecl();
  if (!R || !R->hasDefinition())
    return false;
  DeclarationName Call =
      R->getASTContext().DeclarationNames.getCXXOperatorName(OO_Call);
  return !R->lookup(Call).empty();
}

/// Whether \p Arg is the calling function's own object, by reference or
/// pointer (`*this`, `this`), not a copy of it.
static bool isOwnObject(const Expr *Arg) {
  const Expr *E = Arg->IgnoreParenImpCasts();
  if (const auto *Deref = dyn_cast<UnaryOperator>(E);
      Deref && Deref->getOpcode() == UO_Deref)
    E = Deref->getSubExpr()->IgnoreParenImpCasts();
  return isa<CXXThisExpr>(E);
}

void SiteCollector::addArgs(SiteFact &S, llvm::ArrayRef<const Expr *> Args,
                            unsigned FirstParam, const FunctionDecl *Callee) {
  for (unsigned I = FirstParam; I < Args.size(); ++I) {
    if (!Args[I] || isa<CXXDefaultArgExpr>(Args[I]))
      continue;
    ArgFact A;
    A.Index = I - FirstParam;
    A.Type = N.typeName(Args[I]->getType());
    A.Ref = N.objectOf(passedObject(Args[I]));
    A.OtherObject = A.Ref.K == ObjectRef::Kind::Field &&
                    onOtherObject(passedObject(Args[I]));
    A.OwnObject = isOwnObject(Args[I]);
    A.HandedOver = A.Ref.isKnown() && handsOver(Args[I], Callee);
    if (const Expr *Made = stripWrappers(Args[I]);
        isa_and_nonnull<CXXConstructExpr>(Made) ||
        isa_and_nonnull<CallExpr>(Made))
      MadeArgs.push_back({S.Id, A.Index, Made});
    if (!A.Type.empty())
      A.BuiltFrom = builtFromType(Args[I], N);
    if (const FunctionDecl *Callable = N.callableOf(Args[I]))
      A.CallableUsr = N.usr(Callable);
    if (const LambdaExpr *L = N.lambdaOf(Args[I])) {
      A.CapturedCallables = capturedCallables(L);
      A.MovedIn = movedIn(L, N);
      A.Captures = capturedLocals(L, N);
    }
    if (const auto *Call = dyn_cast<CallExpr>(stripWrappers(Args[I])))
      if (const FunctionDecl *Producer = Call->getDirectCallee())
        A.ProducerUsr = N.usr(Producer);
    if (Args[I]->getType()->isIntegralOrEnumerationType())
      A.Constant = constantOf(Args[I]);
    // An integer's holder and flags are known at the end of the body; its
    // fact is kept until then, and dropped if it says nothing.
    bool Integer = IntegerValues::isIntegerLike(Args[I]->getType()) ||
                   IntegerValues::isPlainStruct(Args[I]->getType());
    if (Integer)
      IntegerArgs.push_back({S.Id, A.Index, Args[I]});
    if (Integer || !A.Type.empty() || A.Ref.isKnown() ||
        !A.CallableUsr.empty() || !A.ProducerUsr.empty() || A.Constant)
      S.Args.push_back(std::move(A));
  }
}

/// `exec->execute(f)` on a virtual member: the function called is whichever
/// override the object's dynamic type has. A qualified call (`Base::f()`)
/// or a final member calls the one it names.
static bool dispatchesDynamically(const CXXMemberCallExpr *Call) {
  const CXXMethodDecl *Method = Call->getMethodDecl();
  const auto *Callee =
      dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParenImpCasts());
  return Method && Method->isVirtual() && Callee && !Callee->hasQualifier() &&
         !Method->hasAttr<FinalAttr>() &&
         !Method->getParent()->hasAttr<FinalAttr>();
}

/// For a call of a member named one of \p Names of a library's class
/// template (one in a system header), the type its first template argument
/// names: what `std::vector<T>::emplace_back` or `std::optional<T>::emplace`
/// makes. Null otherwise.
QualType SiteCollector::libraryElementType(
    const CXXMemberCallExpr *Call,
    std::initializer_list<llvm::StringRef> Names) {
  const CXXMethodDecl *M = Call->getMethodDecl();
  const auto *Holder =
      M ? dyn_cast<ClassTemplateSpecializationDecl>(M->getParent()) : nullptr;
  const SourceManager &SM = N.context().getSourceManager();
  if (!Holder || !M->getIdentifier() ||
      !llvm::is_contained(Names, M->getName()) ||
      !SM.isInSystemHeader(SM.getExpansionLoc(Holder->getLocation())) ||
      Holder->getTemplateArgs().size() == 0 ||
      Holder->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return QualType();
  return Holder->getTemplateArgs()[0].getAsType();
}

/// `workers_.emplace_back(run)` on a library's `std::vector<std::thread>`:
/// the class of the element the call constructs from its arguments.
std::string SiteCollector::constructedElement(const CXXMemberCallExpr *Call) {
  QualType Element =
      libraryElementType(Call, {"emplace_back", "emplace_front"});
  // A default-constructed element, a copy or a move constructs nothing the
  // element's other constructors describe (`rotated.emplace_back(
  // std::move(stream))` opens no file).
  ASTContext &Ctx = N.context();
  if (Element.isNull() || !Element->isRecordType() || Call->getNumArgs() == 0 ||
      (Call->getNumArgs() == 1 &&
       Ctx.hasSameUnqualifiedType(
           Call->getArg(0)->getType().getNonReferenceType(), Element)))
    return "";
  return N.typeName(Element);
}

/// `peer_.emplace(p.getFuture())` on a library's `std::optional<Future>`:
/// the value the object holds from now on, as `peer_ = p.getFuture()` would
/// give it. Only a value of the held type, which `emplace` moves in.
const Expr *SiteCollector::emplacedValue(const CXXMemberCallExpr *Call) {
  QualType Held = libraryElementType(Call, {"emplace"});
  if (Held.isNull() || Call->getNumArgs() != 1)
    return nullptr;
  const Expr *Value = Call->getArg(0);
  return N.context().hasSameUnqualifiedType(
             Value->getType().getNonReferenceType(), Held)
             ? Value
             : nullptr;
}

/// The field of function-pointer type a call goes through
/// (`settings->on_url(p, at, n)`, `(*s.cb)(p)`), or null.
static const FieldDecl *calledField(const CallExpr *E) {
  const Expr *Callee = E->getCallee()->IgnoreParenImpCasts();
  if (const auto *Deref = dyn_cast<UnaryOperator>(Callee);
      Deref && Deref->getOpcode() == UO_Deref)
    Callee = Deref->getSubExpr()->IgnoreParenImpCasts();
  const auto *Member = dyn_cast<MemberExpr>(Callee);
  const auto *Field =
      Member ? dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr;
  return Field && Field->getType()->isFunctionPointerType() ? Field : nullptr;
}

/// `Field = Value` in an initializer or an assignment: a function stored
/// in a function-pointer field.
void SiteCollector::noteFieldFunction(const FieldDecl *Field,
                                      const Expr *Value) {
  if (!Field->getType()->isFunctionPointerType() || !Value)
    return;
  if (const FunctionDecl *Stored = N.callableOf(Value))
    FieldFunctions.insert({N.usr(Field), N.usr(Stored)});
}

/// `static const parser_settings settings{on_url, &on_body}`, designated or
/// not: each function-pointer field gets the value at its place in the
/// semantic form, which lists the bases first.
bool SiteCollector::VisitInitListExpr(InitListExpr *E) {
  const InitListExpr *Semantic = E->isSemanticForm() ? E : E->getSemanticForm();
  const RecordDecl *Record =
      Semantic ? Semantic->getType()->getAsRecordDecl() : nullptr;
  if (!Record || Record->isUnion() || !Record->getDefinition())
    return true;
  unsigned I = 0;
  if (const auto *Class = dyn_cast<CXXRecordDecl>(Record))
    I = Class->getNumBases();
  for (const FieldDecl *Field : Record->fields()) {
    if (I >= Semantic->getNumInits())
      break;
    noteFieldFunction(Field, Semantic->getInit(I++));
  }
  return true;
}

/// A call through a function-pointer field: a site that names the field,
/// with its arguments; the functions stored there are linked later.
void SiteCollector::addFieldCall(const CallExpr *E, const FieldDecl *Field) {
  SiteFact &S = addSite(SiteKind::Call, E->getExprLoc());
  SiteOfStmt[E] = S.Id;
  S.CalleeName = N.qualifiedName(Field);
  S.ThroughField = N.usr(Field);
  addArgs(S, llvm::ArrayRef<const Expr *>(E->getArgs(), E->getNumArgs()), 0);
}

bool SiteCollector::VisitCallExpr(CallExpr *E) {
  const FunctionDecl *Callee = E->getDirectCallee();
  if (!Callee) {
    if (const FieldDecl *Field = calledField(E))
      addFieldCall(E, Field);
    return true;
  }
  SiteFact &S = addSite(SiteKind::Call, E->getExprLoc());
  SiteOfStmt[E] = S.Id;
  S.CalleeUsr = N.usr(Callee);
  S.CalleeName = N.qualifiedName(Callee);
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee)) {
    // `return inbox_;` hands out a field and changes nothing itself.
    S.Mutates = Method->isInstance() && !Method->isConst() &&
                !N.fieldReturnedBy(Method).isKnown();
    S.Query = Method->isInstance() && Method->isConst() &&
              !Method->getReturnType()->isVoidType();
  }
  llvm::ArrayRef<const Expr *> Args(E->getArgs(), E->getNumArgs());
  unsigned FirstParam = 0;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
    S.Virtual = dispatchesDynamically(Member);
    S.OtherObject = onOtherObject(Member->getImplicitObjectArgument());
    // `for (auto &t : workers_) t.join()`: what `t` is an element of.
    if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
            stripWrappers(Member->getImplicitObjectArgument())))
      if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
          V && V->isLocalVarDecl() && V->getType()->isReferenceType())
        ReferenceReceivers.push_back({S.Id, Ref});
    S.Receiver = N.objectOf(Member->getImplicitObjectArgument());
    S.Constructs = constructedElement(Member);
    if (const Expr *Held = emplacedValue(Member))
      noteAssignment(S, Member->getImplicitObjectArgument(), Held);
    if (const auto *Made = dyn_cast_or_null<CallExpr>(
            stripWrappers(Member->getImplicitObjectArgument())))
      if (const FunctionDecl *Producer = Made->getDirectCallee()) {
        S.ReceiverProducerUsr = N.usr(Producer);
        PendingReceivers.push_back({S.Id, Made});
      }
  } else if (isa<CXXOperatorCallExpr>(E) && isa<CXXMethodDecl>(Callee) &&
             !Args.empty()) {
    // A member operator's object is its first argument.
    S.Receiver = N.objectOf(Args[0]);
    FirstParam = 1;
    if (isCallable(Args[0]->getType()))
      noteCallableObject(S, Args[0]);
    if (cast<CXXOperatorCallExpr>(E)->getOperator() == OO_Equal &&
        Args.size() == 2)
      noteAssignment(S, Args[0], Args[1]);
  }
  addArgs(S, Args, FirstParam, Callee);
  addForwardedConstruction(S.Id, E->getExprLoc(), Callee, Args, FirstParam);
  return true;
}

/// `std::make_unique<Worker>(id, pub)`: a call of the constructor the
/// library function runs, with the arguments it forwards there, as
/// `new Worker(id, pub)` would be.
void SiteCollector::addForwardedConstruction(unsigned CallSite,
                                             SourceLocation Loc,
                                             const FunctionDecl *Callee,
                                             llvm::ArrayRef<const Expr *> Args,
                                             unsigned FirstParam) {
  std::optional<ForwardedConstructor> Run = N.constructorRunBy(Callee);
  if (!Run)
    return;
  std::vector<const Expr *> Forwarded;
  for (int Param : Run->ParamOfArg)
    Forwarded.push_back(Param >= 0 && FirstParam + Param < Args.size()
                            ? Args[FirstParam + Param]
                            : nullptr);
  SiteFact &S = addSite(SiteKind::Call, Loc);
  S.IsConstructor = true;
  S.CalleeUsr = N.usr(Run->Ctor);
  S.CalleeName = N.qualifiedName(Run->Ctor);
  ConstructorRunBy[CallSite] = S.Id;
  addArgs(S, Forwarded, 0);
}

bool SiteCollector::VisitCXXConstructExpr(CXXConstructExpr *E) {
  const CXXConstructorDecl *Ctor = E->getConstructor();
  if (Ctor->isTrivial() || Ctor->isCopyOrMoveConstructor())
    return true;
  SiteFact &S = addSite(SiteKind::Call, E->getBeginLoc());
  SiteOfStmt[E] = S.Id;
  S.IsConstructor = true;
  S.CalleeUsr = N.usr(Ctor);
  S.CalleeName = N.qualifiedName(Ctor);
  // `coro::latch done{0};`: the local it constructs, which a local without
  // a destructor has no ScopeBegin to name.
  if (auto It = InitializedVar.find(E); It != InitializedVar.end())
    S.Receiver = N.objectOfDecl(It->second);
  llvm::ArrayRef<const Expr *> Args(E->getArgs(), E->getNumArgs());
  addArgs(S, Args, 0);
  addForwardedConstruction(S.Id, E->getBeginLoc(), Ctor, Args, 0);
  return true;
}

bool SiteCollector::VisitVarDecl(VarDecl *V) {
  Values.noteLocal(V);
  if (!V->isLocalVarDecl() || V->isStaticLocal() ||
      V->getType()->isReferenceType())
    return true;
  noteStoredResult(V->getInit(), N.objectOfDecl(V));
  if (const auto *Init =
          dyn_cast_or_null<CXXConstructExpr>(stripWrappers(V->getInit())))
    InitializedVar[Init] = V;
  const CXXRecordDecl *R = V->getType()->getAsCXXRecordDecl();
  if (!R || !R->hasDefinition() || R->hasTrivialDestructor())
    return true;
  SiteFact &S = addSite(SiteKind::ScopeBegin, V->getLocation());
  SiteOfVar[V] = S.Id;
  S.Receiver = N.objectOfDecl(V);
  if (const auto *Init =
          dyn_cast_or_null<CXXConstructExpr>(stripWrappers(V->getInit()))) {
    S.CalleeName = N.qualifiedName(Init->getConstructor());
    addArgs(S,
            llvm::ArrayRef<const Expr *>(Init->getArgs(), Init->getNumArgs()),
            0, Init->getConstructor());
  }
  // `auto lock = co_await mtx.scoped_lock();`: the local holds what the
  // awaited call gave back.
  if (const CallExpr *Value = storedCall(V->getInit()))
    PendingOperands.push_back({S.Id, Value});
  return true;
}

/// `ready_ = p.get_future()`, `worker_ = std::thread(run)`: the object now
/// holds what the call or the constructor gave. `jobs_[id] = std::move(f)`:
/// a container whose element is assigned keeps the value.
void SiteCollector::noteAssignment(SiteFact &S, const Expr *Target,
                                   const Expr *Value) {
  if (!S.Receiver.isKnown())
    if (const auto *Element =
            dyn_cast_or_null<CXXOperatorCallExpr>(stripWrappers(Target));
        Element && Element->getOperator() == OO_Subscript)
      S.Receiver = N.objectOf(Element->getArg(0));
  if (const CallExpr *Call = storedCall(Value))
    PendingOperands.push_back({S.Id, Call});
  else if (const CXXConstructExpr *Made = constructedValue(Value))
    PendingOperands.push_back({S.Id, Made});
}

/// `handlers_.at(name)(req)`, `for (auto &h : hooks_) h()`, `complete_ =
/// [this] {...}`: a callable object called or assigned as an element is
/// known by its container, and one reached through a reference local by
/// what the local is bound to. One reached through another object than
/// `this` (`op->complete_()`) is that object's own.
void SiteCollector::noteCallableObject(SiteFact &S, const Expr *Object) {
  if (const Expr *Container = N.elementContainer(Object)) {
    if (!S.Receiver.isKnown())
      S.Receiver = N.objectOf(Container);
    Object = Container;
  } else if (S.Receiver.Alias) {
    if (ObjectRef Holder = Values.holderOf(Object); Holder.isKnown())
      S.Receiver = std::move(Holder);
  }
  S.OtherObject = onOtherObject(Object);
}

void SiteCollector::addMemberInit(const CXXCtorInitializer *Init) {
  const FieldDecl *Field = Init->getMember();
  if (Field)
    noteStoredResult(memberInitExpr(Init), N.objectOfDecl(Field));
  // `ready_{true}`: the constructor call builds the field, as a local's
  // builds the local (an event constructed set).
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(
          stripWrappers(memberInitExpr(Init)));
      Construct && Field)
    InitializedVar[Construct] = Field;
  const Expr *Value = Field ? storedCall(memberInitExpr(Init)) : nullptr;
  // `thread_(new std::thread(run))`, or through a smart pointer: the field
  // owns what the constructor makes.
  if (const CXXConstructExpr *Made =
          Field && !Value ? newlyMade(memberInitExpr(Init)) : nullptr)
    Value = Made;
  if (!Value) {
    // `enable_timeout_(false)`: where a flag starts.
    if (Field && Field->getType()->isBooleanType()) {
      SiteFact &S = addSite(SiteKind::Write, Init->getSourceLocation());
      SiteOfInit[Init] = S.Id;
      S.Receiver = N.objectOfDecl(Field);
      S.Value = constantOf(memberInitExpr(Init));
      S.Initial = true;
    }
    return;
  }
  SiteFact &S = addSite(SiteKind::Write, Init->getSourceLocation());
  SiteOfInit[Init] = S.Id;
  S.Receiver = N.objectOfDecl(Field);
  S.Initial = true;
  PendingOperands.push_back({S.Id, Value});
}

bool SiteCollector::VisitBinaryOperator(BinaryOperator *E) {
  if (E->isEqualityOp()) {
    noteCompared(E->getLHS());
    noteCompared(E->getRHS());
  }
  if (!E->isAssignmentOp())
    return true;
  // `&=` and the like only clear bits or compute: no flag gets in that way.
  if (E->getOpcode() == BO_Assign || E->getOpcode() == BO_OrAssign)
    Values.noteStore(E->getLHS(), E->getRHS());
  if (E->getOpcode() == BO_Assign)
    noteStoredResult(E->getRHS(), Values.holderOf(E->getLHS()));
  if (const auto *Member = dyn_cast<MemberExpr>(E->getLHS()->IgnoreParens());
      Member && E->getOpcode() == BO_Assign)
    if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
      noteFieldFunction(Field, E->getRHS());
  addWrite(E, N.objectOf(E->getLHS()), E->getOperatorLoc());
  if (auto It = SiteOfStmt.find(E);
      It != SiteOfStmt.end() && E->getOpcode() == BO_Assign) {
    Sites[It->second].Value = constantOf(E->getRHS());
    if (ObjectRef Assigned = N.objectOf(E->getRHS()); Assigned.isKnown())
      Sites[It->second].Assigned = std::move(Assigned);
    // `thread_ = new std::thread(run)`: the pointer owns what it makes.
    if (const CXXConstructExpr *Made = newlyMade(E->getRHS()))
      PendingOperands.push_back({It->second, Made});
  }
  return true;
}

std::optional<int64_t> SiteCollector::constantOf(const Expr *E) const {
  Expr::EvalResult Result;
  if (!E || E->isValueDependent() || !E->EvaluateAsInt(Result, N.context()) ||
      !Result.Val.getInt().isRepresentableByInt64())
    return std::nullopt; // Not a constant, or wider than 64 bits.
  return Result.Val.getInt().getExtValue();
}

void SiteCollector::addWrite(const Expr *E, ObjectRef Target,
                             SourceLocation Loc) {
  if (!Target.isKnown())
    return;
  SiteFact &S = addSite(SiteKind::Write, Loc);
  SiteOfStmt[E] = S.Id;
  S.Receiver = std::move(Target);
}

/// `++pending`, `count--`: a built-in increment or decrement writes its
/// operand as an assignment does (an overloaded one is a call).
bool SiteCollector::VisitUnaryOperator(UnaryOperator *E) {
  if (E->isIncrementDecrementOp())
    addWrite(E, N.objectOf(E->getSubExpr()), E->getOperatorLoc());
  return true;
}

/// The awaiter member \p S calls: an `await_` member, or a member
/// `operator co_await`.
static const CXXMethodDecl *awaiterMember(const Stmt *S) {
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *M = Call->getMethodDecl();
    if (M && M->getIdentifier() && M->getName().starts_with("await_"))
      return M;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S))
    if (Op->getOperator() == OO_Coawait)
      return dyn_cast_or_null<CXXMethodDecl>(Op->getCalleeDecl());
  return nullptr;
}

/// The awaiter members a suspension calls before it suspends: the member
/// `operator co_await` that makes the awaiter, and the member calls the
/// language puts in its ready and suspend expressions, each once, in that
/// order. await_resume is left out: it runs once what the suspension waited
/// for is done, and a `get()` there fetches a ready result. Only defined
/// functions matter to the linker, which ignores the rest.
static std::vector<std::string> awaiterCalls(const CoroutineSuspendExpr *E,
                                             const Names &N) {
  std::vector<std::string> Usrs;
  // The common expression is the awaiter: a member `operator co_await` that
  // makes it runs at the await too (a task group's, over its event).
  for (const Expr *Part :
       {E->getCommonExpr(), E->getReadyExpr(), E->getSuspendExpr()}) {
    llvm::SmallVector<const Stmt *, 8> Work{Part};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S || isa<OpaqueValueExpr>(S))
        continue; // The awaiter object itself, already the operand's.
      if (const CXXMethodDecl *M = awaiterMember(S)) {
        std::string Usr = N.usr(M);
        if (!llvm::is_contained(Usrs, Usr))
          Usrs.push_back(std::move(Usr));
      }
      llvm::append_range(Work, S->children());
    }
  }
  return Usrs;
}

bool SiteCollector::addSuspend(CoroutineSuspendExpr *E, SuspendKind Kind) {
  SiteFact &S = addSite(SiteKind::Suspend, E->getBeginLoc());
  SiteOfStmt[E] = S.Id;
  S.Suspend = Kind;
  const Expr *Operand = stripWrappers(E->getOperand());
  S.AwaitableType = N.typeName(Operand->getType());
  S.Operand = N.objectOf(Operand);
  if (isa<CallExpr>(Operand) || isa<CXXConstructExpr>(Operand))
    PendingOperands.push_back({S.Id, Operand});
  SuspendOperands.push_back({S.Id, E->getOperand()});
  S.AwaiterUsrs = awaiterCalls(E, N);
  return true;
}

void SiteCollector::noteStoredResult(const Expr *Value, ObjectRef Holder) {
  // `Req r = waiters_.front();`: a copy of what the call returns;
  // `Waiter *w = waiters_.front();`: the pointer it returns.
  const auto *Call = dyn_cast_or_null<CallExpr>(
      Value ? stripWrappers(passedObject(Value)->IgnoreParenCasts()) : nullptr);
  if (Call && Holder.isKnown() &&
      (Call->getType()->isIntegralOrEnumerationType() ||
       Call->getType()->isRecordType() || Call->getType()->isPointerType()))
    StoredResults.push_back({Call, std::move(Holder)});
}

void SiteCollector::resolveIntegers() {
  for (const IntegerArg &Pending : IntegerArgs) {
    std::vector<ArgFact> &Args = Sites[Pending.Site].Args;
    auto A = llvm::find_if(
        Args, [&](const ArgFact &F) { return F.Index == Pending.Index; });
    ObjectRef Holder = Values.holderOf(Pending.E);
    if (Holder.Key != A->Ref.Key)
      A->Holder = std::move(Holder);
    if (Pending.E->getType()->isIntegralOrEnumerationType())
      A->Flags = Values.flagsOf(Pending.E);
  }
  for (const IntegerArg &Made : MadeArgs) {
    auto It = SiteOfStmt.find(Made.E);
    std::vector<ArgFact> &Args = Sites[Made.Site].Args;
    auto A = llvm::find_if(
        Args, [&](const ArgFact &F) { return F.Index == Made.Index; });
    if (It != SiteOfStmt.end() && A != Args.end())
      A->MadeBy = It->second;
  }
  for (SiteFact &S : Sites)
    llvm::erase_if(S.Args, [](const ArgFact &A) {
      return A.Type.empty() && !A.Ref.isKnown() && A.CallableUsr.empty() &&
             A.ProducerUsr.empty() && !A.Constant && !A.Holder.isKnown() &&
             A.Flags.empty();
    });
  for (const auto &[Call, Holder] : StoredResults)
    if (auto It = SiteOfStmt.find(Call); It != SiteOfStmt.end())
      Sites[It->second].StoredIn = Holder;
  for (const auto &[Site, Receiver] : ReferenceReceivers)
    if (ObjectRef Holder = Values.holderOf(Receiver);
        Holder.Key != Sites[Site].Receiver.Key && !boundToOtherObject(Receiver))
      Sites[Site].ReceiverHolder = std::move(Holder);
}

/// Whether reference local \p Ref is bound to (an element of) an object
/// reached through another object than `this` (`std::thread &up =
/// upstream_->t_`, `for (auto &t : next_->workers_)`).
bool SiteCollector::boundToOtherObject(const DeclRefExpr *Ref) const {
  const auto *V = cast<VarDecl>(Ref->getDecl());
  const Expr *Source = Values.rangeOf(V);
  if (!Source)
    Source = V->getInit();
  Source = stripWrappers(Source);
  if (const auto *Element = dyn_cast_or_null<CXXOperatorCallExpr>(Source);
      Element && Element->getOperator() == OO_Subscript)
    Source = Element->getArg(0);
  else if (const auto *Array = dyn_cast_or_null<ArraySubscriptExpr>(Source))
    Source = Array->getBase();
  return !Source || onOtherObject(Source);
}

void SiteCollector::markReturnedCalls() {
  for (const Expr *E : Returned) {
    const auto *Call = dyn_cast_or_null<CallExpr>(stripWrappers(E));
    if (auto It = SiteOfStmt.find(Call); Call && It != SiteOfStmt.end())
      Sites[It->second].Returned = true;
  }
}

std::vector<ObjectRef> SiteCollector::returnedObjects() const {
  std::map<std::string, ObjectRef> ByKey;
  for (const Expr *E : Returned) {
    if (!E || E->isValueDependent())
      return {};
    if (E->isIntegerConstantExpr(N.context()))
      continue;
    // `return handlers;` moves the local out: it is still that local.
    if (const auto *Copy = dyn_cast<CXXConstructExpr>(stripWrappers(E));
        Copy && Copy->getConstructor()->isCopyOrMoveConstructor())
      E = Copy->getArg(0);
    ObjectRef Holder = Values.holderOf(E);
    if (!Holder.isKnown())
      return {};
    ByKey.try_emplace(Holder.Key, std::move(Holder));
  }
  std::vector<ObjectRef> Objects;
  for (auto &[Key, R] : ByKey)
    Objects.push_back(std::move(R));
  return Objects;
}

void SiteCollector::markAwaitedIn(const Stmt *S, unsigned Suspend) {
  if (!S || isa<LambdaExpr>(S))
    return;
  auto It = SiteOfStmt.find(S);
  if (It != SiteOfStmt.end() && It->second != Suspend &&
      Sites[It->second].Kind == SiteKind::Call)
    Sites[It->second].AwaitedIn = Suspend;
  for (const Stmt *Child : S->children())
    markAwaitedIn(Child, Suspend);
}

void SiteCollector::resolveOperandCalls() {
  for (const auto &[Site, Operand] : PendingOperands) {
    auto It = SiteOfStmt.find(Operand);
    if (It != SiteOfStmt.end())
      Sites[Site].OperandCall = It->second;
  }
  for (const auto &[Site, Made] : PendingReceivers)
    if (auto It = SiteOfStmt.find(Made); It != SiteOfStmt.end())
      Sites[Site].ReceiverCall = It->second;
  // Outer suspensions come first, so a call inside nested co_awaits ends up
  // with the innermost.
  for (const auto &[Suspend, Operand] : SuspendOperands)
    markAwaitedIn(Operand, Suspend);
}

/// Gives each site its CFG block and order, and adds a ScopeEnd site for each
/// automatic destructor of a local that has a ScopeBegin.
class CfgPlacer {
public:
  CfgPlacer(FunctionFact &F, SiteCollector &C, const Names &N)
      : F(F), C(C), N(N) {}

  void place(const CFG &G);

private:
  void placeElement(const CFGElement &E, unsigned Block);
  void placeSite(unsigned Site, unsigned Block);

  FunctionFact &F;
  SiteCollector &C;
  const Names &N;
};

void CfgPlacer::placeSite(unsigned Site, unsigned Block) {
  SiteFact &S = F.Sites[Site];
  if (S.Pos.Block >= 0)
    return; // A statement the CFG lists twice keeps its first place.
  S.Pos = {static_cast<int>(Block),
           static_cast<int>(F.Cfg[Block].Sites.size())};
  F.Cfg[Block].Sites.push_back(Site);
  if (auto It = C.ConstructorRunBy.find(Site); It != C.ConstructorRunBy.end())
    placeSite(It->second, Block);
}

void CfgPlacer::placeElement(const CFGElement &E, unsigned Block) {
  if (std::optional<CFGStmt> S = E.getAs<CFGStmt>()) {
    const Stmt *St = S->getStmt();
    if (const auto *D = dyn_cast<DeclStmt>(St)) {
      if (const auto *V = dyn_cast_or_null<VarDecl>(D->getSingleDecl())) {
        auto It = C.SiteOfVar.find(V);
        if (It != C.SiteOfVar.end())
          placeSite(It->second, Block);
      }
      return;
    }
    auto It = C.SiteOfStmt.find(St);
    if (It != C.SiteOfStmt.end())
      placeSite(It->second, Block);
    return;
  }
  if (std::optional<CFGInitializer> I = E.getAs<CFGInitializer>()) {
    auto It = C.SiteOfInit.find(I->getInitializer());
    if (It != C.SiteOfInit.end())
      placeSite(It->second, Block);
    return;
  }
  if (std::optional<CFGAutomaticObjDtor> D = E.getAs<CFGAutomaticObjDtor>()) {
    auto It = C.SiteOfVar.find(D->getVarDecl());
    if (It == C.SiteOfVar.end())
      return;
    SiteFact End = F.Sites[It->second];
    End.Id = F.Sites.size();
    End.Kind = SiteKind::ScopeEnd;
    End.Pos = {};
    End.CalleeName.clear();
    End.OperandCall = -1;
    End.Loc = N.location(D->getTriggerStmt() ? D->getTriggerStmt()->getEndLoc()
                                             : D->getVarDecl()->getLocation());
    F.Sites.push_back(std::move(End));
    placeSite(F.Sites.size() - 1, Block);
  }
}

/// The statement a block ends in: its last, before the destructors that
/// leaving a scope runs.
const Stmt *lastStatement(const CFGBlock &B) {
  for (auto It = B.rbegin(); It != B.rend(); ++It)
    if (std::optional<CFGStmt> S = It->getAs<CFGStmt>())
      return S->getStmt();
  return nullptr;
}

/// Clang's CFG ends a block at a `throw`, with an edge to the exit or to the
/// enclosing try's handlers.
bool endsInThrow(const CFGBlock &B) {
  return isa_and_nonnull<CXXThrowExpr>(lastStatement(B));
}

/// Where a block ends in a `return` or `co_return` statement written in
/// the code. One that a macro expands to is a check's way out (gtest's
/// `ASSERT_EQ` returns from a failed test), not the function's own path.
std::optional<SourceLoc> returnOf(const CFGBlock &B, const Names &N) {
  const Stmt *S = lastStatement(B);
  if (!isa_and_nonnull<ReturnStmt, CoreturnStmt>(S) ||
      S->getBeginLoc().isMacroID())
    return std::nullopt;
  return N.location(S->getBeginLoc());
}

/// The keys of the locals \p E reads, themselves or through fields
/// (`w->cancelled`), sorted.
std::vector<std::string> localsRead(const Stmt *E, const Names &N) {
  std::vector<std::string> Keys;
  llvm::SmallVector<const Stmt *, 8> Work{E};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
          V && V->hasLocalStorage() && !isa<ParmVarDecl>(V))
        Keys.push_back(N.objectOfDecl(V).Key);
    llvm::append_range(Work, S->children());
  }
  llvm::sort(Keys);
  Keys.erase(std::unique(Keys.begin(), Keys.end()), Keys.end());
  return Keys;
}

bool returnsTrue(const CFGBlock &B) {
  const auto *Return = dyn_cast_or_null<ReturnStmt>(lastStatement(B));
  const Expr *Value = Return ? Return->getRetValue() : nullptr;
  const auto *Literal = dyn_cast_or_null<CXXBoolLiteralExpr>(
      Value ? Value->IgnoreParenImpCasts() : nullptr);
  return Literal && Literal->getValue();
}

void CfgPlacer::place(const CFG &G) {
  F.Cfg.assign(G.getNumBlockIDs(), {});
  F.CfgEntry = G.getEntry().getBlockID();
  F.CfgExit = G.getExit().getBlockID();
  for (const CFGBlock *B : G) {
    unsigned Id = B->getBlockID();
    F.Cfg[Id].NoReturn = B->hasNoReturnElement();
    F.Cfg[Id].Throws = endsInThrow(*B);
    F.Cfg[Id].Return = returnOf(*B, N);
    F.Cfg[Id].ReturnsTrue = F.Cfg[Id].Return && returnsTrue(*B);
    F.Cfg[Id].TestedLocals = localsRead(B->getTerminatorCondition(), N);
    for (const CFGBlock::AdjacentBlock &Succ : B->succs())
      if (const CFGBlock *S = Succ.getReachableBlock())
        F.Cfg[Id].Succs.push_back(S->getBlockID());
    for (const CFGElement &E : *B)
      placeElement(E, Id);
  }
}

void addImplicitSuspends(FunctionFact &F, const CoroutineBodyStmt *Body,
                         const Names &N) {
  auto Add = [&](SuspendKind Kind, const Stmt *S, unsigned Block, bool Front) {
    SiteFact &Site = F.Sites.emplace_back();
    Site.Id = F.Sites.size() - 1;
    Site.Kind = SiteKind::Suspend;
    Site.Suspend = Kind;
    Site.Implicit = true;
    Site.Loc = N.location(S ? S->getBeginLoc() : SourceLocation());
    // The initial suspension's awaiter runs where the coroutine is called
    // (a dispatcher's `await_suspend` handing the coroutine to an
    // executor); the final one's, once it is done, is the promise's
    // machinery.
    const auto *Awaited = dyn_cast_or_null<Expr>(S);
    if (const auto *E =
            Awaited ? dyn_cast<CoroutineSuspendExpr>(Awaited->IgnoreImplicit())
                    : nullptr;
        E && Kind == SuspendKind::Initial)
      Site.AwaiterUsrs = awaiterCalls(E, N);
    if (F.Cfg.empty())
      return;
    std::vector<unsigned> &Sites = F.Cfg[Block].Sites;
    Sites.insert(Front ? Sites.begin() : Sites.end(), Site.Id);
    for (size_t I = 0; I < Sites.size(); ++I)
      F.Sites[Sites[I]].Pos = {static_cast<int>(Block), static_cast<int>(I)};
  };
  Add(SuspendKind::Initial, Body->getInitSuspendStmt(), F.CfgEntry, true);
  Add(SuspendKind::Final, Body->getFinalSuspendStmt(), F.CfgExit, false);
}

} // namespace

/// The class `promise.initial_suspend()` returns: `std::suspend_always`
/// for a coroutine that starts suspended (a lazy task).
static std::string initialSuspendType(const CoroutineBodyStmt *Body,
                                      const Names &N) {
  const auto *E = dyn_cast_or_null<Expr>(Body->getInitSuspendStmt());
  const auto *Suspend =
      E ? dyn_cast<CoroutineSuspendExpr>(E->IgnoreImplicit()) : nullptr;
  return Suspend ? N.typeName(Suspend->getOperand()->getType()) : "";
}

/// What a lambda is written in, through nested lambdas: a function, or at
/// namespace or class scope that scope. It decides whether the lambda is
/// library code.
static const DeclContext *lambdaOwner(const CXXRecordDecl *Lambda) {
  const DeclContext *DC = Lambda->getDeclContext();
  while (DC) {
    const auto *Method = dyn_cast<CXXMethodDecl>(DC);
    const auto *Record = dyn_cast<CXXRecordDecl>(DC);
    if (!(Method && Method->getParent()->isLambda()) &&
        !(Record && Record->isLambda()))
      break;
    DC = DC->getParent();
  }
  return DC;
}

static std::string ownerName(const DeclContext *Owner, const Names &N) {
  if (const auto *Fn = dyn_cast_or_null<FunctionDecl>(Owner))
    return N.qualifiedName(Fn);
  if (const auto *Named = dyn_cast_or_null<NamedDecl>(Owner))
    return N.qualifiedName(Named) + "::(lambda)";
  return "";
}

/// The class whose object `this` names in \p M: its own for an instance
/// member, its enclosing member's for a lambda that captures `this`.
static std::string objectClass(const CXXMethodDecl *M, const Names &N) {
  if (!M || !M->isInstance())
    return "";
  const CXXRecordDecl *Class = M->getParent();
  if (Class->isLambda()) {
    llvm::DenseMap<const ValueDecl *, FieldDecl *> Captures;
    FieldDecl *ThisCapture = nullptr;
    Class->getCaptureFields(Captures, ThisCapture);
    const auto *Owner = dyn_cast_or_null<CXXMethodDecl>(lambdaOwner(Class));
    if (!ThisCapture || !Owner)
      return "";
    Class = Owner->getParent();
  }
  return N.typeName(Class->getASTContext().getRecordType(Class));
}

/// Whether every declaration of \p FD (of its template pattern, for an
/// instantiation) is in the main file. A member is declared by its class
/// alone: a definition out of it, in a file the main file includes after
/// the class (moc's output, `#include "job.moc"`), names it for no other
/// unit.
static bool declaredOnlyInMainFile(const FunctionDecl *FD, const Names &N) {
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    FD = Pattern;
  const SourceManager &SM = N.context().getSourceManager();
  auto InMainFile = [&](const FunctionDecl *D) {
    return SM.isInMainFile(SM.getExpansionLoc(D->getLocation()));
  };
  if (isa<CXXMethodDecl>(FD))
    return InMainFile(FD->getCanonicalDecl());
  return llvm::all_of(FD->redecls(), InMainFile);
}

/// The named objects a predicate lambda's one `return E;` reads in E.
static std::vector<ObjectRef> predicateReads(const Stmt *Body,
                                             const Names &N) {
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Body);
  const auto *Return =
      Block && Block->size() == 1 ? dyn_cast<ReturnStmt>(Block->body_front())
                                  : nullptr;
  if (!Return || !Return->getRetValue())
    return {};
  std::map<std::string, ObjectRef> ByKey;
  llvm::SmallVector<const Stmt *, 16> Work{Return->getRetValue()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *E = dyn_cast<Expr>(S);
        E && (isa<DeclRefExpr>(E) || isa<MemberExpr>(E)))
      if (ObjectRef R = N.objectOf(E); R.isKnown())
        ByKey.try_emplace(R.Key, std::move(R));
    llvm::append_range(Work, S->children());
  }
  std::vector<ObjectRef> Reads;
  for (auto &[Key, R] : ByKey)
    Reads.push_back(std::move(R));
  return Reads;
}

FunctionFact extractFunction(const FunctionDecl *FD, const Names &N) {
  FunctionFact F;
  F.Usr = N.usr(FD);
  F.Name = N.functionDisplayName(FD);
  F.Loc = N.location(FD->getLocation());
  const auto *M = dyn_cast<CXXMethodDecl>(FD);
  F.IsLambda = M && M->getParent()->isLambda();
  // A lambda's call operator is declared only where it is written: whether
  // it is the project's own is its owner's question.
  const FunctionDecl *Published = FD;
  if (F.IsLambda) {
    const DeclContext *Owner = lambdaOwner(M->getParent());
    F.Owner = ownerName(Owner, N);
    if (const auto *OwnerFn = dyn_cast_or_null<FunctionDecl>(Owner))
      Published = OwnerFn;
  }
  F.MainFileOnly = declaredOnlyInMainFile(Published, N);
  F.Private = M && !F.IsLambda && M->getAccess() == AS_private;
  F.ObjectClass = objectClass(M, N);
  F.ReturnType = N.typeName(FD->getReturnType());
  if (M)
    for (const CXXMethodDecl *Base : M->overridden_methods())
      F.Overrides.push_back(N.usr(Base));
  llvm::sort(F.Overrides);
  Stmt *Body = FD->getBody();
  const auto *Coro = dyn_cast<CoroutineBodyStmt>(Body);
  F.IsCoroutine = Coro != nullptr;
  if (Coro) {
    Body = Coro->getBody();
    F.InitialSuspend = initialSuspendType(Coro, N);
  }

  SiteCollector Collector(N, F.Sites);
  // A constructor's member initializers run before its body, and the CFG
  // lists them first (AddInitializers): `Server() : worker_(run_jobs)`.
  // So do the class's in-class initializers of the members the constructor
  // does not initialize itself (`manual_event ready_{true};`).
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten() || isa<CXXDefaultInitExpr>(Init->getInit())) {
        Collector.addMemberInit(Init);
        Collector.TraverseStmt(const_cast<Expr *>(memberInitExpr(Init)));
      }
  Collector.TraverseStmt(Body);
  Collector.resolveOperandCalls();
  Collector.resolveIntegers();
  Collector.markReturnedCalls();
  if (FD->getReturnType()->isIntegralOrEnumerationType() ||
      FD->getReturnType()->isRecordType())
    F.ReturnedObjects = Collector.returnedObjects();
  F.ComparedConstants.assign(Collector.Compared.begin(),
                             Collector.Compared.end());
  F.FieldFunctions = Collector.fieldFunctions();

  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  Options.AddImplicitDtors = true;
  Options.AddInitializers = true;
  // In-class initializers a constructor runs are sites too.
  Options.AddCXXDefaultInitExprInCtors = true;
  if (std::unique_ptr<CFG> G =
          CFG::buildCFG(FD, Body, &FD->getASTContext(), Options))
    CfgPlacer(F, Collector, N).place(*G);
  if (Coro)
    addImplicitSuspends(F, Coro, N);
  F.Polls = findPolls(Body, Collector.SiteOfStmt, N);
  markGuardedSites(Body, Collector.SiteOfStmt, N, F.Sites);
  markTestedSites(Body, Collector.SiteOfStmt, N, F.Sites);
  collectRoleEvidence(FD, Body, N, F);
  if (F.IsLambda)
    F.Reads = predicateReads(Body, N);
  return F;
}

std::optional<FunctionFact> extractInClassInitializers(const CXXRecordDecl *RD,
                                                       const Names &N) {
  FunctionFact F;
  SiteCollector Collector(N, F.Sites);
  bool Any = false;
  for (const FieldDecl *Field : RD->fields()) {
    const Expr *Init = Field->getInClassInitializer();
    if (Init && Field->getType()->isBooleanType()) {
      Collector.addFieldValue(Field, Init);
      Any = true;
      continue;
    }
    const auto *Construct =
        dyn_cast_or_null<CXXConstructExpr>(stripWrappers(Init));
    if (!Construct || Construct->getNumArgs() == 0)
      continue;
    Collector.InitializedVar[Construct] = Field;
    Collector.TraverseStmt(const_cast<CXXConstructExpr *>(Construct));
    Any = true;
  }
  if (!Any)
    return std::nullopt;
  F.Usr = N.usr(RD) + InClassInitializersUsrSuffix;
  F.Name = N.qualifiedName(RD) + "::" + RD->getNameAsString();
  F.Loc = N.location(RD->getLocation());
  Collector.resolveOperandCalls();
  Collector.resolveIntegers();
  return F;
}

std::optional<FunctionFact> extractGlobalInitializer(const VarDecl *V,
                                                     const Names &N) {
  const Expr *Init = V->getInit() ? stripWrappers(V->getInit()) : nullptr;
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Init);
  // A table of callbacks (`static const parser_settings settings = {...}`)
  // calls nothing, but says what calls through its fields run.
  if (!isa_and_nonnull<InitListExpr>(Init) &&
      (!Construct || Construct->getNumArgs() == 0))
    return std::nullopt;
  FunctionFact F;
  SiteCollector Collector(N, F.Sites);
  if (Construct)
    Collector.InitializedVar[Construct] = V;
  Collector.TraverseStmt(const_cast<Expr *>(Init));
  F.FieldFunctions = Collector.fieldFunctions();
  if (F.Sites.empty() && F.FieldFunctions.empty())
    return std::nullopt;
  F.Usr = N.usr(V) + GlobalInitializerUsrSuffix;
  F.Name = N.qualifiedName(V);
  F.Loc = N.location(V->getLocation());
  Collector.resolveOperandCalls();
  Collector.resolveIntegers();
  return F;
}

} // namespace corolint
