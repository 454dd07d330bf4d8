// The twin of event_field_initialized_set.cpp: the in-class initializer
// constructs the event unset, and nothing sets it.
#include <fake/coro.h>

class gate {
public:
  fake::task<int> pass() {
    co_await open_; // expect-warning: never-signaled {{'gate::open_' (event) is awaited, but nothing in the program signals it}}
    co_return 1;
  }

private:
  fake::event open_{false};
};

int enter(gate &g) { return fake::sync_wait(g.pass()); }
