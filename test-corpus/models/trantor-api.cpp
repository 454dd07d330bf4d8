// expect-no-findings
//
// Uses every function named in rules/models/trantor.json, on stub headers
// written from trantor's (test-corpus/include/stubs/trantor). The callables
// handed to the loop only count; the loop is run from a plain function.

#include <stubs/trantor/trantor/net/EventLoop.h>

#include <chrono>

namespace trantor_api {

int events = 0;

void drive(trantor::EventLoop &loop) {
  loop.runInLoop([] { ++events; });
  loop.queueInLoop([] { ++events; });
  loop.runAfter(1.5, [] { ++events; });
  trantor::TimerId tick = loop.runEvery(std::chrono::seconds(1), [] { ++events; });
  loop.invalidateTimer(tick);
  loop.loop();
  loop.quit();
}

void schedule_at(trantor::EventLoop &loop, const trantor::Date &when) {
  loop.runAt(when, [] { ++events; });
}

} // namespace trantor_api
