//===- Sockets.cpp - Network operations, known by the calls they pair -----===//
//
// A coroutine that calls a socket's receive (send, connect, accept) and
// suspends is that operation in awaitable form: it suspends until the
// descriptor is ready, which only the peer decides. So is an awaiter
// whose await_suspend starts a callback-style operation handed a callable
// that resumes the waiter. A member that takes a duration and awaits such
// an operation with it is the operation with a timeout parameter: awaited
// without one (its default), it waits for the peer for ever. Which calls
// are socket operations (`recv` external, `send` external and writes,
// `connect` connects) is model data.
//
//===----------------------------------------------------------------------===//

#include "Inferrer.h"
#include <map>
#include <optional>

namespace corolint::inference {

Inferrer::NetworkKind Inferrer::NetworkKind::of(const FunctionModel &M) {
  return {M.External, M.Writes, M.Connects, M.Accepts};
}

/// A receive makes the whole a read (it waits for the peer to answer, not
/// only to read what it is sent), and it accepts only when all it does is
/// accept.
void Inferrer::NetworkKind::add(const NetworkKind &O) {
  if (!O.any())
    return;
  if (!any()) {
    *this = O;
    return;
  }
  Writes = (Writes || !External) && (O.Writes || !O.External);
  External |= O.External;
  Connects |= O.Connects;
  Accepts &= O.Accepts;
}

ordered_json Inferrer::NetworkKind::json(const std::string &Name) const {
  ordered_json J = {{"name", Name}};
  if (External)
    J["external"] = true;
  if (External && Writes)
    J["writes"] = true;
  if (Connects)
    J["connects"] = true;
  if (Accepts)
    J["accepts"] = true;
  return J;
}

/// The functions inferred before to yield or to delay.
std::set<std::string> Inferrer::inferredPauses() const {
  std::set<std::string> Pauses;
  for (const InferredEntry &E : Out.Functions) {
    ordered_json J = ordered_json::parse(E.ModelJson);
    if (J.contains("yield") || J.contains("delay"))
      Pauses.insert(E.Name);
  }
  return Pauses;
}

/// \p F awaits something other than a turn or a pause: a yield or a delay
/// (by a model, or in \p Pauses) resumes whatever the peer does, so a
/// coroutine that yields and then reads has not waited for the socket.
bool Inferrer::awaitsReadiness(const FunctionFact &F,
                               const std::set<std::string> &Pauses) const {
  auto IsPause = [&](const SiteFact &Call) {
    if (const FunctionModel *M = functionModelOf(Known, Call))
      return M->Yield || M->Delay || M->ResumesOnWorker;
    return Pauses.count(Call.CalleeName) > 0;
  };
  return llvm::any_of(F.Sites, [&](const SiteFact &S) {
    return S.Kind == SiteKind::Suspend && !S.Implicit &&
           S.Suspend == SuspendKind::CoAwait &&
           !(S.OperandCall >= 0 && IsPause(F.Sites[S.OperandCall]));
  });
}

/// The socket operations (by model) that \p F or its plain helpers call,
/// as one kind (none when it calls none); \p Resumed asks in addition that the
/// call be handed a callable that resumes the waiter (a callback-style
/// operation). \p F is a member of an awaiter when \p Awaiters is given:
/// then the callables its helpers hand on are followed too (the completion
/// `m_completeFunc = [..] { return ::recv(..); }` that runs once the
/// descriptor is ready is its operation), and members of the other
/// awaiters are not (a CRTP base's `static_cast<Op *>(this)->syscall()` is
/// each derived awaiter's operation, not the base's).
Inferrer::NetworkKind
Inferrer::socketCalls(const FunctionFact &F, bool Resumed,
                      std::vector<std::string> &Evidence,
                      const std::set<std::string> *Awaiters) const {
  NetworkKind Kind;
  auto Enter = [&](const FunctionFact &G) {
    llvm::StringRef Class = classOf(G.IsLambda ? G.Owner : G.Name);
    return !Awaiters || Class == classOf(F.Name) ||
           !Awaiters->count(Class.str());
  };
  for (const FunctionFact *G : Index.reach(F, /*Handed=*/Awaiters,
                                           /*Coroutines=*/false, Enter)) {
    for (const SiteFact &S : G->Sites) {
      const FunctionModel *M =
          S.Kind == SiteKind::Call ? functionModelOf(Known, S) : nullptr;
      if (!M || !NetworkKind::of(*M).any() || S.AwaitedIn >= 0)
        continue;
      // Called for its result, the operation is a C API's (`::recv`,
      // `SSL_read`), which comes back at once on a non-blocking socket; a
      // library's awaitable (`coro_io::async_read`) is awaited where its
      // caller awaits it, which missing-timeout follows.
      if (!Resumed && S.CalleeName.find("::") != std::string::npos)
        continue;
      if (Resumed && llvm::none_of(S.Args, [&](const ArgFact &A) {
            auto It = Index.functions().find(A.CallableUsr);
            return It != Index.functions().end() && It->second->ResumesHandle;
          }))
        continue;
      Kind.add(NetworkKind::of(*M));
      Evidence.push_back(where(S.Loc) + ": '" + G->Name + "' calls '" +
                         S.CalleeName + "'" +
                         (Resumed ? ", handing it a callable that resumes "
                                    "the waiter"
                                  : ""));
    }
  }
  return Kind;
}

/// Socket operations in awaitable form, their wrappers with a timeout
/// parameter, and the classes they are members of (`io-object`).
void Inferrer::inferNetworkOperations() {
  NetworkOperations Operations; // By name.
  std::set<std::string> Pauses = inferredPauses();
  auto Describable = [&](const FunctionFact &F) {
    return !F.IsLambda && !Known.function(F.Name) &&
           !describedByModel(classOf(F.Name)) && !Known.isLibraryCode(F.Name) &&
           !InferredFunctions.count(F.Name);
  };
  for (const auto &[Usr, F] : Index.functions()) {
    if (!Describable(*F))
      continue;
    std::vector<std::string> Evidence;
    // A coroutine that calls the operation and suspends for something other
    // than a turn or a pause waits for the descriptor to be ready (libcoro's
    // `read_some_impl`: `::recv`, and on EAGAIN, `co_await poll(read)`).
    if (F->IsCoroutine && awaitsReadiness(*F, Pauses)) {
      NetworkKind Kind = socketCalls(*F, false, Evidence);
      if (!Kind.any())
        continue;
      Evidence.push_back(where(F->Loc) + ": '" + F->Name +
                         "' is a coroutine that suspends: it waits for "
                         "the socket");
      Operations.try_emplace(F->Name, NetworkOperation{Kind, Evidence});
    }
  }
  std::set<std::string> Awaiters = awaiterClasses();
  for (const std::string &Awaiter : Awaiters) {
    if (describedByModel(Awaiter))
      continue;
    std::vector<std::string> Evidence;
    NetworkKind Kind = awaiterSocketCalls(Awaiter, Awaiters, Evidence);
    if (Kind.any())
      addAwaiterReturners(Awaiter, Kind, Evidence, Describable, Operations);
  }
  addTimeoutWrappers(Operations, Describable);
  std::set<std::string> IoObjects; // And the classes of earlier roles.
  for (const InferredEntry &E : Out.Types)
    IoObjects.insert(E.Name);
  for (const auto &[Name, Op] : Operations) {
    InferredFunctions.insert(Name);
    Out.Functions.push_back({Name, Op.Kind.json(Name).dump(), Op.Evidence});
    // A member (not an awaiter's constructor) of a class: the class holds
    // the connection its operations wait on.
    llvm::StringRef Class = classOf(Name);
    if (Class.empty() || memberOf(Name) == memberOf(Class) ||
        !hasFields(Class) || describedByModel(Class) ||
        !IoObjects.insert(Class.str()).second)
      continue;
    ordered_json J = {{"name", Class}, {"role", "io-object"}};
    std::vector<std::string> Evidence{"'" + Name +
                                      "', a member, waits for a peer"};
    std::set<std::string> Cancels = cancelMembers(Class, Evidence);
    if (!Cancels.empty())
      J["cancels"] = Cancels;
    Out.Types.push_back({Class.str(), J.dump(), std::move(Evidence)});
  }
}

/// The members of \p Class that cancel an I/O object it holds, themselves
/// or through their plain helpers (`close() { socket_.close(); }`, where
/// the socket's model lists `close` among what cancels it): a watchdog
/// that calls one ends what the class's operations wait for.
std::set<std::string>
Inferrer::cancelMembers(llvm::StringRef Class,
                        std::vector<std::string> &Evidence) const {
  std::set<std::string> Cancels;
  for (const FunctionFact *M : Index.membersOf(Class)) {
    if (isProtocolMember(Class, memberOf(M->Name)))
      continue;
    for (const FunctionFact *G :
         Index.reach(*M, /*Handed=*/false, /*Coroutines=*/false))
      for (const SiteFact &S : G->Sites) {
        const TypeModel *T =
            S.Kind == SiteKind::Call && S.Receiver.K == ObjectRef::Kind::Field
                ? Known.typeForCall(S.Receiver.Type, S.CalleeName)
                : nullptr;
        if (!T || T->Role != TypeRole::IoObject ||
            !TypeModel::has(T->Cancels, memberOf(S.CalleeName)) ||
            !Cancels.insert(memberOf(M->Name).str()).second)
          continue;
        Evidence.push_back(where(S.Loc) + ": '" + M->Name + "' calls '" +
                           S.CalleeName + "' on '" + S.Receiver.Name +
                           "', which cancels it");
      }
  }
  return Cancels;
}

/// Some function works on a field of \p Class: it is a class, not the
/// namespace of a free function.
bool Inferrer::hasFields(llvm::StringRef Class) const {
  return llvm::any_of(Index.functions(), [&](const auto &Entry) {
    return llvm::any_of(Entry.second->Fields, [&](const std::string &Field) {
      return classOf(Field) == Class;
    });
  });
}

/// The classes code awaits (`co_await sock.recv(buf)` awaits what `recv`
/// returns), and those with an `await_suspend` of their own.
std::set<std::string> Inferrer::awaiterClasses() const {
  std::set<std::string> Awaiters;
  for (const auto &[Usr, F] : Index.functions()) {
    if (memberOf(F->Name) == "await_suspend" && !F->IsLambda)
      Awaiters.insert(classOf(F->Name).str());
    for (const SiteFact &S : F->Sites)
      if (S.Kind == SiteKind::Suspend && !S.AwaitableType.empty())
        Awaiters.insert(S.AwaitableType);
  }
  return Awaiters;
}

/// The socket operations awaiting \p Awaiter performs: the C calls its
/// plain members make (a `syscall()` that its inherited `await_suspend`
/// tries and its `await_resume` retries once the descriptor is ready), and
/// the callback-style operations its `await_suspend` starts handed a
/// callable that resumes the waiter (`socket.async_read_some(buf, [h](...)
/// { h.resume(); })`). What members of the other \p Awaiters call is
/// theirs.
Inferrer::NetworkKind
Inferrer::awaiterSocketCalls(llvm::StringRef Awaiter,
                             const std::set<std::string> &Awaiters,
                             std::vector<std::string> &Evidence) const {
  NetworkKind Kind;
  for (const FunctionFact *M : Index.membersOf(Awaiter)) {
    if (M->IsCoroutine)
      continue; // An operation of its own, not the awaiter's.
    Kind.add(socketCalls(*M, /*Resumed=*/false, Evidence, &Awaiters));
    if (memberOf(M->Name) == "await_suspend")
      Kind.add(socketCalls(*M, /*Resumed=*/true, Evidence, &Awaiters));
  }
  return Kind;
}

/// The functions that are not coroutines and return the awaiter \p Awaiter,
/// and its constructors: awaiting what they return starts the operation.
void Inferrer::addAwaiterReturners(
    llvm::StringRef Awaiter, const NetworkKind &Kind,
    const std::vector<std::string> &Evidence,
    llvm::function_ref<bool(const FunctionFact &)> Describable,
    NetworkOperations &Operations) const {
  for (const auto &[Usr, F] : Index.functions()) {
    if (!Describable(*F))
      continue;
    // The class it returns itself: a base shared by several awaiters (a
    // CRTP `BlockSyscall<Derived>`) is none of their operations.
    bool Returns = !F->IsCoroutine && !F->IsLambda && F->ReturnType == Awaiter;
    bool Constructs =
        classOf(F->Name) == Awaiter && memberOf(F->Name) == memberOf(Awaiter);
    if (!Returns && !Constructs)
      continue;
    std::vector<std::string> Why = Evidence;
    Why.push_back(where(F->Loc) + ": '" + F->Name + "' " +
                  (Returns ? "returns" : "constructs") + " the awaiter '" +
                  Awaiter.str() + "'");
    Operations.try_emplace(F->Name, NetworkOperation{Kind, std::move(Why)});
  }
}

/// A function that takes a duration and awaits a network operation handing
/// it a duration (or, not a coroutine, returns one) is that operation with
/// a timeout parameter (`read_some(buf, timeout = 0ms)`, which awaits
/// `read_some_impl(buf, timeout)`): awaited with no duration, it waits for
/// the peer for ever. What a coroutine that calls a socket operation
/// itself also awaits that way is part of it (a TLS connect: `::connect`,
/// then `co_await handshake(timeout)`). To a fixpoint: `read_exact` over
/// `read_exact_impl` over `read_some_impl`.
void Inferrer::addTimeoutWrappers(
    NetworkOperations &Operations,
    llvm::function_ref<bool(const FunctionFact &)> Describable) const {
  auto KindOf = [&](const SiteFact &S) -> std::optional<NetworkKind> {
    if (const FunctionModel *M = functionModelOf(Known, S))
      return NetworkKind::of(*M).any() ? std::optional(NetworkKind::of(*M))
                                       : std::nullopt;
    auto It = Operations.find(S.CalleeName);
    return It == Operations.end() ? std::nullopt
                                  : std::optional(It->second.Kind);
  };
  auto HandsDuration = [&](const SiteFact &S) {
    return llvm::any_of(S.Args, [&](const ArgFact &A) {
      return isDuration(A.Type) || isDuration(A.BuiltFrom);
    });
  };
  const NetworkOperations Seeds = Operations;
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const auto &[Usr, F] : Index.functions()) {
      if (!Describable(*F) ||
          llvm::none_of(F->ParamTypes,
                        [&](const std::string &T) { return isDuration(T); }))
        continue;
      auto Seed = Seeds.find(F->Name);
      NetworkOperation Op =
          Seed == Seeds.end() ? NetworkOperation{} : Seed->second;
      for (const SiteFact &S : F->Sites) {
        bool Hands = F->IsCoroutine ? S.AwaitedIn >= 0 : S.Returned;
        std::optional<NetworkKind> Kind =
            S.Kind == SiteKind::Call && Hands && HandsDuration(S)
                ? KindOf(S)
                : std::nullopt;
        if (!Kind || S.CalleeName == F->Name)
          continue;
        Op.Kind.add(*Kind);
        Op.Evidence.push_back(where(S.Loc) + ": '" + F->Name +
                              "' takes a duration and hands one to '" +
                              S.CalleeName + "', which waits for a peer");
      }
      auto Now = Operations.find(F->Name);
      if (!Op.Kind.any() ||
          (Now != Operations.end() && Now->second.Kind == Op.Kind))
        continue;
      Operations[F->Name] = std::move(Op);
      Changed = true;
    }
  }
}

} // namespace corolint::inference
