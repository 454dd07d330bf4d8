//===- StoredCallables.cpp - Callables kept in objects and called later ---===//
//
// `handlers_[name] = std::move(h)` then `handlers_.at(name)(req)`;
// `queue_.push_back(std::move(job))` then `job = std::move(queue_.front());
// job();`; `JobRunner(ErrorPolicy p) : on_error_(std::move(p))` then
// `on_error_(*this, e)`: a callable kept in an object (a std::function, a
// container of them) runs where that object is called, in the caller's
// context. The call of the wrapper's operator() is in a library the program
// does not define, so without this the callable has no edge into it and
// runs nowhere the rules can see.
//
// An object is known by its key, an element by its container (`queue_` for
// `queue_.front()`): a field is one holder for every object of its class. So
// a field is followed only while the class's members are called on one
// object from outside it (two monitors of one class, or a pool's queue and a
// dispatcher's of one queue class, would run each other's callables), and
// one kept or called through another object than `this` (`op.complete_ =
// ...` then `op->complete_()`, each operation of a library setting its own)
// is left alone: which object's it is, the key cannot tell. An awaiter
// made at its co_await keeps what its constructor is given for that
// suspension alone.
// Callables reach an object from a lambda or function named where it is
// stored, from another such object (a copy or a move), from a parameter of
// the storing function (whatever each caller passes there, transitively),
// and from a function that returns such an object (`auto h =
// make_handlers();`).
//
//===----------------------------------------------------------------------===//

#include "corolint/program/Program.h"
#include "llvm/ADT/DenseSet.h"
#include <map>
#include <set>

namespace corolint {
namespace {

/// The object that holds a callable: the container for an element
/// (`queue_->front()` is in `queue_`).
std::string slotOf(const std::string &Key) {
  return Key.substr(0, Key.find("->"));
}

class StoredCallables {
  static constexpr unsigned NoFunction = ~0u;

public:
  explicit StoredCallables(const Program &P) : P(P) {}

  std::vector<CallEdge> calls() {
    collectOwnObjectsHanded();
    Owners = ownersOfClasses();
    for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn) {
      collectStores(Fn);
      collectAwaitedTemporaries(Fn);
    }
    propagate();
    std::vector<CallEdge> Calls = awaitersRunningTheirCallables();
    for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
      for (const SiteFact &S : P.function(Fn).fact().Sites) {
        if (!P.invokesWrapper(S) || !S.Receiver.isKnown() || S.OtherObject)
          continue;
        for (const ObjectRef &Obj : P.resolve(Fn, S.Receiver)) {
          std::string Slot = slotOf(Obj.Key);
          if (sharedByOwners(Obj))
            continue;
          if (std::optional<int> Only = onlyFromOwnParameter(Slot, Fn)) {
            runPassed({Fn, S.Id}, *Only, Calls);
            continue;
          }
          for (unsigned Target : Held[Slot])
            Calls.push_back({{Fn, S.Id}, Target, EdgeKind::Calls});
        }
      }
    return Calls;
  }

private:
  static std::string classOf(const std::string &QualifiedName) {
    return splitMember(QualifiedName).first.str();
  }

  /// Per class, the objects its members are called on from outside it
  /// (`loopDog.check()`, `hardDog.check()`; a constructor's object; "" for
  /// one no key names). A field's callables are every object's: with two
  /// owners, which one a call runs is not known, and a job one keeps for
  /// its worker would be run where the other is called.
  std::map<std::string, std::set<std::string>> ownersOfClasses() const {
    std::map<std::string, std::set<std::string>> Owners;
    for (const CallEdge &E : P.edges()) {
      if (!P.bindsParameters(E))
        continue;
      std::string Class = classOf(P.function(E.Callee).name().str());
      const SiteFact &S = P.site(E.From);
      // A member, or a lambda written in one that captures `this`, calls
      // from inside.
      const Function &Caller = P.function(E.From.Function);
      if (Class.empty() || classOf(Caller.name().str()) == Class ||
          Caller.fact().ObjectClass == Class)
        continue;
      // An object no key names is one more owner, unless it is being made
      // (`new monitor(probe)`, a static local): that says nothing of who
      // calls it.
      if (!S.Receiver.isKnown()) {
        if (!S.IsConstructor)
          Owners[Class].insert("");
        continue;
      }
      for (const ObjectRef &Obj : P.resolve(E.From.Function, S.Receiver))
        if (!handedOwnObject(Class, Obj))
          Owners[Class].insert(Obj.Key);
    }
    return Owners;
  }

