//===- Program.h - The linked program model ---------------------*- C++ -*-===//
//
// All translation units merged by USR, with the library models applied: the
// call/wait graph, execution contexts and resources. Rules read only this.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_PROGRAM_H
#define COROLINT_PROGRAM_H

#include "corolint/model/ApiModels.h"
#include "corolint/facts/Facts.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <optional>
#include <set>

namespace corolint {

/// Site id -> site ids, built once per function: sorted parallel arrays, so
/// a function with a handful of entries costs a handful of words.
class SiteIndex {
public:
  void add(unsigned Key, unsigned Value);
  /// Sorts what was added; lookups before this find nothing.
  void finish();
  /// The values of \p Key, in increasing order.
  llvm::ArrayRef<unsigned> lookup(unsigned Key) const;

private:
  std::vector<unsigned> Keys, Values;
};

/// One function of the program, with order questions about its sites.
class Function {
public:
  explicit Function(FunctionFact F);
  Function(Function &&);
  Function &operator=(Function &&);
  ~Function();

  const FunctionFact &fact() const { return Fact; }
  const SiteFact &site(unsigned Id) const { return Fact.Sites[Id]; }
  llvm::StringRef name() const { return Fact.Name; }
  bool isCoroutine() const { return Fact.IsCoroutine; }
  bool hasCfg() const { return !Fact.Cfg.empty(); }
  /// Whether \p R is a parameter of this function itself, not one of the
  /// function a lambda is written in, which the lambda captures. (A
  /// parameter's key is its function's USR, '#', its index: ObjectRef::Key.)
  bool ownsParameter(const ObjectRef &R) const {
    return R.K == ObjectRef::Kind::Param &&
           R.Key == Fact.Usr + "#" + std::to_string(R.ParamIndex);
  }
  /// The index of this function's own parameter that \p Field is reached
  /// through (`c.req` in `handle(SubscribeCmd &c)`: ObjectRef::ThroughParam;
  /// `c.queue()`: ObjectRef::AccessorOf).
  std::optional<unsigned>
  parameterReachedThrough(const ObjectRef &Field) const {
    if (Field.AccessorOf && ownsParameter(*Field.AccessorOf))
      return Field.AccessorOf->ParamIndex;
    llvm::StringRef Key = Field.ThroughParam;
    unsigned Index;
    if (!Key.consume_front(Fact.Usr + "#") || Key.getAsInteger(10, Index))
      return std::nullopt;
    return Index;
  }

