//===- Locks.h - Where functions take locks, and what releases them -*- C++
//-*-//
//
// One reading of lock APIs for every rule that asks about locks: guards
// (std::lock_guard, std::unique_lock with its tags), mutexes locked by hand,
// async mutexes whose lock is awaited (`co_await m.scoped_lock()`), held
// by the local the result initializes or until the mutex's unlock, and
// semaphores used as locks: a unit taken and given back by the same function,
// or kept in a guard (`auto units = co_await get_units(sem, 1)`).
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_LOCKS_H
#define COROLINT_LOCKS_H

#include "corolint/program/Program.h"
#include <map>
#include <optional>
#include <set>

namespace corolint {

/// One place where a function starts holding one or more mutexes.
struct LockAcquisition {
  unsigned Site = 0;
  /// What must be released or destroyed to let go: the guard, the local that
  /// took an async lock's result, or the mutex locked by hand.
  const ObjectRef *Holder = nullptr;
  /// The model of the holder's type, if it has one.
  const TypeModel *HolderType = nullptr;
  /// The mutexes held: several for `std::scoped_lock lk(a, b)`; none known
  /// for a guard over an unnamed mutex.
  std::vector<const ObjectRef *> Mutexes;
  /// For an async lock: the mutex's model, whose unlock also releases it.
  const TypeModel *MutexType = nullptr;
  bool Async = false; ///< Waiters suspend instead of blocking the thread.
  bool Try = false;   ///< May fail instead of waiting (`try_to_lock`).
  std::string What;   ///< "lock 'g' on 'm'", "mutex 'm'", "async mutex 'm'".
};

/// Where \p F uses semaphores as locks (SemaphoreLockSites). The linker
/// asks once per function; rules read Program::semaphoreLocks.
SemaphoreLockSites findSemaphoreLockSites(const Function &F,
                                          const ApiModels &Models);

/// Every acquisition in function \p Fn of \p P, in site order.
std::vector<LockAcquisition> findLockAcquisitions(const Program &P,
                                                  unsigned Fn);

/// Whether \p S lets go of what \p A took: the holder's destruction or
/// unlock, the mutex's unlock, or the end of a guard that adopted it.
bool releasesLock(const SiteFact &S, const LockAcquisition &A);

/// Where another function holds a mutex across a call that blocks.
struct SlowHold {
  SiteRef Acquired; ///< Where it takes the mutex.
  SiteRef Call;     ///< Its call, made while it holds it, that blocks.
  SiteRef Blocks;   ///< The blocking operation: Call, or one it reaches.
};

/// Where the program's worker threads hold mutexes across calls that block
/// their thread (a sleep, I/O, a wait), themselves or through the functions
/// they call (up to three calls down): while one does, a thread that waits
/// for the mutex waits for that call. A wait handed the held mutex or its
/// guard (`cv.wait(lock)`) lets go of it, and another lock only makes the
/// holder wait in turn, so neither counts. Built once per program: the
/// call edges and every worker function's acquisitions.
class SlowHolders {
public:
  explicit SlowHolders(const Program &P);

  /// A function other than \p Fn that holds one of the mutexes \p Taken
  /// (an acquisition of \p Fn) takes, across a blocking call.
  std::optional<SlowHold> of(unsigned Fn, const LockAcquisition &Taken) const;

private:
  bool blocks(SiteRef At, const std::set<std::string> &Keys,
              const LockAcquisition *A) const;
  std::optional<SiteRef> blockingFrom(SiteRef At,
                                      const std::set<std::string> &Keys,
                                      const LockAcquisition *A) const;

  const Program &P;
  std::map<SiteRef, std::vector<unsigned>> Callees;
  std::vector<std::pair<unsigned, LockAcquisition>> Held;
};

} // namespace corolint

#endif
