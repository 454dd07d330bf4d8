#pragma once
#include <fake/coro.h>

extern fake::event config_loaded;
extern fake::event cache_warm;