  /// Whether some path runs from site \p From to site \p To without passing a
  /// site for which \p Blocks is true. False when the CFG does not place both.
  bool reaches(unsigned From, unsigned To,
               llvm::function_ref<bool(const SiteFact &)> Blocks) const;
  /// Calls \p Visit with each site that reaches(\p From, site, \p Blocks)
  /// holds for, once: one search instead of one per site. A blocking site
  /// is visited and ends its path. Linear in the blocks and sites visited.
  /// Visits nothing when the CFG does not place \p From.
  void visitReachable(unsigned From,
                      llvm::function_ref<bool(const SiteFact &)> Blocks,
                      llvm::function_ref<void(unsigned Site)> Visit) const;
  /// Whether some path runs from site \p From to the function's exit
  /// without passing a site for which \p Blocks is true. True when the CFG
  /// does not place \p From.
  bool reachesExit(unsigned From,
                   llvm::function_ref<bool(const SiteFact &)> Blocks) const;
  /// The blocks that end the function (an edge to its exit, not by a throw
  /// or a call that does not return) and that some path from site \p From
  /// enters without passing a site for which \p Blocks is true: where the
  /// function can return still holding what \p From took, when \p Blocks
  /// lets go of it.
  std::vector<unsigned>
  exitsAfter(unsigned From,
             llvm::function_ref<bool(const SiteFact &)> Blocks) const;
  /// Whether every path from the entry to block \p Block passes site
  /// \p Site; false for a block no path reaches.
  bool dominatesBlock(unsigned Site, unsigned Block) const;
  /// Whether it can end, and only by failing: some path reaches a `throw`
  /// or a call that does not return (`boost::throw_exception`), and none
  /// reaches the exit otherwise (a loop that never ends does not fail).
  /// False when there is no CFG.
  bool endsOnlyByThrowing() const;
  /// Whether every path from the entry to \p B passes \p A; false for a
  /// \p B that no path of the CFG reaches.
  bool dominates(unsigned A, unsigned B) const;
  /// Whether some path of the CFG from the entry reaches \p Site. A
  /// `catch` handler is reached by no path: the CFG has no edges for
  /// exceptions.
  bool reachable(unsigned Site) const;
  /// The suspension that awaits the result of call \p Call directly
  /// (`co_await fetch()`), if one does.
  std::optional<unsigned> suspensionAwaiting(unsigned Call) const;
  /// The calls in the expression that suspension \p Suspend awaits
  /// (`co_await timeout(read(s), 5s)`: both calls), in site order.
  llvm::ArrayRef<unsigned> callsAwaitedBy(unsigned Suspend) const;
  /// The sites that keep the result of call \p Call in an object: the local
  /// it initializes, the object it is assigned to, the field a member
  /// initializer stores it in.
  llvm::ArrayRef<unsigned> storesOf(unsigned Call) const;
  /// Whether every path from the entry to the exit passes \p Site: it runs
  /// whenever the function runs to its end.
  bool onEveryPath(unsigned Site) const;
  /// Whether \p Site can run before the coroutine first suspends: on the
  /// thread that started it, not necessarily where it is resumed. False for
  /// a site the CFG does not place.
  bool beforeFirstSuspension(unsigned Site) const;
  /// Whether \p Site can run more than once in one call: it sits on a cycle
  /// of the CFG (a loop). True when the CFG does not place it.
  bool repeats(unsigned Site) const;
  /// Whether some site comes after a suspension (or the CFG is unknown).
  bool mayResume() const;
  /// The sites that run after a suspension \p Resumes accepts, up to the
  /// next suspension on each path: the code a kind of resumption runs.
  llvm::BitVector
  runAfter(llvm::function_ref<bool(unsigned Suspend)> Resumes) const;

private:
  /// The one search reaches and visitReachable share: calls \p Reached
  /// with each site reached from \p From (placed on the CFG) without
  /// passing a blocker, once, and stops when it returns true. Returns
  /// whether it did.
  bool walkFrom(unsigned From,
                llvm::function_ref<bool(const SiteFact &)> Blocks,
                llvm::function_ref<bool(unsigned Site)> Reached) const;

  /// The blocks some path from site \p From (placed on the CFG) enters
  /// without passing a blocker; a blocked block is not entered.
  llvm::BitVector
  blocksReached(unsigned From,
                llvm::function_ref<bool(const SiteFact &)> Blocks) const;

  /// The dominator tree of the CFG's blocks, built on the first question.
  class Dominance;
  const Dominance &dominance() const;
  /// The sites some path from the entry reaches without suspending.
  const llvm::BitVector &prefix() const;

  FunctionFact Fact;
  mutable std::unique_ptr<Dominance> Dom;
  mutable std::optional<llvm::BitVector> Prefix;
  // Indexes over the sites, so that per-call questions do not scan them all.
  SiteIndex AwaitingSuspensions; ///< Call -> suspensions awaiting it.
  SiteIndex AwaitedCalls;        ///< Suspension -> calls it awaits.
  SiteIndex Stores;              ///< Call -> sites keeping its result.
};

/// A site of one function of the program.
struct SiteRef {
  unsigned Function = 0;
  unsigned Site = 0;
  bool operator<(const SiteRef &O) const {
    return std::tie(Function, Site) < std::tie(O.Function, O.Site);
  }
  bool operator==(const SiteRef &O) const {
    return Function == O.Function && Site == O.Site;
  }
};

enum class EdgeKind {
  Calls,        ///< A synchronous call.
  Awaits,       ///< co_await of a call to a coroutine.
  LoopCallback, ///< A callable handed to the loop (timer, post, continuation).
  Spawns,       ///< A coroutine started on the loop (co_spawn).
  Offload,      ///< A callable handed to another thread or a pool.
  Continuation, ///< A callable run once a future is fulfilled, in the
                ///< context of the code that chains it.
};

/// Whether handing a callable over by an edge of kind \p K makes it a root
/// of loop context (the registration is where loop code starts), rather
/// than running it in the context of the code that hands it over.
inline bool handsToLoop(EdgeKind K) {
  return K == EdgeKind::LoopCallback || K == EdgeKind::Spawns;
}

/// A function-to-function edge of the call/wait graph.
struct CallEdge {
  SiteRef From;
  unsigned Callee = 0;
  EdgeKind Kind = EdgeKind::Calls;
};

/// An object that code waits on and signals (event, promise, channel, ...).
struct Resource {
  std::string Key;
  std::string Name;
  std::string Type;
  std::string Kind; ///< From the model's resourceKind, or the role.
  /// Every reference to it is internal to its translation unit (a local, an
  /// internal-linkage global): the program is all the code that can name it.
  bool Internal = true;
  std::vector<SiteRef> Waits;
  std::vector<SiteRef> Signals;
  std::vector<SiteRef> Locks;

