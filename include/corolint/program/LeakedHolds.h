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
  /// What the code names: the mutex or semaphore, or the object a member
  /// that takes one is called on (`limiter_`).
  ObjectRef Named;
  /// The mutex or semaphore taken (for a member that takes one, the field
  /// it takes it of).
  ObjectRef Object;
  bool Semaphore = false;
  /// For a take through a member: its name.
  std::string Through;
};

/// The earliest return, per take, that keeps a mutex locked by hand
/// (models: a `sync-mutex`'s `lock`) or a semaphore's unit (a
/// `semaphore`'s wait, not a try), taken directly or through a member of
/// the program (not a constructor) that does only that on a field of its
/// own object on every path, when the function gives it back itself on
/// another path. Every path from the take that does not let go of it (a
/// give-back; a call, up to three deep, or a callable handed on, that gives
/// it back; a call handed the object) must end at such a return: one that
/// every path to it takes it on, that is not `return true;` in a function
/// nothing in the program calls (taken for code outside), and that stands in
/// the code between the take and a give-back the take reaches. Not reported
/// when no take precedes a give-back on every path (entered holding it), or
/// when a caller gives it back after the call.
std::vector<LeakedHold> findLeakedHolds(const Program &P);

} // namespace corolint

#endif
