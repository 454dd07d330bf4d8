// The mailbox's drain yields until the box is empty or someone closed it:
// when the consumers give up, they close the box and the drain ends. A
// loop that also tests a second state has a way out besides the change it
// waits for (how such a wait is cancelled), and is not reported.
// expect-no-findings
#include <fake/coro.h>
#include <atomic>
#include <cstddef>
#include <deque>

class mailbox {
public:
  std::size_t pending() const { return held_.load(); }
  bool idle() const { return pending() == 0; }
  bool is_closed() const { return closed_.load(); }

  void put(int letter) {
    letters_.push_back(letter);
    ++held_;
  }

  int take() {
    int letter = letters_.front();
    letters_.pop_front();
    --held_;
    return letter;
  }

  void close() { closed_ = true; }

  fake::task<void> drain() {
    while (!idle() && !is_closed())
      co_await fake::yield_now();
    close();
  }

private:
  std::deque<int> letters_;
  std::atomic<std::size_t> held_{0};
  std::atomic<bool> closed_{false};
};

fake::task<void> sender(mailbox &box) {
  box.put(7);
  co_await box.drain();
}

fake::task<void> reader(mailbox &box) {
  co_await fake::yield_now();
  box.take();
  box.close();
}
