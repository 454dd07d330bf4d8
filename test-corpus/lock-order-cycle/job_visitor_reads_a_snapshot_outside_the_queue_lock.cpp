// The twin of job_visitor_locks_the_worker_table_inside_the_queue_lock.cpp:
// the queue still calls visitors with its mutex held, but the reporter's
// visitor only copies the jobs; it asks the worker table who runs each one
// after for_each_job has released the queue's mutex, so no thread holds the
// queue's mutex while it waits for the table's.
// expect-no-findings
#include <cstdio>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct job {
  int id;
  int worker;
};

class job_queue {
public:
  void push(job j) {
    std::lock_guard<std::mutex> lk(mu_);
    jobs_.push_back(j);
  }
  void remove(int id) {
    std::lock_guard<std::mutex> lk(mu_);
    std::erase_if(jobs_, [id](const job &j) { return j.id == id; });
  }
  void for_each_job(const std::function<void(const job &)> &visit) {
    std::lock_guard<std::mutex> lk(mu_);
    for (const job &j : jobs_)
      visit(j);
  }

private:
  std::mutex mu_;
  std::vector<job> jobs_;
};

class worker_table {
public:
  explicit worker_table(job_queue &queue) : queue_(queue) {}
  std::string describe(int worker) {
    std::lock_guard<std::mutex> lk(mu_);
    return names_[worker];
  }
  void finish(int worker, int job_id) {
    std::lock_guard<std::mutex> lk(mu_);
    ++done_[worker];
    queue_.remove(job_id);
  }

private:
  job_queue &queue_;
  std::mutex mu_;
  std::map<int, std::string> names_;
  std::map<int, int> done_;
};

void report(job_queue &queue, worker_table &table) {
  for (int round = 0; round < 100; ++round) {
    std::vector<job> snapshot;
    queue.for_each_job([&](const job &j) { snapshot.push_back(j); });
    for (const job &j : snapshot)
      std::printf("job %d on %s\n", j.id, table.describe(j.worker).c_str());
  }
}

void work(job_queue &queue, worker_table &table, int worker) {
  for (int id = worker; id < 1000; id += 2) {
    queue.push({id, worker});
    table.finish(worker, id);
  }
}

int main() {
  job_queue queue;
  worker_table table(queue);
  std::thread reporter(report, std::ref(queue), std::ref(table));
  std::thread first(work, std::ref(queue), std::ref(table), 0);
  std::thread second(work, std::ref(queue), std::ref(table), 1);
  reporter.join();
  first.join();
  second.join();
}
