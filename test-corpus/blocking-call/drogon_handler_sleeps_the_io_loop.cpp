// An HTTP handler coroutine registered with drogon sleeps with
// std::this_thread::sleep_for to "wait a little" before answering. drogon
// runs handlers on its IO loops, so every other connection on that loop
// waits the whole second with it. The twin,
// drogon_handler_awaits_sleep_coro.cpp, awaits drogon's timer instead.
#include <stubs/drogon/drogon/HttpAppFramework.h>

#include <chrono>
#include <thread>

void register_routes() {
  drogon::app().registerHandler(
      "/slow",
      [](drogon::HttpRequestPtr req) -> drogon::Task<drogon::HttpResponsePtr> {
        std::this_thread::sleep_for(std::chrono::seconds(1)); // expect-warning: blocking-call {{call to 'std::this_thread::sleep_for' blocks the event loop (sleeps)}}
        co_return drogon::HttpResponse::newHttpResponse();
      });
}

int main() {
  register_routes();
  drogon::app().run();
}
