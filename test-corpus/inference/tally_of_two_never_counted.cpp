// A build waits for a tally of two uploads, but nothing counts it down. The
// tally keeps its own count, and awaiting it completes only once that count
// is zero: constructed with 2, it starts pending (a non-zero argument is a
// count, not a flag that says "set").
#include <inhouse/tally.h>
#include <inhouse/task.h>

class release_build {
public:
  release_build() : uploaded_(2) {}

  inhouse::task<int> publish() {
    co_await uploaded_; // expect-warning: never-signaled {{'release_build::uploaded_' (event) is awaited, but nothing in the program signals it}}
    co_return 0;
  }

private:
  inhouse::tally uploaded_;
};

int ship(release_build &b) {
  inhouse::task<int> t = b.publish();
  return 0;
}
