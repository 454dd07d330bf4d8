#pragma once
#include <fake/coro.h>

extern fake::async_mutex cache_mutex;
extern fake::async_mutex index_mutex;
fake::task<void> refresh_index();
