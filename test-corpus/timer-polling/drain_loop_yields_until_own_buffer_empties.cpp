// A mailbox's drain waits for its consumers by yielding until its own
// accessor says the box is empty. The accessor reads a counter that only a
// consumer lowers: when the consumers have gone (close() woke them up with
// nothing), the drain yields forever. The loop tests the mailbox's state
// through its own const members, not a named flag.
#include <fake/coro.h>
#include <atomic>
#include <cstddef>
#include <deque>

class mailbox {
public:
  std::size_t pending() const { return held_.load(); }
  bool idle() const { return pending() == 0; }

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
    while (!idle()) // expect-warning: timer-polling {{'mailbox::drain' yields in a loop until 'mailbox::held_' changes; on an executor that resumes the yielder at once this spins at full CPU; 'mailbox::held_' is set in 'mailbox::put'}}
      co_await fake::yield_now();
    close();
  }

private:
  std::deque<int> letters_;
  std::atomic<std::size_t> held_{0};
  bool closed_ = false;
};

fake::task<void> sender(mailbox &box) {
  box.put(7);
  co_await box.drain();
}

fake::task<void> reader(mailbox &box) {
  co_await fake::yield_now();
  box.take();
}
