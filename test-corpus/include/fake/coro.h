// fake/coro.h - a tiny, self-contained fake coroutine library for the corolint
// test corpus. It only has to compile and have believable types; the event
// loop runs on a virtual clock and never blocks. It includes no standard
// library header (fake/coroutine.h is the compiler's part of <coroutine>), so
// a case that needs nothing else parses in a few milliseconds; a case that
// uses std::chrono, <mutex> or <thread> includes them itself.
//
//   fake::task<T>           lazy coroutine task; co_await it to run it, or
//                           detach() to start it on its own
//   fake::event             set(); co_await ev waits until it is set
//   fake::condition_variable co_await cv.wait(m, pred) unlocks m while it
//                           waits for notify_all(), as async_simple's does
//   fake::latch             count_down(); co_await l waits for the count
//   fake::async_mutex       co_await m.lock() yields a fake::async_lock_guard
//                           (an async-mutex guard, not a synchronous lock)
//   fake::semaphore         co_await s.acquire() takes a unit, release() gives
//                           one back; co_await get_units(s) yields a
//                           fake::semaphore_units that gives it back when
//                           destroyed
//   fake::sleep_for(ms)     awaitable that resumes after ms on the current loop
//   fake::loop              post(cb), add_timer(ms, cb) (one-shot),
//                           add_periodic_timer(ms, cb) -> id (every ms until
//                           cancel_timer(id)), spawn(task), run(), stop()
//   fake::yield_now()       awaitable that resumes on the next loop turn
//   fake::connection        a peer: co_await c.read() waits for its next
//                           message, close() aborts a pending read
//   fake::stream          wraps a connection (a plain or a TLS one):
//                           visit(op) calls op with it at once, close()
//                           closes it
//   fake::with_timeout(t, ms) bounds task t with a deadline
//   fake::sync_wait(t)      runs task t to its end on the calling thread
//   fake::generator<T>      synchronous generator driven by co_yield
//   fake::milliseconds      a duration; any std::chrono duration converts
//
// Nothing here takes a synchronous lock or blocks a thread, so library code
// never produces findings of its own.

#ifndef FAKE_CORO_H
#define FAKE_CORO_H

// Library code, as a project sees the libraries it includes: the models in
// test-corpus/.corolint.yaml describe it, and its bodies are not analyzed.
#pragma clang system_header

#include "fake/coroutine.h"

