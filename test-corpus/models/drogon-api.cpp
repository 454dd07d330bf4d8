// expect-no-findings
//
// Uses every function and type named in rules/models/drogon.json, on stub
// headers written from drogon's (test-corpus/include/stubs/drogon). The
// handlers only await the framework's timer; the framework is run and a
// coroutine waited for from plain functions.

#include <stubs/drogon/drogon/HttpAppFramework.h>

#include <chrono>

namespace drogon_api {

drogon::Task<drogon::HttpResponsePtr> reply(drogon::HttpRequestPtr) {
  co_await drogon::sleepCoro(drogon::app().getLoop(), 0.5);
  co_return drogon::HttpResponse::newHttpResponse();
}

drogon::Task<> warm_up() {
  co_await drogon::sleepCoro(drogon::app().getLoop(),
                             std::chrono::milliseconds(10));
}

void serve() {
  drogon::app().registerHandler("/reply", &reply);
  drogon::app().registerHandlerViaRegex(
      "/r.*", [](drogon::HttpRequestPtr req) { return reply(req); });
  drogon::async_run([] { return warm_up(); });
  drogon::app().run();
}

void warm_up_now() { drogon::sync_wait(warm_up()); }

} // namespace drogon_api
