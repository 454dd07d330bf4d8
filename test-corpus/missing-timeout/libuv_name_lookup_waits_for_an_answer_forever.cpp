// A service-discovery client sends a lookup datagram with uv_udp_send and,
// from the send's callback (a lambda with no captures, converted to the C
// callback), starts receiving the answer. No timer bounds the receive: an
// agent that drops names it does not know leaves the handle receiving for
// ever, and uv_run never returns. The twin,
// libuv_name_lookup_gives_up_after_a_deadline.cpp, starts a timer that
// stops receiving and closes the handle.
#include <cstdlib>
#include <string>
#include <uv.h>

class name_lookup {
public:
  explicit name_lookup(uv_loop_t *loop) {
    uv_udp_init(loop, &sock_);
    sock_.data = this;
    send_.data = this;
  }

  void resolve(const std::string &name, const sockaddr *agent) {
    query_ = "WHERE " + name;
    uv_buf_t buf = uv_buf_init(query_.data(), query_.size());
    uv_udp_send(&send_, &sock_, &buf, 1, agent,
                [](uv_udp_send_t *req, int status) {
                  static_cast<name_lookup *>(req->data)->on_sent(status);
                });
  }

private:
  void on_sent(int status) {
    if (status < 0)
      return finish();
    uv_udp_recv_start( // expect-warning: missing-timeout {{'uv_udp_recv_start' waits with no deadline for the reply to a request sent on 'name_lookup::sock_'}}
        &sock_,
        [](uv_handle_t *, size_t size, uv_buf_t *buf) {
          buf->base = static_cast<char *>(std::malloc(size));
          buf->len = size;
        },
        [](uv_udp_t *handle, ssize_t nread, const uv_buf_t *buf,
           const sockaddr *, unsigned) {
          if (nread != 0)
            static_cast<name_lookup *>(handle->data)->finish();
          std::free(buf->base);
        });
  }

  void finish() {
    uv_udp_recv_stop(&sock_);
    uv_close(reinterpret_cast<uv_handle_t *>(&sock_), nullptr);
  }

  uv_udp_t sock_;
  uv_udp_send_t send_;
  std::string query_;
};

int main() {
  uv_loop_t *loop = uv_default_loop();
  sockaddr_in agent;
  uv_ip4_addr("127.0.0.1", 5300, &agent);
  name_lookup lookup(loop);
  lookup.resolve("billing", reinterpret_cast<const sockaddr *>(&agent));
  return uv_run(loop, UV_RUN_DEFAULT);
}
