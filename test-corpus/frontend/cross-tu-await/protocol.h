#pragma once
#include <fake/coro.h>

fake::task<int> read_frame();
extern fake::event connected;
