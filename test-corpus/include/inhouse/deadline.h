// inhouse/deadline.h - an in-house deadline combinator over the fake
// library, declared here and defined in a unit of its own (not in the
// corpus): within(op, limit) fails op once limit passes. No model
// describes it; its signature (an awaitable and a duration in, an
// awaitable out) says what it does.
#ifndef INHOUSE_DEADLINE_H
#define INHOUSE_DEADLINE_H

#include <chrono>
#include <fake/coro.h>

namespace inhouse {

fake::task<int> within(fake::task<int> op, std::chrono::milliseconds limit);

// Logs how long op took; bounds nothing.
fake::task<int> timed(fake::task<int> op, const char *what);

} // namespace inhouse

#endif
