// A market-data client parks one std::promise per quote request in its
// table of pending requests and hands the caller the future. The reply
// handler fulfils the promise for a priced quote, and for a rejected symbol
// fails it and takes it out: the caller's get() throws instead of waiting.
// The twin of quote_left_pending_on_a_rejection.cpp.
// expect-no-findings
#include <cstdint>
#include <future>
#include <stdexcept>
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
      it->second.set_exception(
          std::make_exception_ptr(std::runtime_error("symbol rejected")));
      pending_.erase(it);
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
  return 100 * acme.get();
}

int main() {
  quote_client client;
  client.on_reply({1, false, 0});
  return portfolio_value(client) > 0 ? 0 : 1;
}
