// The page around report.html's data: report/report.html.in with the
// pinned JavaScript libraries (report/package-lock.json) inlined, made at
// build time by report/embed_assets.js into a generated .cc. The page is
// `head`, then the data (JSON inside a <script type="application/json">),
// then `tail`; each is a list of chunks to write in order. Immutable after
// first use: thread-safe.
#ifndef CHRONOGRAPH_EXPORT_REPORT_PAGE_H_
#define CHRONOGRAPH_EXPORT_REPORT_PAGE_H_

#include <string_view>
#include <vector>

namespace chronograph::exporters {

struct ReportPage {
  std::vector<std::string_view> head;
  std::vector<std::string_view> tail;
};

// Defined in the generated report_page.cc.
const ReportPage& EmbeddedReportPage();

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_REPORT_PAGE_H_
