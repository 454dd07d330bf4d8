#pragma once
#include <fake/coro.h>

extern bool migrations_done;
fake::task<void> run_migrations();
