//===- ApiModels.h - What library APIs do, as data --------------*- C++ -*-===//
//
// Library knowledge lives in rules/models/*.json (docs/models.md), never in
// rule code. This is the loaded, validated form of those files; their keys
// and role names are listed once, in ModelSchema.def.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_APIMODELS_H
#define COROLINT_APIMODELS_H

#include "corolint/facts/Facts.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace corolint {

/// How a blocking call blocks (ModelSchema.def says what each means).
enum class BlockingKind {
#define MODEL_BLOCKING_KIND(Name, Kind) Kind,
#include "corolint/model/ModelSchema.def"
};

/// The model spelling of \p Kind (`stall`).
llvm::StringRef blockingKindName(BlockingKind Kind);

/// The arguments a role of a function model applies to: one index, or
/// several where overloads put the callable in different places
/// (`QTimer::singleShot(ms, f)` and `singleShot(ms, context, f)`); an index
/// whose argument is not a callable is no registration.
struct ArgIndexes {
  llvm::SmallVector<unsigned, 2> Indexes;

  bool has(unsigned Index) const { return llvm::is_contained(Indexes, Index); }
  bool empty() const { return Indexes.empty(); }
};

struct FunctionModel {
  std::string Name;
  std::string Blocking; ///< Why it blocks; empty when it does not.
  /// Why destroying what it returns blocks (`std::async`'s future waits for
  /// the task); empty when it does not.
  std::string BlockingResult;
  BlockingKind Kind = BlockingKind::Stall;
  ArgIndexes LoopCallback;
  /// With LoopCallback: called from code that its loop runs, it runs the
  /// callable at once, before it returns (`asio::dispatch(io, f)` on
  /// `io`'s thread), rather than after the caller gives the loop back.
  bool InlineOnItsLoop = false;
  bool Repeats = false;
  ArgIndexes Offload;
  /// With Offload: the arguments after the callable are handed to it, in
  /// order (`std::thread t(drain, std::ref(queue))`), so they bind its
  /// parameters as a call's arguments do.
  bool ForwardsArgs = false;
  /// The argument its result refers to (`std::ref(queue)`: 0): handing
  /// the result on hands that object by reference.
  int RefersTo = -1;
  int OffloadWhenArg = -1;
  std::vector<std::string> OffloadWhenTypes;
  ArgIndexes Spawn;
  /// A member of a task that starts the task's coroutine on the executor it
  /// is handed (`lazy().via(&ex)`), as `spawn` starts an argument's.
  bool SpawnsReceiver = false;
  ArgIndexes Continuation;
  /// Arguments that are callables it keeps without calling them (a
  /// `std::function`'s constructor, `std::bind`): code runs them later,
  /// wherever it calls what it keeps.
  ArgIndexes StoresCallable;
  /// The errors it fails with on a non-blocking descriptor instead of
  /// blocking (EAGAIN, EWOULDBLOCK; EINPROGRESS for connect): code that
  /// tests for them after the call was written for a non-blocking one.
  std::vector<std::string> WouldBlockErrors;
  bool Timeout = false;  ///< Bounds the operation it wraps with a deadline.
  bool External = false; ///< Waits for something outside the process.
  /// For a free function: the argument that is the object it acts on, the
  /// I/O object of an external operation (`async_read(sock, ...)`) or the
  /// mutex a C API locks (`pthread_mutex_lock(&mu)`); members use the
  /// object they are called on.
  int ObjectArg = -1;
  /// Sends data to a peer. With External, it completes once the kernel has
  /// taken it, and waits only while the peer is not reading.
  bool Writes = false;
  bool Accepts = false;  ///< Takes the next connection from a listener.
  bool Connects = false; ///< Opens a connection to a peer.
  bool Race = false;  ///< Completes when the first of its arguments does.
  /// Completes when all of its arguments do, or as soon as one fails, and
  /// then cancels the others (`operator&&` of Asio's awaitable operators).
  bool FailFast = false;
  bool Delay = false; ///< Completes once a duration or deadline passes.
  bool Yield = false; ///< Gives the loop a turn and resumes at once.
  /// Stops the event loop that runs it (`QEventLoop::exit`,
  /// `io_context::stop`): what waits on that loop stops waiting.
  bool StopsLoop = false;
  /// Ends what is pending on the I/O object it is handed (ObjectArg), as a
  /// type's `cancels` members end their object's: `uv_close(handle, cb)`.
  bool Cancels = false;
  /// Awaiting it resumes the coroutine on a worker thread
  /// (`co_await resume_on(pool)`): what follows is not loop code.
  bool ResumesOnWorker = false;
  /// Waits for the thread or task whose handle it is called on (what an
  /// `offload` call started) to finish: `std::thread::join`,
  /// `std::future::get` on `std::async`'s future.
  bool Joins = false;
  /// Lets go of the thread whose handle it is called on
  /// (`std::thread::detach`): the handle no longer refers to it.
  bool Releases = false;
  /// With Offload: flags that, when an argument names only them
  /// (`std::launch::deferred`), make the call start no thread: the callable
  /// runs later on the thread that waits for the result.
  std::vector<std::string> DeferredFlags;
  /// Runs an event loop on the calling thread until it is stopped
  /// (`io_context::run`): the loop's callbacks run on that thread.
  bool RunsLoop = false;
  /// The argument naming a loop (the loop, or an executor a member of it
  /// made) that the guard the call makes keeps busy while it lives
  /// (`make_work_guard(io)`, `executor_work_guard(io.get_executor())`): the
  /// loop's `run()` does not return for want of work until the guard is
  /// reset or destroyed.
  int KeepsLoopBusy = -1;
  /// The argument that is a handle the call makes active (`uv_async_init`:
  /// 1, `uv_timer_start`: 0): the loop's run until no handle is active
  /// (`uv_run(loop, UV_RUN_DEFAULT)`) does not return while it is.
  /// Makes the I/O object it is called on non-blocking when its first
  /// argument is true (`socket.non_blocking(true)`).
  bool SetsObjectNonblocking = false;
  int ActivatesHandle = -1;
  /// With ActivatesHandle, the argument giving the repeat interval
  /// (`uv_timer_start`: 3): a constant 0 makes the handle active only until
  /// its callback has run once.
  int RepeatArg = -1;
  /// The argument that is a handle the call stops (`uv_timer_stop`,
  /// `uv_unref`): it no longer keeps its loop running, until started again.
  int DeactivatesHandle = -1;
  /// The argument that is a handle the call closes for good (`uv_close`):
  /// the program is shutting it down.
  int ClosesHandle = -1;
  /// With RunsLoop, the argument that picks how long the call runs the
  /// loop (`uv_run`'s mode: 1); only a constant 0 runs it until nothing is
  /// left to do.
  int RunModeArg = -1;
  /// Destroys elements of the container it is called on (`erase`,
  /// `clear`): a handle among them whose destruction blocks, blocks.
  bool DestroysElements = false;
  /// Takes the element it is called for out of the container it is called
  /// on (`pop_front`, `extract`): what the code read there is its own now.
  bool TakesElement = false;
  /// Resumes the suspended coroutine the handle it is called on names
  /// (`std::coroutine_handle::resume`, its `operator()`).
  bool Resumes = false;
  /// Tells which thread runs the caller (`std::this_thread::get_id`): code
  /// that asks has seen that it may run on the thread it would join.
  bool ThreadIdentity = false;
  /// Awaiting the call takes a unit of this argument, a semaphore, and the
  /// local its result initializes holds it (seastar's `get_units(sem, n)`).
  int LockArg = -1;
  /// The function that calls this one is a signal: moc writes each Qt signal
  /// as a call of `QMetaObject::activate`, so a call of that function emits
  /// the signal.
  bool EmitsCaller = false;
  /// The argument that names a signal (a pointer to a member that is one)
  /// the call connects to, or, when awaited, waits for (`co_await
  /// qCoro(obj, &C::done)`); an argument after it bounds the wait.
  int SignalArg = -1;
  /// The argument that is the file descriptor the call works on: the one a
  /// blocking call blocks on, or the one nonblocking flags apply to.
  int DescriptorArg = -1;
  /// The call returns a new descriptor; nonblocking flags apply to it.
  bool ReturnsDescriptor = false;
  /// The argument whose flags can make a descriptor non-blocking, and the
  /// names of those flags (`O_NONBLOCK`).
  int NonblockingArg = -1;
  std::vector<std::string> NonblockingFlags;
  /// The descriptors the call makes (DescriptorArg, or its result) are the
  /// two ends of an in-process channel with a kernel buffer: a pipe, a
  /// socket pair, an eventfd.
  bool MakesChannel = false;
  /// The argument that gives the number of bytes the call writes.
  int SizeArg = -1;
  /// The integer argument that bounds how long the call waits (`poll`'s
  /// milliseconds); a constant 0 asks it not to wait at all.
  int TimeoutArg = -1;
  /// The argument that holds the descriptors whose readiness the call
  /// reports (`poll`'s pollfd array: 0): with a zero TimeoutArg, a probe.
  int ProbesArg = -1;
  /// The argument that is the stream the call reads or writes
  /// (`std::getline`: 0); one over memory never makes it wait.
  int StreamArg = -1;
  /// With StreamArg: the process's standard streams, by name (`stderr`,
  /// `stdout`): a call that writes one logs, as `printf` does, and is not
  /// taken to block.
  std::vector<std::string> StandardStreams;
  std::string Origin; ///< The file that defined it, for messages.

