// A handler saves each session through an abstract store. One store writes a
// file, and the call through the base class may run it: the virtual call is
// the loop code's call, and it reaches every override the program defines.
#include <fake/coro.h>
#include <cstdio>
#include <string>

class session_store {
public:
  virtual ~session_store() = default;
  virtual void save(const std::string &session) = 0;
};

class file_store : public session_store {
public:
  void save(const std::string &session) override {
    FILE *f = fopen("/var/lib/sessions", "a"); // expect-path: blocking-call {{'fopen' blocks here}} expect-warning: blocking-call {{call to 'fopen' blocks the event loop (opens a file)}}
    if (f)
      fclose(f); // expect-path: blocking-call {{'fclose' also blocks here}}
  }
};

class memory_store : public session_store {
public:
  void save(const std::string &session) override { last_ = session; }

private:
  std::string last_;
};

fake::task<void> handle_login(session_store &store) {
  store.save("alice");
  co_return;
}
