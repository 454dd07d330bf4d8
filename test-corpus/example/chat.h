// A tiny chat server on the fake event loop: clients connect, each gets a
// Session coroutine, lines are appended to a shared Room history.
#ifndef COROLINT_EXAMPLE_CHAT_H
#define COROLINT_EXAMPLE_CHAT_H

#include <deque>
#include <fake/coro.h>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

// The history is also read from outside the loop (Server::history_size), so
// it is guarded by a std::mutex.
struct Room {
  std::mutex mtx;
  std::vector<std::string> history;
  fake::event message_posted;
};

class Session {
public:
  Session(Room &room, int id);

  fake::task<void> run();
  void deliver(std::string line);
  void close();

private:
  fake::task<std::string> read_line();

  Room &room_;
  int id_;
  std::deque<std::string> inbox_;
  fake::event readable_;
  bool closed_ = false;
};

class Server {
public:
  explicit Server(fake::loop &loop);

  void accept(int client_id);
  void receive(int client_id, std::string line);
  void on_command(int client_id, std::string command);
  void handshake();
  void start_housekeeping();
  void request_shutdown();
  std::size_t history_size();

private:
  fake::task<void> greet_client();
  fake::task<void> greet_server();
  Session *find(int client_id);

  fake::loop &loop_;
  Room room_;
  std::vector<std::unique_ptr<Session>> sessions_;
  std::vector<int> session_ids_;
  fake::event client_hello_;
  fake::event server_hello_;
  bool shutdown_requested_ = false;
};

#endif
