//===- PollFinder.cpp - Where a function tests a flag to go on ------------===//
//
// Records shapes, not verdicts: whether a test is polling depends on who sets
// the flag and how the function runs, which only the linked program knows.
//
//===----------------------------------------------------------------------===//

#include "PollFinder.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include <optional>

using namespace clang;

namespace corolint {
namespace {

/// How many accessors deep a flag test is followed (`empty()` calls
/// `size()`, which reads the field).
constexpr unsigned MaxAccessorDepth = 3;

/// How a condition tests its flag.
struct FlagTest {
  /// It tests true while the flag is unset (`!ready`, `ready == false`).
  bool Negated = false;
  /// The enumerator the flag is compared with (`state != State::Done`): the
  /// flag is set when it holds that value, not when it is nonzero.
  const EnumConstantDecl *Enumerator = nullptr;
  /// The test is made once per run of its function (a guard), so a const
  /// copy taken before it is the flag as it was then. A loop's test of
  /// such a copy sees the same value on every turn.
  bool Once = false;
};

class PollFinder {
public:
  PollFinder(const llvm::DenseMap<const Stmt *, unsigned> &SiteOfStmt,
             const Names &N)
      : SiteOfStmt(SiteOfStmt), N(N) {}

  std::vector<PollFact> find(const Stmt *Body);
  /// SiteFact::GuardFlags of the calls in \p S, which runs only while the
  /// flags of \p Required test true.
  void markGuarded(const Stmt *S, std::vector<ObjectRef> Required,
                   std::vector<SiteFact> &Sites) const;

  /// SiteFact::ConditionReads of the calls in \p S, which runs only as the
  /// conditions that read \p Tested decide.
  void markTested(const Stmt *S, std::vector<ObjectRef> Tested,
                  std::vector<SiteFact> &Sites) const;

private:
  /// Adds to \p Out the fields and globals \p E reads: those it names, and
  /// those it calls const members on.
  void readsOf(const Stmt *E, std::vector<ObjectRef> &Out) const;
  /// The flags that each test true when \p Condition does: `f`, `f && g`.
  /// With \p WhenFalse, those that test true when it is false: `!f`,
  /// `!f || !g`.
  void flagsImplied(const Expr *Condition, bool WhenFalse,
                    std::vector<ObjectRef> &Out) const;
  void findGuard(const CompoundStmt *Body);
  void findLoops(const Stmt *S);
  void addPoll(PollKind Kind, SourceLocation Loc, ObjectRef Flag,
               const FlagTest &Test, const Stmt *Waiting);
  ObjectRef flagOf(const Expr *Condition, FlagTest &Test,
                   unsigned Depth = 0) const;
  std::optional<ObjectRef> readThroughAccessor(const CXXMethodDecl *Method,
                                               FlagTest &Test,
                                               unsigned Depth) const;
  void collectSites(const Stmt *S, std::vector<unsigned> &Out) const;

  const llvm::DenseMap<const Stmt *, unsigned> &SiteOfStmt;
  const Names &N;
  std::vector<PollFact> Polls;
};

/// The truth value a literal a flag is compared with stands for: `true`,
/// `false`, an integer (a count compared with 0 is unset when it is 0) or
/// `nullptr`.
std::optional<bool> truthOfLiteral(const Expr *E) {
  E = stripWrappers(E);
  if (const auto *Bool = dyn_cast_or_null<CXXBoolLiteralExpr>(E))
    return Bool->getValue();
  if (const auto *Int = dyn_cast_or_null<IntegerLiteral>(E))
    return Int->getValue().getBoolValue();
  if (isa_and_nonnull<CXXNullPtrLiteralExpr>(E))
    return false;
  return std::nullopt;
}

/// Whether \p E only names an object: a variable, a member of one, what a
/// pointer points at, converted (`static_cast<job *>(timer->data)`).
bool onlyNames(const Expr *E) {
  E = E ? E->IgnoreParens() : nullptr;
  if (const auto *Cast = dyn_cast_or_null<CastExpr>(E))
    return onlyNames(Cast->getSubExpr());
  if (const auto *U = dyn_cast_or_null<UnaryOperator>(E))
    return (U->getOpcode() == UO_Deref || U->getOpcode() == UO_AddrOf) &&
           onlyNames(U->getSubExpr());
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(E))
    return onlyNames(Member->getBase());
  return isa_and_nonnull<DeclRefExpr>(E) || isa_and_nonnull<CXXThisExpr>(E);
}

/// Whether \p E only reads: names an object, or calls a const member on
/// one (`job.state()`, `job_->phase.load()`).
bool onlyReads(const Expr *E) {
  E = stripWrappers(E);
  if (const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(E))
    return Call->getMethodDecl() && Call->getMethodDecl()->isConst() &&
           onlyReads(Call->getImplicitObjectArgument());
  return onlyNames(E);
}

/// The local \p E names when it is a const copy that only reads its
/// initial value (`const auto state = job.state();`): it never changes.
const VarDecl *constCopy(const Expr *E) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(stripWrappers(E));
  const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!V || !V->hasLocalStorage() || isa<ParmVarDecl>(V) ||
      V->getType()->isReferenceType() || !V->getType().isConstQualified() ||
      !V->getInit() || !onlyReads(V->getInit()))
    return nullptr;
  return V;
}

