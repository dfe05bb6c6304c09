#include "extract/sentences.h"

#include <cctype>

namespace chronograph::extract {
namespace {

bool StartsWith(const std::string& s, std::size_t pos, const char* lit) {
  return s.compare(pos, std::char_traits<char>::length(lit), lit) == 0;
}

// Length of a multi-byte sentence terminator at pos, or 0.
std::size_t CjkTerminatorAt(const std::string& s, std::size_t pos) {
  for (const char* t : {"。", "！", "？", "；", "…", "｡"}) {
    if (StartsWith(s, pos, t)) return std::char_traits<char>::length(t);
  }
  return 0;
}

// Closing quotes and brackets that belong to the sentence they follow.
std::size_t CloserAt(const std::string& s, std::size_t pos) {
  if (pos < s.size() && (s[pos] == '"' || s[pos] == '\'' || s[pos] == ')' || s[pos] == ']')) return 1;
  for (const char* t : {"」", "』", "”", "’", "》", "）"}) {
    if (StartsWith(s, pos, t)) return std::char_traits<char>::length(t);
  }
  return 0;
}

bool IsSpace(char c) { return c == ' '; }

// True when the '.' at pos closes a list number at the start of a line ("1. ").
bool IsListNumber(const std::string& s, std::size_t pos) {
  std::size_t b = pos;
  while (b > 0 && std::isdigit(static_cast<unsigned char>(s[b - 1]))) --b;
  if (b == pos) return false;
  while (b > 0 && IsSpace(s[b - 1])) --b;
  return b == 0 || s[b - 1] == '\n';
}

// The word that ends just before a '.' at pos (letters and inner dots).
std::string WordBefore(const std::string& s, std::size_t pos) {
  std::size_t b = pos;
  while (b > 0 && (std::isalpha(static_cast<unsigned char>(s[b - 1])) || s[b - 1] == '.')) --b;
  return s.substr(b, pos - b + 1);  // includes the final '.'
}

// True when the line break at pos (s[pos] == '\n') is inside a wrapped English sentence.
bool ContinuesAcrossLine(const std::string& s, std::size_t pos) {
  std::size_t before = pos;
  while (before > 0 && IsSpace(s[before - 1])) --before;
  if (before == 0) return false;
  const unsigned char last = static_cast<unsigned char>(s[before - 1]);
  if (!(std::isalnum(last) || last == ',' || last == ';' || last == '-')) return false;
  std::size_t after = pos + 1;
  while (after < s.size() && IsSpace(s[after])) ++after;
  return after < s.size() && (std::islower(static_cast<unsigned char>(s[after])) || s[after] == '(');
}

// A line that opens a new paragraph by its shape: heading, list item.
bool OpensParagraph(const std::string& s, std::size_t line_start) {
  std::size_t p = line_start;
  while (p < s.size() && IsSpace(s[p])) ++p;
  if (p >= s.size()) return false;
  if (s[p] == '#' || s[p] == '>') return true;
  if ((s[p] == '-' || s[p] == '*' || s[p] == '+') && p + 1 < s.size() && s[p + 1] == ' ') return true;
  std::size_t d = p;
  while (d < s.size() && std::isdigit(static_cast<unsigned char>(s[d]))) ++d;
  return d > p && d + 1 < s.size() && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ';
}

}  // namespace

std::vector<Sentence> SplitSentences(const std::string& s, const std::set<std::string>& abbreviations) {
  std::vector<Sentence> out;
  int paragraph = 0;
  bool paragraph_has_text = false;
  std::size_t start = 0;

  auto emit = [&](std::size_t end) {
    std::size_t b = start, e = end;
    while (b < e && (IsSpace(s[b]) || s[b] == '\n')) ++b;
    while (e > b && (IsSpace(s[e - 1]) || s[e - 1] == '\n')) --e;
    if (b < e) {
      out.push_back({b, e, paragraph});
      paragraph_has_text = true;
    }
    start = end;
  };

  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '\n') {
      std::size_t j = i + 1;
      while (j < s.size() && IsSpace(s[j])) ++j;
      const bool blank_line = j < s.size() && s[j] == '\n';
      if (blank_line || j >= s.size() || OpensParagraph(s, i + 1)) {
        emit(i);
        if (paragraph_has_text) ++paragraph;
        paragraph_has_text = false;
      } else if (!ContinuesAcrossLine(s, i)) {
        emit(i);
      }
      ++i;
      continue;
    }
    std::size_t term = CjkTerminatorAt(s, i);
    if (term == 0 && (c == '!' || c == '?')) term = 1;
    // '；' became ';' under NFKC: it ends a sentence in Chinese context only.
    if (term == 0 && c == ';' &&
        ((i > 0 && static_cast<unsigned char>(s[i - 1]) >= 0x80) ||
         (i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80))) {
      term = 1;
    }
    if (term == 0 && c == '.') {
      const bool at_break = i + 1 >= s.size() || IsSpace(s[i + 1]) || s[i + 1] == '\n' ||
                            static_cast<unsigned char>(s[i + 1]) >= 0x80 || CloserAt(s, i + 1);
      const std::string word = WordBefore(s, i);
      const bool initial = word.size() == 2 && std::isupper(static_cast<unsigned char>(word[0]));
      if (at_break && !initial && abbreviations.count(word) == 0 && !IsListNumber(s, i)) term = 1;
    }
    if (term == 0) {
      ++i;
      continue;
    }
    std::size_t end = i + term;
    // Runs of terminators ("？！", "……") and closing quotes stay with the sentence.
    for (;;) {
      std::size_t more = CjkTerminatorAt(s, end);
      if (more == 0 && end < s.size() && (s[end] == '!' || s[end] == '?' || s[end] == '.')) more = 1;
      if (more == 0) more = CloserAt(s, end);
      if (more == 0) break;
      end += more;
    }
    emit(end);
    i = end;
  }
  emit(s.size());
  return out;
}

}  // namespace chronograph::extract
