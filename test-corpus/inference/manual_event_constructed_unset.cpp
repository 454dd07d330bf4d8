// A cache's readers wait for its warm-up event, which is constructed unset
// and never set: the in-house event starts unset unless its constructor's
// argument says otherwise, which corolint reads from the constructor and
// from what await_ready tests.
#include <inhouse/manual_event.h>
#include <inhouse/task.h>

class cache {
public:
  inhouse::task<int> lookup(int key) {
    co_await warmed_up_; // expect-warning: never-signaled {{'cache::warmed_up_' (event) is awaited, but nothing in the program signals it}}
    co_return key;
  }

private:
  inhouse::manual_event warmed_up_{false};
};

int probe(cache &c) {
  inhouse::task<int> t = c.lookup(1);
  return 0;
}
