// The flag is set by a function that runs once per call of a message
// handler; that call may skip the set (a message of another kind records
// it instead), but a later message sets it: the setter does not run once.
// expect-no-findings
#include <fake/coro.h>
#include <chrono>

using namespace std::chrono_literals;

class session {
public:
  fake::task<void> wait_for_login() {
    while (!logged_in_)
      co_await fake::sleep_for(10ms);
  }

  void on_message(int kind) { apply(kind); }

private:
  void apply(int kind) {
    if (kind != 1) {
      last_other_ = kind;
      return;
    }
    logged_in_ = true;
  }

  bool logged_in_ = false;
  int last_other_ = 0;
};

void pump(session &s, const int *kinds, int n) {
  for (int i = 0; i < n; ++i)
    s.on_message(kinds[i]);
}
