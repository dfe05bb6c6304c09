#include "extract/markup.h"

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace chronograph::extract {
namespace {

// Longest link target taken for one: a longer "(…)" is prose, not a link.
constexpr std::size_t kMaxLinkTarget = 2048;

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool StartsWith(std::string_view text, std::size_t at, std::string_view prefix) {
  return text.substr(at, prefix.size()) == prefix;
}

// Where a bare address starting at `at` ends (exclusive).
std::size_t AddressEnd(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size()) {
    const char c = text[end];
    const bool stop = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ')' || c == ']' || c == '>' ||
                      c == '"' || c == '\'' || static_cast<unsigned char>(c) >= 0x80;
    if (stop) break;
    ++end;
  }
  while (end > at && std::string_view(".,;:!?").find(text[end - 1]) != std::string_view::npos) --end;
  return end;
}

// Where the ")" that closes a link target starting at window[0] is, or npos
// if the target has a space or no closing bracket (a parenthesised remark).
std::size_t LinkTargetEnd(std::string_view window) {
  int depth = 1;
  for (std::size_t k = 0; k < window.size(); ++k) {
    const char c = window[k];
    if (c == ' ' || c == '\t' || c == '\n') return std::string_view::npos;
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0) return k;
  }
  return std::string_view::npos;
}

void Blank(std::string* text, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) (*text)[i] = ' ';
}

}  // namespace

void BlankMarkup(std::string* text) {
  const std::string_view view(*text);  // same bytes; blanking never changes sizes
  std::size_t line_start = 0;
  std::size_t link_open = std::string_view::npos;  // the last "[" on this line
  for (std::size_t i = 0; i < view.size();) {
    const char c = view[i];
    if (c == '\n') {
      line_start = ++i;
      link_open = std::string_view::npos;
      continue;
    }
    // A reference definition: "[label]: address" on a line of its own.
    if (c == '[' && i == line_start) {
      // Every search stays within this line: linear over the text.
      const std::size_t eol = view.find('\n', i);
      const std::size_t line_end = eol == std::string_view::npos ? view.size() : eol;
      const std::string_view line = view.substr(i, line_end - i);
      std::size_t close = line.find("]:");
      if (close != std::string_view::npos && line.find(' ') > close) {
        close += i;
        std::size_t target = close + 2;
        while (target < line_end && view[target] == ' ') ++target;
        if (StartsWith(view, target, "http") || StartsWith(view, target, "www.") || StartsWith(view, target, "/")) {
          Blank(text, i, line_end);
          i = line_end;
          continue;
        }
      }
    }
    // "![alt](…)": the "!" is syntax; the alt text stays.
    if (c == '!' && i + 1 < view.size() && view[i + 1] == '[') {
      (*text)[i] = ' ';
      ++i;
      continue;
    }
    if (c == '[') link_open = i;
    // "](target)": the target of a link or image, when it has no space, and
    // the "[" that opened its text ("[John McCarthy](…), the inventor of
    // Lisp" reads as prose). A target may hold balanced brackets
    // (".../John_McCarthy_(computer_scientist)").
    if (c == ']' && i + 1 < view.size() && view[i + 1] == '(') {
      // Looked for within kMaxLinkTarget bytes only: linear over the text.
      const std::size_t close = LinkTargetEnd(view.substr(i + 2, kMaxLinkTarget));
      if (close != std::string_view::npos) {
        Blank(text, i, i + 2 + close + 1);
        if (link_open != std::string_view::npos) (*text)[link_open] = ' ';
        link_open = std::string_view::npos;
        i += 2 + close + 1;
        continue;
      }
    }
    // "**bold**", "__bold__": emphasis marks stand between a name and what
    // rules read next to it ("**Hinton**(1947-)").
    if ((c == '*' || c == '_') && i + 1 < view.size() && view[i + 1] == c) {
      std::size_t end = i;
      while (end < view.size() && view[end] == c) ++end;
      Blank(text, i, end);
      i = end;
      continue;
    }
    // A bare address, not inside a word.
    if ((c == 'h' || c == 'f' || c == 'w') && (i == 0 || !IsAsciiAlnum(view[i - 1]))) {
      if (StartsWith(view, i, "http://") || StartsWith(view, i, "https://") || StartsWith(view, i, "ftp://") ||
          StartsWith(view, i, "www.")) {
        const std::size_t end = AddressEnd(view, i);
        Blank(text, i, end);
        i = std::max(end, i + 1);
        continue;
      }
    }
    ++i;
  }
}

}  // namespace chronograph::extract
