// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/executors/CPUThreadPoolExecutor.h (the GetThreadIdCollector base left out).
#pragma once
#pragma clang system_header

#include "ThreadPoolExecutor.h"

#include <cstddef>
#include <cstdint>

namespace folly {

class CPUThreadPoolExecutor : public ThreadPoolExecutor {
public:
  struct Options {};

  explicit CPUThreadPoolExecutor(std::size_t numThreads, Options opt = {});
  ~CPUThreadPoolExecutor() override;

  void add(Func func) override;
  virtual void add(Func func, std::int8_t priority);
};

} // namespace folly
