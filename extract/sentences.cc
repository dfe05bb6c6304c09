#include "extract/sentences.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace chronograph::extract {
namespace {

bool StartsWith(const std::string& s, std::size_t pos, const char* lit) {
  return s.compare(pos, std::char_traits<char>::length(lit), lit) == 0;
}

// Length of the mark of `marks` at pos, or 0.
std::size_t MarkAt(const std::string& s, std::size_t pos, const std::vector<std::string>& marks) {
  if (pos >= s.size()) return 0;
  for (const std::string& m : marks) {
    // A first-byte test rules out most bytes of a text without comparing.
    if (m[0] == s[pos] && s.compare(pos, m.size(), m) == 0) return m.size();
  }
  return 0;
}

// Closing quotes and brackets that belong to the sentence they follow.
std::size_t CloserAt(const std::string& s, std::size_t pos, const SentencePunctuation& punctuation) {
  if (pos < s.size() && (s[pos] == '"' || s[pos] == '\'' || s[pos] == ')' || s[pos] == ']')) return 1;
  return MarkAt(s, pos, punctuation.closers);
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

// True when the '.' at pos is followed by what cannot open a sentence: a
// ',' ("Le. , 2015"), or, after a capitalised word (a name or its initial,
// "Dai & Le."), a word in lower case ("Dai & Le. showed") or a '(' that
// does not open a capitalised remark ("Le. (2015)", not "Paris. (The ...").
// Looks at the word before (its first letter) and at most a few spaces and
// one line break after: linear over the text.
bool ContinuesAfterPeriod(const std::string& s, std::size_t pos, WorkCounter* work) {
  std::size_t a = pos + 1;
  bool line_break = false;
  while (a < s.size() && (IsSpace(s[a]) || (s[a] == '\n' && !line_break))) {
    line_break = line_break || s[a] == '\n';
    ++a;
    CountWork(work);
  }
  if (a >= s.size()) return false;
  if (s[a] == ',') return true;
  std::size_t b = pos;
  while (b > 0 && pos - b < 32 && std::isalpha(static_cast<unsigned char>(s[b - 1]))) --b;
  CountWork(work, pos - b);
  if (b == pos || !std::isupper(static_cast<unsigned char>(s[b]))) return false;
  if (std::islower(static_cast<unsigned char>(s[a]))) return true;
  return s[a] == '(' && a + 1 < s.size() && !std::isupper(static_cast<unsigned char>(s[a + 1])) &&
         static_cast<unsigned char>(s[a + 1]) < 0x80;
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

// The code point whose UTF-8 starts at s[p], its length in *len (1 for a
// stray byte).
char32_t CodePointAt(const std::string& s, std::size_t p, std::size_t* len) {
  const auto c = static_cast<unsigned char>(s[p]);
  std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (p + n > s.size()) n = 1;
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[p + k]) & 0x3F);
  *len = n;
  return cp;
}

// Chinese, Japanese and Korean characters and their punctuation: written
// without spaces between them, two columns wide.
bool IsCjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0x20000 && c <= 0x3FFFF);
}

// The code point that ends just before e (e > 0).
char32_t CodePointBefore(const std::string& s, std::size_t e) {
  std::size_t b = e - 1;
  while (b > 0 && e - b < 4 && IsContinuationByte(s[b])) --b;
  std::size_t len = 0;
  return CodePointAt(s, b, &len);
}

struct Line {
  std::size_t begin = 0, end = 0;  // the line without its '\n', trimmed of spaces
  std::size_t columns = 0;         // display width of [begin, end)
};

bool LineStartsWith(const std::string& s, const Line& line, const char* lit) {
  return line.end - line.begin >= std::char_traits<char>::length(lit) && StartsWith(s, line.begin, lit);
}

