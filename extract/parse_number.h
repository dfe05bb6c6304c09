// ParseInteger: a whole string of ASCII digits (optionally a leading '-')
// read into T with bounds checks (std::from_chars). nullopt for empty text,
// any other character, or a value T cannot hold. Used everywhere a number
// comes from input or rules, so that "99999999999999999999" is "not a
// number here" and never an exception (std::stoll) or undefined behaviour
// (std::atoi).
#ifndef CHRONOGRAPH_EXTRACT_PARSE_NUMBER_H_
#define CHRONOGRAPH_EXTRACT_PARSE_NUMBER_H_

#include <charconv>
#include <optional>
#include <string_view>
#include <system_error>

namespace chronograph {

template <typename T>
std::optional<T> ParseInteger(std::string_view text) {
  T value{};
  const char* first = text.data();
  const char* last = text.data() + text.size();
  if (first == last) return std::nullopt;
  const auto [end, error] = std::from_chars(first, last, value);
  if (error != std::errc() || end != last) return std::nullopt;
  return value;
}

}  // namespace chronograph

#endif  // CHRONOGRAPH_EXTRACT_PARSE_NUMBER_H_