  /// Constructed signalled (`event ev{true}`, `latch done{0}`): its waits
  /// complete with no signal.
  bool StartsSignalled = false;

  /// A counting semaphore, which may start with units the analysis does not
  /// see.
  bool isSemaphore() const { return Kind == "semaphore"; }
};

/// Where a function uses semaphores as locks: the waits whose unit it gives
/// back later on every path, and those give-backs. They take and release a
/// lock; they neither wait for a signal nor signal a waiter.
struct SemaphoreLockSites {
  std::set<unsigned> Takes, GivesBack;
};

/// Where a function runs, and how we know. A function can be both.
///
/// (A suspension whose awaited call the models say resumes on a worker,
/// `resumesOnWorker`, moves what follows it off the loop.)
///
/// A coroutine runs in two parts. Until it first suspends it runs on the
/// thread that started it: the caller of an eager task, whoever awaits or
/// sync-waits a lazy one, the loop it is spawned on. After a suspension, it
/// is resumed by what it waited for, which the analysis takes to be an event
/// loop. Its first part is loop code when some starter runs on the loop, or
/// when nothing in the program starts it (a framework does).
struct ExecutionContext {
  bool Loop = false; ///< Some of its code runs on a loop.
  bool Worker = false;
  /// Some of its code runs as a task handed to an executor (`pool.post(f)`,
  /// `asio::post(pool, f)`), not only on threads the program starts itself
  /// (`std::thread t(f)`, `std::async(f)`). Implies Worker.
  bool Pool = false;
  /// For a coroutine: whether the part before its first suspension runs on
  /// the loop.
  bool StartsOnLoop = false;
  /// The edge that first brought loop context here (for a coroutine, to its
  /// first part): the call from loop code (shortest chain from a loop root),
  /// or the registration that handed this function to the loop. None for a
  /// coroutine that nothing in the program starts.
  std::optional<CallEdge> LoopVia;
};

class Program {
public:
  const ApiModels &models() const { return *Models; }
  /// functionModelOf() with this program's models.
  const FunctionModel *modelOf(const SiteFact &Call) const {
    return functionModelOf(*Models, Call);
  }
  /// Whether \p Call is given a duration or time point of its own
  /// (`read_some(buf, 50ms)`, `cv.wait_for(lk, 1s)`), also wrapped
  /// (`std::optional<ms>{30s}`, `{30s}`). Only arguments written at the
  /// call count; a default (often "forever") is not one.
  bool passesDuration(const SiteFact &Call) const;
  /// passesDuration(), or an argument written at the place its model's
  /// `timeoutArg` names (`cond.wait(&mutex, 100)`): the call waits for a
  /// while at most.
  bool passesTimeout(const SiteFact &Call) const;
  const std::vector<Function> &functions() const { return Functions; }
  const Function &function(unsigned I) const { return Functions[I]; }
  std::optional<unsigned> find(llvm::StringRef Usr) const;
  const std::vector<CallEdge> &edges() const { return Edges; }
  /// Indexes into edges() of the edges into function \p Fn.
  llvm::ArrayRef<unsigned> edgesInto(unsigned Fn) const {
    return EdgesInto[Fn];
  }
  /// Callables handed to a function the program defines (`run_test(&case)`),
  /// which starts them where its body says: from the handing site to the
  /// callable. Not edges: the callee's own edges say what happens to them.
  const std::vector<CallEdge> &handOvers() const { return HandOvers; }
  const std::vector<Resource> &resources() const { return Resources; }
  const ExecutionContext &context(unsigned Fn) const { return Contexts[Fn]; }
  /// Decided once, by the linker, so that every rule agrees with the
  /// resources it built.
  const SemaphoreLockSites &semaphoreLocks(unsigned Fn) const;
  const SiteFact &site(SiteRef R) const {
    return Functions[R.Function].site(R.Site);
  }
  /// The objects a reference in \p Fn can denote: itself, or for a reference
  /// parameter, what each caller passes (followed transitively); for a
  /// reference field, what its class's constructors bind it to, when each
  /// binds it to a parameter of its type and every caller of them passes a
  /// named object there (`Client(io_context &io) : io_(io)`, `Client
  /// c(io)`); a future taken from a promise (`auto f = p.get_future()`)
  /// denotes the promise.
  std::vector<ObjectRef> resolve(unsigned Fn, const ObjectRef &Ref) const;
  /// The objects the registration at \p At hands its callables to: the
  /// argument its model names for telling loops and pools apart
  /// (`offloadWhenArgType`: `asio::post(pool_, job)`), resolved.
  std::vector<ObjectRef> handedTo(SiteRef At) const;
  /// The objects a descriptor passed as \p A to a call in \p Fn is read
  /// from: its holder (ArgFact::Holder, or the object it names), and for a
  /// parameter what each caller passes, transitively. \p Complete, when
  /// given, says whether every caller passes a descriptor some object
  /// holds.
  std::vector<ObjectRef> descriptorHolders(unsigned Fn, const ArgFact &A,
                                           bool *Complete = nullptr) const;
  /// Whether blocking call \p Call returns at once instead of blocking:
  /// its own constant flags ask it not to wait (`recv(fd, b, n,
  /// MSG_DONTWAIT)`), its timeout is a constant zero (`poll(fds, n, 0)`), it
  /// reads a stream over memory (`std::getline(istringstream, line)`), or the
  /// descriptor it works on (its model's `descriptorArg`) is non-blocking
  /// wherever it can come from: made so by the program, or held by a class
  /// whose library makes it so (`nonblockingDescriptors`).
  bool returnsAtOnce(SiteRef Call) const;
  /// Whether the code around descriptor call \p Call tests for the errors
  /// its model says it fails with instead of blocking (`errno == EAGAIN`),
  /// in its own function or in one that function calls (`isEAGAIN()`):
  /// code written for a non-blocking descriptor, wherever that comes from.
  bool expectsWouldBlock(SiteRef Call) const;
  /// Whether call \p Call writes a few bytes (its model's `sizeArg` a
  /// constant up to PIPE_BUF), not in a loop of its function, into a
  /// channel (a pipe, an eventfd) that either the program also reads
  /// (DrainedChannels), or that functions make as locals and that is
  /// written from a place that runs once per channel: no call on the way
  /// from the channel's function sits in a loop. Such writes cannot fill
  /// the channel's buffer, so they return at once; a channel nothing here
  /// reads, kept in a field or written in a loop, can fill up.
  bool writesFewBytesIntoChannel(SiteRef Call) const;
  /// Whether read \p Call is reached only after a readiness probe of its
  /// descriptor (a model's `probesArg` with a zero timeout: `poll(&pfd, 1,
  /// 0)`), in its function or, when a parameter hands it the descriptor, in
  /// every caller (up to three callers up) before the call: what is ready
  /// is read at once.
  bool readsAfterReadinessProbe(SiteRef Call) const;
  /// Whether the code at \p At runs on an event loop (ExecutionContext).
  bool runsOnLoop(SiteRef At) const;
  /// How loop context reaches \p At, outermost first: the registration (if
  /// the chain starts at a callback) and each call down to \p At's function.
  /// Empty when \p At is not loop code, or runs on the loop because it comes
  /// after a suspension or in a coroutine nothing starts.
  std::vector<CallEdge> loopChain(SiteRef At) const;
  /// Whether \p E is a call of its callee at its site, whose arguments are
  /// the callee's parameters and whose result is the callee's: not a
  /// callable the site's callee runs (`each(cb)` running `cb`), nor an
  /// awaiter member a suspension calls. A virtual call binds them to each
  /// override it may run.
  bool bindsParameters(const CallEdge &E) const;
  /// The argument of \p E's site that binds parameter \p Param of its
  /// callee: a call's own, or one a thread start hands on after the
  /// callable (models' `forwardsArgs`) by reference; as the object it
  /// refers to when a `refersTo` call made it (`std::ref(queue)`). Null
  /// when none does.
  const ArgFact *argBinding(const CallEdge &E, int Param) const;
  /// Whether \p E starts a thread that its site hands the arguments after
  /// the callable (models' `forwardsArgs`): they bind the callee's
  /// parameters.
  bool forwardsArguments(const CallEdge &E) const {
    return forwardingCallable(E) != nullptr;
  }
  /// bindsParameters() or forwardsArguments(): \p E's site hands its
  /// callee arguments, which argBinding() names.
  bool passesArguments(const CallEdge &E) const {
    return bindsParameters(E) || forwardsArguments(E);
  }
  /// Whether \p E goes from a virtual call to an override of the member it
  /// names (`store.save(s)` to `file_store::save`).
  bool dispatchesTo(const CallEdge &E) const;
  /// Whether \p S calls a callable object whose call operator the program
  /// does not define (a std::function's): what it runs is what the object
  /// holds.
  bool invokesWrapper(const SiteFact &S) const;
  /// When \p At calls a callable its function is handed as a parameter
  /// (`void each(const std::function<void(int)> &f) { f(1); }`): the
  /// callables the callers that \p FromCaller accepts pass there. They run
  /// here, within each call; the call graph links them from each caller's
  /// call instead, so that each runs in its caller's context
  /// (linkInvokedParameters).
  std::vector<unsigned> invokedParameterCallables(
      SiteRef At, llvm::function_ref<bool(unsigned Caller)> FromCaller) const;
  /// Whether \p E goes from such a call to a callable the object holds
  /// (`on_error_(*this, e)` to `fail_fast`), not to one of its arguments:
  /// the call's arguments are the callable's parameters.
  bool invokesHeldCallable(const CallEdge &E) const;
  /// When \p E runs a callable that a visiting member (models' `visits`)
  /// is handed, and \p Param is its first parameter: the object the member
  /// is called on, whose stream the callable is given. Otherwise none.
  ObjectRef visitedObject(const CallEdge &E, int Param) const;
  /// The functions a callable argument naming \p Usr may run: that one, and
  /// for a generic lambda, every instantiation of it (the frontend names the
  /// first; `visit(op)` over a plain and a TLS socket instantiates two).
  std::vector<unsigned> callablesNamed(llvm::StringRef Usr) const;
  /// Some code signals a resource of type \p Type through a reference
  /// field (`m_forkJoin.end_work()`): it may be any object of that type.
  bool signalledThroughReference(llvm::StringRef Type) const {
    return SignalledThroughReferences.count(Type.str()) != 0;
  }

private:
  /// Follows \p Start, when it is a parameter of \p Fn, to what each caller
  /// passes there (\p Passed names the object an argument gives),
  /// transitively, and calls \p Found with every object reached that is not
  /// a parameter, and with a parameter no caller passes an object to, and
  /// \p Through (when given) with every call followed.
  /// False when some caller passes a value no object holds.
  bool followParameters(
      unsigned Fn, const ObjectRef &Start,
      llvm::function_ref<ObjectRef(const ArgFact &)> Passed,
      llvm::function_ref<void(const ObjectRef &)> Found,
      llvm::function_ref<void(const CallEdge &)> Through = {}) const;

