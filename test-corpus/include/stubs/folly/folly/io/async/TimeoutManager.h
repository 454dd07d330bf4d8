// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/io/async/TimeoutManager.h.
#pragma once
#pragma clang system_header

#include "../../Function.h"

#include <chrono>
#include <cstdint>

namespace folly {

class TimeoutManager {
public:
  using timeout_type = std::chrono::milliseconds;
  using Func = folly::Function<void()>;
  enum class InternalEnum { INTERNAL, NORMAL };

  TimeoutManager();
  virtual ~TimeoutManager();

  virtual bool isInTimeoutManagerThread() = 0;
  void runAfterDelay(Func cob, std::uint32_t milliseconds,
                     InternalEnum internal = InternalEnum::NORMAL);
  bool tryRunAfterDelay(Func cob, std::uint32_t milliseconds,
                        InternalEnum internal = InternalEnum::NORMAL);
};

} // namespace folly
