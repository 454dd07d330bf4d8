// The twin of condition_never_signalled.cpp: put() signals the condition
// the consumer waits on.
// expect-no-findings
#include <inhouse/condition.h>
#include <inhouse/task.h>

class mailbox {
public:
  inhouse::task<int> next() {
    while (count_ == 0)
      co_await arrived_.wait();
    co_return --count_;
  }
  void put() {
    ++count_;
    arrived_.signal();
  }

private:
  inhouse::condition_variable arrived_;
  int count_ = 0;
};

int drain(mailbox &m) {
  inhouse::task<int> t = m.next();
  m.put();
  return 0;
}
