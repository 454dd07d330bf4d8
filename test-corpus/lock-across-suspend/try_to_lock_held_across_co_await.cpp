// try_to_lock may take the mutex: on the path where it did, it is held across
// the co_await.
#include <fake/coro.h>
#include <mutex>

std::mutex mtx;
fake::event ready;

fake::task<void> maybe_update() {
  std::unique_lock<std::mutex> lk(mtx, std::try_to_lock); // expect-path: lock-across-suspend {{acquired here}}
  if (lk.owns_lock())
    co_await ready; // expect-warning: lock-across-suspend {{held across co_await}}
}
