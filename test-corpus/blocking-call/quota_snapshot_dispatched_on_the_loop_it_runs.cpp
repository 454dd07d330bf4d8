// A quota ledger lives on the io_context's thread; its snapshot() may be
// called from any thread, so it dispatches the copy to the loop and waits
// for the future. The audit timer's handler runs on that same loop and calls
// snapshot(): dispatch runs the copy at once there, so the future is ready
// before the wait. The twin,
// quota_snapshot_posted_to_the_loop_it_blocks.cpp, posts it instead.
// expect-no-findings
#include <boost/asio.hpp>
#include <chrono>
#include <cstdio>
#include <future>
#include <map>
#include <string>

namespace asio = boost::asio;

class quota_ledger {
public:
  explicit quota_ledger(asio::io_context &io) : io_(io) {}

  void charge(const std::string &tenant, long units) { used_[tenant] += units; }

  std::map<std::string, long> snapshot() {
    std::promise<std::map<std::string, long>> copy;
    std::future<std::map<std::string, long>> ready = copy.get_future();
    asio::dispatch(io_, [this, &copy] { copy.set_value(used_); });
    return ready.get();
  }

private:
  asio::io_context &io_;
  std::map<std::string, long> used_;
};

class quota_auditor {
public:
  quota_auditor(asio::io_context &io, quota_ledger &ledger)
      : timer_(io), ledger_(ledger) {}

  void start() {
    timer_.expires_after(std::chrono::seconds(30));
    timer_.async_wait([this](const boost::system::error_code &ec) {
      if (ec)
        return;
      for (const auto &[tenant, units] : ledger_.snapshot())
        std::printf("%s used %ld units\n", tenant.c_str(), units);
      start();
    });
  }

private:
  asio::steady_timer timer_;
  quota_ledger &ledger_;
};

int main() {
  asio::io_context io;
  quota_ledger ledger(io);
  ledger.charge("acme", 120);
  quota_auditor auditor(io, ledger);
  auditor.start();
  io.run();
}
