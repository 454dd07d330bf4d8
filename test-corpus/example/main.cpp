// Wires the server to a loop and feeds it a short scripted conversation.
#include "chat.h"

#include <cstdio>

int main() {
  fake::loop loop;
  Server server(loop);

  server.start_housekeeping();
  server.handshake();

  server.accept(1);
  server.accept(2);
  server.receive(1, "hello");
  server.receive(2, "hi there");
  server.on_command(2, "/slow");
  server.receive(1, "bye");
  server.on_command(1, "/quit");
  server.request_shutdown();

  loop.run();
  std::printf("%zu lines\n", server.history_size());
}