/// The enumerator \p E names (`State::Done`).
const EnumConstantDecl *enumeratorOf(const Expr *E) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(stripWrappers(E));
  return Ref ? dyn_cast<EnumConstantDecl>(Ref->getDecl()) : nullptr;
}

/// A scalar or an object tested through a const member (`ready.load()`,
/// `queue.empty()`, `operator bool`), under any number of `!` and
/// comparisons with a literal, and at most one with an enumerator. A const
/// member of the function's own object stands for what it reads.
ObjectRef PollFinder::flagOf(const Expr *Condition, FlagTest &Test,
                             unsigned Depth) const {
  const Expr *E = stripWrappers(Condition);
  if (!E)
    return {};
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() != UO_LNot)
      return {};
    Test.Negated = !Test.Negated;
    return flagOf(U->getSubExpr(), Test, Depth);
  }
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    if (!B->isEqualityOp())
      return {};
    const Expr *Flag = B->getLHS();
    std::optional<bool> Literal = truthOfLiteral(B->getRHS());
    if (!Literal) {
      Flag = B->getRHS();
      Literal = truthOfLiteral(B->getLHS());
    }
    if (!Literal && !Test.Enumerator) {
      // `state != State::Done` tests whether the flag holds `Done`.
      Flag = B->getLHS();
      Test.Enumerator = enumeratorOf(B->getRHS());
      if (!Test.Enumerator) {
        Flag = B->getRHS();
        Test.Enumerator = enumeratorOf(B->getLHS());
      }
      if (Test.Enumerator)
        Literal = true;
    }
    if (!Literal)
      return {};
    // `f == false`, `f != true` and `count == 0` test for an unset flag.
    if (*Literal == (B->getOpcode() == BO_NE))
      Test.Negated = !Test.Negated;
    return flagOf(Flag, Test, Depth);
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (!Method || !Method->isConst())
      return {};
    const Expr *Object = stripWrappers(Call->getImplicitObjectArgument());
    if (!isa_and_nonnull<CXXThisExpr>(Object))
      return readThroughAccessor(Method, Test, Depth)
          .value_or(N.objectOf(Object));
    // `while (!empty())` in a member tests the object's own state: what the
    // accessor reads (`size() == 0`, `m_used.load()`) is the flag.
    return Depth < MaxAccessorDepth
               ? flagOf(accessedValue(Method), Test, Depth + 1)
               : ObjectRef{};
  }
  if (!E->getType()->isScalarType())
    return {};
  // `const State state = job.state(); if (state == State::Running)`: a
  // const copy taken for the test is the flag as it was at the look.
  if (const VarDecl *Copy = Test.Once ? constCopy(E) : nullptr;
      Copy && Depth < MaxAccessorDepth) {
    FlagTest CopyTest = Test;
    if (ObjectRef Read = flagOf(Copy->getInit(), CopyTest, Depth + 1);
        Read.isKnown()) {
      Test = CopyTest;
      return Read;
    }
  }
  return N.objectOf(E);
}

/// `warmer_->isWarm()`: an accessor the program defines, called on another
/// object, stands for the field it reads, as one of the function's own
/// object does (a field names that member of every object of its class,
/// which is also how the setter's write names it). A library's accessor
/// (`q.empty()`) stands for its object.
std::optional<ObjectRef>
PollFinder::readThroughAccessor(const CXXMethodDecl *Method, FlagTest &Test,
                                unsigned Depth) const {
  if (Depth >= MaxAccessorDepth || inSystemHeader(Method))
    return std::nullopt;
  FlagTest ReadTest = Test;
  ObjectRef Read = flagOf(accessedValue(Method), ReadTest, Depth + 1);
  if (Read.K != ObjectRef::Kind::Field)
    return std::nullopt;
  Test = ReadTest;
  return Read;
}

