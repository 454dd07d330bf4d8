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
// `queue_.front()`): a callable kept in one object of a class is taken to be
// kept in every object of the class, as a resource's waits and signals are.
// So one kept or called through another object than `this` (`op.complete_ =
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
public:
  explicit StoredCallables(const Program &P) : P(P) {}

  std::vector<CallEdge> calls() {
    for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn) {
      collectStores(Fn);
      collectAwaitedTemporaries(Fn);
    }
    propagate();
    std::vector<CallEdge> Calls = awaitersRunningTheirCallables();
    for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
      for (const SiteFact &S : P.function(Fn).fact().Sites)
        if (P.invokesWrapper(S) && S.Receiver.isKnown() && !S.OtherObject)
          for (const ObjectRef &Obj : P.resolve(Fn, S.Receiver))
            for (unsigned Target : Held[slotOf(Obj.Key)])
              Calls.push_back({{Fn, S.Id}, Target, EdgeKind::Calls});
    return Calls;
  }

private:
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
              Copies[slotOf(Into.Key)].insert(slotOf(R.Key));
      for (const ArgFact &A : S.Args)
        if (keeps(S, A))
          for (const ObjectRef &Into : P.resolve(Fn, S.Receiver))
            keep(Fn, A, slotOf(Into.Key));
    }
    // `: on_error_(std::move(p))`: a field initialized from a parameter.
    for (const FieldInitFact &Init : F.FieldInits)
      FieldFromParam.push_back({Init.Field, {Fn, Init.Param}});
  }

  /// What \p A hands to the object \p Slot, in function \p Fn.
  void keep(unsigned Fn, const ArgFact &A, const std::string &Slot) {
    for (unsigned Target : P.callablesNamed(A.CallableUsr))
      Held[Slot].insert(Target);
    if (!A.Ref.isKnown())
      return;
    if (A.Ref.K == ObjectRef::Kind::Param)
      ParamInto[Slot].insert({Fn, A.Ref.ParamIndex});
    for (const ObjectRef &From : P.resolve(Fn, A.Ref))
      if (From.K != ObjectRef::Kind::Param)
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

  /// Whether constructor \p Ctor keeps its parameter \p Param in a field.
  bool keepsParameter(unsigned Ctor, int Param) const {
    for (const auto &[Field, From] : FieldFromParam)
      if (From == std::make_pair(Ctor, Param))
        return true;
    for (const auto &[Slot, Params] : ParamInto)
      if (Params.count({Ctor, Param}))
        return true;
    return false;
  }

  /// The callables an awaiter made at its co_await is given and keeps run
  /// at that suspension when one of its members calls a field: each
  /// suspension runs its own, not those of every awaiter of the class.
  std::vector<CallEdge> awaitersRunningTheirCallables() const {
    std::vector<CallEdge> Calls;
    for (const auto &[Made, Suspend] : AwaitedTemporaries) {
      const SiteFact &Construct = P.site(Made);
      const SiteFact &At = P.function(Made.Function).site(Suspend);
      std::optional<unsigned> Ctor = P.find(Construct.CalleeUsr);
      if (!Ctor || !llvm::any_of(At.AwaiterUsrs, [&](const std::string &Usr) {
            return callsAField(Usr);
          }))
        continue;
      for (const ArgFact &A : Construct.Args)
        if (keepsParameter(*Ctor, A.Index))
          for (unsigned Target : P.callablesNamed(A.CallableUsr))
            Calls.push_back(
                {{Made.Function, Suspend}, Target, EdgeKind::Calls});
    }
    return Calls;
  }

  /// Whether the function \p Usr names calls a callable its object keeps.
  bool callsAField(const std::string &Usr) const {
    std::optional<unsigned> Fn = P.find(Usr);
    return Fn &&
           llvm::any_of(P.function(*Fn).fact().Sites, [&](const SiteFact &S) {
             return P.invokesWrapper(S) &&
                    S.Receiver.K == ObjectRef::Kind::Field;
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
    // Field initializers name the field; the objects called name its key.
    std::map<std::string, std::vector<std::string>> KeysOfField;
    for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
      for (const SiteFact &S : P.function(Fn).fact().Sites)
        if (P.invokesWrapper(S) && S.Receiver.K == ObjectRef::Kind::Field)
          KeysOfField[S.Receiver.Name].push_back(slotOf(S.Receiver.Key));
    for (const auto &[Field, From] : FieldFromParam)
      for (const std::string &Slot : KeysOfField[Field])
        addPassed(Slot, From.first, From.second);
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
  /// Per object key, the parameters (function, index) kept in it.
  std::map<std::string, std::set<std::pair<unsigned, int>>> ParamInto;
  /// Constructor calls that make an awaiter at its co_await, with that
  /// suspension's site.
  std::map<SiteRef, unsigned> AwaitedTemporaries;
  /// Fields initialized from a parameter: (field name, (function, index)).
  std::vector<std::pair<std::string, std::pair<unsigned, int>>> FieldFromParam;
};

} // namespace

std::vector<CallEdge> storedCallableCalls(const Program &P) {
  return StoredCallables(P).calls();
}

} // namespace corolint
