// An upload gateway on a home-grown single-threaded loop: each upload
// coroutine awaits a slot; a full gate parks the awaiter, and finish()
// takes the first parked one out and posts its coroutine back to the loop.
// When an operator has shrunk the quota meanwhile, finish() retires the
// slot before it looks at the parked awaiters, which stay parked for a
// later finish(). The twin, upload_slots_dropped_when_the_quota_shrinks.cpp,
// takes an awaiter out first and drops it.
// expect-no-findings
#include <coroutine>
#include <cstdio>
#include <deque>
#include <string>

class Loop {
public:
  void post(std::coroutine_handle<> h) { ready_.push_back(h); }
  void run() {
    while (!ready_.empty()) {
      std::coroutine_handle<> h = ready_.front();
      ready_.pop_front();
      h.resume();
    }
  }

private:
  std::deque<std::coroutine_handle<>> ready_;
};

struct Detached {
  struct promise_type {
    Detached get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

class UploadGate {
public:
  UploadGate(Loop &loop, int quota) : loop_(loop), quota_(quota) {}

  struct SlotAwaiter {
    UploadGate &gate;
    std::coroutine_handle<> handle;
    bool await_ready() {
      if (gate.in_use_ >= gate.quota_)
        return false;
      ++gate.in_use_;
      return true;
    }
    void await_suspend(std::coroutine_handle<> h) {
      handle = h;
      gate.parked_.push_back(this);
    }
    void await_resume() {}
  };

  SlotAwaiter slot() { return SlotAwaiter{*this, {}}; }
  void shrink_to(int quota) { quota_ = quota; }

  void finish() {
    if (parked_.empty() || in_use_ > quota_) {
      --in_use_;
      return;
    }
    SlotAwaiter *next = parked_.front();
    parked_.pop_front();
    loop_.post(next->handle);
  }

private:
  Loop &loop_;
  int quota_;
  int in_use_ = 0;
  std::deque<SlotAwaiter *> parked_;
};

Detached upload(UploadGate &gate, std::string name) {
  co_await gate.slot();
  std::printf("uploading %s\n", name.c_str());
  gate.finish();
}

int main() {
  Loop loop;
  UploadGate gate(loop, 1);
  upload(gate, "a.bin");
  upload(gate, "b.bin");
  gate.shrink_to(0);
  gate.finish();
  loop.run();
}