/// Whether \p S only calls, awaits and returns: it changes nothing itself.
bool onlyCalls(const Stmt *S) {
  if (!S || isa<NullStmt>(S) || isa<ContinueStmt>(S))
    return true;
  if (const auto *Return = dyn_cast<ReturnStmt>(S))
    return !Return->getRetValue() || onlyCalls(Return->getRetValue());
  if (const auto *Return = dyn_cast<CoreturnStmt>(S))
    return !Return->getOperand();
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    return llvm::all_of(Block->body(), onlyCalls);
  const auto *E = dyn_cast<Expr>(S);
  if (!E)
    return false;
  E = stripWrappers(E);
  if (const auto *Cast = dyn_cast<CStyleCastExpr>(E))
    E = stripWrappers(Cast->getSubExpr());
  return isa<CoawaitExpr>(E) || isa<CallExpr>(E);
}

bool endsInReturn(const Stmt *S) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    return !Block->body_empty() && endsInReturn(Block->body_back());
  return isa_and_nonnull<ReturnStmt>(S) || isa_and_nonnull<CoreturnStmt>(S);
}

void PollFinder::collectSites(const Stmt *S, std::vector<unsigned> &Out) const {
  if (!S || isa<LambdaExpr>(S))
    return;
  auto It = SiteOfStmt.find(S);
  if (It != SiteOfStmt.end())
    Out.push_back(It->second);
  for (const Stmt *Child : S->children())
    collectSites(Child, Out);
}

void PollFinder::addPoll(PollKind Kind, SourceLocation Loc, ObjectRef Flag,
                         const FlagTest &Test, const Stmt *Waiting) {
  PollFact P;
  P.Kind = Kind;
  P.Loc = N.location(Loc);
  P.Flag = std::move(Flag);
  P.Negated = Test.Negated;
  if (const EnumConstantDecl *Enumerator = Test.Enumerator;
      Enumerator && Enumerator->getInitVal().isRepresentableByInt64()) {
    P.Value = Enumerator->getInitVal().getExtValue();
    P.ValueName = Enumerator->getName().str();
  } else if (Enumerator) {
    return; // An enumerator wider than 64 bits: which writes set it is unsure.
  }
  collectSites(Waiting, P.Sites);
  llvm::sort(P.Sites);
  P.Sites.erase(std::unique(P.Sites.begin(), P.Sites.end()), P.Sites.end());
  P.OnlyCalls = onlyCalls(Waiting);
  Polls.push_back(std::move(P));
}

