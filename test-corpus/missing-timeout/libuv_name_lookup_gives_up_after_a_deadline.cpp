// A service-discovery client sends a lookup datagram with uv_udp_send and,
// from the send's callback, starts receiving the answer; a timer started
// with the request stops receiving and closes the handle after 400 ms, so
// an agent that never answers ends the lookup with nothing. The twin of
// libuv_name_lookup_waits_for_an_answer_forever.cpp.
// expect-no-findings
#include <cstdlib>
#include <string>
#include <uv.h>

class name_lookup {
public:
  explicit name_lookup(uv_loop_t *loop) {
    uv_udp_init(loop, &sock_);
    uv_timer_init(loop, &deadline_);
    sock_.data = this;
    deadline_.data = this;
    send_.data = this;
  }

  void resolve(const std::string &name, const sockaddr *agent) {
    query_ = "WHERE " + name;
    uv_buf_t buf = uv_buf_init(query_.data(), query_.size());
    uv_timer_start(
        &deadline_,
        [](uv_timer_t *t) { static_cast<name_lookup *>(t->data)->finish(); },
        400, 0);
    uv_udp_send(&send_, &sock_, &buf, 1, agent,
                [](uv_udp_send_t *req, int status) {
                  static_cast<name_lookup *>(req->data)->on_sent(status);
                });
  }

private:
  void on_sent(int status) {
    if (status < 0)
      return finish();
    uv_udp_recv_start(
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
    uv_timer_stop(&deadline_);
    uv_udp_recv_stop(&sock_);
    uv_close(reinterpret_cast<uv_handle_t *>(&sock_), nullptr);
  }

  uv_udp_t sock_;
  uv_udp_send_t send_;
  uv_timer_t deadline_;
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
