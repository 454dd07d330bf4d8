// A consumer waits on an in-house condition variable that nothing signals:
// its wait() returns an awaiter that queues the waiting coroutine, and only
// signal() and broadcast() resume what is queued.
#include <inhouse/condition.h>
#include <inhouse/task.h>

class mailbox {
public:
  inhouse::task<int> next() {
    while (count_ == 0)
      co_await arrived_.wait(); // expect-warning: never-signaled {{'mailbox::arrived_' (event) is awaited, but nothing in the program signals it}}
    co_return --count_;
  }
  void put() { ++count_; }

private:
  inhouse::condition_variable arrived_;
  int count_ = 0;
};

int drain(mailbox &m) {
  inhouse::task<int> t = m.next();
  m.put();
  return 0;
}