  /// `on_error_(*this, e)` in a member of JobRunner: the parameters at that
  /// place of the callables a class's members call on their own fields are
  /// given the caller's object, per class.
  void collectOwnObjectsHanded() {
    for (const Function &F : P.functions())
      for (const SiteFact &S : F.fact().Sites)
        if (P.invokesWrapper(S) && S.Receiver.K == ObjectRef::Kind::Field &&
            !S.OtherObject && !F.fact().ObjectClass.empty())
          for (const ArgFact &A : S.Args)
            if (A.OwnObject)
              OwnObjectHanded.insert({F.fact().ObjectClass, A.Index});
  }

  /// Whether \p Obj is a parameter no call binds that the members of
  /// \p Class hand their own object to: a callback of theirs working on
  /// the object that runs it (`fail_fast(JobRunner &r, ...)` calling
  /// `r.stop()`), one of the owners already counted, not another.
  bool handedOwnObject(const std::string &Class, const ObjectRef &Obj) const {
    return Obj.K == ObjectRef::Kind::Param && Obj.Type == Class &&
           OwnObjectHanded.count({Class, unsigned(Obj.ParamIndex)});
  }

  /// Whether \p Obj is a field of a class with several owners.
  bool sharedByOwners(const ObjectRef &Obj) const {
    return Obj.K == ObjectRef::Kind::Field && sharedByOwners(Obj.Name);
  }
  /// Whether the field named \p Field is of a class with several owners.
  bool sharedByOwners(const std::string &Field) const {
    auto It = Owners.find(classOf(Field));
    return It != Owners.end() && It->second.size() > 1;
  }

  /// `op = std::move(attempt); op();`: a local that only ever holds a
  /// parameter of its own function \p Fn: that parameter, if so.
  std::optional<int> onlyFromOwnParameter(const std::string &Slot,
                                          unsigned Fn) const {
    auto It = LocalFromParam.find(Slot);
    if (It == LocalFromParam.end() || It->second.first != Fn ||
        Held.count(Slot) || Copies.count(Slot))
      return std::nullopt;
    return It->second.second;
  }

  /// The call at \p At runs, within each call of its function, what that
  /// call passes as parameter \p Param (as Linker::linkInvokedParameters).
  void runPassed(SiteRef At, int Param, std::vector<CallEdge> &Calls) const {
    for (unsigned EdgeIndex : P.edgesInto(At.Function)) {
      const CallEdge &E = P.edges()[EdgeIndex];
      if (!P.bindsParameters(E))
        continue;
      for (const ArgFact &A : P.site(E.From).Args)
        if (static_cast<int>(A.Index) == Param)
          for (unsigned Target : P.callablesNamed(A.CallableUsr))
            Calls.push_back({E.From, Target, EdgeKind::Calls});
    }
  }

  /// Whether library call \p S keeps its argument \p A in its object
  /// without calling it: a model's `storesCallable` says so (a container's
  /// insertion, a wrapper's constructor), and so does an assignment. Any
  /// other call out of sight is taken to call what it is handed (Linker);
  /// the program's own functions keep what their bodies keep.
  bool keeps(const SiteFact &S, const ArgFact &A) const {
    if (S.Kind != SiteKind::Call || !S.Receiver.isKnown() || S.OtherObject ||
        P.find(S.CalleeUsr))
      return false;
    if (const FunctionModel *M = P.modelOf(S))
      return M->StoresCallable.has(A.Index);
    return splitMember(S.CalleeName).second == "operator=";
  }

