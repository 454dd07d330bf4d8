// Two stages hand each other batons, in-house ones known only from their
// code, and each waits for the other's baton before posting its own: neither
// ever posts.
#include <inhouse/baton.h>
#include <inhouse/task.h>

class pipeline {
public:
  inhouse::task<int> parse() {
    co_await validated_; // expect-error: wait-cycle {{deadlock}}
    parsed_.post();
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
