// expect-no-findings
//
// Looks like shared_futures_wait_on_each_other, but the client sends its
// request before it waits for the reply, which starts the exchange.
#include <future>
#include <thread>

std::promise<int> request;
std::promise<int> reply;

void client() {
  std::shared_future<int> answer = reply.get_future();
  request.set_value(1);
  int v = answer.get();
  (void)v;
}

void server() {
  std::future<int> pending = request.get_future();
  std::shared_future<int> shared = pending.share();
  int v = shared.get();
  reply.set_value(v);
}

int main() {
  std::thread a(client), b(server);
  a.join();
  b.join();
}
