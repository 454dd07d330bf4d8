// Precompiled once by tests/CMakeLists.txt for the corpus cases on the real
// standard library (std::mutex, std::thread, std::future, ...): a case with
// no corolint-flags that includes one of these headers is parsed with this
// header precompiled. <coroutine> is left out: fake/coroutine.h defines its
// names for the cases on the fake library.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <fstream>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <semaphore>
#include <shared_mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>
