// A shared future kept in a field and read from another member: waiting on
// 'ready_' waits on 'config_', whose loader first waits for an acknowledgement
// that readers send only after the config arrived.
#include <future>

class Settings {
public:
  void start() { ready_ = config_.get_future(); }

  int read() {
    int v = ready_.get(); // expect-error: wait-cycle {{deadlock: 'Settings::ack_' is signalled only after 'Settings::config_' is signalled, and 'Settings::config_' is signalled only after 'Settings::ack_' is signalled}}
    ack_.set_value();     // expect-path: wait-cycle {{only then 'Settings::ack_' is signalled}}
    return v;
  }

  void load() {
    std::future<void> acked = ack_.get_future();
    acked.wait();         // expect-path: wait-cycle {{'Settings::load' waits for 'Settings::ack_' here}}
    config_.set_value(1);
  }

private:
  std::promise<int> config_;
  std::shared_future<int> ready_;
  std::promise<void> ack_;
};
