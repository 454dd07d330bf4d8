// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/io/async/HHWheelTimer.h and HHWheelTimer-fwd.h.
#pragma once
#pragma clang system_header

#include <chrono>
#include <memory>
#include <utility>

namespace folly {

template <class Duration> class HHWheelTimerBase {
public:
  class Callback {
  public:
    virtual ~Callback();
    virtual void timeoutExpired() noexcept = 0;
    virtual void callbackCanceled() noexcept { timeoutExpired(); }
  };

  void scheduleTimeout(Callback *callback, Duration timeout);
  void scheduleTimeout(Callback *callback);
  // Runs fn once timeout passes, on the timer's event base.
  template <class F> void scheduleTimeoutFn(F fn, Duration timeout) {
    (void)fn;
    (void)timeout;
  }
  std::size_t cancelAll();
  Duration getTickInterval() const;

protected:
  virtual ~HHWheelTimerBase();
};

using HHWheelTimer = HHWheelTimerBase<std::chrono::milliseconds>;
extern template class HHWheelTimerBase<std::chrono::milliseconds>;
using HHWheelTimerHighRes = HHWheelTimerBase<std::chrono::microseconds>;
extern template class HHWheelTimerBase<std::chrono::microseconds>;

} // namespace folly
