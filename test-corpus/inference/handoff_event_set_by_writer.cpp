// The twin of handoff_event_never_set.cpp: the writer sets the flusher's
// in-house auto-reset event after queueing a record, so the flush wakes.
// expect-no-findings
#include <inhouse/handoff_event.h>
#include <inhouse/task.h>

class flusher {
public:
  inhouse::task<int> flush_next() {
    co_await wake_;
    co_return 1;
  }

  void record_written() { wake_.set(); }

private:
  inhouse::handoff_event wake_;
};

int serve(flusher &f) {
  inhouse::task<int> t = f.flush_next();
  f.record_written();
  return 0;
}
