//===- Threads.h - Threads and who joins them -------------------*- C++ -*-===//
//
// A thread, or a task with a thread of its own (`std::async`), is started by
// an `offload` call whose handle the program keeps: the object the call
// constructs (`std::thread t(run)`, a member initializer), or what it returns
// (`auto f = std::async(run)`), moved on by assignment into a field or a
// container's element. A `joins` call on a holder, the destruction of a
// handle taken from one, or the erasure of a container's handles, when the
// start's model says destroying a handle blocks (`blockingResult`), waits
// for the thread's callable to return.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_THREADS_H
#define COROLINT_THREADS_H

#include "corolint/program/Program.h"

namespace corolint {

/// A thread the program starts and keeps a handle of.
struct StartedThread {
  SiteRef Start;
  /// The functions it runs: the `offload` call's callables.
  std::vector<unsigned> Runs;
  /// The objects that keep its handle, by key.
  std::map<std::string, ObjectRef> Holders;
  /// Keys of the holders that keep other threads' handles too: tables whose
  /// elements are assigned handles.
  std::set<std::string> Tables;
  /// The class of the handle (`std::thread`, `std::future`).
  std::string HandleType;
};

/// A wait for a thread made by code that runs on that thread: a thread
/// that joins itself.
struct SelfJoin {
  enum class Kind {
    Joins,          ///< A `joins` call (`reader_.join()`).
    DestroysHandle, ///< A handle taken from a holder goes out of scope.
    ErasesHandles,  ///< A container of handles erases some (`erase`).
  };
  StartedThread Thread;
  SiteRef Wait;
  Kind How = Kind::Joins;
  /// The holder the wait goes through.
  ObjectRef Holder;
  /// The holder keeps other threads' handles too (a container), so the
  /// handle waited for may be another thread's.
  bool MayBeOther = false;
  /// The calls from the thread's callable (or the loop's callback) down to
  /// the wait's function.
  std::vector<CallEdge> Chain;
  /// When the thread runs the program's event loop and the wait is in the
  /// loop's code: the call that runs the loop (models' `runsLoop`).
  std::optional<SiteRef> Loop;
};

/// The calls that run one event loop object (models' `runsLoop`: `io.run()`)
/// and the threads that make them.
struct LoopRunners {
  struct Run {
    SiteRef At;
    /// A thread that makes it is started in a loop (`for (...)
    /// workers.emplace_back([&] { io.run(); })`): as many as it turns.
    bool StartedInALoop = false;
  };
  std::vector<Run> Runs;
  /// One per thread the program starts (an `offload` whose callable
  /// reaches a run), and one for a run no started thread reaches (the
  /// thread that calls it: `main`'s).
  unsigned Threads = 0;
  bool several() const {
    return Threads > 1 ||
           llvm::any_of(Runs, [](const Run &R) { return R.StartedInALoop; });
  }
};

/// The runners of loop object \p Loop, a local or a global: a field's key is
/// every object's of its class (an io_context per core, each run by its
/// own thread), so nothing is said of its runners.
LoopRunners loopRunners(const Program &P, const ObjectRef &Loop);

/// Loop objects, by key, that are work queues with threads of their own, as
/// a thread pool is: run only by threads the program starts
/// (`work_thread_([this] { work_io_context_.run(); })`), and only ever
/// handed callables (`asio::post(work_io_context_, job)`), never an I/O
/// object, timer or strand made on them (a constructor given the loop) nor
/// a coroutine spawned on them. What they run is worker code: a blocking
/// call there stalls only the queue's other jobs, which is what the queue
/// is for.
std::set<std::string> workQueues(const Program &P);

/// A join of a thread that runs an event loop until the loop runs out of
/// work, while a work guard keeps the loop from ever running out.
struct BusyLoopJoin {
  StartedThread Thread;
  SiteRef Join;
  /// The call that runs the loop (models' `runsLoop`, once, no bound).
  SiteRef Run;
  ObjectRef Loop;
  /// The call that makes the guard (models' `keepsLoopBusy`).
  SiteRef GuardMade;
  ObjectRef Guard;
};

/// The joins of threads that run a loop with `run()` (a `runsLoop` call
/// with no bound, made once by code the thread's callable reaches) while a
/// guard made on that loop is alive: a field guard that no code of the
/// program resets, assigns, hands on or destroys, or a local one whose
/// scope the join is in. Nothing may stop the loop (models' `stopsLoop`)
/// anywhere in the program, on it or on an object that cannot be named.
/// \p Work counts the edges walked.
std::vector<BusyLoopJoin> joinsOfBusyLoops(const Program &P, uint64_t &Work);

/// A join, after a loop was stopped, of threads that wait for handlers they
/// post to that loop.
struct StoppedLoopJoin {
  SiteRef Stop;
  ObjectRef Loop;
  SiteRef Join;
  ObjectRef Joined;
  /// A thread's untimed wait, for a resource that only handlers posted to
  /// the loop signal.
  SiteRef Wait;
  /// Where the thread hands such a handler to the loop.
  SiteRef Post;
  SiteRef Signal;
};

/// `io_.stop(); ...; workers_.join();` while the pool's tasks post
/// handlers to `io_` and wait for what those handlers signal
/// (`post(io_, [&] { done.set_value(); }); done_f.get();`): a task that
/// posts after the stop waits forever, and so does the join. The stop
/// reaches the join with no run of the loop between; the tasks are the
/// callables offloaded to the joined object (models' `offloadWhenArgType`
/// names the argument); every signal of the awaited resource is made by a
/// handler handed to the stopped loop, at that argument too. \p Work counts
/// the sites visited.
std::vector<StoppedLoopJoin> joinsAfterLoopStops(const Program &P,
                                                 uint64_t &Work);

/// The threads \p P starts and keeps handles of, in site order.
std::vector<StartedThread> startedThreads(const Program &P);

/// The waits of \p P for a thread made on that thread, one per wait site,
/// reached from the thread's callable by calls on the same object (a member
/// called on `this`, a free function), through no function that asks which
/// thread it runs on (models' `threadIdentity`), in a function that does
/// not ask either, itself or through what it calls. Also from the callbacks
/// and coroutines of the event loop, when one thread started by the program
/// runs every loop (models' `runsLoop`). \p Work counts the edges walked.
std::vector<SelfJoin> selfJoins(const Program &P, uint64_t &Work);

/// Per function, the functions its calls run (`bindsParameters` edges of
/// kind Calls, and awaits too when \p WithAwaits).
std::vector<std::vector<unsigned>> calleesOf(const Program &P, bool WithAwaits);

/// The calls that start a thread or hand a task to a pool (offload edges)
/// whose callable reaches function \p F through calls and awaits: the
/// threads \p F can run on, by the index of the edge that starts each. A
/// walk up the callers, counted in \p Work.
std::set<unsigned> startsReaching(const Program &P, unsigned F, uint64_t &Work);

/// Whether the threads that the calls at \p A and \p B start can run at
/// once: one call that goes round a loop starts several; two calls in one
/// function do when one reaches the other with no join on the way (`t.join()`,
/// `std::async(f).get()`) and its thread does not end at once; calls in two
/// functions are taken to.
bool runAtOnce(const Program &P, SiteRef A, SiteRef B);

} // namespace corolint

#endif
