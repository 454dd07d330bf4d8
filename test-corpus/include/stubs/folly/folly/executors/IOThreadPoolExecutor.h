// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/executors/IOThreadPoolExecutor.h (IOExecutor and
// GetThreadIdCollector bases, thread factory and EventBaseManager left out).
#pragma once
#pragma clang system_header

#include "../io/async/EventBase.h"
#include "ThreadPoolExecutor.h"

#include <cstddef>

namespace folly {

class IOThreadPoolExecutorBase : public ThreadPoolExecutor {
public:
  using ThreadPoolExecutor::ThreadPoolExecutor;
  virtual EventBase *getEventBase() = 0;
};

class IOThreadPoolExecutor : public IOThreadPoolExecutorBase {
public:
  explicit IOThreadPoolExecutor(std::size_t numThreads);
  ~IOThreadPoolExecutor() override;

  void add(Func func) override;
  EventBase *getEventBase() override;
};

} // namespace folly