namespace fake {

namespace detail {

template <class T> struct unref { using type = T; };
template <class T> struct unref<T &> { using type = T; };
template <class T> struct unref<T &&> { using type = T; };

// What a wrapper keeps of a callable: the object, or a pointer to a function.
template <class T> struct stored { using type = typename unref<T>::type; };
template <class R, class... A> struct stored<R (&)(A...)> {
  using type = R (*)(A...);
};

template <class T, class U> struct unless_same { using type = void; };
template <class T> struct unless_same<T, T> {};
template <class T> struct unless_same<const T, T> {};

template <class T> typename unref<T>::type &&move(T &&v) noexcept {
  return static_cast<typename unref<T>::type &&>(v);
}
template <class T> T &&forward(typename unref<T>::type &v) noexcept {
  return static_cast<T &&>(v);
}
template <class T, class U = T> T exchange(T &slot, U &&value) {
  T old = detail::move(slot);
  slot = detail::forward<U>(value);
  return old;
}

// A growable array: the little of std::vector and std::deque the loop and
// the waiter lists use.
template <class T> class list {
public:
  list() = default;
  list(const list &) = delete;
  list &operator=(const list &) = delete;
  ~list() { delete[] items_; }

  bool empty() const noexcept { return size_ == 0; }
  T *begin() noexcept { return items_; }
  T *end() noexcept { return items_ + size_; }
  T &front() noexcept { return items_[0]; }

  void push_back(T v) {
    if (size_ == capacity_)
      grow();
    items_[size_++] = detail::move(v);
  }
  void erase(T *at) {
    for (T *i = at; i + 1 != end(); ++i)
      *i = detail::move(i[1]);
    --size_;
  }
  void pop_front() { erase(begin()); }
  void clear() { size_ = 0; }
  void swap(list &o) noexcept {
    items_ = detail::exchange(o.items_, items_);
    size_ = detail::exchange(o.size_, size_);
    capacity_ = detail::exchange(o.capacity_, capacity_);
  }

private:
  void grow() {
    unsigned long capacity = capacity_ ? 2 * capacity_ : 4;
    T *items = new T[capacity];
    for (unsigned long i = 0; i < size_; ++i)
      items[i] = detail::move(items_[i]);
    delete[] items_;
    items_ = items;
    capacity_ = capacity;
  }
  T *items_ = nullptr;
  unsigned long size_ = 0, capacity_ = 0;
};

// At most one value, kept on the heap: std::optional without <new>.
template <class T> class maybe {
public:
  maybe() = default;
  maybe(const maybe &) = delete;
  maybe &operator=(const maybe &) = delete;
  ~maybe() { reset(); }
  template <class U> void emplace(U &&v) {
    reset();
    value_ = new T(detail::forward<U>(v));
  }
  void reset() noexcept {
    delete value_;
    value_ = nullptr;
  }
  T &operator*() const noexcept { return *value_; }

private:
  T *value_ = nullptr;
};

} // namespace detail

// A callable taking nothing and returning nothing: std::function<void()>.
class callback {
public:
  callback() = default;
  // Takes the callable by forwarding reference, as std::function does.
  template <class F, class D = typename detail::stored<F>::type,
            class = typename detail::unless_same<D, callback>::type>
  callback(F &&f) : call_(new holder<D>(detail::forward<F>(f))) {}
  callback(callback &&o) noexcept : call_(detail::exchange(o.call_, nullptr)) {}
  callback(const callback &o) : call_(o.call_ ? o.call_->copy() : nullptr) {}
  callback &operator=(callback o) noexcept {
    call_ = detail::exchange(o.call_, call_);
    return *this;
  }
  ~callback() { delete call_; }
  void operator()() const { call_->call(); }

private:
  struct callable {
    virtual ~callable() = default;
    virtual void call() = 0;
    virtual callable *copy() const = 0;
  };
  template <class F> struct holder : callable {
    template <class G> explicit holder(G &&g) : f(detail::forward<G>(g)) {}
    void call() override { f(); }
    callable *copy() const override { return new holder(f); }
    F f;
  };
  callable *call_ = nullptr;
};

// A whole number of milliseconds. Any std::chrono duration converts to it,
// without this header naming std::chrono.
class milliseconds {
public:
  constexpr milliseconds() = default;
  constexpr explicit milliseconds(long long count) : count_(count) {}
  template <class D, class = decltype(D::period::num)>
  constexpr milliseconds(D d)
      : count_(d.count() * 1000 * D::period::num / D::period::den) {}
  constexpr long long count() const noexcept { return count_; }
  friend constexpr milliseconds operator+(milliseconds a, milliseconds b) {
    return milliseconds(a.count_ + b.count_);
  }
  friend constexpr bool operator<(milliseconds a, milliseconds b) {
    return a.count_ < b.count_;
  }
  friend constexpr bool operator!=(milliseconds a, milliseconds b) {
    return a.count_ != b.count_;
  }

private:
  long long count_ = 0;
};


template <class T = void> class task;

namespace detail {

struct task_promise_base {
  std::coroutine_handle<> continuation;
  std::suspend_always initial_suspend() noexcept { return {}; }

  struct final_awaiter {
    bool await_ready() const noexcept { return false; }
    template <class Promise>
    std::coroutine_handle<>
    await_suspend(std::coroutine_handle<Promise> h) const noexcept {
      if (auto c = h.promise().continuation)
        return c;
      return std::noop_coroutine();
    }
    void await_resume() const noexcept {}
  };
  final_awaiter final_suspend() noexcept { return {}; }

