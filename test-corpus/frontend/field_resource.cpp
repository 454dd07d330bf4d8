// A field is one resource for every object of the class: Session::done.
#include <fake/coro.h>

struct Session {
  fake::event done;
  fake::task<void> run() {
    co_await done;  // expect-edge: Session::run waits Session::done
  }
  void finish() {
    done.set();     // expect-edge: Session::finish signals Session::done
  }
};
// expect-no-findings
