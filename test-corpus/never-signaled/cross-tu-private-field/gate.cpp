#include "gate.h"

fake::task<void> Gate::pass() {
  co_await opened_; // expect-warning: never-signaled {{'Gate::opened_' (event) is awaited, but nothing in the program signals it}}
}

void Gate::close() { closed_ = true; }
