// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/coro/Baton.h.
#pragma once
#pragma clang system_header

#include "Coroutine.h"

namespace folly {
namespace coro {

class Baton {
public:
  class WaitOperation {
  public:
    explicit WaitOperation(const Baton &baton) noexcept : baton_(baton) {}
    bool await_ready() const noexcept;
    bool await_suspend(coroutine_handle<> awaitingCoroutine) noexcept;
    void await_resume() noexcept {}

  private:
    const Baton &baton_;
  };

  explicit Baton(bool initiallySignalled = false) noexcept;
  ~Baton();
  bool ready() const noexcept;
  [[nodiscard]] WaitOperation operator co_await() const noexcept {
    return WaitOperation{*this};
  }
  void post() noexcept;
  void reset() noexcept;
};

} // namespace coro
} // namespace folly