  // The exception leaves through whoever resumed the coroutine.
  void unhandled_exception() { throw; }
};

template <class T> struct task_promise : task_promise_base {
  detail::maybe<T> value;

  task<T> get_return_object() noexcept;
  template <class U = T> void return_value(U &&v) {
    value.emplace(detail::forward<U>(v));
  }
  T take() {
    return detail::move(*value);
  }
};

template <> struct task_promise<void> : task_promise_base {
  task<void> get_return_object() noexcept;
  void return_void() noexcept {}
  void take() {}
};

} // namespace detail

// A lazy task: the body starts when the task is awaited (or spawned on a
// loop), and the awaiting coroutine is resumed when it finishes.
template <class T> class [[nodiscard]] task {
public:
  using promise_type = detail::task_promise<T>;
  using handle_type = std::coroutine_handle<promise_type>;

  task() noexcept = default;
  explicit task(handle_type h) noexcept : h_(h) {}
  task(task &&o) noexcept : h_(detail::exchange(o.h_, {})) {}
  task &operator=(task &&o) noexcept {
    if (this != &o) {
      reset();
      h_ = detail::exchange(o.h_, {});
    }
    return *this;
  }
  task(const task &) = delete;
  task &operator=(const task &) = delete;
  ~task() { reset(); }

  struct awaiter {
    handle_type h;
    bool await_ready() const noexcept { return !h || h.done(); }
    std::coroutine_handle<>
    await_suspend(std::coroutine_handle<> caller) noexcept {
      h.promise().continuation = caller;
      return h;
    }
    T await_resume() { return h.promise().take(); }
  };
  awaiter operator co_await() noexcept { return awaiter{h_}; }

  handle_type handle() const noexcept { return h_; }
  bool done() const noexcept { return !h_ || h_.done(); }
  // Starts the body now and lets it run on its own, as async_simple's
  // Lazy::start(cb) and detach() do.
  void detach() && {
    if (handle_type h = detail::exchange(h_, {}))
      h.resume();
  }

private:
  void reset() noexcept {
    if (h_)
      h_.destroy();
    h_ = {};
  }
  handle_type h_;
};

namespace detail {
template <class T> task<T> task_promise<T>::get_return_object() noexcept {
  return task<T>{std::coroutine_handle<task_promise<T>>::from_promise(*this)};
}
inline task<void> task_promise<void>::get_return_object() noexcept {
  return task<void>{
      std::coroutine_handle<task_promise<void>>::from_promise(*this)};
}
} // namespace detail

// A manual-reset event. co_await ev suspends until someone calls set().
class event {
public:
  event() = default;
  // Constructed set when initially_set is true: waits complete at once.
  explicit event(bool initially_set) noexcept : set_(initially_set) {}
  event(const event &) = delete;
  event &operator=(const event &) = delete;

  void set() {
    set_ = true;
    detail::list<std::coroutine_handle<>> waiters;
    waiters.swap(waiters_);
    for (auto h : waiters)
      h.resume();
  }
  void reset() noexcept { set_ = false; }
  bool is_set() const noexcept { return set_; }

  struct awaiter {
    event &ev;
    bool await_ready() const noexcept { return ev.set_; }
    void await_suspend(std::coroutine_handle<> h) { ev.waiters_.push_back(h); }
    void await_resume() const noexcept {}
  };
  awaiter operator co_await() noexcept { return awaiter{*this}; }

private:
  bool set_ = false;
  detail::list<std::coroutine_handle<>> waiters_;
};

// An async condition variable, as async_simple's: co_await cv.wait(m, pred)
// unlocks m, suspends until notify_all() finds pred true, and locks m again
// before the coroutine resumes.
class condition_variable {
public:
  template <class Mutex, class Pred> struct awaiter {
    condition_variable &cv;
    Mutex &m;
    Pred pred;
    bool await_ready() { return pred(); }
    void await_suspend(std::coroutine_handle<> h) {
      m.unlock();
      cv.waiters_.push_back(h);
    }
    void await_resume() { m.lock(); }
  };
  template <class Mutex, class Pred>
  awaiter<Mutex, Pred> wait(Mutex &m, Pred pred) {
    return {*this, m, pred};
  }
  void notify_all() {
    detail::list<std::coroutine_handle<>> waiters;
    waiters.swap(waiters_);
    for (auto h : waiters)
      h.resume();
  }

private:
  detail::list<std::coroutine_handle<>> waiters_;
};

// A latch: co_await l waits until count_down() has been called as often as
// the count it was constructed with; counted from zero it is open at once.
// It has no destructor of its own, as libcoro's coro::latch.
class latch {
public:
  explicit latch(long count) noexcept : count_(count) {}
  void count_down() noexcept { --count_; }
  struct awaiter {
    const latch &l;
    bool await_ready() const noexcept { return l.count_ <= 0; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    void await_resume() const noexcept {}
  };
  awaiter operator co_await() const noexcept { return awaiter{*this}; }

private:
  long count_;
};

class async_mutex;

// Owns an async_mutex until destroyed or unlock()ed. Holding one across a
// co_await is the whole point of an async mutex: other coroutines that want
// it suspend instead of blocking the thread.
class [[nodiscard]] async_lock_guard {
public:
  async_lock_guard(async_lock_guard &&o) noexcept
      : m_(detail::exchange(o.m_, nullptr)) {}
  async_lock_guard(const async_lock_guard &) = delete;
  async_lock_guard &operator=(const async_lock_guard &) = delete;
  async_lock_guard &operator=(async_lock_guard &&) = delete;
  ~async_lock_guard() { unlock(); }

