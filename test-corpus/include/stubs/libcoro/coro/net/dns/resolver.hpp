// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at commit 277467ffdee1d7f04e93c6b4c72689c6c743f567 (v0.16.0-4-g277467f),
// include/coro/net/dns/resolver.hpp (LIBCORO_FEATURE_NETWORKING, on c-ares).
#pragma once
#pragma clang system_header

#include "../../task.hpp"
#include "../socket_address.hpp"

#include <chrono>
#include <memory>
#include <vector>

namespace coro::net::dns {

enum class status { complete, error };

template <typename executor_type> class result {
public:
  auto status() const -> dns::status;
  auto ip_addresses() const -> const std::vector<coro::net::ip_address> &;
};

template <typename executor_type> class resolver {
public:
  explicit resolver(std::unique_ptr<executor_type> &executor,
                    std::chrono::milliseconds timeout);
  resolver(const resolver &) = delete;
  resolver(resolver &&) = delete;
  ~resolver();

  auto host_by_name(const net::hostname &hn)
      -> coro::task<std::unique_ptr<result<executor_type>>>;
};

} // namespace coro::net::dns
