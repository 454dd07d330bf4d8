// The twin of manual_event_constructed_unset.cpp: the event is constructed
// set, so the readers' waits complete with no set() at all.
// expect-no-findings
#include <inhouse/manual_event.h>
#include <inhouse/task.h>

class cache {
public:
  inhouse::task<int> lookup(int key) {
    co_await warmed_up_;
    co_return key;
  }

private:
  inhouse::manual_event warmed_up_{true};
};

int probe(cache &c) {
  inhouse::task<int> t = c.lookup(1);
  return 0;
}
