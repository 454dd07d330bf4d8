//===- Events.cpp - Events: waiters kept, then resumed by a member --------===//
//
// An event: an awaiter keeps its waiter in a field of a class, and a
// member of that class resumes it. Where the waiters are kept and what
// resumes them is the evidence every resource role rests on; how the
// class's own code and the program use the class then says whether it is
// an event, or a lock, a scheduler or a promise's state (Locks.cpp,
// Schedulers.cpp, Promises.cpp).
//
//===----------------------------------------------------------------------===//

#include "Inferrer.h"
#include <map>

namespace corolint::inference {

/// Every field that an `await_suspend` keeps its handle, or its awaiter, in,
/// itself or through a helper it hands them to.
std::vector<Inferrer::WaiterStore> Inferrer::waiterStores() const {
  std::vector<WaiterStore> Stores;
  for (const auto &[Usr, F] : Index.functions()) {
    if (F->IsLambda || memberOf(F->Name) != "await_suspend")
      continue;
    for (const FunctionFact *G : Index.reach(*F)) {
      for (const FieldStoreFact &S : G->Stores)
        if (S.Kind == StoredKind::Handle || S.Kind == StoredKind::Self)
          Stores.push_back({S.Field, classOf(F->Name).str(), S.Loc, S.Kind});
      addCallableStores(*F, *G, Stores);
    }
  }
  return Stores;
}

/// \p G, run by the awaiter's \p Suspend, hands a lambda that resumes a
/// handle to a function that keeps that argument in a field
/// (`fut.then([h](T) { h.resume(); })`): the field keeps the waiter.
void Inferrer::addCallableStores(const FunctionFact &Suspend,
                                 const FunctionFact &G,
                                 std::vector<WaiterStore> &Stores) const {
  for (const SiteFact &S : G.Sites) {
    auto Callee = Index.functions().find(S.CalleeUsr);
    if (S.Kind != SiteKind::Call || Callee == Index.functions().end())
      continue;
    for (const ArgFact &A : S.Args) {
      auto Handed = Index.functions().find(A.CallableUsr);
      if (Handed == Index.functions().end() || !Handed->second->ResumesHandle)
        continue;
      for (const FieldStoreFact &Kept : callableKept(*Callee->second, A.Index))
        Stores.push_back({Kept.Field, classOf(Suspend.Name).str(), Kept.Loc,
                          Kept.Kind, /*ByCallable=*/true});
    }
  }
}

/// Where \p F keeps the callable it is handed as parameter \p Param: in a
/// field it stores it into, or, when it hands it on, where the function it
/// hands it to keeps it. Handing on is passing the parameter (`thenTry(f)
/// { return thenImpl(f); }`) or a lambda that captures it (`thenValue(f)`
/// wrapping it), or passing it, or a lambda made of it, to a
/// member of the object in the field it is stored into (`setContinuation(f)
/// { state_->setContinuation(f); }` keeps it in the state's
/// `continuation_`, not in `state_`, a pointer).
std::vector<FieldStoreFact> Inferrer::callableKept(const FunctionFact &F,
                                                   unsigned Param,
                                                   unsigned Depth) const {
  std::vector<FieldStoreFact> Own, Deeper;
  for (const FieldStoreFact &Kept : F.Stores)
    if (isCallableStore(Kept) && Kept.Param == static_cast<int>(Param))
      Own.push_back(Kept);
  if (Depth == MaxHelperDepth)
    return Own;
  // A lambda wrapping it is followed where it keeps it nowhere itself.
  auto IsParam = [&](const ArgFact &A) {
    return (A.Ref.K == ObjectRef::Kind::Param &&
            A.Ref.ParamIndex == static_cast<int>(Param)) ||
           (Own.empty() && llvm::is_contained(A.CapturedCallables, Param));
  };
  for (const SiteFact &S : F.Sites) {
    auto Callee = Index.functions().find(S.CalleeUsr);
    if (S.Kind != SiteKind::Call || Callee == Index.functions().end())
      continue;
    bool OnItsField = S.Receiver.K == ObjectRef::Kind::Field &&
                      llvm::any_of(Own, [&](const FieldStoreFact &Kept) {
                        return Kept.Field == S.Receiver.Name;
                      });
    for (const ArgFact &A : S.Args)
      if (IsParam(A) || (OnItsField && !A.CallableUsr.empty()))
        llvm::append_range(Deeper,
                           callableKept(*Callee->second, A.Index, Depth + 1));
  }
  return Deeper.empty() ? Own : Deeper;
}

/// An awaiter that links itself into a list is the record of its waiter,
/// and so is the class of the field it keeps its handle in then (a base
/// of its own: libcoro's `awaiter_base::m_awaiting_coroutine`).
void Inferrer::addWaiterRecords(const std::vector<WaiterStore> &Stores) {
  std::set<std::string> Linked, Lists;
  for (const WaiterStore &S : Stores)
    if (S.Kind == StoredKind::Self) {
      Linked.insert(S.Awaiter);
      Lists.insert(classOf(S.Field).str());
    }
  for (const WaiterStore &S : Stores) {
    if (!Linked.count(S.Awaiter))
      continue;
    WaiterRecords.insert(S.Awaiter);
    if (S.Kind == StoredKind::Handle && !Lists.count(classOf(S.Field).str()))
      WaiterRecords.insert(classOf(S.Field).str());
  }
}

/// An awaiter that keeps its handle in a waiter record and links no record
/// of its own (libcoro's `awaiter_with_wait`, whose helper task links a
/// proxy record) waits where every other awaiter links records of that
/// class: the one list they are linked into, when a member of the list's
/// class returns it (`wait_for()`). Records linked into more lists than one
/// say nothing of which list this waiter is in; an awaiter no member of
/// that class hands out (a timer's, sharing the record's base) is not its.
void Inferrer::addRecordedWaiters(std::vector<WaiterStore> &Stores) const {
  std::map<std::string, std::set<std::string>> ListsOfRecord;
  std::set<std::string> Linked;
  for (const WaiterStore &Link : Stores) {
    if (Link.Kind != StoredKind::Self)
      continue;
    Linked.insert(Link.Awaiter);
    for (const WaiterStore &Kept : Stores)
      if (Kept.Awaiter == Link.Awaiter && Kept.Kind == StoredKind::Handle)
        ListsOfRecord[classOf(Kept.Field).str()].insert(Link.Field);
  }
  std::vector<WaiterStore> Recorded;
  for (const WaiterStore &Kept : Stores) {
    auto Lists = ListsOfRecord.find(classOf(Kept.Field).str());
    if (Kept.Kind != StoredKind::Handle || Linked.count(Kept.Awaiter) ||
        Lists == ListsOfRecord.end() || Lists->second.size() != 1)
      continue;
    const std::string &List = *Lists->second.begin();
    if (llvm::none_of(Index.membersOf(classOf(List)),
                      [&](const FunctionFact *Member) {
                        return returnsAwaiter(*Member, {Kept.Awaiter});
                      }))
      continue;
    WaiterStore Store = Kept;
    Store.Field = List;
    Store.Kind = StoredKind::Self;
    Recorded.push_back(std::move(Store));
  }
  llvm::append_range(Stores, Recorded);
}

/// An event: an awaiter's `await_suspend` keeps the waiter in a field of
/// the class, and a member of that class resumes what it finds there,
/// itself or through its helpers (also by posting a lambda that resumes).
void Inferrer::inferEvents() {
  std::vector<WaiterStore> Stores = waiterStores();
  addWaiterRecords(Stores);
  addRecordedWaiters(Stores);
  std::map<std::string, std::vector<const WaiterStore *>> ByClass;
  for (const WaiterStore &S : Stores)
    ByClass[classOf(S.Field).str()].push_back(&S);
  for (const auto &[Class, ClassStores] : ByClass)
    if (!Class.empty() && !describedByModel(Class))
      inferEvent(Class, ClassStores);
}

const FunctionFact *Inferrer::resumerFrom(const FunctionFact &Member,
                                          const WaiterStore &Store) const {
  std::vector<const FunctionFact *> Reached = Index.reach(Member);
  bool Touches = llvm::any_of(Reached, [&](const FunctionFact *G) {
    return llvm::is_contained(G->Fields, Store.Field);
  });
  if (!Touches)
    return nullptr;
  // A kept callable is called once, where a state is fulfilled; one called
  // going round a loop is a loop's queue, drained.
  auto Resumer = llvm::find_if(Reached, [&](const FunctionFact *G) {
    return G->ResumesHandle ||
           (Store.ByCallable && G->InvokesCallable && !hasCycle(*G)) ||
           queuesForResumption(*G, classOf(Store.Field));
  });
  return Resumer == Reached.end() ? nullptr : *Resumer;
}

/// `void post(std::coroutine_handle<> h) { ready_.push_back(h); }`: \p G
/// keeps a handle it is handed in a field of another class than \p Class,
/// whose members resume the handles kept there (a loop's run queue). A
/// member of \p Class that hands its waiter to \p G resumes it, later, on
/// that loop, as surely as one that resumes it itself.
bool Inferrer::queuesForResumption(const FunctionFact &G,
                                   llvm::StringRef Class) const {
  return llvm::any_of(G.Stores, [&](const FieldStoreFact &Kept) {
    llvm::StringRef Queue = classOf(Kept.Field);
    if (Kept.Kind != StoredKind::Handle || Kept.Param < 0 || Queue == Class)
      return false;
    return llvm::any_of(Index.membersOf(Queue), [&](const FunctionFact *M) {
      std::vector<const FunctionFact *> Reached = Index.reach(*M);
      return llvm::any_of(Reached,
                          [&](const FunctionFact *R) {
                            return llvm::is_contained(R->Fields, Kept.Field);
                          }) &&
             llvm::any_of(Reached, [](const FunctionFact *R) {
               return R->ResumesHandle;
             });
    });
  });
}

/// The members of \p Class, but the protocol, \p Skip and the helpers
/// handed a waiter (`resume_one(awaiter_base *)`, a task that resumes the
/// waiter it is given), that resume the waiters kept in \p Stores, with the
/// evidence: first where the first awaiter keeps its waiter, then each
/// member and its resumer.
Inferrer::Signalling
Inferrer::signalsOf(llvm::StringRef Class,
                    const std::vector<const WaiterStore *> &Stores,
                    const std::set<const FunctionFact *> &Skip) const {
  Signalling Found;
  for (const FunctionFact *Member : Index.membersOf(Class)) {
    llvm::StringRef Name = memberOf(Member->Name);
    if (isProtocolMember(Class, Name) || Skip.count(Member) ||
        llvm::any_of(Member->ParamTypes, [&](const std::string &T) {
          return WaiterRecords.count(T);
        }))
      continue;
    for (const WaiterStore *S : Stores)
      if (const FunctionFact *Resumer = resumerFrom(*Member, *S)) {
        if (Found.Signals.insert(Name.str()).second)
          Found.Evidence.push_back(where(Member->Loc) + ": '" + Member->Name +
                                   "' resumes the waiters kept in '" +
                                   S->Field + "' (in '" + Resumer->Name + "')");
        if (Found.Awaiters.insert(S->Awaiter).second &&
            Found.Awaiters.size() == 1)
          Found.Evidence.insert(Found.Evidence.begin(),
                                where(S->Loc) + ": '" + S->Awaiter +
                                    "::await_suspend' keeps its waiter in '" +
                                    S->Field + "'");
      }
  }
  return Found;
}

void Inferrer::inferEvent(llvm::StringRef Class,
                          const std::vector<const WaiterStore *> &Stores) {
  Signalling Found = signalsOf(Class, Stores, waitPath(Stores));
  std::set<std::string> &Signals = Found.Signals;
  std::vector<std::string> &Evidence = Found.Evidence;
  AwaiterSet &Awaiters = Found.Awaiters;
  if (Signals.empty())
    return;
  if (const FunctionFact *Own = resumerOfItsOwn(Class)) {
    if (!Own->IsCoroutine && runsALoop(*Own))
      inferScheduler(Class, Awaiters, std::move(Evidence));
    return;
  }
  if (std::string Loop = loopItsUserRuns(Class, Signals); !Loop.empty()) {
    Evidence.push_back(std::move(Loop));
    return inferScheduler(Class, Awaiters, std::move(Evidence));
  }
  std::set<std::string> Waits = waitMembers(Class, Awaiters);
  if (Waits.empty())
    return inferPromises(Class, Awaiters, Stores, Evidence);
  std::string LetGo = lockLetGo(Class, Awaiters, Waits);
  if (LockUse Use = lockUse(Class, Awaiters, Waits, Signals);
      Use.Locked && LetGo.empty())
    return inferLock(Class, Awaiters, Waits, Signals, Use, std::move(Evidence));
  bool Channel = carriesValues(Class, Awaiters, Signals);
  if (Channel)
    Evidence.push_back("a wait gives a value and a signal is handed one: "
                       "a channel");
  ordered_json J = {{"name", Class},
                    {"role", "resource"},
                    {"resourceKind", Channel ? "channel" : "event"},
                    {"waits", Waits},
                    {"signals", Signals}};
  if (!LetGo.empty()) {
    J["waitReleasesLock"] = true;
    Evidence.push_back(LetGo);
  }
  if (int Arg = stateArg(Class, Awaiters, {"await_ready"}); Arg >= 0) {
    // A count (`latch(size_t n)`) is done at zero; a flag is set when true.
    bool Counts = isIntegerType(stateArgType(Class, Arg));
    J[Counts ? "countArg" : "setByArg"] = Arg;
    Evidence.push_back("its awaiter's 'await_ready' tests what its "
                       "constructor's argument " +
                       std::to_string(Arg) + (Counts ? ", a count," : "") +
                       " sets");
  }
  Out.Types.push_back({Class.str(), J.dump(), std::move(Evidence)});
}

/// A wait gives a value (an awaiter's `await_resume` returns an object)
/// and a signal is handed one (`push(element)`): what the signals put in,
/// the waits take out, as from a queue. An event's `set()` is handed at
/// most where to resume, and its waits give nothing.
bool Inferrer::carriesValues(llvm::StringRef Class, const AwaiterSet &Awaiters,
                             const std::set<std::string> &Signals) const {
  bool Gives = llvm::any_of(Awaiters, [&](const std::string &Awaiter) {
    return llvm::any_of(Index.membersOf(Awaiter), [](const FunctionFact *M) {
      return memberOf(M->Name) == "await_resume" && !M->ReturnType.empty();
    });
  });
  return Gives &&
         llvm::any_of(Index.membersOf(Class), [&](const FunctionFact *M) {
           return Signals.count(memberOf(M->Name).str()) &&
                  !M->ParamTypes.empty();
         });
}

/// A member that returns the awaiter (or a class derived from it: `lock()`
/// returning `lock_operation<void>`) waits; one handed an awaiter too is a
/// helper of the waiter list (`reverse(awaiter *)`).
std::set<std::string> Inferrer::waitMembers(llvm::StringRef Class,
                                            const AwaiterSet &Awaiters) const {
  std::set<std::string> Waits;
  if (Awaiters.count(Class.str()))
    Waits.insert("operator co_await");
  for (const FunctionFact *Member : Index.membersOf(Class)) {
    llvm::StringRef Name = memberOf(Member->Name);
    // A promise's `final_suspend()` returns an awaiter that the coroutine's
    // end awaits, not its user.
    if (Name != "operator co_await" && isProtocolMember(Class, Name))
      continue;
    if (llvm::any_of(Member->ParamTypes,
                     [&](const std::string &T) { return Awaiters.count(T); }))
      continue;
    // A coroutine member waits when it awaits the awaiter itself (`acquire()
    // { co_return co_await acquire_operation{*this}; }`).
    if (Member->IsCoroutine
            ? llvm::any_of(Member->Sites,
                           [&](const SiteFact &S) {
                             return S.Kind == SiteKind::Suspend &&
                                    Awaiters.count(S.AwaitableType);
                           })
            : returnsAwaiter(*Member, Awaiters))
      Waits.insert(Name.str());
  }
  return Waits;
}

/// Code of \p Class itself resumes the waiters it keeps: a lambda written
/// in one of its members calls members of the class that resume handles.
/// A thread body that its constructor or factory starts, going round a
/// loop, makes it a scheduler or a pool (`co_await pool.schedule()`
/// resumes on its worker); a lambda that resumes them once the work it
/// awaited is done (`async_scope::spawn`'s coroutine, or the scope-exit
/// callback in it) makes it neither, and no event that the program
/// signals either. A lambda that resumes a handle itself (`post([h] {
/// h.resume(); })`) is a signal handed to a loop. The lambda, or null.
const FunctionFact *Inferrer::resumerOfItsOwn(llvm::StringRef Class) const {
  for (const auto &[Usr, F] : Index.functions()) {
    if (!F->IsLambda || F->ResumesHandle || classOf(F->Owner) != Class)
      continue;
    if (llvm::any_of(Index.reach(*F), [&](const FunctionFact *G) {
          return G->ResumesHandle && classOf(G->Name) == Class;
        }))
      return F;
  }
  return nullptr;
}

/// What \p Awaiters run when they are awaited: their `await_` members and
/// the helpers those call, in a fixed order.
std::vector<const FunctionFact *>
Inferrer::awaitingCode(const AwaiterSet &Awaiters) const {
  std::vector<const FunctionFact *> Code;
  for (const std::string &Awaiter : Awaiters)
    for (const FunctionFact *Member : Index.membersOf(Awaiter))
      if (memberOf(Member->Name).starts_with("await_"))
        llvm::append_range(Code, Index.reach(*Member));
  return Code;
}

/// What the awaiters that keep waiters in \p Stores run when they are
/// awaited: `try_await(h)`, which starts the tasks awaited, is part of the
/// wait, not a signal (libcoro's when_all_ready_awaitable).
std::set<const FunctionFact *>
Inferrer::waitPath(const std::vector<const WaiterStore *> &Stores) const {
  AwaiterSet Awaiters;
  for (const WaiterStore *S : Stores)
    Awaiters.insert(S->Awaiter);
  std::vector<const FunctionFact *> Code = awaitingCode(Awaiters);
  return {Code.begin(), Code.end()};
}

/// The type of the constructor parameter \p Arg that initializes a field
/// (`bool`, `unsigned long`), or empty.
std::string Inferrer::stateArgType(llvm::StringRef Class, int Arg) const {
  for (const FunctionFact *Member : Index.membersOf(Class))
    if (isConstructorName(Member->Name) &&
        static_cast<size_t>(Arg) < Member->ParamTypes.size() &&
        llvm::any_of(Member->FieldInits, [&](const FieldInitFact &Init) {
          return Init.Param == static_cast<unsigned>(Arg);
        }))
      return Member->ParamTypes[Arg];
  return "";
}

/// Read from `await_ready`, the argument makes an event constructed set.
int Inferrer::stateArg(llvm::StringRef Class, const AwaiterSet &Awaiters,
                       std::initializer_list<llvm::StringRef> Readers) const {
  std::set<std::string> Read;
  for (const std::string &Awaiter : Awaiters)
    for (const FunctionFact *Member : Index.membersOf(Awaiter))
      if (llvm::is_contained(Readers, memberOf(Member->Name)))
        for (const FunctionFact *G : Index.reach(*Member))
          Read.insert(G->Fields.begin(), G->Fields.end());
  // An object the constructor is handed (the executor waiters resume on, a
  // name for the logs) is no state: `semaphore(executor &, ptrdiff_t n)`
  // starts from `n`.
  for (const FunctionFact *Member : Index.membersOf(Class))
    if (isConstructorName(Member->Name))
      for (const FieldInitFact &Init : Member->FieldInits)
        if (Read.count(Init.Field) &&
            !(Init.Param < Member->ParamTypes.size() &&
              isClassType(Member->ParamTypes[Init.Param])))
          return static_cast<int>(Init.Param);
  return -1;
}

} // namespace corolint::inference
