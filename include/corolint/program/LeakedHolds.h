//===- LeakedHolds.h - Returns that keep a lock or a unit ------*- C++ -*-===//
//
// A function that locks a mutex by hand or takes a semaphore's unit, and
// lets go of it itself further down, means to hold it only for a while: a
// `return` between the two keeps it for good. The next lock of the mutex,
// or the acquire that finds no unit left, waits for ever.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_PROGRAM_LEAKEDHOLDS_H
#define COROLINT_PROGRAM_LEAKEDHOLDS_H

#include "corolint/program/Program.h"

namespace corolint {

/// A return that keeps what its function took.
struct LeakedHold {
  /// The take: `mu_.lock()`, `slots_.acquire()`, or a call of a member that
  /// does one on its own object (`limiter_->acquire()`).
  SiteRef Take;
  /// A give-back the function reaches from the take on another path, after
  /// the return in the code.
  SiteRef GiveBack;
  /// The `return` that keeps it.
  SourceLoc Return;
  /// The mutex or semaphore taken (for a member that takes one, the field
  /// it takes it of).
  ObjectRef Object;
  bool Semaphore = false;
  /// For a take through a member: its name.
  std::string Through;
};

/// The returns that keep a mutex locked by hand (models: a `sync-mutex`'s
/// `lock`) or a semaphore's unit taken (a `semaphore`'s wait, not a try),
/// directly or through a member of the program that does only that on a
/// field of its own object on every path: those that every path to them
/// takes it on, that a path from the take reaches without letting go of it
/// (a give-back, a call of a function of the program that gives it back,
/// handing the object to anything), and that come in the code between the
/// take and a give-back the take reaches on another path. An early
/// `return` before the give-back; not a function that keeps it on its last
/// path and gives it back on an early one (a try-style take), nor one
/// that ends holding it at its closing brace (a conditional take).
std::vector<LeakedHold> findLeakedHolds(const Program &P);

} // namespace corolint

#endif
