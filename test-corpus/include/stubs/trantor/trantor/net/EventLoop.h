// Stub of trantor for corolint's model name check (tests/CMakeLists.txt,
// models/trantor; test-corpus/models/trantor-api.cpp). Written here, not
// copied: declarations only, with the namespace, class, member names and
// signatures of an-tao/trantor (https://github.com/an-tao/trantor) at commit
// 63a4e5e164e219dc3bf30cdbfa1462ae5602fa97 (v1.5.28, the submodule commit of
// drogon 74fc004c), trantor/net/EventLoop.h.
#pragma once
#pragma clang system_header

#include <chrono>
#include <cstdint>
#include <functional>

namespace trantor {

using Func = std::function<void()>;
using TimerId = uint64_t;

class Date;

class EventLoop {
public:
  EventLoop();
  ~EventLoop();

  void loop();
  void quit();
  bool isInLoopThread() const;

  template <typename Functor> inline void runInLoop(Functor &&f) {
    queueInLoop(Func(f));
  }
  void queueInLoop(const Func &f);
  void queueInLoop(Func &&f);

  TimerId runAt(const Date &time, const Func &cb);
  TimerId runAt(const Date &time, Func &&cb);
  TimerId runAfter(double delay, const Func &cb);
  TimerId runAfter(double delay, Func &&cb);
  TimerId runAfter(const std::chrono::duration<double> &delay, const Func &cb);
  TimerId runAfter(const std::chrono::duration<double> &delay, Func &&cb);
  TimerId runEvery(double interval, const Func &cb);
  TimerId runEvery(double interval, Func &&cb);
  TimerId runEvery(const std::chrono::duration<double> &interval,
                   const Func &cb);
  TimerId runEvery(const std::chrono::duration<double> &interval, Func &&cb);
  void invalidateTimer(TimerId id);
};

} // namespace trantor
