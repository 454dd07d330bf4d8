// The twin of batons_each_wait_for_the_other.cpp: the parser posts its
// baton before it waits for the validator's, so the validator can go on.
// expect-no-findings
#include <inhouse/baton.h>
#include <inhouse/task.h>

class pipeline {
public:
  inhouse::task<int> parse() {
    parsed_.post();
    co_await validated_;
    co_return 1;
  }
  inhouse::task<int> validate() {
    co_await parsed_;
    validated_.post();
    co_return 2;
  }

private:
  inhouse::baton parsed_, validated_;
};

int run(pipeline &p) {
  inhouse::task<int> a = p.parse();
  inhouse::task<int> b = p.validate();
  return 0;
}
