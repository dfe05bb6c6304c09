#include "extract/sentences.h"

#include <algorithm>
#include <cctype>

namespace chronograph::extract {
namespace {

bool StartsWith(const std::string& s, std::size_t pos, const char* lit) {
  return s.compare(pos, std::char_traits<char>::length(lit), lit) == 0;
}

// Length of a multi-byte sentence terminator at pos, or 0.
std::size_t CjkTerminatorAt(const std::string& s, std::size_t pos) {
  // Every terminator here starts with a non-ASCII byte: most bytes of a text
  // are ruled out without comparing.
  if (pos >= s.size() || static_cast<unsigned char>(s[pos]) < 0x80) return 0;
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
// Steps back over the digits and spaces just before pos: each such stretch
// ends at one '.', so the look-backs of a text add up to its length.
bool IsListNumber(const std::string& s, std::size_t pos, WorkCounter* work) {
  std::size_t b = pos;
  while (b > 0 && std::isdigit(static_cast<unsigned char>(s[b - 1]))) --b;
  if (b == pos) return false;
  while (b > 0 && IsSpace(s[b - 1])) --b;
  CountWork(work, pos - b);
  return b == 0 || s[b - 1] == '\n';
}

// True when the '.' at pos closes an initial ("E.") or an abbreviation: the
// word before it (letters and inner dots, the '.' included) is one of them.
// longest is the length of the longest abbreviation: a longer word is
// neither, so the look-back stops there instead of walking a run of
// 100,000 dots once for each of them.
bool ClosesAbbreviation(const std::string& s, std::size_t pos, const std::set<std::string>& abbreviations,
                        std::size_t longest, WorkCounter* work) {
  const std::size_t limit = std::max<std::size_t>(longest, 2);
  std::size_t b = pos;
  while (b > 0 && (std::isalpha(static_cast<unsigned char>(s[b - 1])) || s[b - 1] == '.')) {
    --b;
    CountWork(work);
    if (pos - b + 1 > limit) return false;
  }
  const std::string word = s.substr(b, pos - b + 1);
  const bool initial = word.size() == 2 && std::isupper(static_cast<unsigned char>(word[0]));
  return initial || abbreviations.count(word) != 0;
}

// True when the line break at pos (s[pos] == '\n') is inside a wrapped English sentence.
bool ContinuesAcrossLine(const std::string& s, std::size_t pos, WorkCounter* work) {
  std::size_t before = pos;
  while (before > 0 && IsSpace(s[before - 1])) --before;
  CountWork(work, pos - before);
  if (before == 0) return false;
  const unsigned char last = static_cast<unsigned char>(s[before - 1]);
  if (!(std::isalnum(last) || last == ',' || last == ';' || last == '-')) return false;
  std::size_t after = pos + 1;
  while (after < s.size() && IsSpace(s[after])) ++after;
  CountWork(work, after - pos);
  return after < s.size() && (std::islower(static_cast<unsigned char>(s[after])) || s[after] == '(');
}

// A line that opens a new paragraph by its shape: heading, list item.
bool OpensParagraph(const std::string& s, std::size_t line_start, WorkCounter* work) {
  std::size_t p = line_start;
  while (p < s.size() && IsSpace(s[p])) ++p;
  CountWork(work, p - line_start + 1);
  if (p >= s.size()) return false;
  if (s[p] == '#' || s[p] == '>') return true;
  if ((s[p] == '-' || s[p] == '*' || s[p] == '+') && p + 1 < s.size() && s[p + 1] == ' ') return true;
  std::size_t d = p;
  while (d < s.size() && std::isdigit(static_cast<unsigned char>(s[d]))) ++d;
  CountWork(work, d - p);
  return d > p && d + 1 < s.size() && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ';
}

bool IsBlank(char c) { return c == ' ' || c == '\n'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
// Bytes of a Latin word or a number ("GPT-3.5", "don't"): no cut between two.
bool IsWordByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_' || c == '\'';
}

// True when q falls inside a Latin word or a number: "GPT-3.5", "1,000", "10:30".
bool InsideWord(const std::string& s, std::size_t q) {
  if (IsWordByte(s[q - 1]) && IsWordByte(s[q])) return true;
  const auto separator = [](char c) { return c == ',' || c == ':'; };
  if (q >= 2 && separator(s[q - 1]) && IsDigit(s[q - 2]) && IsDigit(s[q])) return true;
  return q + 1 < s.size() && separator(s[q]) && IsDigit(s[q - 1]) && IsDigit(s[q + 1]);
}

// True when a clause ends just before q: after , ; : (not between two
// digits: "1,000", "10:30") or after 、.
bool ClauseEndsAt(const std::string& s, std::size_t q) {
  const char p = s[q - 1];
  if ((p == ',' || p == ';' || p == ':') && !(q >= 2 && q < s.size() && IsDigit(s[q - 2]) && IsDigit(s[q]))) {
    return true;
  }
  return q >= 3 && s.compare(q - 3, 3, "\xE3\x80\x81") == 0;  // 、
}

// Where to cut s[b, e) (trimmed, longer than kMaxSentenceBytes): a position q
// in (b, b + kMaxSentenceBytes], the first piece being s[b, q). See the
// header for the order of preference. Each call looks at no more than
// 3 * kMaxSentenceBytes bytes, and the windows of successive calls overlap
// only where the previous call found nothing better, so a text's cuts cost
// a constant number of looks per byte.
std::size_t CutPoint(const std::string& s, std::size_t b, WorkCounter* work) {
  const std::size_t limit = b + kMaxSentenceBytes;  // < e <= s.size()
  for (std::size_t q = limit; q > b; --q) {
    CountWork(work);
    const bool between_digits_at_space = q + 1 < s.size() && IsDigit(s[q - 1]) && IsDigit(s[q + 1]);
    if (IsBlank(s[q]) && !between_digits_at_space) return q;
    const char p = s[q - 1];
    if ((p == ',' || p == ';' || p == ':') && !(q >= 2 && IsDigit(s[q - 2]) && IsDigit(s[q]))) return q;
    if (q - b >= 3 && s.compare(q - 3, 3, "、") == 0) return q;
  }
  for (std::size_t q = limit; q > b; --q) {
    CountWork(work);
    if (!IsContinuationByte(s[q]) && !InsideWord(s, q)) return q;
  }
  for (std::size_t q = limit; q > b; --q) {
    CountWork(work);
    if (!IsContinuationByte(s[q])) return q;
  }
  return limit;  // not UTF-8 at all: cut at the byte limit
}

}  // namespace

std::vector<Sentence> SplitSentences(const std::string& s, const std::set<std::string>& abbreviations,
                                     SplitStats* stats) {
  WorkCounter* work = stats != nullptr ? &stats->work : nullptr;
  std::size_t longest_abbreviation = 0;
  for (const std::string& a : abbreviations) longest_abbreviation = std::max(longest_abbreviation, a.size());
  std::vector<Sentence> out;
  int paragraph = 0;
  bool paragraph_has_text = false;
  std::size_t start = 0;

  auto emit = [&](std::size_t end) {
    std::size_t b = start, e = end;
    while (b < e && IsBlank(s[b])) ++b;
    while (e > b && IsBlank(s[e - 1])) --e;
    CountWork(work, end - start);
    // Too long: cut at every clause boundary (so that where the pieces
    // fall depends on the text, not on where the sentence began: a line
    // break after a comma changes nothing), then cut what is still too long
    // from the front; each piece starts and ends on text, like any sentence.
    auto piece = [&](std::size_t piece_begin, std::size_t piece_end) {
      while (piece_end > piece_begin && IsBlank(s[piece_end - 1])) --piece_end;
      if (piece_end == piece_begin) return;
      out.push_back({piece_begin, piece_end, paragraph, true});
      if (stats != nullptr) ++stats->forced_splits;
      paragraph_has_text = true;
    };
    if (e - b > kMaxSentenceBytes) {
      for (std::size_t q = b + 1; q < e; ++q) {
        CountWork(work);
        if (!ClauseEndsAt(s, q)) continue;
        std::size_t clause_end = q;
        while (clause_end - b > kMaxSentenceBytes) {
          const std::size_t cut = CutPoint(s, b, work);
          piece(b, cut);
          b = cut;
          while (b < clause_end && IsBlank(s[b])) ++b;
        }
        piece(b, clause_end);
        b = clause_end;
        while (b < e && IsBlank(s[b])) ++b;
        q = b;
      }
    }
    while (e - b > kMaxSentenceBytes) {
      const std::size_t cut = CutPoint(s, b, work);
      piece(b, cut);
      b = cut;
      while (b < e && IsBlank(s[b])) ++b;
    }
    if (b < e) {
      out.push_back({b, e, paragraph});
      paragraph_has_text = true;
    }
    start = end;
  };

  std::size_t i = 0;
  while (i < s.size()) {
    CountWork(work);
    const char c = s[i];
    if (c == '\n') {
      std::size_t j = i + 1;
      while (j < s.size() && IsSpace(s[j])) ++j;
      CountWork(work, j - i);
      const bool blank_line = j < s.size() && s[j] == '\n';
      if (blank_line || j >= s.size() || OpensParagraph(s, i + 1, work)) {
        emit(i);
        if (paragraph_has_text) ++paragraph;
        paragraph_has_text = false;
      } else if (!ContinuesAcrossLine(s, i, work)) {
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
      // Looked back at only at a break: inside "...." every dot but the last is none.
      if (at_break && !ClosesAbbreviation(s, i, abbreviations, longest_abbreviation, work) &&
          !IsListNumber(s, i, work)) {
        term = 1;
      }
    }
    if (term == 0) {
      ++i;
      continue;
    }
    std::size_t end = i + term;
    // Runs of terminators ("？！", "……") and closing quotes stay with the sentence.
    for (;;) {
      CountWork(work);
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
