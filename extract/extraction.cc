#include "extract/extraction.h"

namespace chronograph::extract {

std::string EntityId(const std::string& canonical) {
  std::string id;
  bool pending_dash = false;
  for (unsigned char c : canonical) {
    const bool ascii_alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (ascii_alnum || c >= 0x80) {
      if (pending_dash && !id.empty()) id += '-';
      pending_dash = false;
      id += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    } else {
      pending_dash = true;  // runs of spaces and punctuation become one '-'
    }
  }
  return id;
}

}  // namespace chronograph::extract