  inline void unlock() noexcept;
  bool owns_lock() const noexcept { return m_ != nullptr; }

private:
  friend class async_mutex;
  explicit async_lock_guard(async_mutex &m) noexcept : m_(&m) {}
  async_mutex *m_;
};

class async_mutex {
public:
  async_mutex() = default;
  async_mutex(const async_mutex &) = delete;
  async_mutex &operator=(const async_mutex &) = delete;

  struct lock_awaiter {
    async_mutex &m;
    bool await_ready() noexcept { return m.try_lock(); }
    void await_suspend(std::coroutine_handle<> h) { m.waiters_.push_back(h); }
    async_lock_guard await_resume() noexcept { return async_lock_guard(m); }
  };

  // co_await m.lock() -> async_lock_guard
  lock_awaiter lock() noexcept { return lock_awaiter{*this}; }

  bool try_lock() noexcept {
    if (locked_)
      return false;
    locked_ = true;
    return true;
  }

  // Hands the mutex straight to the next waiter, if any.
  void unlock() noexcept {
    if (waiters_.empty()) {
      locked_ = false;
      return;
    }
    auto next = waiters_.front();
    waiters_.pop_front();
    next.resume();
  }

private:
  bool locked_ = false;
  detail::list<std::coroutine_handle<>> waiters_;
};

inline void async_lock_guard::unlock() noexcept {
  if (auto *m = detail::exchange(m_, nullptr))
    m->unlock();
}

// A counting semaphore. co_await s.acquire() takes a unit, suspending while
// there is none; s.release() gives one back, to the next waiter if any. It is
// an event when it starts with no units and a lock when it starts with some.
class semaphore {
public:
  explicit semaphore(int units) noexcept : units_(units) {}
  semaphore(const semaphore &) = delete;
  semaphore &operator=(const semaphore &) = delete;

  struct acquire_awaiter {
    semaphore &s;
    bool await_ready() noexcept { return s.try_acquire(); }
    void await_suspend(std::coroutine_handle<> h) { s.waiters_.push_back(h); }
    void await_resume() const noexcept {}
  };
  acquire_awaiter acquire() noexcept { return acquire_awaiter{*this}; }

  bool try_acquire() noexcept {
    if (units_ == 0)
      return false;
    --units_;
    return true;
  }

  void release() noexcept {
    if (waiters_.empty()) {
      ++units_;
      return;
    }
    auto next = waiters_.front();
    waiters_.pop_front();
    next.resume();
  }

private:
  int units_;
  detail::list<std::coroutine_handle<>> waiters_;
};

// One unit of a semaphore, given back when destroyed or give_back()ed.
class [[nodiscard]] semaphore_units {
public:
  explicit semaphore_units(semaphore &s) noexcept : s_(&s) {}
  semaphore_units(semaphore_units &&o) noexcept
      : s_(detail::exchange(o.s_, nullptr)) {}
  semaphore_units(const semaphore_units &) = delete;
  semaphore_units &operator=(const semaphore_units &) = delete;
  semaphore_units &operator=(semaphore_units &&) = delete;
  ~semaphore_units() { give_back(); }

