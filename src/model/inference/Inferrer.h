//===- Inferrer.h - The rules of inference and what they share --*- C++ -*-===//
//
// One Inferrer runs every rule over one FactIndex. The rules read what
// earlier ones found (the classes coroutines return, the futures, the
// functions already given a role), so they are members of one class; each
// role's rule is defined in the file named for it (Events.cpp, Locks.cpp,
// ...), and run() in ../Inference.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_MODEL_INFERENCE_INFERRER_H
#define COROLINT_MODEL_INFERENCE_INFERRER_H

#include "FactIndex.h"
#include "corolint/model/Inference.h"
#include "llvm/ADT/STLExtras.h"
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace corolint::inference {

/// Every rule writes its entries as model JSON (docs/models.md).
using ordered_json = nlohmann::ordered_json;

class Inferrer {
public:
  Inferrer(const std::vector<TuFacts> &Units, const ApiModels &Known)
      : Index(Units), Known(Known) {}

  /// Every rule, in the order whose results the later ones read.
  InferredModels run();

private:
  /// The awaiters (their classes) of one awaitable.
  using AwaiterSet = std::set<std::string>;
  /// A field an awaiter keeps a waiter in: the handle, or itself.
  struct WaiterStore {
    std::string Field;
    std::string Awaiter; ///< The class whose await_suspend keeps it.
    SourceLoc Loc;
    StoredKind Kind = StoredKind::Handle; ///< What is kept.
    /// What is kept is a callable that resumes the waiter (`then([h] {
    /// h.resume(); })`): calling it resumes.
    bool ByCallable = false;
  };

  /// How code uses a class whose waiters it resumes itself.
  struct LockUse {
    bool Locked = false;
    /// A function waits on an object and then signals that same object.
    bool Relocked = false;
    std::set<std::string> Guards; ///< Classes whose destructor releases it.
    /// The signals code calls on an object after waiting on it.
    std::set<std::string> Releases;
  };
  /// What a scheduler's member does, over all its overloads.
  struct SchedulerUses {
    bool Yield = false, Delay = false, Bounds = false, RunsLoop = false;
    /// A call in the scheduler's own code that waits for its threads
    /// (`m_io_thread.join()` in `shutdown()`), or null.
    const SiteFact *WaitsForItsThreads = nullptr;
    void add(const SchedulerUses &O) {
      Yield |= O.Yield;
      Delay |= O.Delay;
      Bounds |= O.Bounds;
      RunsLoop |= O.RunsLoop;
      if (!WaitsForItsThreads)
        WaitsForItsThreads = O.WaitsForItsThreads;
    }
  };

  /// What awaiting a network operation waits for, in the model keys
  /// missing-timeout reads.
  struct NetworkKind {
    bool External = false, Writes = false, Connects = false, Accepts = false;
    static NetworkKind of(const FunctionModel &M);
    bool any() const { return External || Connects || Accepts; }
    /// Two operations in one function.
    void add(const NetworkKind &O);
    bool operator==(const NetworkKind &O) const {
      return External == O.External && Writes == O.Writes &&
             Connects == O.Connects && Accepts == O.Accepts;
    }
    ordered_json json(const std::string &Name) const;
  };
  struct NetworkOperation {
    NetworkKind Kind;
    std::vector<std::string> Evidence;
  };
  using NetworkOperations = std::map<std::string, NetworkOperation>;

  void inferTasks();
  void inferRewrappedTasks(
      const std::set<std::string> &Tasks,
      const std::map<std::string, std::set<std::string>> &BasesOf,
      llvm::function_ref<std::string(const std::string &)> AwaitableWhy);
  std::vector<WaiterStore> waiterStores() const;
  void addWaiterRecords(const std::vector<WaiterStore> &Stores);
  void addRecordedWaiters(std::vector<WaiterStore> &Stores) const;
  void inferEvents();
  void inferEvent(llvm::StringRef Class,
                  const std::vector<const WaiterStore *> &Stores);
  bool carriesValues(llvm::StringRef Class, const AwaiterSet &Awaiters,
                     const std::set<std::string> &Signals) const;
  std::set<std::string> waitMembers(llvm::StringRef Class,
                                    const AwaiterSet &Awaiters) const;
  std::string lockLetGo(llvm::StringRef Class, const AwaiterSet &Awaiters,
                        const std::set<std::string> &Waits) const;
  bool isLockable(llvm::StringRef Type) const;
  LockUse lockUse(llvm::StringRef Class, const AwaiterSet &Awaiters,
                  const std::set<std::string> &Waits,
                  const std::set<std::string> &Signals) const;
  std::set<std::string> awaitResults(llvm::StringRef Class,
                                     const AwaiterSet &Awaiters) const;
  void inferLock(llvm::StringRef Class, const AwaiterSet &Awaiters,
                 const std::set<std::string> &Waits,
                 const std::set<std::string> &Signals, const LockUse &Use,
                 std::vector<std::string> Evidence);
  void inferCountedLock(llvm::StringRef Class,
                        const std::set<std::string> &Waits,
                        const std::set<std::string> &Signals,
                        const LockUse &Use, int Arg,
                        std::vector<std::string> Evidence);
  void inferPromises(llvm::StringRef State, const AwaiterSet &Awaiters,
                     const std::vector<const WaiterStore *> &Stores,
                     const std::vector<std::string> &Evidence);
  bool inferPromise(llvm::StringRef Promise,
                    const std::set<std::string> &Members,
                    llvm::StringRef Future,
                    const std::vector<const WaiterStore *> &Stores,
                    std::vector<std::string> Evidence);
  void inferContinuations(llvm::StringRef State, llvm::StringRef Future);
  void inferStartCallbacks();
  static bool callsAfterAwaiting(const FunctionFact &C, unsigned Param,
                                 llvm::StringRef Awaited);
  static bool passesBefore(const FunctionFact &F, const SiteFact &Earlier,
                           const SiteFact &Later);
  void inferDelegates();
  bool readInferredSoFar(ApiModels &SoFar) const;
  bool inferDelegate(llvm::StringRef Class, const ApiModels &SoFar);
  void inferFlagGate(llvm::StringRef Class, const ApiModels &SoFar);
  std::set<std::string> gateOpeners(llvm::StringRef Class,
                                    const ObjectRef &Flag,
                                    const ObjectRef &Timer,
                                    const TypeModel &TimerType,
                                    std::vector<std::string> &Evidence) const;
  bool neverExpires(llvm::StringRef Class, const ObjectRef &Timer,
                    std::vector<std::string> &Evidence) const;
  std::optional<int64_t> flagStart(llvm::StringRef Class,
                                   const ObjectRef &Flag) const;
  const TypeModel *resourceModel(const std::string &Type, llvm::StringRef Kind,
                                 const ApiModels &SoFar) const;
  std::set<std::string>
  delegatedSignals(llvm::StringRef Class, const ObjectRef &Field,
                   const TypeModel &Event,
                   std::vector<std::string> &Evidence) const;
  bool addStart(llvm::StringRef Class, const ObjectRef &Field,
                const TypeModel &Event, ordered_json &J,
                std::vector<std::string> &Evidence) const;
  void addOwnWaits(llvm::StringRef Class, std::set<std::string> &Waits) const;
  bool addPredicateStart(llvm::StringRef Class,
                         const std::set<std::string> &Waits,
                         const std::set<std::string> &Signals, ordered_json &J,
                         std::vector<std::string> &Evidence) const;
  void inferRaces();
  std::vector<std::string> raceEvidence(const FunctionFact &F,
                                        const ApiModels &SoFar) const;
  const SiteFact *signalsOnceAwaited(const FunctionFact &W,
                                     const std::string &Event,
                                     const TypeModel &Model) const;
  void inferSyncWaits();
  void inferTimeouts();
  bool handsADeadline(const SiteFact &Call) const;
  std::set<std::string> blockingByBody() const;
  static bool
  blocksOnEveryPath(const FunctionFact &F,
                    llvm::function_ref<bool(const SiteFact &)> Blocks);
  bool hasMember(llvm::StringRef Type, llvm::StringRef Member) const {
    return llvm::any_of(Index.membersOf(Type), [&](const FunctionFact *M) {
      return memberOf(M->Name) == Member;
    });
  }
  bool hasCoAwaitOperator(llvm::StringRef Type) const {
    return hasMember(Type, "operator co_await");
  }
  bool hasAwaiterMembers(llvm::StringRef Type) const {
    return hasCoAwaitOperator(Type) || hasMember(Type, "await_suspend");
  }
  void inferScheduler(llvm::StringRef Class, const AwaiterSet &Awaiters,
                      std::vector<std::string> Evidence);
  SchedulerUses schedulerUse(llvm::StringRef Class, const AwaiterSet &Awaiters,
                             const FunctionFact &Member) const;
  const SiteFact *waitForItsThreads(llvm::StringRef Class,
                                    const FunctionFact &Member) const;
  void inferLoops();
  /// A callable handed to a loop or a pool, or chained on a future: the
  /// model key that says which (`loopCallback`, `offload`, `continuation`),
  /// the argument, and whether it runs after a duration (a timer).
  struct Registration {
    const char *Key;
    unsigned Param;
    bool Delay;
  };
  std::map<std::string, Registration> inferredRegistrations() const;
  void inferForwardedRegistrations();
  void inferTimerSleeps();
  void inferNetworkOperations();
  std::set<std::string> inferredPauses() const;
  bool awaitsReadiness(const FunctionFact &F,
                       const std::set<std::string> &Pauses) const;
  NetworkKind
  socketCalls(const FunctionFact &F, bool Resumed,
              std::vector<std::string> &Evidence,
              const std::set<std::string> *Awaiters = nullptr) const;
  std::set<std::string> awaiterClasses() const;
  NetworkKind awaiterSocketCalls(llvm::StringRef Awaiter,
                                 const std::set<std::string> &Awaiters,
                                 std::vector<std::string> &Evidence) const;
  void addAwaiterReturners(
      llvm::StringRef Awaiter, const NetworkKind &Kind,
      const std::vector<std::string> &Evidence,
      llvm::function_ref<bool(const FunctionFact &)> Describable,
      NetworkOperations &Operations) const;
  void addTimeoutWrappers(
      NetworkOperations &Operations,
      llvm::function_ref<bool(const FunctionFact &)> Describable) const;
  bool hasFields(llvm::StringRef Class) const;
  std::set<std::string> cancelMembers(llvm::StringRef Class,
                                      std::vector<std::string> &Evidence) const;
  void inferRegistration(const FunctionFact &F, const FieldStoreFact &Store);
  void inferLoopRun(const FunctionFact &Drainer, llvm::StringRef Queue);

  const FunctionFact *resumerFrom(const FunctionFact &Member,
                                  const WaiterStore &Store) const;
  bool queuesForResumption(const FunctionFact &G, llvm::StringRef Class) const;
  std::vector<FieldStoreFact>
  callableKept(const FunctionFact &F, unsigned Param, unsigned Depth = 0) const;
  void addCallableStores(const FunctionFact &Suspend, const FunctionFact &G,
                         std::vector<WaiterStore> &Stores) const;
  /// The constructor argument that sets a field which the awaiters'
  /// \p Readers (`await_ready`) read, themselves or through their helpers
  /// (`is_set()`), or -1.
  int stateArg(llvm::StringRef Class, const AwaiterSet &Awaiters,
               std::initializer_list<llvm::StringRef> Readers) const;
  std::string stateArgType(llvm::StringRef Class, int Arg) const;
  const FunctionFact *resumerOfItsOwn(llvm::StringRef Class) const;
  std::set<std::string> blockingMembersOf(llvm::StringRef Future) const;
  bool waitsForOthers(const SiteFact &S) const;
  static bool waitsOnAField(const SiteFact &Call);
  std::string loopItsUserRuns(llvm::StringRef Class,
                              const std::set<std::string> &Signals) const;
  /// The members that resume a class's waiters, and the evidence.
  struct Signalling {
    std::set<std::string> Signals;
    std::vector<std::string> Evidence;
    AwaiterSet Awaiters; ///< Those whose waiters a signal resumes.
  };
  Signalling signalsOf(llvm::StringRef Class,
                       const std::vector<const WaiterStore *> &Stores,
                       const std::set<const FunctionFact *> &Skip) const;
  std::vector<const FunctionFact *>
  awaitingCode(const AwaiterSet &Awaiters) const;
  std::set<const FunctionFact *>
  waitPath(const std::vector<const WaiterStore *> &Stores) const;
  bool drainsInALoop(const FunctionFact &Drainer) const;
  bool runsALoop(const FunctionFact &Body) const;
  static bool hasCycle(const FunctionFact &F);
  static bool reachesBlock(const FunctionFact &F, unsigned Target,
                           llvm::function_ref<bool(unsigned Block)> Avoid);
  /// Code of a class that calls a function, or hands it on as a callable.
  struct ClassUse {
    const FunctionFact *By;
    bool Handed;
  };
  std::vector<ClassUse> classUsesOf(llvm::StringRef Class,
                                    const FunctionFact &Target) const;
  bool onThreadsOfItsClass(llvm::StringRef Class, const FunctionFact &Drainer,
                           std::set<const FunctionFact *> &Seen) const;
  bool drivenByItsClass(llvm::StringRef Class,
                        const FunctionFact &Drainer) const;
  /// A model describes \p Class: it names it, its library's namespace, or
  /// members of it (cppcoro's model names `io_service::process_events` and
  /// gives the class no type role, which is its call, not inference's).
  bool describedByModel(llvm::StringRef Class) const {
    return Known.type(Class) || Known.isLibraryCode(Class) ||
           Known.describesMembersOf(Class);
  }
  bool hasRole(llvm::StringRef Type, TypeRole Role) const {
    const TypeModel *T = Known.type(Type);
    return T && T->Role == Role;
  }
  bool takesOnlyADuration(const FunctionFact &Member) const;
  bool isDuration(llvm::StringRef Type) const {
    return hasRole(Type, TypeRole::Duration);
  }
  /// It returns one of \p Awaiters, or a class derived from one.
  static bool returnsAwaiter(const FunctionFact &Member,
                             const AwaiterSet &Awaiters) {
    return Awaiters.count(Member.ReturnType) ||
           llvm::any_of(Member.ReturnBases, [&](const std::string &Base) {
             return Awaiters.count(Base);
           });
  }

  FactIndex Index;
  const ApiModels &Known;
  /// The classes coroutines of the program return.
  std::set<std::string> TaskTypes;
  /// The functions (USRs) some call of which a suspension awaits.
  std::set<std::string> AwaitedCallees;
  /// The members of the futures inferred here that block until they are
  /// fulfilled (`get()`).
  std::set<std::string> FutureWaitsForFulfilment;
  /// The classes a waiter is kept as: awaiters that link themselves into
  /// a list, and the classes whose fields keep their handles.
  std::set<std::string> WaiterRecords;
  std::set<std::string> InferredFunctions;
  InferredModels Out;
};

} // namespace corolint::inference

#endif
