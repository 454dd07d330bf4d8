// The class and its mutex are declared here; Stats::record is defined in
// stats.cpp and called from main.cpp.
#ifndef CROSS_TU_MEMBER_STATS_H
#define CROSS_TU_MEMBER_STATS_H

#include <fake/coro.h>
#include <mutex>

class Stats {
public:
  fake::task<void> record(int value);
  int total() const;
  void flush() { flushed_.set(); }

private:
  mutable std::mutex mtx_;
  int total_ = 0;
  fake::event flushed_;
};

#endif
