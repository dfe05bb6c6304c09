// Markup that is not prose: web addresses and the link syntax of Markdown.
// Input: normalised text (extract/normalize.h). Output: the same text with
// these spans overwritten by spaces, byte for byte, so every offset (and
// the offset map back to the original) stays valid and the rules never
// read them. A URL is no name and carries no date: "openai.com/blog/2023"
// once gave an entity with 22 "mentions" and a date.
// Blanked:
//   - bare addresses: http://, https://, ftp:// and www. up to whitespace,
//     a closing bracket or quote, or a non-ASCII character; trailing
//     . , ; : ! ? stay (they may end the sentence);
//   - Markdown link and image targets: "](target)" and the "!" of "![",
//     when the target has no space (a parenthesised remark is kept) and
//     its brackets balance ("wiki/McCarthy_(scientist)");
//   - Markdown reference definitions: a line "[label]: address";
//   - runs of two or more "*" or "_" (bold marks, "***" rules).
//   - the "[" and "]" around a link text whose target is blanked.
// Link texts ("OpenAI" of "[OpenAI](https://openai.com)") and image alt
// texts stay: they are prose. One pass, linear in the text.
#ifndef CHRONOGRAPH_EXTRACT_MARKUP_H_
#define CHRONOGRAPH_EXTRACT_MARKUP_H_

#include <string>

namespace chronograph::extract {

void BlankMarkup(std::string* text);

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_MARKUP_H_
