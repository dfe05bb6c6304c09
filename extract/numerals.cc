#include "extract/numerals.h"

#include <cctype>
#include <vector>

#include <utf8proc.h>

#include "extract/parse_number.h"

namespace chronograph::extract {
namespace {

bool IsMultiplier(int value) { return value == 10 || value == 100 || value == 1000 || value == 10000; }

}  // namespace

std::optional<long long> ParseNumeral(std::string_view text, const std::map<std::string, int>& words) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '.')) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;

  bool all_digits = true;
  for (char c : text) all_digits = all_digits && std::isdigit(static_cast<unsigned char>(c));
  if (all_digits) {
    if (text.size() > 12) return std::nullopt;  // larger than any count or year a rule wants
    return ParseInteger<long long>(text);
  }

  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (auto it = words.find(lower); it != words.end()) return it->second;

  // "forty-seven": tens and units joined by a hyphen.
  if (const auto dash = lower.find('-'); dash != std::string::npos) {
    const auto tens = words.find(lower.substr(0, dash));
    const auto units = words.find(lower.substr(dash + 1));
    if (tens != words.end() && units != words.end() && tens->second % 10 == 0 && tens->second >= 20 &&
        units->second < 10) {
      return tens->second + units->second;
    }
    return std::nullopt;
  }

  // Split into code points; every one must be a numeral word of its own.
  std::vector<int> values;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) return std::nullopt;
    const auto it = words.find(std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)));
    if (it == words.end()) return std::nullopt;
    values.push_back(it->second);
    p += n;
    left -= n;
  }
  bool has_multiplier = false;
  for (int v : values) has_multiplier = has_multiplier || IsMultiplier(v);
  if (!has_multiplier) {  // 二〇一二: a digit string
    // Two digit words side by side are a range, not a number: 一两年, 三四个.
    if (values.size() < 3) return values.size() == 1 ? std::optional<long long>(values[0]) : std::nullopt;
    long long n = 0;
    for (int v : values) {
      if (v > 9) return std::nullopt;
      n = n * 10 + v;
    }
    return n;
  }
  // 一百零五, 二十, 十二: digit * multiplier, summed; a bare leading 十 is 10.
  long long total = 0, digit = -1;
  for (int v : values) {
    if (IsMultiplier(v)) {
      total += (digit < 0 ? 1 : digit) * v;
      digit = -1;
    } else if (v <= 9) {
      if (digit > 0) return std::nullopt;  // two digits in a row: not a number
      digit = v;
    } else {
      return std::nullopt;
    }
  }
  if (digit > 0) total += digit;
  return total;
}

}  // namespace chronograph::extract
