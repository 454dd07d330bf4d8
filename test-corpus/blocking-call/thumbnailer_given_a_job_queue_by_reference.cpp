// A thumbnailer is handed, by reference, the io_context it queues its work
// on. main makes that io_context a job queue: a thread of its own runs it,
// and nothing but jobs is ever posted to it, so the jobs may block on the
// disk. The twin, thumbnailer_given_the_server_loop_by_reference.cpp, hands
// it the io_context that also accepts the clients.
// expect-no-findings
#include <boost/asio.hpp>
#include <fstream>
#include <string>
#include <thread>

namespace asio = boost::asio;

class thumbnailer {
public:
  explicit thumbnailer(asio::io_context &queue) : queue_(queue) {}

  void render(std::string path) {
    asio::post(queue_, [path] {
      std::ifstream in(path, std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), {});
      std::ofstream(path + ".thumb") << bytes.substr(0, 64);
    });
  }

private:
  asio::io_context &queue_;
};

int main() {
  asio::io_context jobs;
  auto keep = asio::make_work_guard(jobs);
  std::thread worker([&jobs] { jobs.run(); });
  thumbnailer thumbs(jobs);
  thumbs.render("/tmp/cover.png");
  keep.reset();
  worker.join();
}
