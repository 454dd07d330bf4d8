// A thumbnailer is handed, by reference, the io_context it queues its work
// on: here the one that also accepts the server's clients, so a render
// that reads a large image stalls every connection. The twin,
// thumbnailer_given_a_job_queue_by_reference.cpp, hands it an io_context
// that only runs jobs.
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
      std::ifstream in(path, std::ios::binary); // expect-warning: blocking-call {{call to 'std::basic_ifstream::basic_ifstream' blocks the event loop (opens a file)}}
      std::string bytes((std::istreambuf_iterator<char>(in)), {});
      std::ofstream(path + ".thumb") << bytes.substr(0, 64); // expect-warning: blocking-call {{call to 'std::basic_ofstream::basic_ofstream' blocks the event loop (opens a file)}}
    });
  }

private:
  asio::io_context &queue_;
};

int main() {
  asio::io_context jobs;
  auto keep = asio::make_work_guard(jobs);
  asio::ip::tcp::acceptor clients(jobs, {asio::ip::tcp::v4(), 8080});
  std::thread worker([&jobs] { jobs.run(); });
  thumbnailer thumbs(jobs);
  thumbs.render("/tmp/cover.png");
  keep.reset();
  worker.join();
}
