// The twin of drogon_handler_sleeps_the_io_loop.cpp: the handler awaits
// drogon's timer on its own loop, which serves other connections meanwhile.
#include <stubs/drogon/drogon/HttpAppFramework.h>

#include <chrono>
#include <thread>

void register_routes() {
  drogon::app().registerHandler(
      "/slow",
      [](drogon::HttpRequestPtr req) -> drogon::Task<drogon::HttpResponsePtr> {
        co_await drogon::sleepCoro(drogon::app().getLoop(),
                                   std::chrono::seconds(1));
        co_return drogon::HttpResponse::newHttpResponse();
      });
}

int main() {
  register_routes();
  drogon::app().run();
}
// expect-no-findings
