// expect-no-findings
//
// Uses every function and type named in rules/models/std.json, from ordinary
// code that no event loop runs. tests check that each model name is extracted
// from this file, so a model name that stops matching libstdc++ fails there.

#include <arpa/inet.h>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <functional>
#include <future>
#include <mutex>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <latch>
#include <semaphore>
#include <sstream>
#include <shared_mutex>
#include <string>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <thread>
#include <time.h>
#include <unistd.h>
#include <uv.h>
#include <coroutine>
#include <deque>
#include <list>
#include <map>
#include <queue>
#include <set>
#include <stack>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace std_api {

using namespace std::chrono_literals;

void sleeping() {
  std::this_thread::sleep_for(1ms);
  std::this_thread::sleep_until(std::chrono::steady_clock::now() + 1ms);
  sleep(0);
  usleep(10);
  timespec ts{0, 1000};
  nanosleep(&ts, nullptr);
}

void file_streams(const std::string &path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  std::istringstream fields(line);
  std::getline(fields, line);
  std::stringstream record(line);
  std::getline(record, line);
  std::ifstream in2;
  in2.open(path);

  std::ofstream out(path + ".out");
  out << line;
  std::ofstream out2;
  out2.open(path + ".out2");

  std::fstream both(path, std::ios::in | std::ios::out);
  std::fstream both2;
  both2.open(path, std::ios::in);
}

void c_stdio(const char *path) {
  FILE *f = fopen(path, "r+");
  if (!f)
    return;
  char buf[64];
  size_t n = fread(buf, 1, sizeof buf, f);
  fwrite(buf, 1, n, f);
  if (fgets(buf, sizeof buf, f))
    fputs(buf, f);
  fprintf(f, "%d\n", 1);
  printf("%d\n", 2);
  puts("done");
  int v = 0;
  fscanf(f, "%d", &v);
  fflush(f);
  fclose(f);
}

void posix_io(const char *path) {
  int fd = open(path, O_RDWR);
  char buf[64];
  ssize_t n = read(fd, buf, sizeof buf);
  if (n > 0)
    write(fd, buf, static_cast<size_t>(n));
  pread(fd, buf, sizeof buf, 0);
  pwrite(fd, buf, sizeof buf, 0);
  fdatasync(fd);
  fsync(fd);
  close(fd);
}

void nonblocking_descriptors() {
  int pipe_fds[2];
  pipe2(pipe_fds, O_NONBLOCK);
  pipe(pipe_fds);
  socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, pipe_fds);
  fcntl(pipe_fds[0], F_SETFL, fcntl(pipe_fds[0], F_GETFL) | O_NONBLOCK);
  int counter = eventfd(0, EFD_NONBLOCK);
  int timer = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
  close(counter);
  close(timer);
}

