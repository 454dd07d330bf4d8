// A queue's consumer holds its mutex while it checks the queue, and waits on
// an async condition variable that is handed the mutex: the wait unlocks it
// while the coroutine is suspended and locks it again before it resumes, so
// no lock is held across that co_await. A sleep with the lock still held is
// reported.
#include <mutex>
#include <fake/coro.h>

struct Queue {
  std::mutex mutex;
  fake::condition_variable ready;
  int items = 0;

  fake::task<int> pop() {
    std::unique_lock<std::mutex> lk(mutex);
    co_await ready.wait(mutex, [this] { return items > 0; });
    co_return --items;
  }

  fake::task<int> pop_slowly() {
    std::unique_lock<std::mutex> lk(mutex);
    co_await ready.wait(mutex, [this] { return items > 0; });
    co_await fake::sleep_for(fake::milliseconds(10)); // expect-warning: lock-across-suspend {{lock 'lk' on 'Queue::mutex' is held across co_await}}
    co_return --items;
  }

  void push() {
    {
      std::lock_guard<std::mutex> lk(mutex);
      ++items;
    }
    ready.notify_all();
  }
};
