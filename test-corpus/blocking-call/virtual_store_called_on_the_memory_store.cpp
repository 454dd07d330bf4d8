// The same stores, but the handler is given the memory store itself: a
// virtual call dispatches among the overrides of the type it is made on,
// and the memory store has no override that writes a file.
// expect-no-findings
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
    FILE *f = fopen("/var/lib/sessions", "a");
    if (f)
      fclose(f);
  }
};

class memory_store : public session_store {
public:
  void save(const std::string &session) override { last_ = session; }

private:
  std::string last_;
};

fake::task<void> handle_login(memory_store &store) {
  store.save("alice");
  co_return;
}