  void collectStores(unsigned Fn) {
    const FunctionFact &F = P.function(Fn).fact();
    for (const SiteFact &S : F.Sites) {
      if (S.Kind == SiteKind::Call && S.StoredIn.isKnown())
        if (std::optional<unsigned> Callee = P.find(S.CalleeUsr))
          for (const ObjectRef &R : P.function(*Callee).fact().ReturnedObjects)
            for (const ObjectRef &Into : P.resolve(Fn, S.StoredIn))
              if (!sharedByOwners(R) && !sharedByOwners(Into))
                Copies[slotOf(Into.Key)].insert(slotOf(R.Key));
      for (const ArgFact &A : S.Args)
        if (keeps(S, A))
          for (const ObjectRef &Into : P.resolve(Fn, S.Receiver))
            keep(Fn, A, Into);
    }
    // `: on_error_(std::move(p))`: a field initialized from a parameter.
    for (const FieldInitFact &Init : F.FieldInits)
      if (!Init.Key.empty() && !sharedByOwners(Init.Field))
        ParamInto[Init.Key].insert({Fn, static_cast<int>(Init.Param)});
  }

  /// What \p A hands to the object \p Into, in function \p Fn.
  void keep(unsigned Fn, const ArgFact &A, const ObjectRef &Into) {
    if (sharedByOwners(Into))
      return;
    std::string Slot = slotOf(Into.Key);
    for (unsigned Target : P.callablesNamed(A.CallableUsr))
      Held[Slot].insert(Target);
    if (!A.Ref.isKnown())
      return;
    // A local of the function given its own parameter holds what each call
    // passes, within that call; given two, both in every call.
    if (Into.K == ObjectRef::Kind::Local &&
        P.function(Fn).ownsParameter(A.Ref)) {
      auto [It, New] = LocalFromParam.try_emplace(Slot, Fn, A.Ref.ParamIndex);
      if (New || It->second == std::make_pair(Fn, A.Ref.ParamIndex))
        return;
      if (It->second.first != NoFunction)
        ParamInto[Slot].insert(It->second);
      It->second.first = NoFunction;
    }
    if (A.Ref.K == ObjectRef::Kind::Param)
      ParamInto[Slot].insert({Fn, A.Ref.ParamIndex});
    for (const ObjectRef &From : P.resolve(Fn, A.Ref))
      if (From.K != ObjectRef::Kind::Param && !sharedByOwners(From))
        Copies[Slot].insert(slotOf(From.Key));
  }

  /// `co_await callback_awaiter{[&](auto h) { sock.async_read(..., h); }}`:
  /// an awaiter made at its co_await is a temporary of that suspension.
  void collectAwaitedTemporaries(unsigned Fn) {
    for (const SiteFact &S : P.function(Fn).fact().Sites)
      if (S.Kind == SiteKind::Suspend && S.OperandCall >= 0 &&
          P.function(Fn).site(S.OperandCall).IsConstructor)
        AwaitedTemporaries.emplace(SiteRef{Fn, unsigned(S.OperandCall)}, S.Id);
  }

  /// The keys of the fields constructor \p Ctor keeps its parameter
  /// \p Param in.
  std::set<std::string> fieldsKeeping(unsigned Ctor, int Param) const {
    std::set<std::string> Fields;
    for (const auto &[Slot, Params] : ParamInto)
      if (Params.count({Ctor, Param}))
        Fields.insert(Slot);
    return Fields;
  }

  /// The callables an awaiter made at its co_await is given and keeps run
  /// at that suspension when one of its members calls the field it keeps
  /// them in: each suspension runs its own, not those of every awaiter of
  /// the class.
  std::vector<CallEdge> awaitersRunningTheirCallables() const {
    std::vector<CallEdge> Calls;
    for (const auto &[Made, Suspend] : AwaitedTemporaries) {
      const SiteFact &Construct = P.site(Made);
      const SiteFact &At = P.function(Made.Function).site(Suspend);
      std::optional<unsigned> Ctor = P.find(Construct.CalleeUsr);
      if (!Ctor)
        continue;
      for (const ArgFact &A : Construct.Args) {
        std::set<std::string> Fields = fieldsKeeping(*Ctor, A.Index);
        if (llvm::any_of(At.AwaiterUsrs, [&](const std::string &Usr) {
              return callsAField(Usr, Fields);
            }))
          for (unsigned Target : P.callablesNamed(A.CallableUsr))
            Calls.push_back(
                {{Made.Function, Suspend}, Target, EdgeKind::Calls});
      }
    }
    return Calls;
  }

