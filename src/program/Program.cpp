//===- Program.cpp - Queries on the linked program ------------------------===//

#include "corolint/program/Program.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseSet.h"
#include <algorithm>
#include <set>

namespace corolint {

std::optional<unsigned> Program::find(llvm::StringRef Usr) const {
  if (Usr.empty())
    return std::nullopt;
  auto It = ByUsr.find(Usr);
  if (It == ByUsr.end())
    return std::nullopt;
  return It->second;
}

bool Program::passesDuration(const SiteFact &Call) const {
  auto IsDuration = [&](const std::string &Type) {
    const TypeModel *T = Models->type(Type);
    return T && T->Role == TypeRole::Duration;
  };
  return llvm::any_of(Call.Args, [&](const ArgFact &A) {
    return IsDuration(A.Type) || IsDuration(A.BuiltFrom);
  });
}

bool Program::passesTimeout(const SiteFact &Call) const {
  if (passesDuration(Call))
    return true;
  const FunctionModel *M = modelOf(Call);
  return M && M->TimeoutArg >= 0 &&
         llvm::any_of(Call.Args, [&](const ArgFact &A) {
           return static_cast<int>(A.Index) == M->TimeoutArg;
         });
}

bool Program::bindsParameters(const CallEdge &E) const {
  const SiteFact &S = site(E.From);
  return (E.Kind == EdgeKind::Calls || E.Kind == EdgeKind::Awaits) &&
         S.Kind == SiteKind::Call &&
         (find(S.CalleeUsr) == E.Callee || dispatchesTo(E) ||
          invokesHeldCallable(E));
}

bool Program::invokesWrapper(const SiteFact &S) const {
  return S.Kind == SiteKind::Call &&
         splitMember(S.CalleeName).second == "operator()" && !find(S.CalleeUsr);
}

std::vector<unsigned> Program::invokedParameterCallables(
    SiteRef At, llvm::function_ref<bool(unsigned Caller)> FromCaller) const {
  const Function &F = Functions[At.Function];
  const SiteFact &S = F.site(At.Site);
  std::vector<unsigned> Passed;
  if (!invokesWrapper(S) || !F.ownsParameter(S.Receiver))
    return Passed;
  for (unsigned E : edgesInto(At.Function)) {
    if (!bindsParameters(Edges[E]) || !FromCaller(Edges[E].From.Function))
      continue;
    if (const ArgFact *A = site(Edges[E].From).arg(S.Receiver.ParamIndex))
      llvm::append_range(Passed, callablesNamed(A->CallableUsr));
  }
  llvm::sort(Passed);
  Passed.erase(std::unique(Passed.begin(), Passed.end()), Passed.end());
  return Passed;
}

bool Program::invokesHeldCallable(const CallEdge &E) const {
  const SiteFact &S = site(E.From);
  return invokesWrapper(S) && llvm::none_of(S.Args, [&](const ArgFact &A) {
           return llvm::is_contained(callablesNamed(A.CallableUsr), E.Callee);
         });
}

ObjectRef Program::visitedObject(const CallEdge &E, int Param) const {
  const SiteFact &S = site(E.From);
  if (Param != 0 || S.Kind != SiteKind::Call || !S.Receiver.isKnown() ||
      llvm::none_of(S.Args, [&](const ArgFact &A) {
        return llvm::is_contained(callablesNamed(A.CallableUsr), E.Callee);
      }))
    return {};
  const TypeModel *T = Models->typeForCall(S.Receiver.Type, S.CalleeName);
  if (!T || !TypeModel::has(T->Visits, splitMember(S.CalleeName).second))
    return {};
  return S.Receiver;
}

std::vector<unsigned> Program::callablesNamed(llvm::StringRef Usr) const {
  std::optional<unsigned> Fn = find(Usr);
  if (!Fn)
    return {};
  const FunctionFact &F = function(*Fn).fact();
  auto Instances = LambdaInstances.find(lambdaPattern(F.Usr));
  if (!F.IsLambda || Instances == LambdaInstances.end())
    return {*Fn};
  return Instances->second;
}

bool Program::dispatchesTo(const CallEdge &E) const {
  const SiteFact &S = site(E.From);
  if (S.Kind != SiteKind::Call || !S.Virtual)
    return false;
  // Up the callee's overrides, as far as the program defines them.
  llvm::SmallVector<unsigned, 4> Work{E.Callee};
  llvm::DenseSet<unsigned> Seen{E.Callee};
  while (!Work.empty()) {
    for (const std::string &Base :
         function(Work.pop_back_val()).fact().Overrides) {
      if (Base == S.CalleeUsr)
        return true;
      if (std::optional<unsigned> Up = find(Base);
          Up && Seen.insert(*Up).second)
        Work.push_back(*Up);
    }
  }
  return false;
}

bool Program::followParameters(
    unsigned Fn, const ObjectRef &Start,
    llvm::function_ref<ObjectRef(const ArgFact &)> Passed,
    llvm::function_ref<void(const ObjectRef &)> Found,
    llvm::function_ref<void(const CallEdge &)> Through) const {
  bool Complete = true;
  std::vector<std::pair<unsigned, ObjectRef>> Work{{Fn, Start}};
  llvm::DenseSet<std::pair<unsigned, int>> SeenParams;
  while (!Work.empty()) {
    auto [At, Obj] = Work.back();
    Work.pop_back();
    if (Obj.K != ObjectRef::Kind::Param) {
      Found(Obj);
      continue;
    }
    if (!SeenParams.insert({At, Obj.ParamIndex}).second)
      continue;
    bool Bound = false;
    for (unsigned EdgeIndex : EdgesInto[At]) {
      const CallEdge &E = Edges[EdgeIndex];
      if (ObjectRef Visited = visitedObject(E, Obj.ParamIndex);
          Visited.isKnown()) {
        Work.push_back({E.From.Function, Visited});
        Bound = true;
        continue;
      }
      if (!passesArguments(E))
        continue;
      ObjectRef Arg;
      if (const ArgFact *A = argBinding(E, Obj.ParamIndex))
        Arg = Passed(*A);
      if (Arg.isKnown()) {
        if (Through)
          Through(E);
        Work.push_back({E.From.Function, Arg});
        Bound = true;
      } else {
        Complete = false;
      }
    }
    // A parameter no analyzed caller binds stands for itself.
    if (!Bound)
      Found(Obj);
  }
  return Complete;
}

std::vector<ObjectRef> Program::resolve(unsigned Fn,
                                        const ObjectRef &Ref) const {
  return resolve(Fn, Ref, 0);
}

bool runsDeferred(const FunctionModel &M, const SiteFact &S) {
  return !M.DeferredFlags.empty() &&
         llvm::any_of(S.Args, [&](const ArgFact &A) {
           return !A.Flags.empty() &&
                  llvm::all_of(A.Flags, [&](const std::string &F) {
                    return llvm::is_contained(M.DeferredFlags, F);
                  });
         });
}

/// Only a started thread's function is handed the arguments in order: a
/// member function pointer (`std::thread(&node::splice, std::ref(a), ...)`)
/// is handed its object first, and a deferred task runs later on the
/// waiting thread, which is no thread of its own (threads run at once).
const ArgFact *Program::forwardingCallable(const CallEdge &E) const {
  const SiteFact &S = site(E.From);
  const FunctionModel *M = E.Kind == EdgeKind::Offload ? modelOf(S) : nullptr;
  const FunctionFact &Callee = Functions[E.Callee].fact();
  bool Member = !Callee.ObjectClass.empty() && !Callee.IsLambda &&
                splitMember(Callee.Name).second != "operator()";
  if (!M || !M->ForwardsArgs || Member || runsDeferred(*M, S))
    return nullptr;
  for (const ArgFact &A : S.Args)
    if (M->Offload.has(A.Index) &&
        llvm::is_contained(callablesNamed(A.CallableUsr), E.Callee))
      return &A;
  return nullptr;
}

/// A thread start copies what it hands on (`std::thread t(drain, queue)`
/// gives `drain` a copy of `queue`): only a reference wrapper hands on the
/// object itself.
const ArgFact *Program::argBinding(const CallEdge &E, int Param) const {
  const SiteFact &S = site(E.From);
  const ArgFact *Callable = forwardingCallable(E);
  bool Forwarded = Callable != nullptr;
  const ArgFact *A = S.arg(Forwarded ? Callable->Index + 1 + Param : Param);
  if (!A || A->MadeBy < 0)
    return Forwarded ? nullptr : A;
  // `std::ref(queue)` hands on `queue`.
  const SiteFact &Maker = site({E.From.Function, unsigned(A->MadeBy)});
  const FunctionModel *M =
      Maker.Kind == SiteKind::Call ? modelOf(Maker) : nullptr;
  if (M && M->RefersTo >= 0)
    return Maker.arg(M->RefersTo);
  return Forwarded ? nullptr : A;
}

std::vector<ObjectRef> Program::handedTo(SiteRef At) const {
  const SiteFact &S = site(At);
  const FunctionModel *M = S.Kind == SiteKind::Call ? modelOf(S) : nullptr;
  const ArgFact *Loop = M ? S.arg(M->OffloadWhenArg) : nullptr;
  return Loop && Loop->Ref.isKnown() ? resolve(At.Function, Loop->Ref)
                                     : std::vector<ObjectRef>();
}

std::vector<ObjectRef> Program::boundReferences(const ObjectRef &Field,
                                                unsigned Depth) const {
  auto Binders = ReferenceBinders.find(Field.Key);
  if (!Field.Alias || Field.K != ObjectRef::Kind::Field || Field.Type.empty() ||
      Depth > 3 || Binders == ReferenceBinders.end() || Binders->second.empty())
    return {};
  std::vector<ObjectRef> Bound;
  for (const ReferenceBinder &B : Binders->second) {
    if (B.Type != Field.Type)
      return {};
    ObjectRef Param;
    Param.K = ObjectRef::Kind::Param;
    Param.ParamIndex = B.Param;
    Param.Key =
        Functions[B.Constructor].fact().Usr + "#" + std::to_string(B.Param);
    for (ObjectRef &Obj : resolve(B.Constructor, Param, Depth + 1)) {
      // A constructor no analyzed code calls, or a caller passing what no
      // object holds: the field may be bound to anything.
      if (Obj.K == ObjectRef::Kind::Param || Obj.Alias)
        return {};
      Bound.push_back(std::move(Obj));
    }
  }
  return Bound;
}

std::pair<llvm::StringRef, llvm::StringRef>
accessorSuffix(const ObjectRef &Accessor) {
  llvm::StringRef Key = Accessor.Key, Name = Accessor.Name;
  return {
      Key.drop_front(std::min(Accessor.AccessorOf->Key.size(), Key.size())),
      Name.drop_front(std::min(Accessor.AccessorOf->Name.size(), Name.size()))};
}

std::vector<ObjectRef> Program::resolveAccessor(unsigned Fn,
                                                const ObjectRef &Ref,
                                                unsigned Depth) const {
  const ObjectRef &Holder = *Ref.AccessorOf;
  auto [Key, Name] = accessorSuffix(Ref);
  std::vector<ObjectRef> Result;
  for (const ObjectRef &Bound : resolve(Fn, Holder, Depth)) {
    if (Bound.Key == Holder.Key) {
      Result.push_back(Ref);
      continue;
    }
    ObjectRef R = Bound;
    R.AccessorOf =
        Bound.AccessorOf ? std::make_shared<const ObjectRef>(Bound) : nullptr;
    R.Key += Key;
    R.Name += Name;
    R.Type = Ref.Type;
    R.ParamIndex = -1;
    R.Internal = false;
    R.Alias = false;
    Result.push_back(std::move(R));
  }
  return Result;
}

std::vector<ObjectRef> Program::resolve(unsigned Fn, const ObjectRef &Ref,
                                        unsigned Depth) const {
  if (Ref.AccessorOf)
    return resolveAccessor(Fn, Ref, Depth);
  std::vector<ObjectRef> Result;
  bool Complete = followParameters(
      Fn, Ref, [](const ArgFact &A) { return A.Ref; },
      [&](const ObjectRef &Obj) {
        if (std::vector<ObjectRef> Bound = boundReferences(Obj, Depth);
            !Bound.empty()) {
          llvm::append_range(Result, Bound);
          return;
        }
        auto Handle = HandleOf.find(Obj.Key);
        Result.push_back(Handle == HandleOf.end() ? Obj : Handle->second);
      });
  // Inside a binding, a caller that passes no named object leaves it open.
  if (!Complete && Depth > 0)
    Result.push_back(Ref);
  std::sort(
      Result.begin(), Result.end(),
      [](const ObjectRef &A, const ObjectRef &B) { return A.Key < B.Key; });
  Result.erase(std::unique(Result.begin(), Result.end(),
                           [](const ObjectRef &A, const ObjectRef &B) {
                             return A.Key == B.Key;
                           }),
               Result.end());
  return Result;
}

const SemaphoreLockSites &Program::semaphoreLocks(unsigned Fn) const {
  static const SemaphoreLockSites None;
  auto It = SemaphoreLocks.find(Fn);
  return It == SemaphoreLocks.end() ? None : It->second;
}

std::string lambdaPattern(llvm::StringRef Usr) {
  // USRs write template arguments with markers, not brackets: what an
  // instantiation changes is everything between the call operator's name
  // and the lambda's location (`|L1833:43`), which is kept.
  // The last call operator is the lambda's own (an enclosing lambda's comes
  // first); the locations follow it, innermost first (`|L228:11|L224:9`).
  const llvm::StringRef Operator = "@F@operator()";
  size_t Begin = Usr.rfind(Operator);
  if (Begin == llvm::StringRef::npos)
    return Usr.str();
  size_t End = Begin + Operator.size();
  size_t Where = Usr.find('|', End);
  llvm::StringRef Location =
      Where == llvm::StringRef::npos ? "" : Usr.substr(Where);
  return (Usr.take_front(End) + Location).str();
}

bool storesValue(const SiteFact &S) {
  if (!S.Receiver.isKnown())
    return false;
  if (S.Kind == SiteKind::Call) {
    llvm::StringRef Member = splitMember(S.CalleeName).second;
    return Member == "operator=" || (Member == "emplace" && S.OperandCall >= 0);
  }
  return (S.Kind == SiteKind::ScopeBegin || S.Kind == SiteKind::Write) &&
         S.OperandCall >= 0;
}

bool Program::runsOnLoop(SiteRef At) const {
  const Function &F = Functions[At.Function];
  const ExecutionContext &C = Contexts[At.Function];
  if (!F.isCoroutine())
    return C.Loop;
  bool First = F.beforeFirstSuspension(At.Site);
  auto Moved = RunAfterLoopResume.find(At.Function);
  if (Moved == RunAfterLoopResume.end())
    return C.StartsOnLoop || !First;
  return (First && C.StartsOnLoop) || Moved->second.test(At.Site);
}

std::vector<CallEdge> Program::loopChain(SiteRef At) const {
  std::vector<CallEdge> Chain;
  // LoopVia edges form a tree (each function gets one, the first time loop
  // context reaches it), so the walk ends; the bound guards against a
  // malformed program.
  for (SiteRef Here = At; Chain.size() <= Functions.size();) {
    const Function &F = Functions[Here.Function];
    if (F.isCoroutine() && !F.beforeFirstSuspension(Here.Site))
      break; // Resumed by what it waited for: the loop is the root.
    const std::optional<CallEdge> &Via = Contexts[Here.Function].LoopVia;
    if (!Via)
      break;
    Chain.push_back(*Via);
    if (handsToLoop(Via->Kind))
      break; // The registration is where loop context starts.
    Here = Via->From;
  }
  std::reverse(Chain.begin(), Chain.end());
  return Chain;
}

bool anyReached(const std::vector<std::vector<unsigned>> &Callees,
                llvm::ArrayRef<unsigned> From,
                llvm::function_ref<bool(unsigned)> Visit) {
  std::set<unsigned> Seen(From.begin(), From.end());
  std::vector<unsigned> Work(From.begin(), From.end());
  while (!Work.empty()) {
    unsigned Fn = Work.back();
    Work.pop_back();
    if (Visit(Fn))
      return true;
    for (unsigned Callee : Callees[Fn])
      if (Seen.insert(Callee).second)
        Work.push_back(Callee);
  }
  return false;
}

/// Where a path of \p F that starts at site \p Start and passes no
/// block that \p Handles holds for can end having left every way to such a
/// block, at a branch whose block \p Decides is false for. A path ends at a
/// normal return (where: the last site before it, the branch's, or
/// \p Start), or where it comes back to \p Start's block, to do again what
/// \p Start did (where: the last site of the branch's block). A block that
/// ends in a `throw` or a call that does not return ends no path here.
std::optional<SourceLoc> leftAfter(const Function &F, unsigned StartSite,
                                   llvm::function_ref<bool(unsigned)> Handles,
                                   llvm::function_ref<bool(unsigned)> Decides) {
  const FunctionFact &Fact = F.fact();
  const SiteFact &Start = Fact.Sites[StartSite];
  if (!F.hasCfg() || Start.Pos.Block < 0)
    return std::nullopt;
  const unsigned From = static_cast<unsigned>(Start.Pos.Block);
  const unsigned N = Fact.Cfg.size();
  llvm::BitVector Handled(N);
  std::vector<std::vector<unsigned>> Preds(N);
  for (unsigned B = 0; B < N; ++B) {
    if (Handles(B))
      Handled.set(B);
    for (unsigned Succ : Fact.Cfg[B].Succs)
      Preds[Succ].push_back(B);
  }
  // The blocks from which some path reaches a handling block before it
  // comes back to the start: code after that handles what the start does
  // next time.
  llvm::BitVector CanHandle = Handled;
  std::vector<unsigned> Back(Handled.set_bits_begin(), Handled.set_bits_end());
  while (!Back.empty()) {
    unsigned B = Back.back();
    Back.pop_back();
    if (B == From && !Handled.test(From))
      continue;
    for (unsigned Pred : Preds[B])
      if (!CanHandle.test(Pred)) {
        CanHandle.set(Pred);
        Back.push_back(Pred);
      }
  }
  if (Handled.test(From) || !CanHandle.test(From))
    return std::nullopt;
  auto LastSite = [&](unsigned B, const SiteFact *Before) {
    const CfgBlockFact &Block = Fact.Cfg[B];
    return Block.Sites.empty() ? Before : &Fact.Sites[Block.Sites.back()];
  };
  // A normal return, or the start again, reached from block \p B, none of
  // whose blocks can handle: the last site before the return, or
  // \p Branch.
  auto ReturnFrom = [&](unsigned B,
                        const SiteFact *Branch) -> std::optional<SourceLoc> {
    std::vector<std::pair<unsigned, const SiteFact *>> Work{
        {B, LastSite(B, Branch)}};
    llvm::BitVector Seen(N);
    Seen.set(B);
    while (!Work.empty()) {
      auto [Here, Last] = Work.back();
      Work.pop_back();
      if (Here == From)
        return Branch->Loc;
      const CfgBlockFact &Block = Fact.Cfg[Here];
      if (Block.NoReturn || Block.Throws)
        continue;
      if (Here == Fact.CfgExit || llvm::is_contained(Block.Succs, Fact.CfgExit))
        return Last ? Last->Loc : Fact.Loc;
      for (unsigned Succ : Block.Succs)
        if (!Seen.test(Succ)) {
          Seen.set(Succ);
          Work.push_back({Succ, LastSite(Succ, Last)});
        }
    }
    return std::nullopt;
  };
  std::vector<unsigned> Work{From};
  llvm::BitVector Seen(N);
  Seen.set(From);
  while (!Work.empty()) {
    unsigned B = Work.back();
    Work.pop_back();
    const CfgBlockFact &Block = Fact.Cfg[B];
    for (unsigned Succ : Block.Succs) {
      if (CanHandle.test(Succ)) {
        if (!Seen.test(Succ) && !Handled.test(Succ)) {
          Seen.set(Succ);
          Work.push_back(Succ);
        }
        continue;
      }
      if (Decides(B) || Block.NoReturn || Block.Throws)
        continue;
      if (std::optional<SourceLoc> End = ReturnFrom(Succ, LastSite(B, &Start)))
        return End;
    }
  }
  return std::nullopt;
}

std::optional<SourceLoc>
returnWithout(const Function &F,
              llvm::function_ref<bool(const SiteFact &)> Uses) {
  const FunctionFact &Fact = F.fact();
  auto Clear = [&](unsigned B) {
    return llvm::none_of(Fact.Cfg[B].Sites,
                         [&](unsigned S) { return Uses(Fact.Sites[S]); });
  };
  if (!F.hasCfg() || !Clear(Fact.CfgEntry) || !Clear(Fact.CfgExit))
    return std::nullopt;
  // Each block, with the last site on the path that first reached it.
  std::vector<std::pair<unsigned, const SiteFact *>> Work{
      {Fact.CfgEntry, nullptr}};
  llvm::BitVector Seen(Fact.Cfg.size());
  Seen.set(Fact.CfgEntry);
  std::optional<SourceLoc> Earliest;
  while (!Work.empty()) {
    auto [B, Before] = Work.back();
    Work.pop_back();
    const CfgBlockFact &Block = Fact.Cfg[B];
    const SiteFact *Last =
        Block.Sites.empty() ? Before : &Fact.Sites[Block.Sites.back()];
    if (!Block.NoReturn && llvm::is_contained(Block.Succs, Fact.CfgExit)) {
      SourceLoc At = Last ? Last->Loc : Fact.Loc;
      if (!Earliest || At < *Earliest)
        Earliest = At;
    }
    for (unsigned Succ : Block.Succs)
      if (!Seen.test(Succ) && Clear(Succ)) {
        Seen.set(Succ);
        Work.push_back({Succ, Last});
      }
  }
  return Earliest;
}

/// The field or global \p S writes or assigns for good (`m_failed = true`,
/// `error_ = ec`, `why_ = ec.message()`), if it does.
static const ObjectRef *lastingWrite(const SiteFact &S) {
  bool IntoLasting = S.Receiver.K == ObjectRef::Kind::Field ||
                     S.Receiver.K == ObjectRef::Kind::Global;
  if (!IntoLasting)
    return nullptr;
  if (S.Kind == SiteKind::Write && !S.Initial)
    return &S.Receiver;
  if (S.Kind == SiteKind::Call && !S.OtherObject &&
      splitMember(S.CalleeName).second == "operator=")
    return &S.Receiver;
  return nullptr;
}

/// The outcome that site \p S of \p Fn records, for a message: the field
/// or global it writes; a member of the same object that writes one
/// (`setError(msg)`); another resource's signal in \p AllSignals (`emit
/// failed()`); a standard stream (`fprintf(stderr, "bad line")`).
static std::optional<std::string>
outcomeRecorded(const Program &P, unsigned Fn, const SiteFact &S,
                const std::set<SiteRef> &AllSignals) {
  if (const ObjectRef *Written = lastingWrite(S))
    return Written->spelledName();
  if (std::optional<std::string> Stream = standardStreamWritten(P, S))
    return Stream;
  if (AllSignals.count({Fn, S.Id}))
    return S.CalleeName;
  std::optional<unsigned> Callee =
      S.Kind == SiteKind::Call && !S.Receiver.isKnown() && !S.OtherObject
          ? P.find(S.CalleeUsr)
          : std::nullopt;
  if (!Callee || splitMember(P.function(*Callee).name()).first !=
                     splitMember(P.function(Fn).name()).first)
    return std::nullopt;
  for (const SiteFact &Inner : P.function(*Callee).fact().Sites)
    if (const ObjectRef *Written = lastingWrite(Inner))
      return Written->spelledName();
  return std::nullopt;
}

bool apartFrom(const Function &F, unsigned Site,
               const std::set<unsigned> &Sets) {
  auto None = [](const SiteFact &) { return false; };
  return !Sets.count(Site) && llvm::none_of(Sets, [&](unsigned Set) {
    return F.reaches(Site, Set, None) || F.reaches(Set, Site, None);
  });
}

std::optional<SkippedSet> skipsSet(const Program &P, unsigned Fn,
                                   const std::set<unsigned> &Sets,
                                   const std::set<SiteRef> &AllSignals) {
  const Function &Setter = P.function(Fn);
  std::optional<SourceLoc> End = returnWithout(
      Setter, [&](const SiteFact &S) { return Sets.count(S.Id) != 0; });
  if (!End)
    return std::nullopt;
  for (const SiteFact &S : Setter.fact().Sites)
    if (apartFrom(Setter, S.Id, Sets))
      if (std::optional<std::string> Outcome =
              outcomeRecorded(P, Fn, S, AllSignals))
        return SkippedSet{*End, &S, std::move(*Outcome)};
  return std::nullopt;
}

/// `for (...) { Job job(src); job.start(); co_await ...; }`: a call on a
/// local that no path repeats without constructing the local anew runs
/// once per object, and what it sets is that object's. (`Job job; for
/// (...) job.feed(c);` runs many times for one.)
static bool oncePerObject(const Function &F, const SiteFact &Call) {
  auto Constructs = [&](const SiteFact &S) {
    return (S.IsConstructor || S.Kind == SiteKind::ScopeBegin) &&
           S.Receiver.Key == Call.Receiver.Key;
  };
  return Call.Receiver.K == ObjectRef::Kind::Local &&
         llvm::any_of(F.fact().Sites, Constructs) &&
         !F.reaches(Call.Id, Call.Id, Constructs);
}

/// runsOnce, with its callers followed \p Callers up.
static bool runsOnce(const Program &P, unsigned Fn, unsigned Callers) {
  llvm::ArrayRef<unsigned> Into = P.edgesInto(Fn);
  if (Into.empty())
    return false;
  // `loop.spawn(loader.load(c))` starts the task the call makes: one run.
  const std::string &Usr = P.function(Fn).fact().Usr;
  std::set<SiteRef> From;
  for (unsigned Index : Into) {
    const CallEdge &E = P.edges()[Index];
    // `f()` in a library's template handed the callable (Qt's
    // `FunctorCall::call`) is the run of the call that handed it over.
    const SiteFact &Call = P.site(E.From);
    if (Call.Receiver.K == ObjectRef::Kind::Param &&
        splitMember(Call.CalleeName).second == "operator()")
      continue;
    if (llvm::none_of(Call.Args,
                      [&](const ArgFact &A) { return A.ProducerUsr == Usr; }))
      From.insert(E.From);
  }
  if (From.size() != 1)
    return false;
  const SiteRef At = *From.begin();
  const FunctionModel *M = P.modelOf(P.site(At));
  const Function &Caller = P.function(At.Function);
  if ((Caller.repeats(At.Site) && !oncePerObject(Caller, P.site(At))) ||
      (M && M->Repeats))
    return false;
  // Once per call of a caller that runs per message or per tick is not
  // once: the caller must run once too, or be where the program starts
  // (nothing in it calls that one).
  return P.edgesInto(At.Function).empty() ||
         (Callers > 0 && runsOnce(P, At.Function, Callers - 1));
}

bool runsOnce(const Program &P, unsigned Fn) {
  return runsOnce(P, Fn, /*Callers=*/3);
}

} // namespace corolint
