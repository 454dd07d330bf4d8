// fake/coroutine.h - the <coroutine> machinery the compiler needs, written
// here so that corpus cases built on fake/coro.h do not parse the standard
// library. Clang looks these names up in namespace std and lowers the
// coroutine to its __builtin_coro_* intrinsics; nothing more is required.
//
// A case that includes the real <coroutine> (directly, or through Asio or
// QCoro) must not include this header too: the two define the same names.

#ifndef FAKE_COROUTINE_H
#define FAKE_COROUTINE_H

// Library code, as a project sees the libraries it includes: the models in
// test-corpus/.corolint.yaml describe it, and its bodies are not analyzed.
#pragma clang system_header

namespace std {

template <class R, class... Args> struct coroutine_traits {
  using promise_type = typename R::promise_type;
};

template <class Promise = void> struct coroutine_handle;

template <> struct coroutine_handle<void> {
  constexpr coroutine_handle() noexcept = default;
  constexpr coroutine_handle(decltype(nullptr)) noexcept {}

  static constexpr coroutine_handle from_address(void *a) noexcept {
    coroutine_handle h;
    h.frame_ = a;
    return h;
  }
  constexpr void *address() const noexcept { return frame_; }
  constexpr explicit operator bool() const noexcept { return frame_; }

  bool done() const noexcept { return __builtin_coro_done(frame_); }
  void operator()() const { resume(); }
  void resume() const { __builtin_coro_resume(frame_); }
  void destroy() const { __builtin_coro_destroy(frame_); }

  friend constexpr bool operator==(coroutine_handle a,
                                   coroutine_handle b) noexcept {
    return a.frame_ == b.frame_;
  }

protected:
  void *frame_ = nullptr;
};

template <class Promise> struct coroutine_handle : coroutine_handle<void> {
  constexpr coroutine_handle() noexcept = default;
  constexpr coroutine_handle(decltype(nullptr)) noexcept {}

  static constexpr coroutine_handle from_address(void *a) noexcept {
    coroutine_handle h;
    h.frame_ = a;
    return h;
  }
  static coroutine_handle from_promise(Promise &p) noexcept {
    coroutine_handle h;
    h.frame_ = __builtin_coro_promise(&p, alignof(Promise), true);
    return h;
  }
  Promise &promise() const noexcept {
    return *static_cast<Promise *>(
        __builtin_coro_promise(frame_, alignof(Promise), false));
  }
};

// A coroutine that does nothing when resumed: what an await_suspend returns
// to give the thread back to its caller.
struct noop_coroutine_promise {};
using noop_coroutine_handle = coroutine_handle<noop_coroutine_promise>;

inline noop_coroutine_handle noop_coroutine() noexcept {
  return noop_coroutine_handle::from_address(__builtin_coro_noop());
}

struct suspend_always {
  constexpr bool await_ready() const noexcept { return false; }
  constexpr void await_suspend(coroutine_handle<>) const noexcept {}
  constexpr void await_resume() const noexcept {}
};

struct suspend_never {
  constexpr bool await_ready() const noexcept { return true; }
  constexpr void await_suspend(coroutine_handle<>) const noexcept {}
  constexpr void await_resume() const noexcept {}
};

} // namespace std

#endif // FAKE_COROUTINE_H
