// expect-no-findings
//
// Uses every function named in rules/models/openssl.json, on the real
// openssl/ssl.h. None of them is awaited, so none is reported: the model
// says what they wait for (a peer), which inference reads when a coroutine
// pairs one with a suspension. A model name that stops matching OpenSSL
// fails the model name check.

#include <openssl/ssl.h>

#include <cstddef>

namespace openssl_api {

int handshake(SSL *client, SSL *server) {
  return SSL_connect(client) + SSL_accept(server) + SSL_do_handshake(client);
}

std::size_t transfer(SSL *tls, char (&buf)[64]) {
  std::size_t n = 0;
  int r = SSL_read(tls, buf, sizeof buf);
  r += SSL_read_ex(tls, buf, sizeof buf, &n);
  r += SSL_peek(tls, buf, sizeof buf);
  r += SSL_peek_ex(tls, buf, sizeof buf, &n);
  r += SSL_write(tls, buf, sizeof buf);
  r += SSL_write_ex(tls, buf, sizeof buf, &n);
  return n + static_cast<std::size_t>(r);
}

} // namespace openssl_api
