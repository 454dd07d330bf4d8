// The twin of single_consumer_event_never_set.cpp: the login handler sets
// the event the requests wait for.
// expect-no-findings
#include <inhouse/single_event.h>
#include <inhouse/task.h>

class session {
public:
  inhouse::task<int> handle_request() {
    co_await logged_in_;
    co_return 200;
  }
  void on_login() { logged_in_.set(); }

private:
  inhouse::single_consumer_event logged_in_;
};

int serve(session &s) {
  inhouse::task<int> t = s.handle_request();
  s.on_login();
  return 0;
}
