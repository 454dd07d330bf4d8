// A job queue parks a consumer's promise when it is empty, and every push
// looks at the parked consumers first: a worker waiting for its next job
// waits for work by design, as an accept loop waits for the next client.
// The twin of waiter_parked_in_a_pool_queue.cpp, whose release can drop a
// connection without looking at the waiters.
#include <deque>
#include <stubs/async_simple/async_simple/Promise.h>
#include <stubs/async_simple/async_simple/coro/FutureAwaiter.h>
#include <stubs/async_simple/async_simple/coro/Lazy.h>

class job_queue {
public:
  using consumer_t = async_simple::Promise<int>;

  async_simple::coro::Lazy<int> pop() {
    if (!jobs_.empty()) {
      int job = jobs_.front();
      jobs_.pop_front();
      co_return job;
    }
    consumer_t consumer;
    consumers_.push_back(&consumer);
    co_return co_await consumer.getFuture();
  }

  void push(int job) {
    if (!consumers_.empty()) {
      consumer_t *next = consumers_.front();
      consumers_.pop_front();
      next->setValue(std::move(job));
      return;
    }
    jobs_.push_back(job);
  }

private:
  std::deque<consumer_t *> consumers_;
  std::deque<int> jobs_;
};

async_simple::coro::Lazy<void> worker(job_queue &q) {
  for (;;) {
    int job = co_await q.pop();
    (void)job;
  }
}
// expect-no-findings
