// A geo-lookup service: request coroutines park their handle with the
// region they ask about in the worker's queue, and the worker thread takes
// each one out, looks the region up and resumes the coroutine with the
// answer. Until the region table has loaded, the worker puts the request on
// a queue of deferred lookups, which `load` hands back to the worker. The
// twin, geo_lookup_worker_skips_lookups_until_the_table_loads.cpp, drops
// it.
// expect-no-findings
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <coroutine>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>

struct Detached {
  struct promise_type {
    Detached get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

class GeoWorker {
public:
  struct Lookup {
    std::string region;
    std::string *endpoint;
    std::coroutine_handle<> waiter;
  };

  struct Awaiter {
    GeoWorker &worker;
    std::string region;
    std::string endpoint;
    bool await_ready() { return false; }
    void await_suspend(std::coroutine_handle<> h) {
      worker.enqueue(Lookup{region, &endpoint, h});
    }
    std::string await_resume() { return endpoint; }
  };

  Awaiter endpoint_for(std::string region) {
    return Awaiter{*this, std::move(region), {}};
  }

  void enqueue(Lookup lookup) {
    std::lock_guard<std::mutex> guard(mutex_);
    pending_.push_back(std::move(lookup));
    wake_.notify_one();
  }

  void serve() {
    for (;;) {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [&] { return !pending_.empty() || closing_; });
      if (closing_)
        return;
      Lookup lookup = pending_.front();
      pending_.pop_front();
      lock.unlock();
      if (!loaded_) {
        deferred_.push_back(std::move(lookup));
        continue;
      }
      auto found = regions_.find(lookup.region);
      *lookup.endpoint = found == regions_.end() ? "" : found->second;
      lookup.waiter.resume();
    }
  }

  void load() {
    std::lock_guard<std::mutex> guard(mutex_);
    loaded_ = true;
    for (Lookup &lookup : deferred_)
      pending_.push_back(std::move(lookup));
    deferred_.clear();
    wake_.notify_one();
  }

  void close() {
    std::lock_guard<std::mutex> guard(mutex_);
    closing_ = true;
    wake_.notify_one();
  }

private:
  std::map<std::string, std::string> regions_{{"eu-west", "10.1.0.4"},
                                              {"us-east", "10.2.0.9"}};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Lookup> pending_;
  std::deque<Lookup> deferred_;
  bool closing_ = false;
  std::atomic<bool> loaded_{false};
};

Detached route(GeoWorker &worker, std::string region) {
  std::string endpoint = co_await worker.endpoint_for(region);
  std::printf("%s via %s\n", region.c_str(),
              endpoint.empty() ? "the default route" : endpoint.c_str());
}

int main() {
  GeoWorker worker;
  std::thread serving([&] { worker.serve(); });
  worker.load();
  route(worker, "eu-west");
  route(worker, "ap-south");
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  worker.close();
  serving.join();
}
