// A session waits for its login event, but nothing sets it: the event is an
// in-house one, known only from its code (its awaiter keeps the waiting
// coroutine in the event, and set() resumes it).
#include <inhouse/single_event.h>
#include <inhouse/task.h>

class session {
public:
  inhouse::task<int> handle_request() {
    co_await logged_in_; // expect-warning: never-signaled {{'session::logged_in_' (event) is awaited, but nothing in the program signals it}}
    co_return 200;
  }

private:
  inhouse::single_consumer_event logged_in_;
};

int serve(session &s) {
  inhouse::task<int> t = s.handle_request();
  return 0;
}
