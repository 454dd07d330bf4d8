// Two nodes of one class: a node takes its own mutex and sets its peer's
// flag, while the peer polls its own flag holding its own mutex. The flag
// and the mutexes are fields of different objects, so the setter does not
// wait for the poller: slow, not stuck.
// expect-no-findings
#include <fake/coro.h>
#include <chrono>

using namespace std::chrono_literals;

class node {
public:
  fake::task<void> notify_peer(node &peer) {
    fake::async_lock_guard lk = co_await mutex_.lock();
    peer.ready_ = true;
  }

  fake::task<void> wait_ready() {
    fake::async_lock_guard lk = co_await mutex_.lock();
    while (!ready_)
      co_await fake::sleep_for(20ms);
  }

private:
  fake::async_mutex mutex_;
  bool ready_ = false;
};

void run(fake::loop &loop, node &a, node &b) {
  loop.spawn(b.wait_ready());
  loop.spawn(a.notify_peer(b));
}
