// A log shipper pops lines from its in-house queue, but the code that was
// meant to feed it writes to a file instead: nothing ever pushes, so the
// shipper's first pop never completes. The queue's pop() and push() are
// coroutines; corolint infers from the queue's code that pop waits and push
// signals, and that what is pushed is what pop gives: a channel.
#include <inhouse/queue.h>
#include <inhouse/task.h>
#include <string>

class shipper {
public:
  inhouse::task<int> ship_one() {
    std::string line = co_await lines_.pop(); // expect-warning: never-signaled {{'shipper::lines_' (channel) is awaited, but nothing in the program signals it}}
    co_return static_cast<int>(line.size());
  }

private:
  inhouse::queue lines_;
};

int start(shipper &s) {
  inhouse::task<int> first = s.ship_one();
  return 0;
}
