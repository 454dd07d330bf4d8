// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/io/async/EventBase.h (its IOExecutor and GetThreadIdCollector bases left out).
#pragma once
#pragma clang system_header

#include "../../Executor.h"
#include "../../Function.h"
#include "HHWheelTimer.h"
#include "TimeoutManager.h"

#include <chrono>

namespace folly {

using Cob = Func;

class EventBase : public TimeoutManager,
                  public DrivableExecutor,
                  public SequencedExecutor,
                  public ScheduledExecutor {
public:
  using Func = folly::Function<void()>;

  EventBase();
  explicit EventBase(bool enableTimeMeasurement);
  ~EventBase() override;

  bool loop();
  bool loopOnce(int flags = 0);
  void loopForever();
  void terminateLoopSoon();

  void runInLoop(Func c, bool thisIteration = false);
  void runInEventBaseThread(Func fn) noexcept;
  void runInEventBaseThreadAlwaysEnqueue(Func fn) noexcept;
  void runInEventBaseThreadAndWait(Func fn) noexcept;
  void runImmediatelyOrRunInEventBaseThreadAndWait(Func fn) noexcept;

  bool isInEventBaseThread() const;
  HHWheelTimer &timer();

  void add(Cob fn) override { runInEventBaseThread(std::move(fn)); }
  void drive() override { loopOnce(); }
  void scheduleAt(Func &&fn, TimePoint const &timeout) override;
  bool isInTimeoutManagerThread() final;
};

} // namespace folly