void sockets() {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(80);
  connect(s, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
  char buf[64];
  send(s, buf, sizeof buf, 0);
  recv(s, buf, sizeof buf, 0);
  socklen_t len = sizeof addr;
  sendto(s, buf, sizeof buf, 0, reinterpret_cast<sockaddr *>(&addr), len);
  recvfrom(s, buf, sizeof buf, 0, reinterpret_cast<sockaddr *>(&addr), &len);
  int peer = accept(s, reinterpret_cast<sockaddr *>(&addr), &len);
  int nonblocking_peer = accept4(s, nullptr, nullptr, SOCK_NONBLOCK);
  close(nonblocking_peer);

  pollfd pfd{s, POLLIN, 0};
  poll(&pfd, 1, 0);
  fd_set set;
  FD_ZERO(&set);
  FD_SET(s, &set);
  timeval tv{0, 0};
  select(s + 1, &set, nullptr, nullptr, &tv);
  int ep = epoll_create1(0);
  epoll_event events[4];
  epoll_wait(ep, events, 4, 0);

  addrinfo *res = nullptr;
  if (getaddrinfo("localhost", "80", nullptr, &res) == 0)
    freeaddrinfo(res);
  gethostbyname("localhost");
  close(peer);
  close(ep);
  close(s);
}

void processes() {
  std::system("true");
  FILE *p = popen("true", "r");
  if (p)
    pclose(p);
}

void futures() {
  std::promise<int> p;
  std::future<int> f = p.get_future();
  std::thread t([&p] { p.set_value(1); });
  f.wait();
  f.wait_for(1ms);
  f.wait_until(std::chrono::steady_clock::now() + 1ms);
  f.get();
  t.join();

  std::promise<int> p2;
  std::shared_future<int> sf = p2.get_future().share();
  p2.set_exception(std::make_exception_ptr(1));
  sf.wait();
  sf.wait_for(1ms);
  sf.wait_until(std::chrono::steady_clock::now() + 1ms);
  try {
    sf.get();
  } catch (int) {
  }

  std::promise<void> p3;
  std::future<void> f3 = p3.get_future();
  std::jthread jt([&p3] { p3.set_value_at_thread_exit(); });
  f3.get();
  jt.join();

  std::promise<int> p4;
  std::future<int> f4 = p4.get_future();
  std::thread t4([&p4] {
    p4.set_exception_at_thread_exit(std::make_exception_ptr(2));
  });
  t4.join();
  try {
    f4.get();
  } catch (int) {
  }

  std::future<int> a = std::async([] { return 3; });
  a.get();
  std::future<int> b = std::async(std::launch::async, [] { return 4; });
  b.get();
}

// Threads and the tables that keep their handles.
void thread_handles() {
  std::thread t([] {});
  bool Same = t.get_id() == std::this_thread::get_id() ||
              pthread_equal(t.native_handle(), pthread_self()) ||
              gettid() == 0;
  t.join();
  int Count = 0;
  std::thread counter([](int &N, const int &Step) { N += Step; },
                      std::ref(Count), std::cref(Count));
  counter.join();
  std::jthread jt([] {});
  Same = Same || jt.get_id() == std::this_thread::get_id();
  jt.join();
  std::thread loose([] {});
  loose.detach();
  std::jthread loose_j([] {});
  loose_j.detach();

  std::map<int, std::future<void>> byId;
  byId[1] = std::async(std::launch::async, [] {});
  byId.erase(1);
  byId.clear();
  std::unordered_map<int, std::future<void>> byKey;
  byKey[1] = std::async(std::launch::async, [] {});
  byKey.erase(1);
  byKey.clear();
  std::vector<std::future<void>> all;
  all.push_back(std::async(std::launch::async, [] {}));
  all.erase(all.begin());
  all.clear();
  (void)Same;
}

// Waiters taken out of their containers (takesElement), and the handles
// of suspended coroutines resumed (resumes).
void parked_waiters(std::coroutine_handle<> h) {
  std::deque<std::coroutine_handle<>> waiting{h, h};
  waiting.pop_front();
  waiting.pop_back();
  std::list<int> l{1, 2};
  l.pop_front();
  l.pop_back();
  std::vector<int> v{1};
  v.pop_back();
  std::queue<int> q;
  q.push(1);
  q.pop();
  std::stack<int> st;
  st.push(1);
  st.pop();
  std::priority_queue<int> pq;
  pq.push(1);
  pq.pop();
  std::map<int, int> byId{{1, 1}};
  byId.extract(1);
  std::unordered_map<int, int> byKey{{1, 1}};
  byKey.extract(1);
  std::set<int> ids{1};
  ids.extract(1);
  std::unordered_set<int> keys{1};
  keys.extract(1);
  if (!h.done())
    h.resume();
  h();
}

std::mutex m;
std::recursive_mutex rm;
std::timed_mutex tm;
std::recursive_timed_mutex rtm;
std::shared_mutex sm;
std::shared_timed_mutex stm;

void mutexes() {
  m.lock();
  m.unlock();
  if (m.try_lock())
    m.unlock();

  rm.lock();
  rm.unlock();
  if (rm.try_lock())
    rm.unlock();

  tm.lock();
  tm.unlock();
  if (tm.try_lock())
    tm.unlock();
  if (tm.try_lock_for(1ms))
    tm.unlock();
  if (tm.try_lock_until(std::chrono::steady_clock::now() + 1ms))
    tm.unlock();

  rtm.lock();
  rtm.unlock();
  if (rtm.try_lock())
    rtm.unlock();
  if (rtm.try_lock_for(1ms))
    rtm.unlock();
  if (rtm.try_lock_until(std::chrono::steady_clock::now() + 1ms))
    rtm.unlock();

  sm.lock();
  sm.unlock();
  if (sm.try_lock())
    sm.unlock();
  sm.lock_shared();
  sm.unlock_shared();
  if (sm.try_lock_shared())
    sm.unlock_shared();

  stm.lock();
  stm.unlock();
  if (stm.try_lock())
    stm.unlock();
  if (stm.try_lock_for(1ms))
    stm.unlock();
  if (stm.try_lock_until(std::chrono::steady_clock::now() + 1ms))
    stm.unlock();
  stm.lock_shared();
  stm.unlock_shared();
  if (stm.try_lock_shared())
    stm.unlock_shared();
  if (stm.try_lock_shared_for(1ms))
    stm.unlock_shared();
  if (stm.try_lock_shared_until(std::chrono::steady_clock::now() + 1ms))
    stm.unlock_shared();
}

void guards() {
  {
    std::lock_guard<std::mutex> g(m);
  }
  {
    std::scoped_lock g(m, rm);
  }
  {
    std::unique_lock<std::mutex> g(m, std::defer_lock);
    g.lock();
    g.unlock();
    if (g.try_lock())
      g.unlock();
  }
  {
    std::unique_lock<std::timed_mutex> g(tm, std::try_to_lock);
    if (g.owns_lock())
      g.unlock();
    if (g.try_lock_for(1ms))
      g.unlock();
    if (g.try_lock_until(std::chrono::steady_clock::now() + 1ms))
      g.unlock();
  }
  {
    std::shared_lock<std::shared_mutex> g(sm, std::defer_lock);
    g.lock();
    g.unlock();
    if (g.try_lock())
      g.unlock();
  }
  {
    std::shared_lock<std::shared_timed_mutex> g(stm, std::try_to_lock);
    if (g.owns_lock())
      g.unlock();
    if (g.try_lock_for(1ms))
      g.unlock();
    if (g.try_lock_until(std::chrono::steady_clock::now() + 1ms))
      g.unlock();
  }
}

std::mutex cvm;
std::condition_variable cv;
std::condition_variable_any cva;
bool ready = false;

void condition_variables() {
  std::thread notifier([] {
    {
      std::lock_guard<std::mutex> g(cvm);
      ready = true;
    }
    cv.notify_one();
    cv.notify_all();
    cva.notify_one();
    cva.notify_all();
  });
  {
    std::unique_lock<std::mutex> lk(cvm);
    cv.wait(lk, [] { return ready; });
    cv.wait_for(lk, 1ms, [] { return ready; });
    cv.wait_until(lk, std::chrono::steady_clock::now() + 1ms,
                  [] { return ready; });
    cva.wait(lk, [] { return ready; });
    cva.wait_for(lk, 1ms, [] { return ready; });
    cva.wait_until(lk, std::chrono::steady_clock::now() + 1ms,
                   [] { return ready; });
  }
  notifier.join();
}

// POSIX threads' mutex and condition variable, and libuv's, which are the
// same types on Unix (uv_mutex_t is pthread_mutex_t): its functions are
// members of pthread's types in the model.
pthread_mutex_t pmu = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t pcv = PTHREAD_COND_INITIALIZER;
bool pready = false;

void posix_condition_variables() {
  pthread_mutex_lock(&pmu);
  while (!pready) {
    timespec until{0, 0};
    if (pthread_cond_timedwait(&pcv, &pmu, &until) != 0)
      pthread_cond_wait(&pcv, &pmu);
  }
  pthread_mutex_unlock(&pmu);
  if (pthread_mutex_trylock(&pmu) == 0)
    pthread_mutex_unlock(&pmu);
  pthread_cond_signal(&pcv);
  pthread_cond_broadcast(&pcv);

  uv_mutex_t umu;
  uv_cond_t ucv;
  uv_mutex_init(&umu);
  uv_cond_init(&ucv);
  uv_mutex_lock(&umu);
  while (!pready)
    uv_cond_wait(&ucv, &umu);
  uv_mutex_unlock(&umu);
  if (uv_mutex_trylock(&umu) == 0)
    uv_mutex_unlock(&umu);
  uv_cond_signal(&ucv);
  uv_cond_broadcast(&ucv);
}

std::counting_semaphore<4> slots{4};
std::binary_semaphore turn{1};

void semaphores() {
  slots.acquire();
  slots.release();
  if (slots.try_acquire())
    slots.release();
  if (slots.try_acquire_for(1ms))
    slots.release();
  if (slots.try_acquire_until(std::chrono::steady_clock::now() + 1ms))
    slots.release();
  turn.acquire();
  turn.release();
}

void latches() {
  std::latch started{2};
  started.count_down();
  started.arrive_and_wait();
  started.wait();
}

} // namespace std_api

