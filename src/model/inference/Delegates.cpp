//===- Delegates.cpp - Resources that wait on an event they keep ----------===//
//
// A latch is a count and an event: awaiting the latch awaits the event, and
// the count reaching zero sets it. A task group is the same with a count of
// running tasks. Such a class is an event itself, whose waits are the
// members that wait on its field and whose signals are the members that
// signal it; and it starts as its field starts. Built on a condition
// variable instead (async_simple's `Latch`, `CountingSemaphore`), it
// starts as the state its waits' predicate tests, which a constructor's
// argument gives.
//
//===----------------------------------------------------------------------===//

#include "Inferrer.h"
#include "corolint/model/Inference.h"
#include "llvm/Support/Error.h"
#include <optional>

namespace corolint::inference {

namespace {

/// How a class's constructors leave the event field they construct.
struct FieldStart {
  enum Kind { Unset, Set, ByArg } K = Unset;
  unsigned Param = 0; ///< For ByArg: the constructor's parameter.
};

} // namespace

/// Resources whose waits and signals are those of an event they keep in a
/// field, from the events that models name or that inferEvents found.
void Inferrer::inferDelegates() {
  ApiModels SoFar;
  if (!readInferredSoFar(SoFar))
    return;
  std::set<std::string> Done;
  for (const InferredEntry &E : Out.Types)
    Done.insert(E.Name);
  for (const auto &[Class, Members] : Index.classes())
    if (!Class.empty() && !Done.count(Class) && !describedByModel(Class))
      if (!inferDelegate(Class, SoFar))
        inferFlagGate(Class, SoFar);
}

/// What the rules run so far inferred, as models, into \p SoFar. Inferred
/// entries are checked when they are added to the models, which reports a
/// bad one; here they only lend their roles: false then.
bool Inferrer::readInferredSoFar(ApiModels &SoFar) const {
  if (llvm::Error E = SoFar.addJson(Out.modelJson(), InferredOrigin)) {
    llvm::consumeError(std::move(E));
    return false;
  }
  return true;
}

/// The model of \p Type, from the models or from what was inferred, when it
/// is a resource of kind \p Kind ("event", "timer").
const TypeModel *Inferrer::resourceModel(const std::string &Type,
                                         llvm::StringRef Kind,
                                         const ApiModels &SoFar) const {
  const TypeModel *T = Known.type(Type);
  if (!T)
    T = SoFar.type(Type);
  return T && T->Role == TypeRole::Resource && T->ResourceKind == Kind
             ? T
             : nullptr;
}

bool Inferrer::inferDelegate(llvm::StringRef Class, const ApiModels &SoFar) {
  // The waits: members that return a wait on a private field that only the
  // class's code can name (`return m_event.operator co_await();`), or
  // coroutines that await a condition variable's wait on one (`co_await
  // cv_.wait(mutex_, pred);`), whose predicate says when it completes. A
  // coroutine awaiting an event it keeps may test state of its own first
  // (`while (count_ == 0) co_await arrived_.wait();`): when the class starts
  // set is not known.
  std::set<std::string> Waits;
  const ObjectRef *Field = nullptr;
  const TypeModel *Event = nullptr;
  std::vector<std::string> Evidence;
  for (const FunctionFact *Member : Index.membersOf(Class)) {
    llvm::StringRef Name = memberOf(Member->Name);
    if (Name != "operator co_await" && isProtocolMember(Class, Name))
      continue;
    for (const SiteFact &S : Member->Sites) {
      const ObjectRef &R = S.Receiver;
      bool Awaited = Member->IsCoroutine ? S.AwaitedIn >= 0 : S.Returned;
      if (S.Kind != SiteKind::Call || !Awaited ||
          R.K != ObjectRef::Kind::Field || classOf(R.Name) != Class)
        continue;
      const TypeModel *T = resourceModel(R.Type, "event", SoFar);
      if (!T || !TypeModel::has(T->Waits, memberOf(S.CalleeName)) ||
          (Member->IsCoroutine && !T->WaitReleasesLock))
        continue;
      // By name: each instantiation of a class template has its own key.
      if (Field && Field->Name != R.Name)
        return false; // Two events: which one a wait completes on is not known.
      if (!R.Internal)
        return false; // Code outside the class may signal it.
      Field = &R;
      Event = T;
      if (Waits.insert(Name.str()).second && Waits.size() == 1)
        Evidence.push_back(where(S.Loc) + ": '" + Member->Name + "' " +
                           (Member->IsCoroutine ? "awaits" : "returns") +
                           " a wait on its event '" + R.Name + "'");
    }
  }
  if (!Field)
    return false;
  addOwnWaits(Class, Waits);
  std::set<std::string> Signals =
      delegatedSignals(Class, *Field, *Event, Evidence);
  if (Signals.empty())
    return false;
  ordered_json J = {{"name", Class},
                    {"role", "resource"},
                    {"resourceKind", "event"},
                    {"waits", Waits},
                    {"signals", Signals}};
  bool Started = Event->WaitReleasesLock
                     ? addPredicateStart(Class, Waits, Signals, J, Evidence)
                     : addStart(Class, *Field, *Event, J, Evidence);
  if (!Started)
    return false;
  Out.Types.push_back({Class.str(), J.dump(), std::move(Evidence)});
  return true;
}

/// A gate built on a timer that never expires (Asio's `steady_timer` armed
/// only with `time_point::max()`): a coroutine of the class awaits the timer
/// in a loop until a private flag is set (`while (!open_) co_await
/// timer_.async_wait(...)`), and members set the flag (`open_ = true;
/// timer_.cancel();`). Awaiting that coroutine waits for such a member, as
/// waiting on an event does, so the class is an event: each object its own,
/// where the timer's key is every object's field. It starts as its flag
/// starts. A timer armed with any other duration wakes the loop by itself:
/// that is a heartbeat or a poll, not a gate.
void Inferrer::inferFlagGate(llvm::StringRef Class, const ApiModels &SoFar) {
  std::set<std::string> Waits;
  const ObjectRef *Flag = nullptr, *Timer = nullptr;
  const TypeModel *TimerType = nullptr;
  std::vector<std::string> Evidence;
  for (const FunctionFact *Member : Index.membersOf(Class)) {
    if (!Member->IsCoroutine || isProtocolMember(Class, memberOf(Member->Name)))
      continue;
    for (const PollFact &Poll : Member->Polls) {
      const ObjectRef &F = Poll.Flag;
      if (Poll.Kind != PollKind::Loop || !Poll.Negated || Poll.Value ||
          F.K != ObjectRef::Kind::Field || !F.Internal ||
          classOf(F.Name) != Class)
        continue;
      for (unsigned Id : Poll.Sites) {
        const SiteFact &S = Member->Sites[Id];
        const ObjectRef &R = S.Receiver;
        if (S.Kind != SiteKind::Call || S.AwaitedIn < 0 ||
            R.K != ObjectRef::Kind::Field || !R.Internal ||
            classOf(R.Name) != Class)
          continue;
        const TypeModel *T = resourceModel(R.Type, "timer", SoFar);
        if (!T || !TypeModel::has(T->Waits, memberOf(S.CalleeName)))
          continue;
        if ((Flag && Flag->Name != F.Name) || (Timer && Timer->Name != R.Name))
          return; // Two gates in one class: which one a wait passes is unsure.
        Flag = &F;
        Timer = &R;
        TimerType = T;
        if (Waits.insert(memberOf(Member->Name).str()).second)
          Evidence.push_back(where(S.Loc) + ": '" + Member->Name +
                             "' awaits the timer '" + R.Name + "' until '" +
                             F.Name + "' is set");
      }
    }
  }
  if (!Flag || !neverExpires(Class, *Timer, Evidence))
    return;
  addOwnWaits(Class, Waits);
  std::set<std::string> Signals =
      gateOpeners(Class, *Flag, *Timer, *TimerType, Evidence);
  if (Signals.empty())
    return;
  std::optional<int64_t> Start = flagStart(Class, *Flag);
  if (!Start)
    return;
  ordered_json J = {{"name", Class},
                    {"role", "resource"},
                    {"resourceKind", "event"},
                    {"waits", Waits},
                    {"signals", Signals}};
  if (*Start) {
    J["startsSignalled"] = true;
    Evidence.push_back("'" + Flag->Name + "' starts set");
  } else {
    Evidence.push_back("'" + Flag->Name + "' starts unset");
  }
  Out.Types.push_back({Class.str(), J.dump(), std::move(Evidence)});
}

/// Whether the class arms \p Timer only to expire never: every duration or
/// time point handed to its constructor or its members is a `max()` made at
/// the call (`steady_timer(ex, time_point::max())`, `expires_at(
/// time_point::max())`), and there is one.
bool Inferrer::neverExpires(llvm::StringRef Class, const ObjectRef &Timer,
                            std::vector<std::string> &Evidence) const {
  const SiteFact *Armed = nullptr;
  for (const FunctionFact *Member : Index.membersOf(Class))
    for (const SiteFact &S : Member->Sites) {
      if (S.Kind != SiteKind::Call || S.Receiver.Name != Timer.Name)
        continue;
      for (const ArgFact &A : S.Args) {
        const TypeModel *T = Known.type(A.Type);
        if (!T || T->Role != TypeRole::Duration)
          continue;
        auto Made = llvm::find_if(Member->Sites, [&](const SiteFact &M) {
          return !A.ProducerUsr.empty() && M.CalleeUsr == A.ProducerUsr;
        });
        if (Made == Member->Sites.end() || memberOf(Made->CalleeName) != "max")
          return false;
        Armed = &S;
      }
    }
  if (Armed)
    Evidence.push_back(where(Armed->Loc) + ": '" + Timer.Name +
                       "' is armed to expire never");
  return Armed != nullptr;
}

/// The members of \p Class that set \p Flag, themselves or through their
/// helpers (and, to wake a waiter already asleep, cancel \p Timer); none
/// when a member hands the timer or the flag to code of another class,
/// which may then open the gate too.
std::set<std::string>
Inferrer::gateOpeners(llvm::StringRef Class, const ObjectRef &Flag,
                      const ObjectRef &Timer, const TypeModel &TimerType,
                      std::vector<std::string> &Evidence) const {
  std::set<std::string> Openers;
  for (const FunctionFact *Member : Index.membersOf(Class)) {
    for (const SiteFact &S : Member->Sites)
      for (const ArgFact &A : S.Args)
        if ((A.Ref.Name == Timer.Name || A.Ref.Name == Flag.Name) &&
            classOf(S.CalleeName) != Class)
          return {};
    if (isProtocolMember(Class, memberOf(Member->Name)) ||
        isConstructorName(Member->Name))
      continue;
    bool Sets = false, Cancels = false;
    for (const FunctionFact *G : Index.reach(*Member))
      for (const SiteFact &S : G->Sites) {
        Sets |= S.Kind == SiteKind::Write && S.Receiver.Name == Flag.Name &&
                S.Value && *S.Value != 0;
        Cancels |= S.Kind == SiteKind::Call && S.Receiver.Name == Timer.Name &&
                   TypeModel::has(TimerType.Signals, memberOf(S.CalleeName));
      }
    if (Sets && Openers.insert(memberOf(Member->Name).str()).second)
      Evidence.push_back(where(Member->Loc) + ": '" + Member->Name +
                         "' sets '" + Flag.Name + "'" +
                         (Cancels ? " and cancels '" + Timer.Name + "'" : ""));
  }
  return Openers;
}

/// The constant every constructor of \p Class leaves \p Flag at (the
/// in-class initializer's, or a member initializer's); none when one sets
/// it from what the facts cannot read or two disagree.
std::optional<int64_t> Inferrer::flagStart(llvm::StringRef Class,
                                           const ObjectRef &Flag) const {
  std::optional<int64_t> Start;
  for (const FunctionFact *Member : Index.membersOf(Class)) {
    if (!isConstructorName(Member->Name))
      continue;
    for (const FieldInitFact &Init : Member->FieldInits)
      if (Init.Field == Flag.Name)
        return std::nullopt;
    for (const SiteFact &S : Member->Sites) {
      if (S.Kind != SiteKind::Write || !S.Initial ||
          S.Receiver.Name != Flag.Name)
        continue;
      if (!S.Value || (Start && (*Start != 0) != (*S.Value != 0)))
        return std::nullopt;
      Start = *S.Value;
    }
  }
  return Start;
}

/// Adds to \p Waits the coroutines of \p Class that await one of its waits
/// (`arrive_and_wait()`, which awaits `wait()`), to a fixpoint.
void Inferrer::addOwnWaits(llvm::StringRef Class,
                           std::set<std::string> &Waits) const {
  auto AwaitsAWait = [&](const SiteFact &S) {
    return S.Kind == SiteKind::Call && S.AwaitedIn >= 0 &&
           classOf(S.CalleeName) == Class &&
           Waits.count(memberOf(S.CalleeName).str());
  };
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const FunctionFact *Member : Index.membersOf(Class))
      if (Member->IsCoroutine && llvm::any_of(Member->Sites, AwaitsAWait))
        Changed |= Waits.insert(memberOf(Member->Name).str()).second;
  }
}