  void give_back() noexcept {
    if (auto *s = detail::exchange(s_, nullptr))
      s->release();
  }

private:
  semaphore *s_;
};

// co_await fake::get_units(s) -> semaphore_units holding one unit of s.
struct units_awaiter {
  semaphore::acquire_awaiter take;
  bool await_ready() noexcept { return take.await_ready(); }
  void await_suspend(std::coroutine_handle<> h) { take.await_suspend(h); }
  semaphore_units await_resume() noexcept { return semaphore_units(take.s); }
};

inline units_awaiter get_units(semaphore &s) noexcept {
  return units_awaiter{s.acquire()};
}

// A single-threaded event loop on a virtual clock: run() executes posted
// callbacks, then fires timers in deadline order, advancing the clock to each
// deadline instead of waiting for it.
class loop {
public:
  using callback = callback;
  using duration = milliseconds;

  loop() = default;
  loop(const loop &) = delete;
  loop &operator=(const loop &) = delete;

  // Runs cb on the loop thread, soon.
  void post(callback cb) { ready_.push_back(detail::move(cb)); }

  // Runs cb once on the loop thread, delay from now.
  void add_timer(duration delay, callback cb) {
    timers_.push_back(timer{now_ + delay, seq_++, detail::move(cb)});
  }

  // Runs cb on the loop thread every period until cancel_timer(id).
  unsigned long add_periodic_timer(duration period, callback cb) {
    unsigned long id = seq_;
    arm_periodic(id, period, detail::move(cb));
    return id;
  }

  void cancel_timer(unsigned long id) { cancelled_.push_back(id); }

  // Starts a task on the loop; the loop keeps it alive until it is destroyed.
  void spawn(task<void> t) {
    auto h = t.handle();
    spawned_.push_back(detail::move(t));
    post([h] { h.resume(); });
  }

  void run() {
    loop *previous = detail::exchange(current_, this);
    stopped_ = false;
    while (!stopped_) {
      if (!ready_.empty()) {
        callback cb = detail::move(ready_.front());
        ready_.pop_front();
        cb();
        continue;
      }
      if (timers_.empty())
        break;
      timer *it = timers_.begin();
      for (timer *t = it; t != timers_.end(); ++t)
        if (t->when != it->when ? t->when < it->when : t->seq < it->seq)
          it = t;
      timer t = detail::move(*it);
      timers_.erase(it);
      now_ = t.when;
      t.cb();
    }
    current_ = previous;
  }

  void stop() noexcept { stopped_ = true; }
  duration now() const noexcept { return now_; }

  // The loop whose run() is executing on this thread, or null.
  static loop *current() noexcept { return current_; }

private:
  void arm_periodic(unsigned long id, duration period, callback cb) {
    timers_.push_back(timer{now_ + period, seq_++, [this, id, period, cb] {
                              for (unsigned long c : cancelled_)
                                if (c == id)
                                  return;
                              cb();
                              arm_periodic(id, period, cb);
                            }});
  }

  struct timer {
    duration when;
    unsigned long seq;
    callback cb;
  };

  static inline thread_local loop *current_ = nullptr;

  detail::list<callback> ready_;
  detail::list<timer> timers_;
  detail::list<task<void>> spawned_;
  detail::list<unsigned long> cancelled_;
  duration now_{0};
  unsigned long seq_ = 0;
  bool stopped_ = false;
};

// co_await fake::sleep_for(ms): resumes the coroutine from a timer on the
// current loop. Suspends the coroutine, never the thread.
struct sleep_awaiter {
  milliseconds delay;

