// The twin of group_awaited_with_no_jobs.cpp with the group fixed as
// libcoro fixed its task_group: the event is constructed set, so a group
// that no job was started on is done, and awaiting it completes at once.
// expect-no-findings
#include <atomic>
#include <functional>
#include <inhouse/manual_event.h>
#include <inhouse/task.h>
#include <thread>
#include <vector>

class job_group {
public:
  job_group() = default;
  explicit job_group(std::function<void()> first) { start(std::move(first)); }

  void start(std::function<void()> job) {
    empty_.reset();
    size_.fetch_add(1);
    std::thread([this, job = std::move(job)] {
      job();
      finish_one();
    }).detach();
  }

  inhouse::manual_event::awaiter operator co_await() const noexcept {
    return empty_.operator co_await();
  }

private:
  void finish_one() {
    if (size_.fetch_sub(1) == 1)
      empty_.set();
  }

  std::atomic<int> size_{0};
  inhouse::manual_event empty_{true};
};

inhouse::task<int> flush(job_group &background,
                         std::vector<std::function<void()>> writes) {
  job_group mine;
  for (auto &write : writes)
    background.start(write);
  co_await mine;
  co_return static_cast<int>(writes.size());
}
