// Stub of cppcoro for corolint's model name check (tests/CMakeLists.txt,
// models/cppcoro; test-corpus/models/cppcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names and signatures of andreasbuhr/cppcoro (https://github.com/andreasbuhr/cppcoro,
// the maintained fork of lewissbaker/cppcoro) at commit
// b8e41b99a927eaabcfd073ae4c7b966c5859f866, include/cppcoro/net/ip_endpoint.hpp, ipv4_endpoint.hpp and
// ipv4_address.hpp (one file here).
#ifndef CPPCORO_NET_IP_ENDPOINT_HPP_INCLUDED
#define CPPCORO_NET_IP_ENDPOINT_HPP_INCLUDED
#pragma clang system_header

#include <cstdint>

namespace cppcoro::net {

class ipv4_address {
public:
  constexpr ipv4_address() : m_bytes{0, 0, 0, 0} {}
  explicit constexpr ipv4_address(std::uint8_t b0, std::uint8_t b1,
                                  std::uint8_t b2, std::uint8_t b3)
      : m_bytes{b0, b1, b2, b3} {}
  static constexpr ipv4_address loopback() { return ipv4_address(127, 0, 0, 1); }

private:
  std::uint8_t m_bytes[4];
};

class ipv4_endpoint {
public:
  ipv4_endpoint() noexcept : m_address(), m_port(0) {}
  explicit ipv4_endpoint(ipv4_address address, std::uint16_t port = 0) noexcept
      : m_address(address), m_port(port) {}

private:
  ipv4_address m_address;
  std::uint16_t m_port;
};

class ip_endpoint {
public:
  ip_endpoint() noexcept;
  ip_endpoint(ipv4_endpoint endpoint) noexcept;
  bool is_ipv4() const noexcept;
  bool is_ipv6() const noexcept;
};

} // namespace cppcoro::net

#endif
