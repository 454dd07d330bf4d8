// Stub of Seastar for corolint's model name check (tests/CMakeLists.txt,
// models/seastar; test-corpus/models/seastar-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, base
// classes that declare modelled members, member names and signatures of
// scylladb/seastar (https://github.com/scylladb/seastar) at commit
// 525fcc86ecd275b1c89a1c3f359693704c953a98 (seastar-25.05.0-1175-g525fcc86e,
// SEASTAR_API_LEVEL 9), include/seastar/core/seastar.hh (the network functions only).
#pragma once
#pragma clang system_header

#include "../net/api.hh"
#include "future.hh"

namespace seastar {

server_socket listen(socket_address sa);
server_socket listen(socket_address sa, listen_options opts);
future<connected_socket> connect(socket_address sa);
future<connected_socket> connect(socket_address sa, socket_address local, transport proto);
socket make_socket();

} // namespace seastar
