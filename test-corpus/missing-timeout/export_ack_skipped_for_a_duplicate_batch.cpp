// An exporter parks one std::promise per batch in its table of pending
// batches and hands the caller the future. The collector's acks go through
// handle(), which answers each batch through complete(), the one function
// that takes a promise out and fulfils it. A batch the collector has seen
// before is logged as a duplicate and handle() returns without completing
// it: its promise stays in the table and the caller's get() blocks for
// ever. The twin, export_ack_completes_a_duplicate_batch_too.cpp, completes
// the duplicate as well.
#include <cstdint>
#include <cstdio>
#include <future>
#include <map>
#include <mutex>
#include <set>

struct batch_ack {
  std::uint64_t batch;
  std::uint64_t digest;
};

class exporter {
public:
  std::future<bool> export_batch(std::uint64_t digest) {
    std::promise<bool> acked;
    std::future<bool> done = acked.get_future();
    std::lock_guard<std::mutex> guard(mu_);
    std::uint64_t id = next_batch_++;
    pending_.emplace(id, std::move(acked));
    (void)digest;
    return done;
  }

  void handle(const batch_ack &ack) {
    if (!seen_.insert(ack.digest).second) {
      std::printf("duplicate batch %llu\n",
                  static_cast<unsigned long long>(ack.batch));
      return;
    }
    complete(ack.batch, true);
  }

private:
  void complete(std::uint64_t batch, bool ok) {
    std::promise<bool> acked;
    {
      std::lock_guard<std::mutex> guard(mu_);
      auto it = pending_.find(batch);
      if (it == pending_.end())
        return;
      acked = std::move(it->second);
      pending_.erase(it);
    }
    acked.set_value(ok);
  }

  std::mutex mu_;
  std::uint64_t next_batch_ = 1;
  std::map<std::uint64_t, std::promise<bool>> pending_;
  std::set<std::uint64_t> seen_;
};

bool flush(exporter &e, const batch_ack &ack) {
  std::future<bool> done = e.export_batch(ack.digest);
  e.handle(ack);
  return done.get(); // expect-warning: missing-timeout {{'exporter::handle' can end without calling 'exporter::complete', which takes its request's waiter out of 'exporter::pending_': on that path the waiter stays parked and 'std::future::get' never returns}}
}

int main() {
  exporter e;
  return flush(e, {1, 7}) && flush(e, {2, 7}) ? 0 : 1;
}
