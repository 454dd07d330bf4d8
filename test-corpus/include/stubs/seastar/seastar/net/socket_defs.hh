// Stub of Seastar for corolint's model name check (tests/CMakeLists.txt,
// models/seastar; test-corpus/models/seastar-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, base
// classes that declare modelled members, member names and signatures of
// scylladb/seastar (https://github.com/scylladb/seastar) at commit
// 525fcc86ecd275b1c89a1c3f359693704c953a98 (seastar-25.05.0-1175-g525fcc86e,
// SEASTAR_API_LEVEL 9), include/seastar/net/socket_defs.hh (socket_address, ipv4_addr).
#pragma once
#pragma clang system_header

#include <cstdint>
#include <string>

namespace seastar {

struct ipv4_addr {
  std::uint32_t ip;
  std::uint16_t port;
  ipv4_addr() noexcept : ip(0), port(0) {}
  ipv4_addr(std::uint32_t ip, std::uint16_t port) noexcept : ip(ip), port(port) {}
  ipv4_addr(std::uint16_t port) noexcept : ip(0), port(port) {}
  ipv4_addr(const std::string &addr, std::uint16_t port);
};

class socket_address {
public:
  socket_address(std::uint16_t) noexcept;
  socket_address(ipv4_addr) noexcept;
  socket_address() noexcept;
};

enum class transport { TCP = 6, SCTP = 132 };

} // namespace seastar