/// Writes into \p J how a class whose waits wait on a condition variable
/// starts: as the state their predicate tests (the fields the lambdas they
/// hand on read), which every constructor but a copy or a move sets from
/// the same argument (`Latch(std::size_t count) : count_(count)`). A count
/// that a wait takes from itself (`--count_` in `acquire()`) is a
/// semaphore's, which the other signals give back; one only signals write
/// counts down to the waits (`countArg`); a boolean sets it (`setByArg`).
/// False when no such argument sets the predicate's state, or no signal
/// changes it (a channel's capacity): what the predicate makes of the
/// class's state is then not known.
bool Inferrer::addPredicateStart(llvm::StringRef Class,
                                 const std::set<std::string> &Waits,
                                 const std::set<std::string> &Signals,
                                 ordered_json &J,
                                 std::vector<std::string> &Evidence) const {
  auto IsOne = [&](const std::set<std::string> &Of, const FunctionFact *M) {
    return Of.count(memberOf(M->Name).str()) != 0;
  };
  std::set<std::string> Read;
  for (const FunctionFact *Member : Index.membersOf(Class))
    if (IsOne(Waits, Member))
      for (const SiteFact &S : Member->Sites)
        for (const ArgFact &A : S.Args)
          if (auto It = Index.functions().find(A.CallableUsr);
              It != Index.functions().end())
            Read.insert(It->second->Fields.begin(), It->second->Fields.end());
  std::optional<FieldInitFact> State;
  for (const FunctionFact *Member : Index.membersOf(Class)) {
    if (!isConstructorName(Member->Name) ||
        (Member->ParamTypes.size() == 1 && Member->ParamTypes[0] == Class))
      continue;
    auto Init = llvm::find_if(Member->FieldInits, [&](const FieldInitFact &I) {
      return Read.count(I.Field) != 0;
    });
    if (Init == Member->FieldInits.end() ||
        (State && (State->Field != Init->Field || State->Param != Init->Param)))
      return false;
    State = *Init;
  }
  if (!State)
    return false;
  auto Writes = [&](const FunctionFact *Member) {
    return llvm::any_of(Index.reach(*Member), [&](const FunctionFact *G) {
      return llvm::any_of(G->Sites, [&](const SiteFact &S) {
        return S.Kind == SiteKind::Write && S.Receiver.Name == State->Field;
      });
    });
  };
  bool Taken = false, Given = false;
  std::set<std::string> GiveBack;
  for (const FunctionFact *Member : Index.membersOf(Class)) {
    if (IsOne(Waits, Member) && !IsOne(Signals, Member))
      Taken |= Writes(Member);
    if (IsOne(Signals, Member) && Writes(Member)) {
      Given = true;
      if (!IsOne(Waits, Member))
        GiveBack.insert(memberOf(Member->Name).str());
    }
  }
  int Arg = static_cast<int>(State->Param);
  std::string Type = stateArgType(Class, Arg);
  std::string Argument = "its constructor's argument " + std::to_string(Arg) +
                         " ('" + Type + "') sets '" + State->Field + "'";
  if (!Given || (Type != "bool" && !isIntegerType(Type)))
    return false;
  if (Type == "bool") {
    J["setByArg"] = Arg;
    Evidence.push_back(Argument + ", which its waits test");
  } else if (!Taken) {
    J["countArg"] = Arg;
    Evidence.push_back(Argument + ", which its signals count down");
  } else {
    if (GiveBack.empty())
      return false;
    J["resourceKind"] = "semaphore";
    J["unlock"] = GiveBack;
    Evidence.push_back(Argument + ", the units its waits take and '" +
                       *GiveBack.begin() + "' gives back");
  }
  return true;
}