// A speaker's label opening a line: a short name (up to five words, starting
// with a capital or a CJK character) and ':' not followed by a digit
// ("Ilya Sutskever: ", "黄仁勋:", not "10:30").
bool IsSpeakerLabel(const std::string& s, const Line& line) {
  std::size_t p = line.begin;
  std::size_t len = 0;
  const char32_t first = CodePointAt(s, p, &len);
  if (!(first < 0x80 ? std::isupper(static_cast<int>(first)) != 0 : IsCjk(first))) return false;
  int spaces = 0;
  while (p < line.end && p - line.begin <= 48) {
    const char32_t c = CodePointAt(s, p, &len);
    if (c == ':') return p + 1 >= line.end || !IsDigit(s[p + 1]);
    if (c == ' ') {
      if (++spaces > 4) return false;
    } else if (!(c < 0x80 ? std::isalpha(static_cast<int>(c)) || c == '.' || c == '-' || c == '\''
                          : IsCjk(c) || c == 0xB7)) {  // U+00B7 '·' joins the parts of a transcribed name
      return false;
    }
    p += len;
  }
  return false;
}

// A line whose end is its own: a heading, a table row (any '|': a table
// needs no outer pipes, "2018 | 机器翻译"), a code fence.
bool StandsAlone(const std::string& s, const Line& line) {
  return s[line.begin] == '#' || std::string_view(s).substr(line.begin, line.end - line.begin).find('|') != std::string_view::npos || LineStartsWith(s, line, "```") ||
         LineStartsWith(s, line, "~~~");
}

}  // namespace

