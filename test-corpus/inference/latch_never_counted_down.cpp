// Shards report to a latch when they have loaded; the loader waits on it.
// The count is the number of shards, but the shards' loaders count down a
// latch of their own, so this one's count never reaches zero.
#include <inhouse/latch.h>
#include <inhouse/task.h>

class shard_loader {
public:
  explicit shard_loader(int shards) : loaded_(shards) {}

  inhouse::task<int> wait_until_loaded() {
    co_await loaded_; // expect-warning: never-signaled {{'shard_loader::loaded_' (event) is awaited, but nothing in the program signals it}}
    co_return 0;
  }

private:
  inhouse::latch loaded_;
};

int open_shards(shard_loader &loader) {
  inhouse::task<int> ready = loader.wait_until_loaded();
  return 0;
}
