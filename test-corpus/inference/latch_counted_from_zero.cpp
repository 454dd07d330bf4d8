// The twin of latch_never_counted_down.cpp: with no shards to wait for,
// the latch is counted from zero, which constructs it set: the wait
// completes with no count_down() at all.
// expect-no-findings
#include <inhouse/latch.h>
#include <inhouse/task.h>

class shard_loader {
public:
  shard_loader() : loaded_(0) {}

  inhouse::task<int> wait_until_loaded() {
    co_await loaded_;
    co_return 0;
  }

private:
  inhouse::latch loaded_;
};

int open_shards(shard_loader &loader) {
  inhouse::task<int> ready = loader.wait_until_loaded();
  return 0;
}