  /// Whether the call can make a descriptor non-blocking.
  bool setsNonblocking() const {
    return NonblockingArg >= 0 && !NonblockingFlags.empty();
  }
};

/// What a modelled type is (ModelSchema.def says what each means).
enum class TypeRole {
#define MODEL_TYPE_ROLE(Name, Role) Role,
#include "corolint/model/ModelSchema.def"
};

/// How model files spell \p R (docs/models.md).
llvm::StringRef typeRoleName(TypeRole R);

struct TypeModel {
  std::string Name;
  TypeRole Role = TypeRole::Resource;
  std::string ResourceKind;
  std::vector<std::string> Waits, Signals, Lock, Unlock, TryLock, DeferTags,
      TryTags, Cancels;
  /// For an io-object: members that call a callable argument at once with
  /// the stream the object wraps (`socket_wrapper_t::visit`): what the
  /// callable's first parameter names is this object.
  std::vector<std::string> Visits;
  /// Of its signals, those that wake one waiter only (`notify_one`): the
  /// others wait on for the next.
  std::vector<std::string> WakesOne;
  /// Members that return an object this one's signals complete: the future
  /// a promise hands out (`get_future`).
  std::vector<std::string> HandsOut;
  /// The constructor argument that, when a non-zero constant, constructs the
  /// object signalled (an event's initially-set flag); -1 for none.
  int SetByArg = -1;
  /// The constructor argument that counts what must happen before waits
  /// complete (a latch's count): a constant zero constructs it signalled.
  int CountArg = -1;
  /// Every constructor constructs it signalled (a task group with no tasks
  /// is done), whatever its arguments.
  bool StartsSignalled = false;
  /// Its waits are handed a lock or its mutex and release it while
  /// suspended, taking it again to resume (an async condition variable).
  bool WaitReleasesLock = false;
  /// A signal that finds no waiter is lost: the object keeps no state (a
  /// condition variable), so waiters test a predicate under a mutex.
  bool ForgetsSignals = false;
  /// For an `io-object`: the descriptors its fields hold are made
  /// non-blocking by the library, maybe out of the program's sight.
  bool NonblockingDescriptors = false;
  std::string Origin;

