// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/executors/ThreadPoolExecutor.h (DefaultKeepAliveExecutor
// folded into it).
#pragma once
#pragma clang system_header

#include "../Executor.h"

#include <cstddef>

namespace folly {

class DefaultKeepAliveExecutor : public virtual Executor {
public:
  ~DefaultKeepAliveExecutor() override;
};

class ThreadPoolExecutor : public DefaultKeepAliveExecutor {
public:
  explicit ThreadPoolExecutor(std::size_t maxThreads, std::size_t minThreads);
  ~ThreadPoolExecutor() override;

  void add(Func func) override = 0;
  virtual void stop();
  virtual void join();
  std::size_t numThreads() const;
  void setNumThreads(std::size_t numThreads);
};

} // namespace folly
