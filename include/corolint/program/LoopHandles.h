//===- LoopHandles.h - Handles that keep an event loop running --*- C++ -*-===//
//
// libuv's `uv_run(loop, UV_RUN_DEFAULT)` returns once no handle of the loop
// is active. A handle is active from the call that starts it (models'
// `activatesHandle`: `uv_async_init`, `uv_timer_start`) until one stops or
// closes it (`deactivatesHandle`: `uv_close`, `uv_timer_stop`).
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_PROGRAM_LOOPHANDLES_H
#define COROLINT_PROGRAM_LOOPHANDLES_H

#include "corolint/program/Program.h"

namespace corolint {

/// A run of the program's loop until no handle is active, while a handle
/// the program made active is never stopped or closed, though the program
/// closes one beside it: it shuts its handles down and forgets one, and
/// the run never returns.
struct RunKeptByOpenHandle {
  SiteRef Run;
  ObjectRef Loop;
  /// Where the handle left open is made active.
  SiteRef Activated;
  ObjectRef Handle;
  /// Where a handle beside it is closed: the shutdown.
  SiteRef Closed;
  ObjectRef Other;
};

/// The runs of a loop until no handle is active (a `runsLoop` call on a
/// named loop, made once, with no bound, in its until-idle mode: the
/// program's only such loop) while a handle of the program (a local, a
/// global, a field of a class with members it defines) is made active and
/// nothing stops or closes it, and one beside it (a field of the same
/// class, another global, a local of the same function) is closed for good.
/// Quiet when anything stops a loop (`stopsLoop`), when a stop or close
/// names a handle that cannot be resolved (a parameter no caller binds, as
/// `uv_walk`'s callback's: it may close any) or one never made active (it
/// may be another name for one that is), and for a timer whose repeat is
/// not a known constant other than 0 (active until it fires once).
std::vector<RunKeptByOpenHandle> runsKeptByOpenHandles(const Program &P);

} // namespace corolint

#endif