  static bool has(const std::vector<std::string> &Members, llvm::StringRef M);
  /// Whether \p Construct (a constructor call or a local's scope begin)
  /// makes the object signalled from the start: every construction does
  /// (StartsSignalled), or a constant argument says so (`event{true}`,
  /// `latch{0}`).
  bool constructedSignalledBy(const SiteFact &Construct) const;
  /// A counting semaphore: its waits take a unit and its signals give one
  /// back, so it can be used as a lock as well as an event.
  bool isSemaphore() const {
    return Role == TypeRole::Resource && ResourceKind == "semaphore";
  }
};

class ApiModels {
public:
  /// Adds the entries of one model file. An entry whose name is already known
  /// replaces the earlier one, so a project's configuration can override.
  llvm::Error addJson(llvm::StringRef Text, llvm::StringRef Origin);
  /// Adds every *.json file of \p Dir, in name order.
  llvm::Error addDirectory(llvm::StringRef Dir);

  /// The model of \p Name, spelled in the library's namespace or in one of
  /// its other namespaces (`asio::post` is `boost::asio::post`).
  const FunctionModel *function(llvm::StringRef Name) const;
  const TypeModel *type(llvm::StringRef Name) const;
  /// Whether \p QualifiedName is in the namespace of a library that a model
  /// describes: library code, which the models stand for.
  bool isLibraryCode(llvm::StringRef QualifiedName) const;
  /// Whether a function model names a member of \p Class: the model
  /// describes the class, and gave it no type role.
  bool describesMembersOf(llvm::StringRef Class) const {
    return ClassesWithMembers.count(Class);
  }
  /// For a member function "ns::T::m": the model of T, or null.
  const TypeModel *typeOfMember(llvm::StringRef QualifiedMember) const;
  /// The model that describes a member call: the model of the object's type
  /// when there is one (members may be inherited from unmodelled bases),
  /// otherwise the model of the class that declares the member.
  const TypeModel *typeForCall(llvm::StringRef ReceiverType,
                               llvm::StringRef QualifiedMember) const;

