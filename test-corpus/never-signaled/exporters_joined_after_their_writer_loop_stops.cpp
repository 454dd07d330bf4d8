// A metrics exporter renders each snapshot on a thread of its own and hands
// the bytes to a writer io_context, which one thread runs, to append them to
// the spool; the renderer waits until the writer has taken them. Shutdown
// stops the writer loop first and joins the renderers after: a renderer that
// posts its bytes after the stop waits forever for a handler that never
// runs, and so does the join. The twin,
// exporters_joined_before_their_writer_loop_stops.cpp, joins the renderers
// first.
#include <boost/asio.hpp>
#include <future>
#include <string>
#include <thread>
#include <vector>

namespace asio = boost::asio;

class exporter {
public:
  explicit exporter(int renderers) : guard_(asio::make_work_guard(writer_)) {
    writer_thread_ = std::thread([this] { writer_.run(); });
    for (int i = 0; i < renderers; ++i)
      renderers_.push_back(std::thread([this, i] { render(i); }));
  }

  ~exporter() {
    guard_.reset();
    writer_.stop(); // expect-path: never-signaled {{'exporter::writer_' is stopped here}}
    writer_thread_.join();
    for (std::thread &t : renderers_)
      t.join(); // expect-warning: never-signaled {{the join waits for the tasks of 'exporter::renderers_', which wait for handlers they post to 'exporter::writer_', but 'exporter::writer_' was stopped before the join}}
  }

private:
  void render(int shard) {
    std::string bytes = "shard " + std::to_string(shard) + "\n";
    std::promise<void> taken;
    std::future<void> done = taken.get_future();
    asio::post(writer_, [this, &bytes, &taken] { // expect-path: never-signaled {{a task of 'exporter::renderers_' hands a handler to 'exporter::writer_' here}}
      spool_ += bytes;
      taken.set_value(); // expect-path: never-signaled {{only that handler signals what the task waits for}}
    });
    done.wait(); // expect-path: never-signaled {{the task waits for it here}}
  }

  asio::io_context writer_;
  asio::executor_work_guard<asio::io_context::executor_type> guard_;
  std::string spool_;
  std::thread writer_thread_;
  std::vector<std::thread> renderers_;
};

int main() { exporter e(4); }
