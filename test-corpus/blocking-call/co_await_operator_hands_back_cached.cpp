// The twin of co_await_operator_opens_a_file.cpp: operator co_await hands
// out the text a reload thread keeps up to date, and opens nothing.
// expect-no-findings
#include <fake/coro.h>
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

  ready_value operator co_await() { return ready_value{text}; }
};

fake::task<void> serve(config_handle &config, fake::event &request) {
  co_await fake::yield_now();
  for (;;) {
    co_await request;
    std::string current = co_await config;
  }
}