  /// Whether the function \p Usr names calls one of \p Fields (keys) of
  /// its object.
  bool callsAField(const std::string &Usr,
                   const std::set<std::string> &Fields) const {
    std::optional<unsigned> Fn = P.find(Usr);
    return Fn &&
           llvm::any_of(P.function(*Fn).fact().Sites, [&](const SiteFact &S) {
             return P.invokesWrapper(S) &&
                    S.Receiver.K == ObjectRef::Kind::Field &&
                    Fields.count(slotOf(S.Receiver.Key));
           });
  }

  /// The callables the callers of \p Fn pass as its parameter \p Param,
  /// through the parameters of their own callers, and the objects they pass
  /// there.
  void passedAt(unsigned Fn, int Param, std::set<unsigned> &Callables,
                std::set<std::string> &Objects,
                llvm::DenseSet<std::pair<unsigned, int>> &Seen) const {
    if (!Seen.insert({Fn, Param}).second)
      return;
    for (unsigned EdgeIndex : P.edgesInto(Fn)) {
      const CallEdge &E = P.edges()[EdgeIndex];
      if (!P.bindsParameters(E) || AwaitedTemporaries.count(E.From))
        continue;
      for (const ArgFact &A : P.site(E.From).Args) {
        if (static_cast<int>(A.Index) != Param)
          continue;
        for (unsigned Target : P.callablesNamed(A.CallableUsr))
          Callables.insert(Target);
        if (A.Ref.K == ObjectRef::Kind::Param)
          passedAt(E.From.Function, A.Ref.ParamIndex, Callables, Objects, Seen);
        else if (A.Ref.isKnown())
          Objects.insert(slotOf(A.Ref.Key));
      }
    }
  }

  void addPassed(const std::string &Slot, unsigned Fn, int Param) {
    std::set<unsigned> Callables;
    std::set<std::string> Objects;
    llvm::DenseSet<std::pair<unsigned, int>> Seen;
    passedAt(Fn, Param, Callables, Objects, Seen);
    Held[Slot].insert(Callables.begin(), Callables.end());
    Copies[Slot].insert(Objects.begin(), Objects.end());
  }

  void propagate() {
    for (const auto &[Slot, Params] : ParamInto)
      for (const auto &[Fn, Param] : Params)
        addPassed(Slot, Fn, Param);
    // Copies, to a fixed point: each pass adds to a slot what the slots it
    // copies from hold; a pass that adds nothing ends it.
    for (bool Grew = true; Grew;) {
      Grew = false;
      for (const auto &[Slot, Sources] : Copies)
        for (const std::string &Source : Sources) {
          if (Source == Slot)
            continue;
          auto From = Held.find(Source);
          if (From == Held.end())
            continue;
          std::set<unsigned> &Into = Held[Slot];
          size_t Before = Into.size();
          Into.insert(From->second.begin(), From->second.end());
          Grew |= Into.size() != Before;
        }
    }
  }

  const Program &P;
  /// Per object key, the functions the callables it holds run.
  std::map<std::string, std::set<unsigned>> Held;
  /// Per object key, the objects whose callables it is given.
  std::map<std::string, std::set<std::string>> Copies;
  /// (class, index): its members hand their own object to callables they
  /// keep, at that parameter (collectOwnObjectsHanded).
  std::set<std::pair<std::string, unsigned>> OwnObjectHanded;
  /// Per class, the objects its members are called on (ownersOfClasses).
  std::map<std::string, std::set<std::string>> Owners;
  /// Locals given only their own function's parameter (function, index);
  /// NoFunction for one given several.
  std::map<std::string, std::pair<unsigned, int>> LocalFromParam;
  /// Per object key, the parameters (function, index) kept in it.
  std::map<std::string, std::set<std::pair<unsigned, int>>> ParamInto;
  /// Constructor calls that make an awaiter at its co_await, with that
  /// suspension's site.
  std::map<SiteRef, unsigned> AwaitedTemporaries;
};

} // namespace

std::vector<CallEdge> storedCallableCalls(const Program &P) {
  return StoredCallables(P).calls();
}

} // namespace corolint