/// Work a poller does on every look whatever the flag says, which does not
/// make it stop polling: counting its looks (`++polls_`, `ticks += 1`),
/// logging through a library (`printf`, `qDebug() << ...`), and naming the
/// state it looks at (`auto *job = static_cast<job_t *>(timer->data);` in a
/// C callback).
bool isSideWork(const Stmt *S) {
  // A pointer or a reference to it, or a const copy of what it reads (the
  // flag as it is at this look). A copy that may change (`bool done =
  // job->done;`) is a value of its own, which the guard would then test.
  if (const auto *Decl = dyn_cast_or_null<DeclStmt>(S))
    return llvm::all_of(Decl->decls(), [](const clang::Decl *D) {
      const auto *V = dyn_cast<VarDecl>(D);
      if (!V || !V->getInit())
        return false;
      if (V->getType().isConstQualified() && !V->getType()->isReferenceType())
        return onlyReads(V->getInit());
      return (V->getType()->isPointerType() ||
              V->getType()->isReferenceType()) &&
             onlyNames(V->getInit());
    });
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return false;
  E = stripWrappers(E);
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    return U->isIncrementDecrementOp();
  if (isa<CompoundAssignOperator>(E))
    return true;
  const auto *Call = dyn_cast<CallExpr>(E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && inSystemHeader(Callee) &&
         !isa<CXXMemberCallExpr>(Call); // A member may change its object.
}

/// `if (!ready) return;` opening the body, after side work only: until the
/// flag is set, the call does what the branch does and nothing else. A body
/// that is a single `if (ready) { ... }` does nothing at all until then.
void PollFinder::findGuard(const CompoundStmt *Body) {
  if (!Body || Body->body_empty())
    return;
  const Stmt *const *First = llvm::find_if_not(Body->body(), isSideWork);
  if (First == Body->body_end())
    return;
  const auto *If = dyn_cast<IfStmt>(*First);
  if (!If || If->getElse() || If->getInit() || If->getConditionVariable())
    return;
  FlagTest Test;
  Test.Once = true;
  ObjectRef Flag = flagOf(If->getCond(), Test);
  if (!Flag.isKnown())
    return;
  if (endsInReturn(If->getThen())) {
    addPoll(PollKind::Guard, If->getIfLoc(), std::move(Flag), Test,
            If->getThen());
  } else if (Body->size() == 1) { // Nothing happens while the test fails.
    Test.Negated = !Test.Negated;
    addPoll(PollKind::Guard, If->getIfLoc(), std::move(Flag), Test, nullptr);
  }
}

void PollFinder::findLoops(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return;
  const Expr *Condition = nullptr;
  const Stmt *LoopBody = nullptr;
  if (const auto *While = dyn_cast<WhileStmt>(S)) {
    if (!While->getConditionVariable()) {
      Condition = While->getCond();
      LoopBody = While->getBody();
    }
  } else if (const auto *Do = dyn_cast<DoStmt>(S)) {
    Condition = Do->getCond();
    LoopBody = Do->getBody();
  } else if (const auto *For = dyn_cast<ForStmt>(S)) {
    if (!For->getInit() && !For->getInc() && !For->getConditionVariable()) {
      Condition = For->getCond();
      LoopBody = For->getBody();
    }
  }
  if (Condition) {
    FlagTest Test;
    ObjectRef Flag = flagOf(Condition, Test);
    if (Flag.isKnown())
      addPoll(PollKind::Loop, S->getBeginLoc(), std::move(Flag), Test,
              LoopBody);
  }
  for (const Stmt *Child : S->children())
    findLoops(Child);
}

std::vector<PollFact> PollFinder::find(const Stmt *Body) {
  findGuard(dyn_cast_or_null<CompoundStmt>(Body));
  findLoops(Body);
  return std::move(Polls);
}

void PollFinder::flagsImplied(const Expr *Condition, bool WhenFalse,
                              std::vector<ObjectRef> &Out) const {
  const Expr *E = stripWrappers(Condition);
  if (!E)
    return;
  if (const auto *B = dyn_cast<BinaryOperator>(E);
      B && B->getOpcode() == (WhenFalse ? BO_LOr : BO_LAnd)) {
    flagsImplied(B->getLHS(), WhenFalse, Out);
    flagsImplied(B->getRHS(), WhenFalse, Out);
    return;
  }
  // A flag compared with an enumerator is set by some values only: its
  // first value says nothing of whether the branch runs.
  FlagTest Test;
  ObjectRef Flag = flagOf(E, Test);
  if (Flag.isKnown() && Test.Negated == WhenFalse && !Test.Enumerator &&
      E->getType()->isBooleanType())
    Out.push_back(std::move(Flag));
}

/// `if (enable_timeout_ && d.count() >= 0) { arm(); }`, and after
/// `if (!enable_check_timeout_ || busy) return;` in the same block: the
/// calls there run only while the flag is set.
void PollFinder::markGuarded(const Stmt *S, std::vector<ObjectRef> Required,
                             std::vector<SiteFact> &Sites) const {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    markGuarded(If->getCond(), Required, Sites);
    std::vector<ObjectRef> Then = Required;
    if (!If->getConditionVariable())
      flagsImplied(If->getCond(), /*WhenFalse=*/false, Then);
    markGuarded(If->getThen(), std::move(Then), Sites);
    markGuarded(If->getElse(), std::move(Required), Sites);
    return;
  }
  if (const auto *Block = dyn_cast<CompoundStmt>(S)) {
    for (const Stmt *Child : Block->body()) {
      // A label or a case is reached from elsewhere, past the early returns
      // above it.
      if (isa<SwitchCase>(Child) || isa<LabelStmt>(Child))
        Required.clear();
      markGuarded(Child, Required, Sites);
      const auto *If = dyn_cast<IfStmt>(Child);
      if (If && !If->getElse() && !If->getConditionVariable() &&
          endsInReturn(If->getThen()))
        flagsImplied(If->getCond(), /*WhenFalse=*/true, Required);
    }
    return;
  }
  if (auto It = SiteOfStmt.find(S); It != SiteOfStmt.end() &&
                                    !Required.empty() &&
                                    Sites[It->second].Kind == SiteKind::Call)
    Sites[It->second].GuardFlags = Required;
  for (const Stmt *Child : S->children())
    markGuarded(Child, Required, Sites);
}

