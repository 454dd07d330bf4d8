//===- Linker.cpp - Merge translation units into one program --------------===//
//
// Applies the library models once, here, so that rules see roles (waits,
// signals, loop callbacks, offloads) rather than API names.
//
//===----------------------------------------------------------------------===//

#include "corolint/program/Locks.h"
#include "corolint/program/Program.h"
#include "corolint/program/Threads.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include <algorithm>
#include <deque>
#include <map>
#include <set>

namespace corolint {

/// The callee of such an edge runs in the context of the code that makes
/// it: a call, an await, and a future's continuation, which the thread that
/// fulfils the future or the executor the future was given runs (seastar's
/// reactor, a folly or async_simple pool), not a loop of its own.
static bool inheritsContext(EdgeKind K) {
  return K == EdgeKind::Calls || K == EdgeKind::Awaits ||
         K == EdgeKind::Continuation;
}

class Linker {
public:
  Linker(Program &P, const ApiModels &Models) : P(P) { P.Models = &Models; }

  void mergeFunctions(std::vector<TuFacts> Units);
  void buildEdges();
  std::vector<unsigned> handedCallables(const FunctionFact &F,
                                        const ArgFact &A) const;
  void linkInvokedParameters();
  void offloadToWorkQueues();
  void indexEdgesInto();
  void classifyDescriptors() {
    P.NonblockingDescriptors = nonblockingDescriptors(P);
    P.LocalChannels = localChannels(P);
    P.DrainedChannels = drainedChannels(P);
  }
  void indexReferenceBinders();
  void findHandles();
  void buildResources();
  void findWorkerResumes();
  void computeContexts();

private:
  bool runsLoopNested(const CallEdge &E) const;
  bool startsPoolTask(const CallEdge &E) const;
  std::optional<SiteRef> loopRegistration(unsigned Fn) const;
  EdgeKind callableEdgeKind(const SiteFact &Call, const ArgFact &Arg) const;
  void findOverriders();
  std::map<std::string, std::vector<unsigned>> fieldFunctions() const;
  bool isFunctionObjectCall(unsigned Fn) const;
  static void separateProgramsOwnDefinitions(std::vector<TuFacts> &Units);
  std::vector<unsigned> overridersOf(const std::string &Usr) const;
  std::optional<unsigned> spawnedCoroutine(const SiteFact &Call,
                                           const ArgFact &Arg) const;
  bool handsOverCallback(const FunctionFact &F, const SiteFact &S) const;
  bool mayRunOutOfSight(const Function &F) const;
  void receiveObjectArgument(SiteFact &S) const;
  std::vector<bool> functionsThatMayRun() const;
  bool constructedSignalled(const SiteFact &Begin) const;
  bool constructorSignals(const SiteFact &Construct,
                          const TypeModel &Model) const;
  std::optional<SiteRef> handingOutCall(unsigned Fn,
                                        const SiteFact &Store) const;
  void addLockedArgument(SiteRef At, const SiteFact &Call);
  void addSignalUses();
  bool dispatchesByIndex(const Function &F) const;
  void addResourceUse(SiteRef At, const ObjectRef &Obj,
                      std::vector<SiteRef> Resource::*List,
                      const TypeModel &Model);

