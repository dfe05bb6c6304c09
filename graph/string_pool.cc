#include "graph/string_pool.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <utility>

namespace chronograph::graph {
namespace {

// Arena blocks: big enough that their count stays small, small enough that
// a nearly empty pool costs little. A longer string gets a block of its own.
constexpr std::size_t kBlockBytes = 64 << 10;

std::size_t HashOf(std::string_view s) { return std::hash<std::string_view>{}(s); }

}  // namespace

StringPool& StringPool::operator=(StringPool&& other) noexcept {
  if (this != &other) {
    blocks_ = std::move(other.blocks_);
    free_ = std::exchange(other.free_, nullptr);
    left_ = std::exchange(other.left_, 0);
    views_ = std::move(other.views_);
    index_ = std::move(other.index_);
    other.blocks_.clear();
    other.views_.clear();
    other.index_.clear();
  }
  return *this;
}

std::string_view StringPool::Store(std::string_view s) {
  if (s.empty()) return std::string_view("", 0);
  char* to = nullptr;
  if (s.size() > kBlockBytes / 4) {
    blocks_.push_back(std::make_unique<char[]>(s.size()));  // its own block
    to = blocks_.back().get();
  } else {
    if (left_ < s.size()) {  // the rest of the block (under a quarter) stays unused
      blocks_.push_back(std::make_unique<char[]>(kBlockBytes));
      free_ = blocks_.back().get();
      left_ = kBlockBytes;
    }
    to = free_;
    free_ += s.size();
    left_ -= s.size();
  }
  std::memcpy(to, s.data(), s.size());
  return std::string_view(to, s.size());
}

std::size_t StringPool::SlotOf(std::string_view s) const {
  const std::size_t mask = index_.size() - 1;
  for (std::size_t slot = HashOf(s) & mask;; slot = (slot + 1) & mask) {
    const std::uint32_t entry = index_[slot];
    if (entry == 0 || views_[entry - 1] == s) return slot;
  }
}

void StringPool::GrowIndex() {
  std::vector<std::uint32_t> old = std::move(index_);
  index_.assign(old.empty() ? 64 : old.size() * 2, 0);
  for (const std::uint32_t entry : old) {
    if (entry != 0) index_[SlotOf(views_[entry - 1])] = entry;
  }
}

std::uint32_t StringPool::Intern(std::string_view s) {
  // At most half full, so that probes stay short.
  if (2 * (views_.size() + 1) > index_.size()) GrowIndex();
  const std::size_t slot = SlotOf(s);
  if (index_[slot] != 0) return index_[slot] - 1;
  const auto id = static_cast<std::uint32_t>(views_.size());
  views_.push_back(Store(s));
  index_[slot] = id + 1;
  return id;
}

std::optional<std::uint32_t> StringPool::Find(std::string_view s) const {
  if (index_.empty()) return std::nullopt;
  const std::uint32_t entry = index_[SlotOf(s)];
  return entry == 0 ? std::nullopt : std::optional<std::uint32_t>(entry - 1);
}

std::vector<std::uint32_t> StringPool::Ranks() const {
  std::vector<std::uint32_t> order(views_.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [this](std::uint32_t a, std::uint32_t b) { return views_[a] < views_[b]; });
  std::vector<std::uint32_t> rank(order.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
  return rank;
}

}  // namespace chronograph::graph
