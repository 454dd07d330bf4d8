// A session saves each upload: the file write goes to a concurrencpp thread
// pool with submit(), which runs the callable on the pool's threads, so the
// loop does not wait for the disk. Written in the session itself, the same
// write stalls the loop.
#include <boost/asio.hpp>
#include <fstream>
#include <string>
#include <stubs/concurrencpp/concurrencpp/concurrencpp.h>

namespace asio = boost::asio;

void save(const std::string &path, const std::string &body) {
  std::ofstream out(path); // expect-path: blocking-call {{'std::basic_ofstream::basic_ofstream' blocks here}}
  out << body;
}

asio::awaitable<void> store_upload(asio::steady_timer &pace,
                                   concurrencpp::thread_pool_executor &pool,
                                   std::string path, std::string body) {
  co_await pace.async_wait(asio::use_awaitable);
  pool.post([path, body] { save(path, body); });
}

asio::awaitable<void> store_upload_inline(asio::steady_timer &pace,
                                          std::string path, std::string body) {
  co_await pace.async_wait(asio::use_awaitable);
  save(path, body); // expect-path: blocking-call {{calls 'save'}} expect-warning: blocking-call {{call to 'save' reaches 'std::basic_ofstream::basic_ofstream', which blocks the event loop (opens a file)}}
}
