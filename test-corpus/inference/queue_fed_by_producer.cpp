// The twin of queue_nothing_pushes.cpp: the logger pushes each line onto
// the shipper's queue, which resumes the waiting pop.
// expect-no-findings
#include <inhouse/queue.h>
#include <inhouse/task.h>
#include <string>

class shipper {
public:
  inhouse::task<int> ship_one() {
    std::string line = co_await lines_.pop();
    co_return static_cast<int>(line.size());
  }

  inhouse::task<bool> log(std::string line) {
    co_return co_await lines_.push(std::move(line));
  }

private:
  inhouse::queue lines_;
};

int start(shipper &s) {
  inhouse::task<int> first = s.ship_one();
  inhouse::task<bool> logged = s.log("started");
  return 0;
}
