// A job queue lets callers look at its jobs through a visitor it calls with
// its mutex held (`for_each_job(const std::function<...> &)`). The status
// reporter's visitor asks the worker table who runs each job, which takes
// the table's mutex; a worker finishing a job holds the table's mutex while
// it takes the job off the queue. The reporter thread and a worker can each
// hold one mutex and wait for the other. The twin,
// job_visitor_reads_a_snapshot_outside_the_queue_lock.cpp, copies the jobs
// under the queue's mutex and asks the table after releasing it.
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
    std::lock_guard<std::mutex> lk(mu_); // expect-path: lock-order-cycle {{'job_queue::mu_' acquired here while 'worker_table::mu_' is held}}
    std::erase_if(jobs_, [id](const job &j) { return j.id == id; });
  }
  void for_each_job(const std::function<void(const job &)> &visit) {
    std::lock_guard<std::mutex> lk(mu_); // expect-path: lock-order-cycle {{'job_queue::mu_' acquired here}}
    for (const job &j : jobs_)
      visit(j); // expect-warning: lock-order-cycle {{'job_queue::mu_' before 'worker_table::mu_' in 'job_queue::for_each_job'; 'worker_table::mu_' before 'job_queue::mu_' in 'worker_table::finish'}}
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
    std::lock_guard<std::mutex> lk(mu_); // expect-path: lock-order-cycle {{'worker_table::mu_' acquired here}}
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
  for (int round = 0; round < 100; ++round)
    queue.for_each_job([&](const job &j) {
      std::printf("job %d on %s\n", j.id, table.describe(j.worker).c_str());
    });
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
