// The futures of promise_futures_wait_on_each_other, shared: one through the
// converting constructor (`std::shared_future<int> f = p.get_future()`), one
// through share(). Each still waits on the promise the other thread fulfils
// only after its own wait.
#include <future>
#include <thread>

std::promise<int> request;
std::promise<int> reply;

void client() {
  std::shared_future<int> answer = reply.get_future();
  int v = answer.get(); // expect-path: wait-cycle {{'client' waits for 'reply' here}}
  request.set_value(v); // expect-path: wait-cycle {{only then 'request' is signalled}}
}

void server() {
  std::future<int> pending = request.get_future();
  std::shared_future<int> shared = pending.share();
  int v = shared.get(); // expect-error: wait-cycle {{deadlock: 'reply' is signalled only after 'request' is signalled, and 'request' is signalled only after 'reply' is signalled}}
  reply.set_value(v);
}

int main() {
  std::thread a(client), b(server);
  a.join();
  b.join();
}
