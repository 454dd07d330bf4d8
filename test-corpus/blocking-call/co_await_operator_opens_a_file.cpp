// A config handle is awaitable: its operator co_await reloads the file
// before handing out an awaiter that is ready at once. A member operator
// co_await runs where the coroutine awaits, here on the loop, so the file is
// opened and read on the loop thread. The twin,
// co_await_operator_hands_back_cached.cpp, only hands out what it holds.
#include <fake/coro.h>
#include <fstream>
#include <string>

struct config_handle {
  std::string path;
  std::string text;

  struct ready_value {
    std::string value;
    bool await_ready() const noexcept { return true; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    std::string await_resume() { return value; }
  };

  ready_value operator co_await() {
    std::ifstream in(path); // expect-path: blocking-call {{'std::basic_ifstream::basic_ifstream' blocks here}} expect-warning: blocking-call {{call to 'std::basic_ifstream::basic_ifstream' blocks the event loop (opens a file)}}
    std::getline(in, text);
    return ready_value{text};
  }
};

fake::task<void> serve(config_handle &config, fake::event &request) {
  co_await fake::yield_now();
  for (;;) {
    co_await request;
    std::string current = co_await config;
  }
}
