// The twin of tally_of_two_never_counted.cpp: with no uploads to wait for,
// the tally is constructed with a count of zero, which is done from the
// start: the wait completes with no count_down() at all.
// expect-no-findings
#include <inhouse/tally.h>
#include <inhouse/task.h>

class release_build {
public:
  release_build() : uploaded_(0) {}

  inhouse::task<int> publish() {
    co_await uploaded_;
    co_return 0;
  }

private:
  inhouse::tally uploaded_;
};

int ship(release_build &b) {
  inhouse::task<int> t = b.publish();
  return 0;
}
