// A handler moves itself to a thread pool with concurrencpp's
// co_await resume_on(pool) before it opens the report file: the open runs on
// the pool, off the loop. Its twin opens the file first, on the loop that
// started it, and only then moves.
#include <fstream>
#include <stubs/concurrencpp/concurrencpp/concurrencpp.h>

struct detached {
  struct promise_type {
    detached get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

detached save_report(concurrencpp::thread_pool_executor &pool) {
  co_await concurrencpp::resume_on(pool);
  std::ofstream out("report.txt");
  out << "done\n";
}

detached save_report_then_move(concurrencpp::thread_pool_executor &pool) {
  std::ofstream out("report.txt"); // expect-warning: blocking-call {{call to 'std::basic_ofstream::basic_ofstream' blocks the event loop (opens a file)}}
  co_await concurrencpp::resume_on(pool);
  out << "done\n";
}
