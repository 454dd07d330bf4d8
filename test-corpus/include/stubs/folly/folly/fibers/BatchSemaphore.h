// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/fibers/SemaphoreBase.h and BatchSemaphore.h (one file here).
#pragma once
#pragma clang system_header

#include "../coro/Task.h"
#include "../futures/Future.h"

#include <cstddef>
#include <cstdint>

namespace folly {
namespace fibers {

class SemaphoreBase {
public:
  explicit SemaphoreBase(std::size_t tokenCount);
  SemaphoreBase(const SemaphoreBase &) = delete;
  SemaphoreBase(SemaphoreBase &&) = delete;
  SemaphoreBase &operator=(const SemaphoreBase &) = delete;
  SemaphoreBase &operator=(SemaphoreBase &&) = delete;
  std::size_t getCapacity() const;
  std::size_t getAvailableTokens() const;
};

class BatchSemaphore : public SemaphoreBase {
public:
  explicit BatchSemaphore(std::size_t tokenCount) : SemaphoreBase{tokenCount} {}
  BatchSemaphore(const BatchSemaphore &) = delete;
  BatchSemaphore(BatchSemaphore &&) = delete;

  void signal(std::int64_t tokens);
  void wait(std::int64_t tokens);
  bool try_wait(std::int64_t tokens);
  coro::Task<void> co_wait(std::int64_t tokens);
  SemiFuture<Unit> future_wait(std::int64_t tokens);
};

} // namespace fibers
} // namespace folly
