//===- DroppedWaiters.h - Coroutine handles taken out and dropped -*- C++ -*-===//
//
// A coroutine that parks its handle in a queue or a map waits for the code
// that takes it out to resume it. That code owns the handle once it has
// taken it: a path on which it neither resumes it nor hands it on (an error
// reply that returns early, a `continue` to the next request) drops it,
// and the coroutine never resumes.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_PROGRAM_DROPPEDWAITERS_H
#define COROLINT_PROGRAM_DROPPEDWAITERS_H

#include "corolint/program/Program.h"

namespace corolint {

/// A waiter a function takes out of a container and can drop.
struct DroppedWaiter {
  /// The call that reads it out (`queue_.front()`, `pending_.extract(id)`).
  SiteRef Take;
  /// The local that holds it (`req`, `node`).
  ObjectRef Local;
  /// The container it was parked in.
  ObjectRef Container;
  /// A resume of its handle on another path.
  SiteRef Resume;
  /// Where the path that drops it leaves every way to such a resume (the
  /// last site before its return, or the branch that goes on to the next
  /// turn of the loop).
  SourceLoc Left;
};

/// The waiters that functions of \p P take out of a container and can
/// drop. A take is a call on a field or a global (a container) whose result
/// a local keeps, when the same function takes that element out (models'
/// `takesElement` or `destroysElements` at or after the read) and resumes a
/// handle held by that local (models' `resumes`, on the local or on a field
/// reached from it: `req.waiter.resume()`). Anything that may pass the
/// waiter on handles it: a resume of any handle, a call on a part of the
/// local or a call on the local that is not a question, a call handed the
/// local or a part of it other than a comparison, a call handed an object
/// built in place, a lambda that captures the local. Reported: a path from
/// the take that leaves every handling site and then returns or comes back
/// to the take (leftAfter), unless the branch that leaves them asks the
/// local itself (`if (node.empty()) return;`: nothing was found), or the
/// function returns the local.
std::vector<DroppedWaiter> findDroppedWaiters(const Program &P);

} // namespace corolint

#endif
