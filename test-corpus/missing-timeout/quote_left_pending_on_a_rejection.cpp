// A market-data client parks one std::promise per quote request in its
// table of pending requests and hands the caller the future. The reply
// handler fulfils the promise for a priced quote; for a rejected symbol it
// counts the rejection and returns, leaving the promise in the table,
// neither fulfilled nor broken: the caller's get() blocks for ever. The
// twin, quote_rejection_fails_the_waiting_caller.cpp, fails the promise and
// takes it out.
#include <cstdint>
#include <future>
#include <map>
#include <mutex>
#include <string>

struct quote_reply {
  std::uint64_t request;
  bool priced;
  double price;
};

class quote_client {
public:
  std::future<double> quote(const std::string &symbol) {
    std::promise<double> priced;
    std::future<double> answer = priced.get_future();
    std::lock_guard<std::mutex> guard(mu_);
    std::uint64_t id = next_id_++;
    pending_.emplace(id, std::move(priced));
    send_request(id, symbol);
    return answer;
  }

  void on_reply(const quote_reply &reply) {
    std::lock_guard<std::mutex> guard(mu_);
    auto it = pending_.find(reply.request);
    if (it == pending_.end())
      return;
    if (!reply.priced) {
      ++rejected_;
      return;
    }
    it->second.set_value(reply.price);
    pending_.erase(it);
  }

private:
  void send_request(std::uint64_t id, const std::string &symbol) {
    (void)id;
    (void)symbol;
  }

  std::mutex mu_;
  std::uint64_t next_id_ = 1;
  std::map<std::uint64_t, std::promise<double>> pending_;
  unsigned rejected_ = 0;
};

double portfolio_value(quote_client &client) {
  std::future<double> acme = client.quote("ACME");
  return 100 * acme.get(); // expect-warning: missing-timeout {{the future of 'priced' is waited for with no deadline, while 'priced' is parked in 'quote_client::pending_' until other code takes it out and fulfils it, and 'quote_client::on_reply' can end with a waiter it found in 'quote_client::pending_' still there, neither fulfilled nor taken out: on that path the waiter stays parked and 'std::future::get' never returns}}
}

int main() {
  quote_client client;
  client.on_reply({1, false, 0});
  return portfolio_value(client) > 0 ? 0 : 1;
}