  size_t size() const { return Functions.size() + Types.size(); }
  /// Some entry was inferred from the code (Inference.h), not written.
  bool hasInferred() const { return Inferred; }
  void noteInferred() { Inferred = true; }
  /// Every model name, for the check that models name real APIs.
  std::vector<std::string> names() const;
  /// Whether \p Spelled, a qualified name as the code spells it
  /// (`asio::thread_pool`), is one of \p Modelled, names as models write
  /// them (`boost::asio::thread_pool`), in any spelling of its namespace.
  bool isOneOf(llvm::StringRef Spelled,
               llvm::ArrayRef<std::string> Modelled) const;

private:
  void add(FunctionModel M);
  void add(TypeModel M);
  /// \p Name with another spelling of a library's namespace replaced by the
  /// one its models use; empty when it has none.
  std::string canonical(llvm::StringRef Name) const;

  llvm::StringMap<FunctionModel> Functions;
  llvm::StringMap<TypeModel> Types;
  /// The classes some function model names a member of.
  llvm::StringSet<> ClassesWithMembers;
  bool Inferred = false;
  /// Every library namespace, and for the other spellings the first one.
  llvm::StringMap<std::string> Namespaces;
};

/// "ns::T::m" -> {"ns::T", "m"}; "f" -> {"", "f"}.
std::pair<llvm::StringRef, llvm::StringRef>
splitMember(llvm::StringRef QualifiedName);

/// Whether \p QualifiedName is an equality operator's (`operator==`,
/// `operator!=`): a call that compares its arguments and keeps neither.
bool isComparisonName(llvm::StringRef QualifiedName);

/// Whether \p QualifiedName is a constructor's (`wake_pipe::wake_pipe`): it
/// runs whenever an object is made, also a global's, which no call site
/// shows.
bool isConstructorName(llvm::StringRef QualifiedName);

/// The models shipped with corolint: next to the installed binary, or in the
/// source tree for a build that was not installed.
std::string defaultModelsDirectory(const char *Argv0);

/// The model of the function that \p Call calls, if one describes it. A
/// model name with no scope names a C function: it does not describe a C++
/// function of that name (a program's own `task<> sleep(ms)` is not POSIX
/// sleep), which Clang's USRs tell apart: a C function's has no signature.
/// An inferred entry is the program's own function's, whatever its scope.
const FunctionModel *functionModelOf(const ApiModels &Models,
                                     const SiteFact &Call);
/// The model of the function named \p Name whose USR is \p Usr (a
/// definition's own), by the same rule.
const FunctionModel *functionModelOf(const ApiModels &Models,
                                     llvm::StringRef Name, llvm::StringRef Usr);

} // namespace corolint

#endif
