#include "tests/report/svg_inspect.h"

namespace welfare::report::testing {

std::vector<Attributes> Bars(const std::string& markup) {
  static constexpr char kStart[] = "<rect class=\"bar\"";
  std::vector<Attributes> bars;
  for (size_t at = markup.find(kStart); at != std::string::npos;
       at = markup.find(kStart, at + 1)) {
    const std::string tag = markup.substr(at, markup.find('>', at) - at);
    Attributes attributes;
    for (size_t eq = tag.find("=\""); eq != std::string::npos;
         eq = tag.find("=\"", eq + 2)) {
      const size_t name_start = tag.rfind(' ', eq) + 1;
      const size_t value_end = tag.find('"', eq + 2);
      attributes[tag.substr(name_start, eq - name_start)] =
          tag.substr(eq + 2, value_end - eq - 2);
    }
    bars.push_back(std::move(attributes));
  }
  return bars;
}

std::vector<std::string> Texts(const std::string& markup,
                               const std::string& css_class) {
  const std::string start = "<text class=\"" + css_class + "\"";
  std::vector<std::string> texts;
  for (size_t at = markup.find(start); at != std::string::npos;
       at = markup.find(start, at + 1)) {
    const size_t content = markup.find('>', at) + 1;
    texts.push_back(
        markup.substr(content, markup.find("</text>", content) - content));
  }
  return texts;
}

int CountOf(const std::string& text, const std::string& needle) {
  int count = 0;
  for (size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

}  // namespace welfare::report::testing
