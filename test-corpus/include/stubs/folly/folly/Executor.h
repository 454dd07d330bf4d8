// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/Executor.h, folly/executors/DrivableExecutor.h,
// ScheduledExecutor.h and SequencedExecutor.h (one file here).
#pragma once
#pragma clang system_header

#include "Function.h"

#include <chrono>
#include <cstdint>

namespace folly {

using Func = Function<void()>;

class Executor {
public:
  template <typename ExecutorT = Executor> class KeepAlive {
  public:
    KeepAlive() = default;
    ~KeepAlive();
    KeepAlive(KeepAlive &&other) noexcept;
    KeepAlive(const KeepAlive &other) noexcept;
    template <typename OtherExecutor> KeepAlive(KeepAlive<OtherExecutor> &&other) noexcept;
    ExecutorT *get() const;
  };

  virtual ~Executor();
  virtual void add(Func) = 0;
  virtual void addWithPriority(Func, std::int8_t priority);

  template <typename ExecutorT>
  static KeepAlive<ExecutorT> getKeepAliveToken(ExecutorT *executor);
};

template <typename ExecutorT>
Executor::KeepAlive<ExecutorT> getKeepAliveToken(ExecutorT *executor);
template <typename ExecutorT>
Executor::KeepAlive<ExecutorT> getKeepAliveToken(ExecutorT &executor);

class DrivableExecutor : public virtual Executor {
public:
  ~DrivableExecutor() override = default;
  virtual void drive() = 0;
};

class SequencedExecutor : public virtual Executor {};

class ScheduledExecutor : public virtual Executor {
public:
  using Duration = std::chrono::microseconds;
  using TimePoint = std::chrono::steady_clock::time_point;
  virtual void scheduleAt(Func &&func, TimePoint const &t);
};

} // namespace folly