void JoinWrappedLines(NormalizedText* normalized, const SentencePunctuation& punctuation) {
  const std::string& s = normalized->text;
  // The lines, each trimmed of spaces (an empty one is blank).
  std::vector<Line> lines;
  for (std::size_t b = 0; b <= s.size();) {
    std::size_t e = s.find('\n', b);
    if (e == std::string::npos) e = s.size();
    Line line{b, e, 0};
    while (line.begin < line.end && IsSpace(s[line.begin])) ++line.begin;
    while (line.end > line.begin && IsSpace(s[line.end - 1])) --line.end;
    for (std::size_t p = line.begin; p < line.end;) {
      std::size_t len = 0;
      line.columns += IsCjk(CodePointAt(s, p, &len)) ? 2 : 1;
      p += len;
    }
    lines.push_back(line);
    b = e + 1;
  }
  // Per line break (after lines[k]): kept, made a space, or taken out.
  enum class Join { kKeep, kSpace, kRemove };
  std::vector<Join> joins(lines.size(), Join::kKeep);
  std::size_t widest = 0;  // of the current block of non-blank lines
  for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
    if (k == 0 || lines[k - 1].begin == lines[k - 1].end) {  // a block starts: find its widest line
      widest = 0;
      for (std::size_t j = k; j < lines.size() && lines[j].begin < lines[j].end; ++j) {
        widest = std::max(widest, lines[j].columns);
      }
    }
    const Line& line = lines[k];
    const Line& next = lines[k + 1];
    if (line.begin == line.end || next.begin == next.end) continue;  // a blank line
    // A line that ends in a word or a comma and goes on in lower case was
    // broken by its author mid-clause (semantic line breaks: one phrase per
    // line), however short it is; "key: value" lines (front matter) are not
    // prose.
    auto is_lower = [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; };  // as the splitter reads case
    auto key_value = [&](const Line& l) {  // looks within the line only: linear
      const std::size_t space = std::string_view(s).substr(l.begin, l.end - l.begin).find(' ');
      return space != std::string_view::npos && space > 0 && s[l.begin + space - 1] == ':';
    };
    const char line_last = s[line.end - 1];
    const bool goes_on_lower = is_lower(s[next.begin]) && (is_lower(line_last) || line_last == ',') &&
                               !key_value(line) && !key_value(next);
    if (!goes_on_lower && (line.columns < kWrapColumns || line.columns * 5 < widest * 3)) continue;  // not full
    if (StandsAlone(s, line) || StandsAlone(s, next) || IsSpeakerLabel(s, next) ||
        OpensParagraph(s, next.begin, nullptr)) {
      continue;
    }
    const char32_t last = CodePointBefore(s, line.end);
    // Ends a sentence or introduces lines: the break is the author's.
    bool ends_with_mark = false;
    for (const std::string& m : punctuation.ends) {
      ends_with_mark = ends_with_mark || (line.end - line.begin >= m.size() && s.compare(line.end - m.size(), m.size(), m) == 0);
    }
    if (last == ':' || last == '!' || last == '?' || last == ';' || ends_with_mark) continue;
    std::size_t len = 0;
    const bool cjk_both = IsCjk(last) && IsCjk(CodePointAt(s, next.begin, &len));
    joins[k] = cjk_both ? Join::kRemove : Join::kSpace;
  }
  // Without a join to take out (English, or no wrapped lines), the line
  // breaks become spaces in place: no copy of the text and its offsets.
  if (std::find(joins.begin(), joins.end(), Join::kRemove) == joins.end()) {
    for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
      if (joins[k] == Join::kSpace) normalized->text[s.find('\n', lines[k].end)] = ' ';
    }
    return;
  }
  // Rebuilt once: the spaces of a join between two CJK characters are taken
  // out (with their offsets), the other joins' line breaks become spaces.
  std::string text;
  std::vector<std::uint32_t> origin;
  text.reserve(s.size());
  origin.reserve(s.size() + 1);
  std::size_t copied = 0;
  auto copy_to = [&](std::size_t end) {
    text.append(s, copied, end - copied);
    origin.insert(origin.end(), normalized->origin.begin() + static_cast<std::ptrdiff_t>(copied),
                  normalized->origin.begin() + static_cast<std::ptrdiff_t>(end));
    copied = end;
  };
  for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
    if (joins[k] == Join::kKeep) continue;
    if (joins[k] == Join::kRemove) {
      copy_to(lines[k].end);
      copied = lines[k + 1].begin;  // the spaces and the line break are left out
    } else {
      const std::size_t newline = s.find('\n', lines[k].end);
      copy_to(newline);
      text += ' ';
      origin.push_back(normalized->origin[newline]);
      copied = newline + 1;
    }
  }
  copy_to(s.size());
  origin.push_back(normalized->origin[s.size()]);
  normalized->text = std::move(text);
  normalized->origin = std::move(origin);
}

std::vector<Sentence> SplitSentences(const std::string& s, const std::set<std::string>& abbreviations,
                                     const SentencePunctuation& punctuation, SplitStats* stats) {
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
    std::size_t term = MarkAt(s, i, punctuation.ends);
    if (term == 0 && (c == '!' || c == '?')) term = 1;
    // '；' became ';' under NFKC: it ends a sentence in Chinese context only.
    if (term == 0 && c == ';' &&
        ((i > 0 && static_cast<unsigned char>(s[i - 1]) >= 0x80) ||
         (i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80))) {
      term = 1;
    }
    if (term == 0 && c == '.') {
      const bool at_break = i + 1 >= s.size() || IsSpace(s[i + 1]) || s[i + 1] == '\n' ||
                            static_cast<unsigned char>(s[i + 1]) >= 0x80 || CloserAt(s, i + 1, punctuation);
      // Looked back at only at a break: inside "...." every dot but the last is none.
      if (at_break && !ClosesAbbreviation(s, i, abbreviations, longest_abbreviation, work) &&
          !IsListNumber(s, i, work) && !ContinuesAfterPeriod(s, i, work)) {
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
      std::size_t more = MarkAt(s, end, punctuation.ends);
      if (more == 0 && end < s.size() && (s[end] == '!' || s[end] == '?' || s[end] == '.')) more = 1;
      if (more == 0) more = CloserAt(s, end, punctuation);
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
