// Numeral parsing: Arabic digits, Chinese numerals and number words.
// The vocabulary comes from the rules (rules/zh/numerals.tsv, rules/en/
// numerals.tsv: word -> value); this file only knows how numerals combine:
//   "2012" -> 2012; "二〇一二" -> 2012 (digit by digit, three digits or
//   more: "一两" is "one or two", not 12); "十二" -> 12, "二十" -> 20,
//   "一百零五" -> 105 (a word worth 10, 100, 1000, 10000 multiplies);
//   "forty-seven" -> 47; "march", "ten" -> table lookup (case-insensitive,
//   a final '.' ignored). Returns nullopt for anything else.
#ifndef CHRONOGRAPH_EXTRACT_NUMERALS_H_
#define CHRONOGRAPH_EXTRACT_NUMERALS_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace chronograph::extract {

std::optional<long long> ParseNumeral(std::string_view text, const std::map<std::string, int>& words);

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_NUMERALS_H_
