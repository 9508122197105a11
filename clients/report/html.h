// The HTML report: one self-contained page for committee meetings. No
// scripts and no external resources (inline CSS, inline SVG charts); it
// prints on A4 (@page size A4 with margins; headings stay with what
// follows them, table rows and charts are not split across pages; table
// headers repeat on each page) with a font stack that has Thai glyphs.
// All text from the server or the user is escaped (clients/format/escape.h).
#ifndef WELFARE_CLIENTS_REPORT_HTML_H_
#define WELFARE_CLIENTS_REPORT_HTML_H_

#include <string>
#include <vector>

#include "clients/report/style.h"
#include "clients/report/views.h"

namespace welfare::report {

struct Chart {
  std::string heading;
  // An <svg> element from charts.h (already escaped).
  std::string svg;
};

struct HtmlPage {
  // <title> and <h1>, and the line under it.
  std::string title;
  std::string subtitle;
  // The reports, in order. With one view its title and subtitle are the
  // page's own and are not repeated; with several, each starts with its
  // title as <h2> (and, when printed, on a new page).
  std::vector<View> views;
  // Drawn after the reports, under the heading "แผนภูมิ"/"Charts".
  std::vector<Chart> charts;
};

// The whole document, from <!DOCTYPE html> to </html>.
std::string RenderHtml(const Style& style, const HtmlPage& page);

}  // namespace welfare::report

#endif  // WELFARE_CLIENTS_REPORT_HTML_H_
