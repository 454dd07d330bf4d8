//===- Schedulers.cpp - Schedulers: waiters resumed by their own code -----===//
//
// A scheduler resumes the waiters its awaiter keeps from code of its own,
// a thread body going round a loop (Events.cpp tells it from an event).
// Its members say where a coroutine moves (yield), when it resumes
// (delay), and which call runs the loop on its caller's thread.
//
//===----------------------------------------------------------------------===//

#include "Inferrer.h"
#include <map>

namespace corolint::inference {

/// A scheduler: code of its own resumes the waiters its awaiter keeps.
/// Awaiting what a member returns moves the coroutine onto it (`yield`,
/// `schedule()`); a member that takes a duration and returns something
/// awaitable and nothing else resumes the coroutine once it passes
/// (`delay`: `yield_for`; not `poll(fd, op, timeout)`, which waits for
/// the descriptor, nor `schedule(task, timeout)`, which bounds the task
/// and shares its name with a yield). A member
/// that resumes the waiters and that the class's own code never calls runs
/// the scheduler's loop on its caller's thread (`process_events`); one that
/// its caller runs and that waits, in code of the class, for other code
/// blocks until the scheduler's threads finish (`shutdown()` joining them).
void Inferrer::inferScheduler(llvm::StringRef Class, const AwaiterSet &Awaiters,
                              std::vector<std::string> Evidence) {
  std::map<std::string, SchedulerUses> ByName;
  for (const FunctionFact *Member : Index.membersOf(Class))
    if (!isProtocolMember(Class, memberOf(Member->Name)) &&
        !Known.function(Member->Name))
      ByName[Member->Name].add(schedulerUse(Class, Awaiters, *Member));
  for (const auto &[Name, U] : ByName) {
    ordered_json J = {{"name", Name}};
    std::string Why;
    if (U.Yield) {
      J["yield"] = true;
      Why = "awaiting what it returns moves the coroutine onto '" +
            Class.str() + "', whose own code resumes it";
    } else if (U.Delay && !U.Bounds) {
      J["delay"] = true;
      Why = "it takes a duration and returns an awaitable of '" + Class.str() +
            "', whose own code resumes the waiter";
    } else if (U.RunsLoop) {
      J["blocking"] = "runs the scheduler's loop";
      J["blockingKind"] = "deadlock";
      Why = "it resumes the waiters of '" + Class.str() +
            "' on its caller's thread, and no code of the class calls it";
    } else if (const SiteFact *Wait = U.WaitsForItsThreads) {
      const FunctionModel *M = functionModelOf(Known, *Wait);
      J["blocking"] = "waits for the threads of '" + Class.str() + "'";
      J["blockingKind"] = blockingKindName(M->Kind);
      Why = where(Wait->Loc) +
            ": it runs on its caller's thread and waits in '" +
            Wait->CalleeName + "'";
    } else {
      continue;
    }
    std::vector<std::string> Because = Evidence;
    Because.push_back("'" + Name + "': " + Why);
    InferredFunctions.insert(Name);
    Out.Functions.push_back({Name, J.dump(), std::move(Because)});
  }
}

/// A scheduler whose loop its user runs on a thread of their own
/// (`std::thread t([&] { io.process_events(); })`): a member that resumes
/// the waiters goes round a loop in which it blocks, waiting for more to
/// resume (`epoll_wait`, a condition variable's `wait`). An event's signal
/// resumes who is waiting and returns; it never waits for waiters to come.
/// The evidence, or empty.
std::string
Inferrer::loopItsUserRuns(llvm::StringRef Class,
                          const std::set<std::string> &Signals) const {
  for (const FunctionFact *Member : Index.membersOf(Class)) {
    if (Member->IsCoroutine || !Signals.count(memberOf(Member->Name).str()) ||
        !runsALoop(*Member))
      continue;
    for (const FunctionFact *G : Index.reach(*Member, /*Handed=*/false))
      for (const SiteFact &S : G->Sites) {
        // Writing a descriptor wakes a loop; it does not wait for work. What
        // it waits on is kept in a field (its condition variable, its epoll
        // descriptor): a sleep or a log file opened there waits for no one.
        if (waitsForOthers(S) && waitsOnAField(S))
          return where(S.Loc) + ": '" + Member->Name + "' waits in '" +
                 S.CalleeName +
                 "' for waiters to resume, going round a loop: '" +
                 Class.str() + "' is a loop its user runs";
      }
  }
  return "";
}

/// \p Call is made on a field, or handed one (`ready_.wait(lock)`,
/// `epoll_wait(m_epoll.fd(), ...)`).
bool Inferrer::waitsOnAField(const SiteFact &Call) {
  auto IsField = [](const ObjectRef &R) {
    return R.K == ObjectRef::Kind::Field;
  };
  return IsField(Call.Receiver) ||
         llvm::any_of(Call.Args, [&](const ArgFact &A) {
           return IsField(A.Ref) || IsField(A.Holder);
         });
}

/// A duration and, at most, objects that are options or where it runs
/// (`schedule_after(d, cancellation_token)`, `sleep(loop, d)`): not a
/// descriptor or an operation code (`poll(fd, op, timeout)` waits for the
/// descriptor), nor something awaitable (`with_deadline(loop, op, d)`
/// bounds the operation).
bool Inferrer::takesOnlyADuration(const FunctionFact &F) const {
  unsigned Durations = 0;
  for (const std::string &T : F.ParamTypes) {
    if (isDuration(T))
      ++Durations;
    else if (Index.membersOf(T).empty() || hasAwaiterMembers(T) ||
             TaskTypes.count(T))
      return false;
  }
  return Durations == 1;
}

Inferrer::SchedulerUses
Inferrer::schedulerUse(llvm::StringRef Class, const AwaiterSet &Awaiters,
                       const FunctionFact &Member) const {
  SchedulerUses U;
  bool TakesDuration = llvm::any_of(
      Member.ParamTypes, [&](const std::string &T) { return isDuration(T); });
  bool TakesAwaitable =
      llvm::any_of(Member.ParamTypes, [&](const std::string &T) {
        return Awaiters.count(T) || TaskTypes.count(T);
      });
  bool Awaiting = returnsAwaiter(Member, Awaiters);
  if (Awaiting || TaskTypes.count(Member.ReturnType)) {
    // A yield or a sleep is awaited; a helper handing out a queued awaiter
    // by pointer (`try_global_dequeue()`) is not.
    if (!AwaitedCallees.count(Member.Usr))
      return U;
    U.Bounds = TakesAwaitable;
    U.Yield =
        Awaiting && !Member.IsCoroutine && !TakesDuration && !TakesAwaitable;
    U.Delay = !U.Bounds && takesOnlyADuration(Member);
    return U;
  }
  // Called, not handed to a thread it starts (`make_unique`).
  bool Resumes = llvm::any_of(
      Index.reach(Member, /*Handed=*/false), [&](const FunctionFact *G) {
        return G->ResumesHandle && classOf(G->Name) == Class;
      });
  U.RunsLoop =
      Resumes && !Member.IsCoroutine && !drivenByItsClass(Class, Member);
  // A step of the loop (`next_event()`) waits for work, not for threads.
  if (!Resumes)
    U.WaitsForItsThreads = waitForItsThreads(Class, Member);
  return U;
}

/// A call by which \p Member, run on its caller's thread, waits in the
/// scheduler's own code for other code with no time limit
/// (`m_io_thread.join()`), or null. Not the scheduler's threads' own
/// bodies, which wait for work (`executor()`, handed to `std::thread`).
const SiteFact *Inferrer::waitForItsThreads(llvm::StringRef Class,
                                            const FunctionFact &Member) const {
  std::set<const FunctionFact *> Seen;
  if (Member.IsCoroutine || onThreadsOfItsClass(Class, Member, Seen))
    return nullptr;
  for (const FunctionFact *G :
       Index.reach(Member, /*Handed=*/false, /*Coroutines=*/false)) {
    if (classOf(G->Name) != Class)
      continue;
    for (const SiteFact &S : G->Sites)
      if (waitsForOthers(S) && llvm::none_of(S.Args, [&](const ArgFact &A) {
            return isDuration(A.Type) || isDuration(A.BuiltFrom);
          }))
        return &S;
  }
  return nullptr;
}

} // namespace corolint::inference
