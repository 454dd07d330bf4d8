// An in-house async mutex queues its waiters and unlock() resumes the next:
// by its shape alone it could pass for an event, but the code that awaits
// lock() calls unlock() on the same mutex afterwards, which is what a lock's
// holder does. Taken for an event, every critical section would be a task
// waiting for what only it signals later; corolint infers an async mutex
// from it, not an event, and one mutex taken alone is no cycle.
// expect-no-findings
#include <inhouse/mutex.h>
#include <inhouse/task.h>

class account {
public:
  inhouse::task<int> deposit(int amount) {
    co_await guard_.lock();
    balance_ += amount;
    guard_.unlock();
    co_return balance_;
  }

private:
  inhouse::async_mutex guard_;
  int balance_ = 0;
};

int pay(account &a) {
  inhouse::task<int> t = a.deposit(5);
  return 0;
}
