// Status and Result<T>: how every chronograph library call reports failure.
// A Status is ok, or carries a code and a message that already names the
// place ("rules/zh/dates.json:14:12: rule zh.date.ymd: missing )"). No library
// function throws across its API; exceptions of third-party parsers are
// caught at the boundary that calls them and turned into a Status.
#ifndef CHRONOGRAPH_EXTRACT_STATUS_H_
#define CHRONOGRAPH_EXTRACT_STATUS_H_

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

namespace chronograph {

class Status {
 public:
  enum class Code { kOk = 0, kInvalidInput, kIoError, kInvalidRule, kUsage };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string message) { return Status(Code::kInvalidInput, std::move(message)); }
  static Status IoError(std::string message) { return Status(Code::kIoError, std::move(message)); }
  static Status InvalidRule(std::string message) { return Status(Code::kInvalidRule, std::move(message)); }
  static Status Usage(std::string message) { return Status(Code::kUsage, std::move(message)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "ok", or the message alone: messages carry their own file:line prefix.
  std::string ToString() const { return ok() ? "ok" : message_; }

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none. value() and take()
// on a Result that holds no value are a programming error: they print the
// Status and abort (a defined, loud failure), never undefined behaviour.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: must not be ok

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() {
    Check();
    return *value_;
  }
  const T& value() const {
    Check();
    return *value_;
  }
  T&& take() {
    Check();
    return std::move(*value_);
  }

 private:
  void Check() const {
    if (value_.has_value()) return;
    std::fprintf(stderr, "chronograph: internal error: value() of a failed Result: %s\n", status_.message().c_str());
    std::abort();
  }

  Status status_;
  std::optional<T> value_;
};

}  // namespace chronograph

#endif  // CHRONOGRAPH_EXTRACT_STATUS_H_