  Program &P;
  /// Per virtual member's USR, the program's functions that override it
  /// directly.
  std::map<std::string, std::vector<unsigned>> DirectOverriders;
  std::map<std::string, Resource> ResourcesByKey;
  /// Objects constructed signalled (constructedSignalled).
  std::set<std::string> ConstructedSignalled;
  /// USRs of the functions whose definition is in a header.
  std::set<std::string> DefinedInHeaders;
};

/// `pthread_mutex_lock(&mu_)`, `uv_cond_signal(&ready_)`: a C function
/// that acts on the object its model's `objectArg` names is a member call
/// on it, for every rule that asks what a call does to its object (locks,
/// waits, signals). An external operation keeps its form: its rules read
/// the argument.
void Linker::receiveObjectArgument(SiteFact &S) const {
  if (S.Kind != SiteKind::Call || S.Receiver.isKnown())
    return;
  const FunctionModel *M = P.modelOf(S);
  if (!M || M->ObjectArg < 0 || M->External)
    return;
  for (const ArgFact &A : S.Args)
    if (static_cast<int>(A.Index) == M->ObjectArg && A.Ref.isKnown()) {
      S.Receiver = A.Ref;
      S.OtherObject = A.OtherObject;
    }
}

namespace {

/// Points every reference of \p F to a function of \p Renamed (its USR,
/// the calls, callables and producers its sites name, what it overrides) to
/// that function's new USR.
void renameUsrs(FunctionFact &F, const llvm::StringMap<std::string> &Renamed) {
  auto Rename = [&](std::string &Usr) {
    if (auto It = Renamed.find(Usr); It != Renamed.end())
      Usr = It->second;
  };
  Rename(F.Usr);
  for (std::string &Base : F.Overrides)
    Rename(Base);
  for (SiteFact &S : F.Sites) {
    Rename(S.CalleeUsr);
    Rename(S.ReceiverProducerUsr);
    for (std::string &Usr : S.AwaiterUsrs)
      Rename(Usr);
    for (ArgFact &A : S.Args) {
      Rename(A.CallableUsr);
      Rename(A.ProducerUsr);
    }
  }
}

} // namespace

/// Two units whose main files each define a function of the same USR
/// (`awaitable<void> echo(tcp::socket)` in two example programs of one
/// compile database) belong to two programs, or break the one-definition
/// rule: either way each definition is code of its own, and keeping one
/// would drop what the others say. Every unit but the first (by main file)
/// gives its own definition a USR of its own, and its calls go to it. A
/// member of a class its main file writes is its own too where it is
/// defined (moc's signals, in the `job.moc` it includes).
void Linker::separateProgramsOwnDefinitions(std::vector<TuFacts> &Units) {
  llvm::StringMap<std::string> FirstDefiner; // USR -> main file, resolved.
  for (TuFacts &Unit : Units) {
    // One file reached through a symbolic link, or spelled otherwise, is
    // one file; facts read on another machine keep their spelling.
    llvm::SmallString<256> File(Unit.MainFile);
    if (llvm::sys::fs::real_path(Unit.MainFile, File))
      File = Unit.MainFile;
    llvm::StringMap<std::string> Renamed;
    for (const FunctionFact &F : Unit.Functions) {
      if ((F.Loc.File != Unit.MainFile && !F.MainFileOnly) || F.Cfg.empty())
        continue;
      auto [It, New] = FirstDefiner.try_emplace(F.Usr, File.str());
      if (!New && It->second != File)
        Renamed[F.Usr] = F.Usr + "@in:" + Unit.MainFile;
    }
    if (Renamed.empty())
      continue;
    for (FunctionFact &F : Unit.Functions)
      renameUsrs(F, Renamed);
    llvm::sort(Unit.Functions,
               [](const FunctionFact &A, const FunctionFact &B) {
                 return A.Usr < B.Usr;
               });
  }
}

void Linker::mergeFunctions(std::vector<TuFacts> Units) {
  std::stable_sort(Units.begin(), Units.end(),
                   [](const TuFacts &A, const TuFacts &B) {
                     return A.MainFile < B.MainFile;
                   });
  // A library's code copied into the project (a vendored Asio, a test
  // framework's single header) is what its model describes, as it would be
  // from a system header: calls into it end there, and its bodies are not
  // the project's to report on. Code that no header declares is the
  // project's own, in whatever namespace (a library's tests).
  separateProgramsOwnDefinitions(Units);
  llvm::StringMap<FunctionFact> Chosen;
  for (TuFacts &Unit : Units)
    for (FunctionFact &F : Unit.Functions)
      if (F.MainFileOnly ||
          !P.models().isLibraryCode(F.Owner.empty() ? F.Name : F.Owner)) {
        if (F.Loc.File != Unit.MainFile)
          DefinedInHeaders.insert(F.Usr);
        Chosen.try_emplace(F.Usr, std::move(F));
      }
  for (auto &Entry : Chosen)
    for (SiteFact &S : Entry.getValue().Sites)
      receiveObjectArgument(S);
  std::vector<std::string> Usrs;
  for (const auto &Entry : Chosen)
    Usrs.push_back(Entry.getKey().str());
  std::sort(Usrs.begin(), Usrs.end());
  for (const std::string &Usr : Usrs) {
    P.ByUsr[Usr] = P.Functions.size();
    P.Functions.emplace_back(std::move(Chosen[Usr]));
    if (P.Functions.back().fact().IsLambda)
      P.LambdaInstances[lambdaPattern(P.Functions.back().fact().Usr)].push_back(
          P.Functions.size() - 1);
  }
}

EdgeKind Linker::callableEdgeKind(const SiteFact &Call,
                                  const ArgFact &Arg) const {
  const FunctionModel *M = P.modelOf(Call);
  if (!M)
    // A callable handed to an API we know nothing about (an algorithm, a
    // std::function parameter) is taken to run synchronously, in the caller's
    // context.
    return EdgeKind::Calls;
  if (M->Offload.has(Arg.Index))
    return EdgeKind::Offload;
  if (M->Spawn.has(Arg.Index))
    return EdgeKind::Spawns;
  if (M->Continuation.has(Arg.Index))
    return EdgeKind::Continuation;
  if (!M->LoopCallback.has(Arg.Index))
    return EdgeKind::Calls;
  const ArgFact *Loop = Call.arg(M->OffloadWhenArg);
  return Loop && P.models().isOneOf(Loop->Type, M->OffloadWhenTypes)
             ? EdgeKind::Offload
             : EdgeKind::LoopCallback;
}

/// The coroutine a spawn API starts, when the argument is a call to it.
std::optional<unsigned> Linker::spawnedCoroutine(const SiteFact &Call,
                                                 const ArgFact &Arg) const {
  const FunctionModel *M = P.modelOf(Call);
  if (!M || !M->Spawn.has(Arg.Index))
    return std::nullopt;
  std::optional<unsigned> Producer = P.find(Arg.ProducerUsr);
  if (!Producer || !P.Functions[*Producer].isCoroutine())
    return std::nullopt;
  return Producer;
}

void Linker::findOverriders() {
  for (unsigned Fn = 0; Fn < P.Functions.size(); ++Fn)
    for (const std::string &Base : P.Functions[Fn].fact().Overrides)
      DirectOverriders[Base].push_back(Fn);
}

/// The program's overrides of \p Usr, and their overrides in turn: class
/// hierarchy analysis, every override the static type allows.
std::vector<unsigned> Linker::overridersOf(const std::string &Usr) const {
  std::vector<unsigned> Found;
  llvm::DenseSet<unsigned> Seen;
  std::vector<const std::string *> Work{&Usr};
  while (!Work.empty()) {
    auto It = DirectOverriders.find(*Work.back());
    Work.pop_back();
    if (It == DirectOverriders.end())
      continue;
    for (unsigned Fn : It->second)
      if (Seen.insert(Fn).second) {
        Found.push_back(Fn);
        Work.push_back(&P.Functions[Fn].fact().Usr);
      }
  }
  llvm::sort(Found);
  return Found;
}

/// The functions argument \p A of a call in \p F runs when called: the
/// callable it names, or the one kept by the callable wrapper that makes it
/// (`std::bind(&C::on_write, this, _1)`, models' `storesCallable`).
std::vector<unsigned> Linker::handedCallables(const FunctionFact &F,
                                              const ArgFact &A) const {
  if (!A.CallableUsr.empty() || A.MadeBy < 0 ||
      static_cast<size_t>(A.MadeBy) >= F.Sites.size())
    return P.callablesNamed(A.CallableUsr);
  const SiteFact &Wrapper = F.Sites[A.MadeBy];
  const FunctionModel *M = P.modelOf(Wrapper);
  if (!M)
    return {};
  for (const ArgFact &Kept : Wrapper.Args)
    if (M->StoresCallable.has(Kept.Index) && !Kept.CallableUsr.empty())
      return P.callablesNamed(Kept.CallableUsr);
  return {};
}

/// Whether \p Fn is the call operator of a function object (a class of the
/// program with one `operator()`), not of a lambda.
bool Linker::isFunctionObjectCall(unsigned Fn) const {
  const FunctionFact &F = P.Functions[Fn].fact();
  return !F.IsLambda && splitMember(F.Name).second == "operator()";
}

/// What a call through each function-pointer field runs: the one function
/// the program stores in that field (a C-style callback table filled once,
/// `http_parser_settings`, called by the parser), as a direct call; each
/// instantiation of it when it is a member of a class template (the table
/// of `HTTPParser<Handler>` for each handler). The field is one holder for
/// every table of its type, so a field given two functions (two tables, or
/// a generic `task {fn, arg}` that a loop's queue and a pool's both use)
/// says nothing of which one a call runs.
std::map<std::string, std::vector<unsigned>> Linker::fieldFunctions() const {
  std::map<std::string, std::set<unsigned>> Stored;
  for (const Function &F : P.Functions)
    for (const auto &[Field, Usr] : F.fact().FieldFunctions)
      if (std::optional<unsigned> Target = P.find(Usr))
        Stored[Field].insert(*Target);
  std::map<std::string, std::vector<unsigned>> Only;
  for (const auto &[Field, Targets] : Stored) {
    llvm::StringRef Name = P.Functions[*Targets.begin()].name();
    if (llvm::all_of(Targets,
                     [&](unsigned T) { return P.Functions[T].name() == Name; }))
      Only[Field].assign(Targets.begin(), Targets.end());
  }
  return Only;
}

void Linker::buildEdges() {
  findOverriders();
  std::map<std::string, std::vector<unsigned>> ThroughFields = fieldFunctions();
  for (unsigned FnIndex = 0; FnIndex < P.Functions.size(); ++FnIndex) {
    const FunctionFact &F = P.Functions[FnIndex].fact();
    llvm::DenseSet<int> AwaitedCalls;
    for (const SiteFact &S : F.Sites)
      if (S.Kind == SiteKind::Suspend && S.OperandCall >= 0)
        AwaitedCalls.insert(S.OperandCall);
    for (const SiteFact &S : F.Sites) {
      // An awaiter's members run on the awaiting coroutine's thread, as if
      // it called them where it awaits: a sleep in `await_suspend` is the
      // coroutine's.
      for (const std::string &Usr : S.AwaiterUsrs)
        if (std::optional<unsigned> Member = P.find(Usr))
          P.Edges.push_back({{FnIndex, S.Id}, *Member, EdgeKind::Calls});
      if (S.Kind != SiteKind::Call)
        continue;
      SiteRef At{FnIndex, S.Id};
      // A virtual call may run any override the program defines.
      std::vector<unsigned> Callees;
      if (std::optional<unsigned> Callee = P.find(S.CalleeUsr))
        Callees.push_back(*Callee);
      if (S.Virtual)
        llvm::append_range(Callees, overridersOf(S.CalleeUsr));
      if (auto It = ThroughFields.find(S.ThroughField);
          !S.ThroughField.empty() && It != ThroughFields.end())
        llvm::append_range(Callees, It->second);
      for (unsigned Callee : Callees) {
        bool Awaited =
            AwaitedCalls.count(S.Id) && P.Functions[Callee].isCoroutine();
        P.Edges.push_back(
            {At, Callee, Awaited ? EdgeKind::Awaits : EdgeKind::Calls});
      }
      // A callable handed to a function the program defines is what that
      // body does with it (calls it, posts it, keeps it): its own edges say
      // so. Only where the body is out of sight is it taken to be called.
      bool BodyInProgram = P.find(S.CalleeUsr) && !P.modelOf(S);
      // An assignment keeps the callable for later (`complete_ = [this] {
      // ... }` into a std::function member): it is started by the program,
      // but not by this call nor in this context: where the object is
      // called (storedCallableCalls), when that can be told.
      // So does a callable wrapper made from it (`std::function<void()> f(
      // cb)`, `std::bind(&C::f, this)`): the wrapper is what gets called.
      const FunctionModel *M = P.modelOf(S);
      bool Assigns = !M && splitMember(S.CalleeName).second == "operator=";
      for (const ArgFact &A : S.Args) {
        bool Stores = Assigns || (M && M->StoresCallable.has(A.Index));
        if (std::vector<unsigned> Targets = handedCallables(F, A);
            !Targets.empty()) {
          for (unsigned Target : Targets)
            // A function object handed to a library call no model describes
            // is a value it copies, keeps or compares (`std::swap`,
            // `list::push_back`, `std::find`) more often than a callable it
            // calls: kept, not called.
            if (!BodyInProgram && !Stores &&
                (M || !isFunctionObjectCall(Target)))
              P.Edges.push_back({At, Target, callableEdgeKind(S, A)});
            else
              P.HandOvers.push_back({At, Target, EdgeKind::Calls});
        } else if (std::optional<unsigned> Spawned = spawnedCoroutine(S, A))
          P.Edges.push_back({At, *Spawned, EdgeKind::Spawns});
      }
      if (M && M->SpawnsReceiver)
        if (std::optional<unsigned> Task = P.find(S.ReceiverProducerUsr);
            Task && P.Functions[*Task].isCoroutine())
          P.Edges.push_back({At, *Task, EdgeKind::Spawns});
    }
  }
  linkInvokedParameters();
  indexEdgesInto();
  // Callables kept in objects are followed from their parameters, which
  // needs the edges into each function.
  llvm::append_range(P.Edges, storedCallableCalls(P));
  indexEdgesInto();
}

void Linker::indexEdgesInto() {
  P.EdgesInto.assign(P.Functions.size(), {});
  for (unsigned I = 0; I < P.Edges.size(); ++I)
    P.EdgesInto[P.Edges[I].Callee].push_back(I);
}

/// `void each(const std::function<void(int)> &f) { f(1); }`: a function
/// that calls a callable it is handed as a parameter runs, within each call
/// of it, what that caller passes there. (A template's instantiation calls
/// the lambda itself, an edge already; a std::function hides it behind an
/// operator() the program does not define.) The edge goes from the caller's
/// call, so the callable runs in that caller's context only. One level: a
/// parameter handed on is not followed.
void Linker::linkInvokedParameters() {
  std::set<std::pair<unsigned, int>> Invoked; // Function, parameter index.
  for (unsigned Fn = 0; Fn < P.Functions.size(); ++Fn)
    for (const SiteFact &S : P.Functions[Fn].fact().Sites)
      if (P.invokesWrapper(S) && P.Functions[Fn].ownsParameter(S.Receiver))
        Invoked.insert({Fn, S.Receiver.ParamIndex});
  std::vector<CallEdge> Runs;
  for (const CallEdge &E : P.Edges) {
    if (!P.bindsParameters(E))
      continue;
    for (const ArgFact &A : P.site(E.From).Args)
      if (Invoked.count({E.Callee, static_cast<int>(A.Index)}))
        for (unsigned Target : P.callablesNamed(A.CallableUsr))
          Runs.push_back({E.From, Target, EdgeKind::Calls});
  }
  llvm::append_range(P.Edges, Runs);
}

void Linker::addResourceUse(SiteRef At, const ObjectRef &Obj,
                            std::vector<SiteRef> Resource::*List,
                            const TypeModel &Model) {
  // A signal through a reference field that its constructors bind to known
  // objects is theirs; those objects may still be signalled through other
  // objects of the class built out of sight (`std::make_shared<C>(ev)`).
  if (Obj.Alias && Obj.K == ObjectRef::Kind::Field &&
      List == &Resource::Signals)
    P.SignalledThroughReferences.insert(Model.Name);
  for (const ObjectRef &Target : P.resolve(At.Function, Obj)) {
    // A reference field is whatever its constructor was given: waits and
    // signals through it may meet those through the object itself, unseen.
    // A signal through one may be any object's of its type.
    if (Target.Alias) {
      if (List == &Resource::Signals)
        P.SignalledThroughReferences.insert(Model.Name);
      continue;
    }
    Resource &R = ResourcesByKey[Target.Key];
    if (R.Key.empty()) {
      R.Key = Target.Key;
      R.Name = Target.Name;
      R.Type = Model.Name;
      R.Kind = Model.ResourceKind.empty() ? typeRoleName(Model.Role).str()
                                          : Model.ResourceKind;
    }
    R.Internal &= Target.Internal;
    (R.*List).push_back(At);
  }
}

/// `auto f = p.get_future();`, `ready_ = p.get_future();`: the object is a
/// handle of the promise's state, so waiting on it is waiting on the
/// promise. An object that handles of several owners, or anything else, are
/// stored in is a handle of none.
/// A callable handed to a loop that is a work queue (workQueues) runs on
/// the queue's thread, as one handed to a thread pool does: the loop
/// argument a model names for telling pools apart (`offloadWhenArgType`)
/// says which loop it is. So does an executor the pool handed out
/// (`any_io_executor work_ = pool.get_executor()`), whose type names no
/// pool: it resolves to the pool (findHandles).
void Linker::offloadToWorkQueues() {
  std::set<std::string> Queues = workQueues(P);
  for (CallEdge &E : P.Edges) {
    const SiteFact &S = P.site(E.From);
    const FunctionModel *M = P.modelOf(S);
    if (E.Kind != EdgeKind::LoopCallback || !M)
      continue;
    std::vector<ObjectRef> Loops = P.handedTo(E.From);
    if (!Loops.empty() && llvm::all_of(Loops, [&](const ObjectRef &L) {
          return Queues.count(L.Key) != 0 ||
                 P.models().isOneOf(L.Type, M->OffloadWhenTypes);
        }))
      E.Kind = EdgeKind::Offload;
  }
}

/// `Client(asio::io_context &io) : io_(io)`: which constructors bind each
/// reference field from a parameter. A field that a constructor of its
/// class (but a copy or a move) leaves to anything else is bound to no one
/// known object.
void Linker::indexReferenceBinders() {
  std::map<std::string, std::vector<unsigned>> Constructors; // By class.
  for (unsigned Fn = 0; Fn < P.Functions.size(); ++Fn) {
    const FunctionFact &F = P.Functions[Fn].fact();
    auto [Class, Member] = splitMember(F.Name);
    llvm::StringRef Own = splitMember(Class).second;
    if (Own.empty())
      Own = Class;
    if (F.IsLambda || Member != Own ||
        llvm::StringRef(F.Usr).ends_with(InClassInitializersUsrSuffix) ||
        (F.ParamTypes.size() == 1 && F.ParamTypes[0] == Class))
      continue;
    Constructors[Class.str()].push_back(Fn);
  }
  for (const auto &[Class, Ctors] : Constructors) {
    std::map<std::string, std::vector<Program::ReferenceBinder>> Bound;
    for (unsigned Fn : Ctors) {
      const FunctionFact &F = P.Functions[Fn].fact();
      for (const FieldInitFact &Init : F.FieldInits)
        if (!Init.Key.empty() && Init.Param < F.ParamTypes.size())
          Bound[Init.Key].push_back({Fn, Init.Param, F.ParamTypes[Init.Param]});
    }
    for (auto &[Key, Binders] : Bound) {
      // One binder per constructor, each of them.
      std::set<unsigned> By;
      for (const Program::ReferenceBinder &B : Binders)
        By.insert(B.Constructor);
      if (By.size() == Binders.size() && By.size() == Ctors.size())
        P.ReferenceBinders[Key] = std::move(Binders);
    }
  }
}

void Linker::findHandles() {
  // Handle key -> the handing-out calls whose result was stored in it.
  std::map<std::string, std::vector<SiteRef>> StoredFrom =
      storedValues<SiteRef>(P, [&](unsigned Fn, const SiteFact &S) {
        return handingOutCall(Fn, S);
      });
  // A handle of a handle (`auto s = f.share()`) settles once its own owner
  // is known: each round follows one more link of such chains, so a chain
  // settles within as many rounds as there are handles. Handles that are
  // each other's owners never settle; they keep the last owner found.
  for (size_t Round = 0; Round <= StoredFrom.size(); ++Round) {
    bool Changed = false;
    for (const auto &[Key, Inits] : StoredFrom) {
      std::map<std::string, ObjectRef> Owners;
      for (const SiteRef &Init : Inits)
        for (ObjectRef &O : P.resolve(Init.Function, P.site(Init).Receiver))
          Owners.emplace(O.Key, std::move(O));
      if (Owners.size() != 1 || Owners.begin()->first == Key)
        continue;
      const ObjectRef &Owner = Owners.begin()->second;
      auto [It, New] = P.HandleOf.try_emplace(Key, Owner);
      if (!New && It->second.Key == Owner.Key)
        continue;
      It->second = Owner;
      Changed = true;
    }
    if (!Changed)
      break;
  }
}

/// `timer.async_wait(handler)`: the handler waits, not the caller, which
/// goes on at once.
bool Linker::handsOverCallback(const FunctionFact &F, const SiteFact &S) const {
  const FunctionModel *M = P.modelOf(S);
  return M && llvm::any_of(S.Args, [&](const ArgFact &A) {
           return M->LoopCallback.has(A.Index) &&
                  (!A.CallableUsr.empty() || !handedCallables(F, A).empty());
         });
}

/// The call whose result \p Store keeps, when it is a `handsOut` member
/// (`p.get_future()`).
std::optional<SiteRef> Linker::handingOutCall(unsigned Fn,
                                              const SiteFact &Store) const {
  // `f = p.get_future().share()`: each call of the chain hands out a handle
  // of its object's state, down to the named object that owns it.
  const FunctionFact &F = P.Functions[Fn].fact();
  for (int Call = Store.OperandCall, Steps = 0;
       Call >= 0 && Steps < static_cast<int>(F.Sites.size()); ++Steps) {
    const SiteFact &Init = F.Sites[Call];
    auto [Class, Member] = splitMember(Init.CalleeName);
    const TypeModel *T = P.models().typeForCall(
        Init.Receiver.isKnown() ? Init.Receiver.Type : Class.str(),
        Init.CalleeName);
    if (!T || !TypeModel::has(T->HandsOut, Member))
      return std::nullopt;
    if (Init.Receiver.isKnown())
      return SiteRef{Fn, Init.Id};
    Call = Init.ReceiverCall;
  }
  return std::nullopt;
}

/// `co_await get_units(sem, 1)` locks its semaphore argument.
void Linker::addLockedArgument(SiteRef At, const SiteFact &Call) {
  const FunctionModel *M = P.modelOf(Call);
  if (!M || M->LockArg < 0 || Call.AwaitedIn < 0)
    return;
  for (const ArgFact &A : Call.Args)
    if (static_cast<int>(A.Index) == M->LockArg && A.Ref.isKnown())
      if (const TypeModel *T = P.models().type(A.Type))
        addResourceUse(At, A.Ref, &Resource::Locks, *T);
}

void Linker::buildResources() {
  const ApiModels &Models = P.models();
  for (unsigned FnIndex = 0; FnIndex < P.Functions.size(); ++FnIndex) {
    // A semaphore's unit taken and given back by one function is a lock,
    // not a wait for a signal and a signal.
    SemaphoreLockSites Found =
        findSemaphoreLockSites(P.Functions[FnIndex], Models);
    if (!Found.Takes.empty())
      P.SemaphoreLocks[FnIndex] = std::move(Found);
    const SemaphoreLockSites &AsLock = P.semaphoreLocks(FnIndex);
    for (const SiteFact &S : P.Functions[FnIndex].fact().Sites) {
      SiteRef At{FnIndex, S.Id};
      if ((S.Kind == SiteKind::ScopeBegin || S.IsConstructor) &&
          S.Receiver.isKnown() && constructedSignalled(S))
        ConstructedSignalled.insert(S.Receiver.Key);
      if (S.Kind == SiteKind::Suspend && S.Operand.isKnown()) {
        const TypeModel *T = Models.type(S.AwaitableType);
        if (T && TypeModel::has(T->Waits, "operator co_await"))
          addResourceUse(At, S.Operand, &Resource::Waits, *T);
        continue;
      }
      if (S.Kind == SiteKind::Call)
        addLockedArgument(At, S);
      if (S.Kind != SiteKind::Call || !S.Receiver.isKnown() ||
          AsLock.GivesBack.count(S.Id))
        continue;
      const TypeModel *T = Models.typeForCall(S.Receiver.Type, S.CalleeName);
      if (!T || T->Role == TypeRole::SyncGuard)
        continue;
      if (AsLock.Takes.count(S.Id)) {
        addResourceUse(At, S.Receiver, &Resource::Locks, *T);
        continue;
      }
      llvm::StringRef Member = splitMember(S.CalleeName).second;
      if (TypeModel::has(T->Waits, Member) &&
          !handsOverCallback(P.Functions[FnIndex].fact(), S))
        addResourceUse(At, S.Receiver, &Resource::Waits, *T);
      if (TypeModel::has(T->Signals, Member) || constructorSignals(S, *T))
        addResourceUse(At, S.Receiver, &Resource::Signals, *T);
      if (TypeModel::has(T->Lock, Member))
        addResourceUse(At, S.Receiver, &Resource::Locks, *T);
    }
  }
  addSignalUses();
  for (auto &Entry : ResourcesByKey) {
    Entry.second.StartsSignalled = ConstructedSignalled.count(Entry.first);
    P.Resources.push_back(std::move(Entry.second));
  }
}

/// moc's dispatcher (`qt_static_metacall(QObject *, QMetaObject::Call, int,
/// void **)`): the library calls it to invoke a member by index.
bool Linker::dispatchesByIndex(const Function &F) const {
  return llvm::any_of(F.fact().ParamTypes, [&](const std::string &T) {
    const TypeModel *M = P.models().type(T);
    return M && M->Role == TypeRole::MetaCall;
  });
}

/// Qt signals, each an event of its own: a signal is a function whose body
/// calls an `emitsCaller` (moc writes `QMetaObject::activate(this, ...)`),
/// a call of it emits it, and awaiting a call that names it as its
/// `signalArg` with nothing after it (`co_await qCoro(&job,
/// &Job::finished)`, no timeout) waits for it. The signal is one event for
/// every object of its class, as a field is. Only a signal declared in the
/// unit's main file, and handed to no call at any other place, is internal:
/// a header's class may be emitted by code out of sight, and so may a
/// signal connected to another (`connect(a, &A::done, b, &B::finished)`).
void Linker::addSignalUses() {
  std::map<std::string, unsigned> Signals; // USR -> function.
  for (unsigned Fn = 0; Fn < P.Functions.size(); ++Fn)
    for (const SiteFact &S : P.Functions[Fn].fact().Sites)
      if (const FunctionModel *M = P.modelOf(S);
          S.Kind == SiteKind::Call && M && M->EmitsCaller)
        Signals.emplace(P.Functions[Fn].fact().Usr, Fn);
  if (Signals.empty())
    return;
  std::set<std::string> HandedOut;
  auto Use = [&](const std::string &Usr, SiteRef At,
                 std::vector<SiteRef> Resource::*List) {
    const Function &Signal = P.Functions[Signals.at(Usr)];
    Resource &R = ResourcesByKey[Usr];
    R.Key = Usr;
    R.Name = Signal.name().str();
    R.Kind = "signal";
    R.Internal = Signal.fact().MainFileOnly;
    (R.*List).push_back(At);
  };
  for (unsigned Fn = 0; Fn < P.Functions.size(); ++Fn) {
    const Function &F = P.Functions[Fn];
    if (dispatchesByIndex(F))
      continue;
    for (const SiteFact &S : F.fact().Sites) {
      if (S.Kind != SiteKind::Call)
        continue;
      if (Signals.count(S.CalleeUsr))
        Use(S.CalleeUsr, {Fn, S.Id}, &Resource::Signals);
      // By name alone: QCoro's `qCoro<T, F>` is a global template, which
      // functionModelOf keeps apart from C functions' models; a call
      // handed a signal is no C function's.
      const FunctionModel *M = P.models().function(S.CalleeName);
      int Named = M ? M->SignalArg : -1;
      bool Bounded = llvm::any_of(S.Args, [&](const ArgFact &A) {
        return static_cast<int>(A.Index) > Named;
      });
      for (const ArgFact &A : S.Args) {
        if (!Signals.count(A.CallableUsr))
          continue;
        if (static_cast<int>(A.Index) != Named)
          HandedOut.insert(A.CallableUsr);
        else if (S.AwaitedIn >= 0 && !Bounded)
          Use(A.CallableUsr, {Fn, S.Id}, &Resource::Waits);
      }
    }
  }
  for (const std::string &Usr : HandedOut)
    if (auto It = ResourcesByKey.find(Usr); It != ResourcesByKey.end())
      It->second.Internal = false;
}

/// `event ev{true}`, `latch done{0}`: an object its model says the
/// constructor's constant argument makes signalled from the start.
bool Linker::constructedSignalled(const SiteFact &Begin) const {
  const TypeModel *T = P.models().type(Begin.Receiver.Type);
  return T && T->constructedSignalledBy(Begin);
}

/// `task_group(ex, first) { start(first); }`: a constructor, in the program,
/// that calls a signal of its class on the object it constructs signals it.
bool Linker::constructorSignals(const SiteFact &Construct,
                                const TypeModel &Model) const {
  if (!Construct.IsConstructor)
    return false;
  auto It = P.ByUsr.find(Construct.CalleeUsr);
  if (It == P.ByUsr.end())
    return false;
  llvm::StringRef Class = splitMember(Construct.CalleeName).first;
  return llvm::any_of(
      P.Functions[It->second].fact().Sites, [&](const SiteFact &S) {
        auto [Of, Member] = splitMember(S.CalleeName);
        return S.Kind == SiteKind::Call && !S.Receiver.isKnown() &&
               Of == Class && TypeModel::has(Model.Signals, Member);
      });
}

/// Coroutines with a suspension that resumes them on a worker: what runs
/// after the others, which the loop resumes, is kept per site.
void Linker::findWorkerResumes() {
  for (unsigned Fn = 0; Fn < P.Functions.size(); ++Fn) {
    const Function &F = P.Functions[Fn];
    auto OnWorker = [&](unsigned Suspend) {
      return llvm::any_of(F.callsAwaitedBy(Suspend), [&](unsigned Call) {
        const FunctionModel *M = P.modelOf(F.site(Call));
        return M && M->ResumesOnWorker;
      });
    };
    if (!F.isCoroutine() ||
        llvm::none_of(F.fact().Sites, [&](const SiteFact &S) {
          return S.Kind == SiteKind::Suspend && OnWorker(S.Id);
        }))
      continue;
    P.RunAfterLoopResume[Fn] =
        F.runAfter([&](unsigned Suspend) { return !OnWorker(Suspend); });
  }
}

/// Whether code out of sight may run \p F: a framework runs the project's
/// handlers (written in its sources) and calls overrides through their base
/// classes; code anywhere may take a public function's address (a command
/// table, `&Session::read`) and call it through the pointer, which the
/// facts do not follow. Only a header's private member is known to run
/// only where its class's code that runs calls it.
bool Linker::mayRunOutOfSight(const Function &F) const {
  const FunctionFact &Fact = F.fact();
  return !Fact.Private || Fact.MainFileOnly || !Fact.Overrides.empty() ||
         !DefinedInHeaders.count(Fact.Usr);
}

/// The functions that may run: those code out of sight may run, what is
/// handed over, and what they call, start or hand on. A header's private
/// member that none of them reaches is a library's inline code this program
/// does not use (`read_some_impl` in a program that reads no socket): it
/// never runs.
std::vector<bool> Linker::functionsThatMayRun() const {
  size_t N = P.Functions.size();
  std::vector<bool> Runs(N, false);
  std::vector<std::vector<unsigned>> Next(N);
  for (const CallEdge &E : P.Edges)
    Next[E.From.Function].push_back(E.Callee);
  for (const CallEdge &E : P.HandOvers)
    Runs[E.Callee] = true;
  std::vector<unsigned> Roots;
  for (unsigned Fn = 0; Fn < N; ++Fn)
    if (Runs[Fn] || mayRunOutOfSight(P.Functions[Fn]))
      Roots.push_back(Fn);
  anyReached(Next, Roots, [&](unsigned Fn) {
    Runs[Fn] = true;
    return false;
  });
  return Runs;
}

/// Whether \p E calls a function that runs the event loop on the calling
/// thread (models' `runsLoop`) without blocking it by a model's say (a
/// home-grown loop's `run_once(5)`; not `io_context::run`, which must not be
/// called from its own handlers), for a while at most (a timeout written at
/// the call: `run_one()` or `turn(-1)` may wait for work that only its
/// caller would post), from code of that same loop (registered through a
/// member of the callee's class): the loop's events are served there, and
/// its waits are the loop's own.
bool Linker::runsLoopNested(const CallEdge &E) const {
  const SiteFact &S = P.site(E.From);
  const FunctionModel *M = P.modelOf(S);
  if (E.Kind != EdgeKind::Calls || !M || !M->RunsLoop || !M->Blocking.empty())
    return false;
  bool Bounded =
      P.passesDuration(S) || llvm::any_of(S.Args, [](const ArgFact &A) {
        return A.Constant && *A.Constant >= 0;
      });
  std::optional<SiteRef> Registration = loopRegistration(E.From.Function);
  return Bounded && Registration &&
         splitMember(P.site(*Registration).CalleeName).first ==
             splitMember(P.function(E.Callee).name()).first;
}

/// Whether offload \p E hands its callable to an executor as a task: made
/// on an object (`pool.post(f)`) or through a loop API given a pool
/// (`asio::post(pool, f)`), not a thread's constructor (`std::thread t(f)`,
/// `workers_.emplace_back(f)`) nor a function that starts one
/// (`std::async(f)`).
bool Linker::startsPoolTask(const CallEdge &E) const {
  const SiteFact &S = P.site(E.From);
  const FunctionModel *M = P.modelOf(S);
  return M && !S.IsConstructor && S.Constructs.empty() &&
         (S.Receiver.isKnown() || !M->LoopCallback.empty());
}

/// The registration that handed \p Fn's loop code to the loop, through the
/// calls that brought loop context to it; none for a coroutine the loop
/// resumes with no registration.
std::optional<SiteRef> Linker::loopRegistration(unsigned Fn) const {
  for (size_t Steps = 0; Steps < P.Functions.size(); ++Steps) {
    const std::optional<CallEdge> &Via = P.Contexts[Fn].LoopVia;
    if (!Via)
      return std::nullopt;
    if (handsToLoop(Via->Kind))
      return Via->From;
    Fn = Via->From.Function;
  }
  return std::nullopt;
}

void Linker::computeContexts() {
  P.Contexts.assign(P.Functions.size(), {});
  std::deque<unsigned> LoopWork, WorkerWork;
  // Every edge into a coroutine starts it (an eager task runs at the call, a
  // lazy one where it is awaited or sync-waited, which the edge's site is
  // part of); a coroutine with none is started by code outside the program.
  std::vector<bool> Started(P.Functions.size());
  for (const CallEdge &E : P.Edges)
    Started[E.Callee] = true;
  for (const CallEdge &H : P.HandOvers)
    Started[H.Callee] = true; // By the program, somewhere.
  std::vector<bool> Runs = functionsThatMayRun();
  for (unsigned I = 0; I < P.Functions.size(); ++I) {
    const Function &F = P.Functions[I];
    if (!F.isCoroutine() || !Runs[I])
      continue;
    ExecutionContext &C = P.Contexts[I];
    C.StartsOnLoop = !Started[I];
    C.Loop = C.StartsOnLoop || F.mayResume();
    if (C.Loop)
      LoopWork.push_back(I);
  }
  // Brings loop context to \p Fn (to a coroutine's first part) through \p E.
  auto ReachLoop = [&](unsigned Fn, const CallEdge &E) {
    ExecutionContext &C = P.Contexts[Fn];
    bool &Flag = P.Functions[Fn].isCoroutine() ? C.StartsOnLoop : C.Loop;
    if (Flag)
      return;
    Flag = C.Loop = true;
    C.LoopVia = E;
    LoopWork.push_back(Fn);
  };
  // Brings worker context to \p Fn, and pool context with \p Pool: at most
  // twice per function.
  auto ReachWorker = [&](unsigned Fn, bool Pool) {
    ExecutionContext &C = P.Contexts[Fn];
    if (C.Worker && (C.Pool || !Pool))
      return;
    C.Worker = true;
    C.Pool |= Pool;
    WorkerWork.push_back(Fn);
  };
  // Handing a callable to the loop or to a worker makes it a root of that
  // context wherever the handing-over happens.
  for (const CallEdge &E : P.Edges) {
    if (handsToLoop(E.Kind))
      ReachLoop(E.Callee, E);
    else if (E.Kind == EdgeKind::Offload)
      ReachWorker(E.Callee, startsPoolTask(E));
  }
  std::vector<std::vector<unsigned>> EdgesFrom(P.Functions.size());
  for (unsigned I = 0; I < P.Edges.size(); ++I)
    EdgesFrom[P.Edges[I].From.Function].push_back(I);
  // A function is taken from the work list again when its coroutine's first
  // part joins the loop: at most twice, so the walk stays linear.
  while (!LoopWork.empty()) {
    unsigned Fn = LoopWork.front();
    LoopWork.pop_front();
    for (unsigned EdgeIndex : EdgesFrom[Fn]) {
      const CallEdge &E = P.Edges[EdgeIndex];
      if (inheritsContext(E.Kind) && P.runsOnLoop(E.From) && !runsLoopNested(E))
        ReachLoop(E.Callee, E);
    }
  }
  while (!WorkerWork.empty()) {
    unsigned Fn = WorkerWork.front();
    WorkerWork.pop_front();
    for (unsigned EdgeIndex : EdgesFrom[Fn]) {
      const CallEdge &E = P.Edges[EdgeIndex];
      if (inheritsContext(E.Kind))
        ReachWorker(E.Callee, P.Contexts[Fn].Pool);
    }
  }
}

Program linkProgram(std::vector<TuFacts> Units, const ApiModels &Models) {
  Program P;
  Linker L(P, Models);
  L.mergeFunctions(std::move(Units));
  L.buildEdges();
  L.indexReferenceBinders();
  L.classifyDescriptors();
  L.findHandles();
  L.offloadToWorkQueues();
  L.buildResources();
  L.findWorkerResumes();
  L.computeContexts();
  return P;
}

} // namespace corolint