  bool await_ready() const noexcept { return delay.count() <= 0; }
  void await_suspend(std::coroutine_handle<> h) const {
    if (loop *l = loop::current())
      l->add_timer(delay, [h] { h.resume(); });
  }
  void await_resume() const noexcept {}
};

inline sleep_awaiter sleep_for(milliseconds ms) noexcept {
  return sleep_awaiter{ms};
}

// co_await fake::yield_now(): lets the loop run what is ready, then resumes.
struct yield_awaiter {
  bool await_ready() const noexcept { return loop::current() == nullptr; }
  void await_suspend(std::coroutine_handle<> h) const {
    loop::current()->post([h] { h.resume(); });
  }
  void await_resume() const noexcept {}
};

inline yield_awaiter yield_now() noexcept { return {}; }

// Runs task t to its end on the calling thread, with a loop of its own for
// what it waits on, and returns its result: the way main starts coroutines.
template <class T> T sync_wait(task<T> t) {
  loop l;
  auto h = t.handle();
  l.post([h] { h.resume(); });
  l.run();
  return h.promise().take();
}

// A connection to a peer on the network. The fake never delivers anything;
// it only has to look like a socket to the analysis.
class connection {
public:
  struct read_awaiter {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    int await_resume() const noexcept { return 0; }
  };
  read_awaiter read() noexcept { return {}; }
  // The same read, failing once timeout passes without a message.
  read_awaiter read(milliseconds timeout) noexcept { return {}; }
  // The same read, with its timeout among options (libcoro's
  // recv(buffer, std::optional<milliseconds>)): none unless given.
  struct read_options {
    milliseconds timeout;
  };
  read_awaiter read_with(read_options options) noexcept { return {}; }
  void close() noexcept {}
};

// A connection that encrypts what it sends.
class tls_connection : public connection {};

// Wraps the connection of a session, plain or TLS, and hands it to code
// that works on either (yalantinglibs' socket_wrapper_t).
class stream {
public:
  template <class Op> auto visit(Op &&op) noexcept {
    if (secure_)
      return op(tls_);
    return op(conn_);
  }
  void close() noexcept {
    conn_.close();
    tls_.close();
  }

private:
  bool secure_ = false;
  connection conn_;
  tls_connection tls_;
};

// Bounds a task with a deadline (the fake does not enforce it).
template <class T>
task<T> with_timeout(task<T> t, milliseconds) noexcept {
  return t;
}

// A synchronous generator: for (auto v : gen()) ... ; the body runs up to the
// next co_yield each time the consumer asks for a value.
template <class T> class [[nodiscard]] generator {
public:
  struct promise_type {
    detail::maybe<T> current;

    generator get_return_object() noexcept {
      return generator{
          std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    template <class U = T> std::suspend_always yield_value(U &&v) {
      current.emplace(detail::forward<U>(v));
      return {};
    }
    void return_void() noexcept {}
    void unhandled_exception() { throw; }

    // Generators only co_yield.
    template <class U> std::suspend_never await_transform(U &&) = delete;
  };
  using handle_type = std::coroutine_handle<promise_type>;

  struct sentinel {};

  class iterator {
  public:
    explicit iterator(handle_type h) noexcept : h_(h) {}
    const T &operator*() const { return *h_.promise().current; }
    iterator &operator++() {
      advance();
      return *this;
    }
    void operator++(int) { advance(); }
    bool operator==(sentinel) const noexcept { return !h_ || h_.done(); }

  private:
    friend class generator;
    void advance() {
      h_.promise().current.reset();
      h_.resume();
    }
    handle_type h_;
  };

  explicit generator(handle_type h) noexcept : h_(h) {}
  generator(generator &&o) noexcept : h_(detail::exchange(o.h_, {})) {}
  generator(const generator &) = delete;
  generator &operator=(const generator &) = delete;
  generator &operator=(generator &&) = delete;
  ~generator() {
    if (h_)
      h_.destroy();
  }

  iterator begin() {
    iterator it{h_};
    if (h_)
      it.advance();
    return it;
  }
  sentinel end() const noexcept { return {}; }

private:
  handle_type h_;
};

// A one-shot promise with JavaScript-style continuations: then(cb) runs cb
// once resolve() has been called.
class deferred {
public:
  template <class F> void then(F cb) { callbacks_.push_back(detail::move(cb)); }
  void resolve() {
    resolved_ = true;
    for (auto &cb : callbacks_)
      cb();
    callbacks_.clear();
  }

private:
  bool resolved_ = false;
  detail::list<callback> callbacks_;
};

} // namespace fake

#endif // FAKE_CORO_H
