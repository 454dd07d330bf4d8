// A metrics exporter renders each snapshot on a thread of its own and hands
// the bytes to a writer io_context, which one thread runs, to append them to
// the spool; the renderer waits until the writer has taken them, then counts
// down a latch. Shutdown waits for the latch before it stops the writer loop
// and joins the renderers after: every renderer is done with the loop by
// then. The twin, exporters_joined_after_their_writer_loop_stops.cpp, stops
// the writer without waiting.
// expect-no-findings
#include <boost/asio.hpp>
#include <future>
#include <latch>
#include <string>
#include <thread>
#include <vector>

namespace asio = boost::asio;

class exporter {
public:
  explicit exporter(int renderers)
      : guard_(asio::make_work_guard(writer_)), rendered_(renderers) {
    writer_thread_ = std::thread([this] { writer_.run(); });
    for (int i = 0; i < renderers; ++i)
      renderers_.push_back(std::thread([this, i] { render(i); }));
  }

  ~exporter() {
    rendered_.wait();
    guard_.reset();
    writer_.stop();
    writer_thread_.join();
    for (std::thread &t : renderers_)
      t.join();
  }

private:
  void render(int shard) {
    std::string bytes = "shard " + std::to_string(shard) + "\n";
    std::promise<void> taken;
    std::future<void> done = taken.get_future();
    asio::post(writer_, [this, &bytes, &taken] {
      spool_ += bytes;
      taken.set_value();
    });
    done.wait();
    rendered_.count_down();
  }

  asio::io_context writer_;
  asio::executor_work_guard<asio::io_context::executor_type> guard_;
  std::latch rendered_;
  std::string spool_;
  std::thread writer_thread_;
  std::vector<std::thread> renderers_;
};

int main() { exporter e(4); }