namespace std_api {
// Callable wrappers keep the callable; the program calls the wrapper.
int callable_wrappers() {
  std::function<int()> kept([] { return 1; });
  auto bound = std::bind([](int v) { return v; }, 2);
  auto front = std::bind_front([](int a, int b) { return a + b; }, 3);
  std::packaged_task<int()> task([] { return 4; });
  task();
  return kept() + bound() + front(4) + task.get_future().get();
}

// Containers of callables keep what is put in them: a callback registered
// in a table runs when the table's owner calls it, not at the insertion.
int callable_containers() {
  std::vector<std::function<int()>> list;
  list.push_back([] { return 1; });
  list.emplace_back([] { return 2; });
  std::deque<std::function<int()>> ready;
  ready.push_back([] { return 3; });
  ready.emplace_back([] { return 4; });
  ready.push_front([] { return 5; });
  ready.emplace_front([] { return 6; });
  std::queue<std::function<int()>> fifo;
  fifo.push([] { return 7; });
  fifo.emplace([] { return 8; });
  std::map<int, std::function<int()>> byId;
  byId.emplace(1, [] { return 9; });
  byId.try_emplace(2, [] { return 10; });
  std::unordered_map<int, std::function<int()>> byKey;
  byKey.emplace(1, [] { return 11; });
  byKey.try_emplace(2, [] { return 12; });
  return list.front()() + ready.front()() + fifo.front()() + byId[1]() +
         byKey[1]();
}
} // namespace std_api

int main(int argc, char **argv) {
  std_api::sleeping();
  std_api::callable_wrappers();
  std_api::file_streams(argc > 1 ? argv[1] : "/dev/null");
  std_api::c_stdio("/dev/null");
  std_api::posix_io("/dev/null");
  std_api::nonblocking_descriptors();
  std_api::sockets();
  std_api::processes();
  std_api::futures();
  std_api::thread_handles();
  std_api::mutexes();
  std_api::guards();
  std_api::condition_variables();
  std_api::posix_condition_variables();
  std_api::semaphores();
}

// Awaitables that never suspend (role no-suspend), and one that suspends
// for good (never-resumes).
void take_suspend_never(std::suspend_never) {}
void use_suspend_never() { take_suspend_never(std::suspend_never{}); }
void take_suspend_always(std::suspend_always) {}
void use_suspend_always() { take_suspend_always(std::suspend_always{}); }
