// Reading the bars and texts back out of a chart or page, for tests: every
// <rect class="bar" ...> element with its attributes, and the texts of a
// class (the axis ticks).
#ifndef WELFARE_TESTS_REPORT_SVG_INSPECT_H_
#define WELFARE_TESTS_REPORT_SVG_INSPECT_H_

#include <map>
#include <string>
#include <vector>

namespace welfare::report::testing {

using Attributes = std::map<std::string, std::string>;

// The attributes of every element that starts with `<rect class="bar"`, in
// document order.
std::vector<Attributes> Bars(const std::string& markup);

// The contents of every <text class="css_class" ...>...</text>, in
// document order, as written (HTML escapes kept).
std::vector<std::string> Texts(const std::string& markup,
                               const std::string& css_class);

// How many times `needle` occurs in `text`.
int CountOf(const std::string& text, const std::string& needle);

}  // namespace welfare::report::testing

#endif  // WELFARE_TESTS_REPORT_SVG_INSPECT_H_