void PollFinder::readsOf(const Stmt *E, std::vector<ObjectRef> &Out) const {
  if (!E || isa<LambdaExpr>(E))
    return;
  const Expr *Object = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E);
      Ref && isa<VarDecl>(Ref->getDecl()))
    Object = Ref;
  else if (const auto *Member = dyn_cast<MemberExpr>(E);
           Member && isa<FieldDecl>(Member->getMemberDecl()))
    Object = Member;
  else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E);
           Call && Call->getMethodDecl() && Call->getMethodDecl()->isConst())
    Object = Call->getImplicitObjectArgument();
  // State other threads see: a field or a global, not a local or a
  // parameter.
  if (Object)
    if (ObjectRef R = N.objectOf(Object);
        R.K == ObjectRef::Kind::Field || R.K == ObjectRef::Kind::Global)
      Out.push_back(std::move(R));
  for (const Stmt *Child : E->children())
    readsOf(Child, Out);
}

void PollFinder::markTested(const Stmt *S, std::vector<ObjectRef> Tested,
                            std::vector<SiteFact> &Sites) const {
  if (!S || isa<LambdaExpr>(S))
    return;
  const Expr *Condition = nullptr;
  std::vector<const Stmt *> Decided;
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    Condition = If->getCond();
    Decided = {If->getThen(), If->getElse()};
  } else if (const auto *While = dyn_cast<WhileStmt>(S)) {
    Condition = While->getCond();
    Decided = {While->getBody()};
  } else if (const auto *Do = dyn_cast<DoStmt>(S)) {
    Condition = Do->getCond();
    Decided = {Do->getBody()};
  } else if (const auto *For = dyn_cast<ForStmt>(S)) {
    Condition = For->getCond();
    Decided = {For->getBody()};
  }
  if (Condition) {
    markTested(Condition, Tested, Sites);
    std::vector<ObjectRef> Inner = Tested;
    readsOf(Condition, Inner);
    llvm::sort(Inner, [](const ObjectRef &A, const ObjectRef &B) {
      return A.Key < B.Key;
    });
    Inner.erase(std::unique(Inner.begin(), Inner.end(),
                            [](const ObjectRef &A, const ObjectRef &B) {
                              return A.Key == B.Key;
                            }),
                Inner.end());
    for (const Stmt *Branch : Decided)
      markTested(Branch, Inner, Sites);
    return;
  }
  // Kept for calls on a named object, the only ones a rule asks about (a
  // wait on a condition variable: `cv.wait(lk)`, `pthread_cond_wait(&cv,
  // &mu)`), which keeps the facts small.
  if (auto It = SiteOfStmt.find(S); It != SiteOfStmt.end() && !Tested.empty())
    if (SiteFact &Site = Sites[It->second];
        Site.Kind == SiteKind::Call &&
        (Site.Receiver.isKnown() ||
         llvm::any_of(Site.Args,
                      [](const ArgFact &A) { return A.Ref.isKnown(); })))
      Site.ConditionReads = Tested;
  for (const Stmt *Child : S->children())
    markTested(Child, Tested, Sites);
}

} // namespace

void markTestedSites(const Stmt *Body,
                     const llvm::DenseMap<const Stmt *, unsigned> &SiteOfStmt,
                     const Names &N, std::vector<SiteFact> &Sites) {
  PollFinder(SiteOfStmt, N).markTested(Body, {}, Sites);
}

void markGuardedSites(const Stmt *Body,
                      const llvm::DenseMap<const Stmt *, unsigned> &SiteOfStmt,
                      const Names &N, std::vector<SiteFact> &Sites) {
  PollFinder(SiteOfStmt, N).markGuarded(Body, {}, Sites);
}

std::vector<PollFact>
findPolls(const Stmt *Body,
          const llvm::DenseMap<const Stmt *, unsigned> &SiteOfStmt,
          const Names &N) {
  return PollFinder(SiteOfStmt, N).find(Body);
}

} // namespace corolint
