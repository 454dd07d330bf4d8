#pragma once
#include <fake/coro.h>

fake::task<int> next_message(fake::connection &c);
