// A private event of a class that has no friends and whose members are all
// defined here: only these members can reach it, and none of them sets it.
#include <fake/coro.h>

class Gate {
public:
  fake::task<void> pass() {
    co_await opened_; // expect-warning: never-signaled {{'Gate::opened_' (event) is awaited, but nothing in the program signals it}}
    ++passed_;
  }
  int passed() const { return passed_; }

private:
  fake::event opened_;
  int passed_ = 0;
};