/// The members of \p Class that signal its \p Field, themselves, through
/// the helpers they call or the callables they hand on (a task's completion
/// callback that counts down); none if the class hands the field to code
/// of another class, which may signal it.
std::set<std::string>
Inferrer::delegatedSignals(llvm::StringRef Class, const ObjectRef &Field,
                           const TypeModel &Event,
                           std::vector<std::string> &Evidence) const {
  std::set<std::string> Signals;
  for (const FunctionFact *Member : Index.membersOf(Class)) {
    for (const SiteFact &S : Member->Sites)
      for (const ArgFact &A : S.Args)
        if (A.Ref.Name == Field.Name && classOf(S.CalleeName) != Class)
          return {};
    llvm::StringRef Name = memberOf(Member->Name);
    if (isProtocolMember(Class, Name))
      continue;
    for (const FunctionFact *G : Index.reach(*Member))
      for (const SiteFact &S : G->Sites)
        if (S.Kind == SiteKind::Call && S.Receiver.Name == Field.Name &&
            TypeModel::has(Event.Signals, memberOf(S.CalleeName)) &&
            Signals.insert(Name.str()).second)
          Evidence.push_back(where(Member->Loc) + ": '" + Member->Name +
                             "' signals '" + Field.Name + "' (in '" + G->Name +
                             "')");
  }
  return Signals;
}