  /// When \p E starts a thread that its site hands arguments after the
  /// callable (forwardsArguments): the argument naming that callable, whose
  /// index the handed arguments follow. Else null.
  const ArgFact *forwardingCallable(const CallEdge &E) const;

  /// Whether \p Fn runs only when \p Caller calls it, once per run of
  /// \p Caller: every edge into it is a call or await from \p Caller at a
  /// site outside loops (a lambda capturing \p Caller's locals).
  bool calledOnceOnlyBy(unsigned Caller, unsigned Fn) const;

  friend class Linker;
  const ApiModels *Models = nullptr;
  std::vector<Function> Functions;
  llvm::StringMap<unsigned> ByUsr;
  std::vector<CallEdge> Edges;
  std::vector<CallEdge> HandOvers;
  std::vector<std::vector<unsigned>> EdgesInto; ///< Per callee, edge indexes.
  std::vector<Resource> Resources;
  std::vector<ExecutionContext> Contexts;
  /// For the coroutines that a suspension moves to a worker
  /// (`co_await resume_on(pool)`): the sites that run after the other
  /// suspensions, which the loop resumes.
  std::map<unsigned, llvm::BitVector> RunAfterLoopResume;
  /// Only functions that use a semaphore as a lock: most use none.
  std::map<unsigned, SemaphoreLockSites> SemaphoreLocks;
  /// Local key -> the object it is a handle of (models' `handsOut`).
  std::map<std::string, ObjectRef> HandleOf;
  /// Reference field key -> the constructors of its class that bind it
  /// from a parameter, and that parameter's index and class; empty for a
  /// field some constructor of its class does not bind so.
  struct ReferenceBinder {
    unsigned Constructor;
    unsigned Param;
    std::string Type;
  };
  std::map<std::string, std::vector<ReferenceBinder>> ReferenceBinders;
  /// What the reference field \p Field is bound to (resolve), or nothing
  /// when that is not known; \p Depth bounds fields bound from fields.
  std::vector<ObjectRef> boundReferences(const ObjectRef &Field,
                                         unsigned Depth) const;
  std::vector<ObjectRef> resolve(unsigned Fn, const ObjectRef &Ref,
                                 unsigned Depth) const;
  /// What accessor \p Ref (ObjectRef::AccessorOf) returns on each object
  /// its holder resolves to: that object's accessor, or \p Ref itself while
  /// the holder stays unbound.
  std::vector<ObjectRef> resolveAccessor(unsigned Fn, const ObjectRef &Ref,
                                         unsigned Depth) const;
  /// Keys of the objects that hold a descriptor the program makes
  /// non-blocking somewhere (nonblockingDescriptors()).
  std::set<std::string> NonblockingDescriptors;
  /// Keys of the locals that hold a channel a call makes, with the function
  /// that makes it (localChannels()).
  std::map<std::string, unsigned> LocalChannels;
  /// Keys of the objects that hold a channel a call makes and that code
  /// that runs reads (drainedChannels()).
  std::set<std::string> DrainedChannels;
  /// Types of the resources that some code signals through a reference
  /// field, whose object the analysis does not know.
  std::set<std::string> SignalledThroughReferences;
  /// Per generic lambda (its USR without the call operator's template
  /// arguments: lambdaPattern), the functions that instantiate it.
  std::map<std::string, std::vector<unsigned>> LambdaInstances;
};

/// A lambda's call operator's USR without its template arguments and
/// parameters (`...@Sa@F@operator()<#$@N@asio@S@basic_stream_socket>...|L5:9`
/// is `...@Sa@F@operator()|L5:9`): the same for each instantiation of one
/// generic lambda, and the USR itself for any function but a lambda.
std::string lambdaPattern(llvm::StringRef Usr);

/// Whether site \p S puts a value in its receiver that a rule can follow or
/// must distrust: a local or member initializer from a call, an
/// assignment operator (with the call it assigns, if any), or an `emplace`
/// that the facts say replaces the held value with a call's result.
bool storesValue(const SiteFact &S);

/// Per object (followed through reference parameters), the values stored in
/// it, as \p Classify names them, for the objects whose every store it names:
/// an object that anything else is stored in is left out.
template <class Value>
std::map<std::string, std::vector<Value>> storedValues(
    const Program &P,
    llvm::function_ref<std::optional<Value>(unsigned, const SiteFact &)>
        Classify) {
  std::map<std::string, std::vector<Value>> Stored;
  std::set<std::string> StoredOtherwise;
  for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
    for (const SiteFact &S : P.function(Fn).fact().Sites) {
      if (!storesValue(S))
        continue;
      std::optional<Value> V = Classify(Fn, S);
      for (const ObjectRef &Holder : P.resolve(Fn, S.Receiver))
        if (V)
          Stored[Holder.Key].push_back(*V);
        else
          StoredOtherwise.insert(Holder.Key);
    }
  for (const std::string &Key : StoredOtherwise)
    Stored.erase(Key);
  return Stored;
}

/// The keys of the objects holding a descriptor that some call of \p P
/// makes non-blocking (a model's `nonblockingFlags`) or hands, with a
/// callback, to a readiness watcher out of sight: a fact about the holder,
/// program-wide, whatever the order of the calls.
std::set<std::string> nonblockingDescriptors(const Program &P);

/// The keys of the locals that hold a descriptor of a channel some call of
/// \p P makes (a model's `makesChannel`), each with the function that makes
/// it: a pipe that lives as long as one run of that function.
std::map<std::string, unsigned> localChannels(const Program &P);

/// The keys of the objects (locals, fields, globals) that hold a descriptor
/// of a channel some call of \p P makes and that some function that runs
/// reads (a model with a `descriptorArg` that may block and neither writes
/// nor makes a descriptor): the program drains them.
std::set<std::string> drainedChannels(const Program &P);

/// Where a path of \p F from site \p Start that passes no block
/// \p Handles holds for can leave every way to such a block, at a branch
/// out of a block \p Decides is false for, and then return normally or come
/// back to \p Start's block (a loop's next turn: `continue`): the last site
/// before that return, or the branch's for a loop. Code reached only after
/// coming back to \p Start does not count: it handles what \p Start does
/// next. A path that ends in a `throw` or a call that does not return ends
/// nothing here.
std::optional<SourceLoc>
leftAfter(const Function &F, unsigned Start,
          llvm::function_ref<bool(unsigned Block)> Handles,
          llvm::function_ref<bool(unsigned Block)> Decides);

/// Where \p F can return having passed no site that \p Uses: the last
/// site before the earliest such return (or the function itself, when no
/// site comes before it), or nothing when every return passes one. A block
/// that ends in a call that does not return (`std::abort()`) ends the
/// process, not the function.
std::optional<SourceLoc>
returnWithout(const Function &F,
              llvm::function_ref<bool(const SiteFact &)> Uses);

/// The name of the standard stream a call writes (models'
/// `standardStreams` at its `streamArg`: `fprintf(stderr, ...)`; the one a
/// call with no `streamArg` always writes: `printf`), if it writes one.
std::optional<std::string> standardStreamWritten(const Program &P,
                                                 const SiteFact &S);

/// For an accessor (ObjectRef::AccessorOf): what its key and its name add
/// to its holder's (`->mutex()`, `.mutex()`), which Program::resolve appends
/// to what the holder is bound to.
std::pair<llvm::StringRef, llvm::StringRef>
accessorSuffix(const ObjectRef &Accessor);

/// Whether thread start \p S, modelled by \p M, is told to run its callable
/// later on the thread that waits for its result (an argument that names
/// only models' `deferredFlags`: `std::launch::deferred`): it starts no
/// thread.
bool runsDeferred(const FunctionModel &M, const SiteFact &S);

/// Whether site \p Site of \p F is on no path to or from any of \p Sets:
/// code that runs only on a path that skips them all.
bool apartFrom(const Function &F, unsigned Site,
               const std::set<unsigned> &Sets);

/// A path of a setter that skips all its sets and records another outcome.
struct SkippedSet {
  SourceLoc End;           ///< Where it can end without setting.
  const SiteFact *Instead; ///< What it records instead.
  std::string Outcome;     ///< That outcome, for a message.
};

/// Where \p Fn can end without passing any of its sites \p Sets (see
/// returnWithout), with a site on no path to or from any of them that
/// records an outcome: a write to, or an assignment of, a field or a global
/// (`m_failed = true`, `error_ = ec`), a call of a member of the same
/// object that makes one (`setError(msg)`), a signal in \p AllSignals of
/// another resource (`emit failed()`), or a write to a standard stream
/// (`fprintf(stderr, ...)`). What a path that skips the sets does instead.
std::optional<SkippedSet> skipsSet(const Program &P, unsigned Fn,
                                   const std::set<unsigned> &Sets,
                                   const std::set<SiteRef> &AllSignals);

/// Whether \p Fn runs once for what waits: one call, or one hand-over to a
/// registration that does not repeat, from a place outside any loop. A
/// callback per message, per chunk or per reply sets on its last call, and
/// may well skip the set on the others. The one caller runs once too (up
/// to three callers up), or nothing in the program calls it.
bool runsOnce(const Program &P, unsigned Fn);

/// Walks the functions \p Callees (per function, the functions it runs)
/// reach from \p From, each once, until \p Visit returns true; returns
/// whether it did.
bool anyReached(const std::vector<std::vector<unsigned>> &Callees,
                llvm::ArrayRef<unsigned> From,
                llvm::function_ref<bool(unsigned)> Visit);

/// The calls of callables kept in objects (`handlers_.at(name)(req)` runs
/// what `handlers_[name] = ...` stored): an edge from each call of a
/// wrapper's operator() to each callable its object may hold.
std::vector<CallEdge> storedCallableCalls(const Program &P);

/// Merges translation units into one program. Idempotent and independent of
/// the order of \p Units: a function seen in many units counts once, taken
/// from the unit whose main file sorts first.
Program linkProgram(std::vector<TuFacts> Units, const ApiModels &Models);

} // namespace corolint

#endif
