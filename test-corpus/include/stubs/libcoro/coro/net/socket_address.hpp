// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at commit 277467ffdee1d7f04e93c6b4c72689c6c743f567 (v0.16.0-4-g277467f),
// include/coro/net/ip_address.hpp, socket_address.hpp, hostname.hpp,
// io_status.hpp and connect.hpp (one file here; the others include it).
#pragma once
#pragma clang system_header

#include <cstdint>
#include <string>
#include <string_view>

namespace coro::net {

enum class domain_t : int { ipv4 = 2, ipv6 = 10 };

class ip_address {
public:
  ip_address() = default;
  static auto from_string(std::string_view address, domain_t domain = domain_t::ipv4)
      -> ip_address;
  auto domain() const -> domain_t;
};

class socket_address {
public:
  socket_address(std::string_view ip, std::uint16_t port,
                 domain_t domain = domain_t::ipv4);
  socket_address(const ip_address &ip, std::uint16_t port);
  static auto make_uninitialised() -> socket_address;
};

class hostname {
public:
  hostname() = default;
  explicit hostname(std::string hn) : m_hostname(std::move(hn)) {}
  auto data() const -> const std::string & { return m_hostname; }

private:
  std::string m_hostname;
};

struct io_status {
  enum class kind { ok, closed, connection_reset, connection_refused, timeout,
                    would_block_or_try_again, polling_error, cancelled,
                    udp_not_bound, message_too_big, native, unknown };
  kind type{};
  int native_code{};
  [[nodiscard]] auto is_ok() const -> bool { return type == kind::ok; }
  [[nodiscard]] auto is_timeout() const -> bool { return type == kind::timeout; }
  explicit operator bool() const { return is_ok(); }
};

enum class connect_status { connected, invalid_ip_address, timeout, error };

} // namespace coro::net