/// Writes into \p J how the class's objects start: signalled when every
/// constructor leaves the field signalled (`event m_on_empty{true}`), set
/// by an argument when a constructor builds the field from it (`latch(n) :
/// m_event(n <= 0)`: a count when it is an integer). False when the
/// constructors disagree or build it from what the facts cannot read.
bool Inferrer::addStart(llvm::StringRef Class, const ObjectRef &Field,
                        const TypeModel &Event, ordered_json &J,
                        std::vector<std::string> &Evidence) const {
  auto SetBy = [&](const SiteFact &S) {
    return Event.constructedSignalledBy(S);
  };
  auto IsInClass = [](const FunctionFact *F) {
    return llvm::StringRef(F->Usr).ends_with(InClassInitializersUsrSuffix);
  };
  // What a constructor that does not construct the field leaves it in: a
  // defaulted one, which the facts do not hold, too.
  FieldStart InClass;
  for (const FunctionFact *Member : Index.membersOf(Class))
    if (IsInClass(Member))
      for (const SiteFact &S : Member->Sites)
        if (S.IsConstructor && S.Receiver.Name == Field.Name)
          InClass.K = SetBy(S) ? FieldStart::Set : FieldStart::Unset;
  std::optional<FieldStart> Start;
  const FunctionFact *ByArgCtor = nullptr;
  for (const FunctionFact *Member : Index.membersOf(Class)) {
    // A copy or a move starts as its source: no state of its own.
    if (!isConstructorName(Member->Name) || IsInClass(Member) ||
        (Member->ParamTypes.size() == 1 && Member->ParamTypes[0] == Class))
      continue;
    FieldStart This = InClass;
    for (const SiteFact &S : Member->Sites)
      if (S.IsConstructor && S.Receiver.Name == Field.Name)
        This.K = SetBy(S) ? FieldStart::Set : FieldStart::Unset;
    for (const FieldInitFact &Init : Member->FieldInits)
      if (Init.Field == Field.Name) {
        This = {FieldStart::ByArg, Init.Param};
        ByArgCtor = Member;
      }
    if (Start && (Start->K != This.K || Start->Param != This.Param))
      return false;
    Start = This;
  }
  if (!Start)
    Start = InClass;
  if (Start->K == FieldStart::Unset)
    return true;
  if (Start->K == FieldStart::Set) {
    J["startsSignalled"] = true;
    Evidence.push_back("its constructors construct '" + Field.Name +
                       "' signalled");
    return true;
  }
  if (Start->Param >= ByArgCtor->ParamTypes.size())
    return false;
  llvm::StringRef Type = ByArgCtor->ParamTypes[Start->Param];
  const char *Key = Type == "bool"        ? "setByArg"
                    : isIntegerType(Type) ? "countArg"
                                          : nullptr;
  if (!Key)
    return false;
  J[Key] = Start->Param;
  Evidence.push_back("its constructor's argument " +
                     std::to_string(Start->Param) + " ('" + Type.str() +
                     "') constructs '" + Field.Name + "'");
  return true;
}

} // namespace corolint::inference
