// Accepting clients, routing their lines, and handling commands.
#include "chat.h"

#include <chrono>
#include <thread>
#include <utility>

Server::Server(fake::loop &loop) : loop_(loop) {}

Session *Server::find(int client_id) {
  for (std::size_t i = 0; i < session_ids_.size(); ++i)
    if (session_ids_[i] == client_id)
      return sessions_[i].get();
  return nullptr;
}

void Server::accept(int client_id) {
  sessions_.push_back(std::make_unique<Session>(room_, client_id));
  session_ids_.push_back(client_id);
  loop_.spawn(sessions_.back()->run());
}

void Server::receive(int client_id, std::string line) {
  loop_.post([this, client_id, line = std::move(line)]() mutable {
    if (Session *s = find(client_id))
      s->deliver(std::move(line));
  });
}

void Server::on_command(int client_id, std::string command) {
  loop_.post([this, client_id, command = std::move(command)] {
    if (command == "/slow") {
      // This handler runs on the loop thread and sleeps it, stalling every
      // session.
      std::this_thread::sleep_for(std::chrono::milliseconds(200)); // expect-warning: blocking-call {{sleeps}}
    }
    if (command == "/quit") {
      if (Session *s = find(client_id))
        s->close();
    }
  });
}

std::size_t Server::history_size() {
  std::lock_guard<std::mutex> lk(room_.mtx);
  return room_.history.size();
}

// greet_client waits for client_hello_, which only greet_server sets, and
// greet_server first waits for server_hello_, which only greet_client sets.
// Neither ever resumes.
fake::task<void> Server::greet_client() {
  co_await client_hello_;
  server_hello_.set();
}

fake::task<void> Server::greet_server() {
  co_await server_hello_; // expect-error: wait-cycle {{'Server::client_hello_' is signalled only after 'Server::server_hello_' is signalled}}
  client_hello_.set();
}

void Server::handshake() {
  loop_.spawn(greet_client());
  loop_.spawn(greet_server());
}
