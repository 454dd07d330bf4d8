// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/fibers/Semaphore.h.
#pragma once
#pragma clang system_header

#include "../coro/Task.h"
#include "../futures/Future.h"

#include <cstddef>

namespace folly {
namespace fibers {

class Semaphore {
public:
  explicit Semaphore(std::size_t tokenCount);
  Semaphore(const Semaphore &) = delete;
  Semaphore(Semaphore &&) = delete;
  Semaphore &operator=(const Semaphore &) = delete;
  Semaphore &operator=(Semaphore &&) = delete;

  void signal();
  void wait();
  bool try_wait();
  coro::Task<void> co_wait();
  SemiFuture<Unit> future_wait();
  std::size_t getCapacity() const;
  std::size_t getAvailableTokens() const;
};

} // namespace fibers
} // namespace folly
