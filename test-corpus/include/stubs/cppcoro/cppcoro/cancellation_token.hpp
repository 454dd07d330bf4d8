// Stub of cppcoro for corolint's model name check (tests/CMakeLists.txt,
// models/cppcoro; test-corpus/models/cppcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names and signatures of andreasbuhr/cppcoro (https://github.com/andreasbuhr/cppcoro,
// the maintained fork of lewissbaker/cppcoro) at commit
// b8e41b99a927eaabcfd073ae4c7b966c5859f866, include/cppcoro/cancellation_token.hpp.
#ifndef CPPCORO_CANCELLATION_TOKEN_HPP_INCLUDED
#define CPPCORO_CANCELLATION_TOKEN_HPP_INCLUDED
#pragma clang system_header

namespace cppcoro {

class cancellation_token {
public:
  cancellation_token() noexcept;
  cancellation_token(const cancellation_token &other) noexcept;
  cancellation_token(cancellation_token &&other) noexcept;
  ~cancellation_token();
  bool can_be_cancelled() const noexcept;
  bool is_cancellation_requested() const noexcept;
  void throw_if_cancellation_requested() const;
};

} // namespace cppcoro

#endif
