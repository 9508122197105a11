// The HTML page: self-contained, made for A4, every text escaped, empty
// tables marked, and the charts in place.
#include "clients/report/html.h"

#include <string>

#include "clients/format/escape.h"
#include "clients/report/charts.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/report/sample_reports.h"
#include "tests/report/svg_inspect.h"

namespace welfare::report {
namespace {

using format::EscapeHtml;

using testing::CountOf;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

const Style kThai(Output::kHtml, format::Calendar::kBuddhistEra,
                  format::Language::kThai);

std::string PageOf(const View& view, std::vector<Chart> charts = {}) {
  return RenderHtml(kThai, {view.title, view.subtitle, {view}, charts});
}

TEST(HtmlTest, EscapeHtmlReplacesEveryMarkupCharacter) {
  EXPECT_EQ(EscapeHtml("<a href=\"x\">O'Neil & co</a>"),
            "&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;");
  EXPECT_EQ(EscapeHtml("กองทุน"), "กองทุน");
}

TEST(HtmlTest, TextFromTheServerIsEscaped) {
  v1::TrialBalance report = testing::SampleTrialBalance();
  report.mutable_header()->set_fund_display_name(
      "<script>alert('x')</script> & co");
  report.mutable_rows(0)->set_display_name("<b>เงินสด</b>");
  const std::string html = PageOf(TrialBalanceView(kThai, report));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<b>")));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; "
                              "&amp; co"));
  EXPECT_THAT(html, HasSubstr("&lt;b&gt;เงินสด&lt;/b&gt;"));
}

TEST(HtmlTest, PageIsSelfContainedAndMadeForA4) {
  const View view = StatusFormView(kThai, testing::SampleStatusForm());
  const std::string html = PageOf(
      view, {{"monthly", MonthlyChartSvg(kThai, testing::SampleSeries())}});
  EXPECT_THAT(html, StartsWith("<!DOCTYPE html>\n<html lang=\"th\">"));
  EXPECT_THAT(html, HasSubstr("<meta charset=\"utf-8\">"));
  EXPECT_THAT(html, HasSubstr("@page { size: A4;"));
  EXPECT_THAT(html, HasSubstr("\"Noto Sans Thai\", \"Sarabun\", \"Tahoma\""));
  EXPECT_THAT(html, HasSubstr("page-break-inside: avoid"));
  EXPECT_THAT(html, HasSubstr("<title>แบบแสดงสถานะกองทุนสวัสดิการชุมชน: "));
  // No scripts and nothing fetched: the only URL is the SVG namespace.
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("src=")));
  EXPECT_THAT(html, Not(HasSubstr("<link")));
  EXPECT_THAT(html, Not(HasSubstr("url(")));
  EXPECT_EQ(CountOf(html, "http"),
            CountOf(html, "xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_THAT(html, ::testing::EndsWith("</html>\n"));
}

TEST(HtmlTest, TablesKeepAlignmentAndMarkTotals) {
  const std::string html =
      PageOf(TrialBalanceView(kThai, testing::SampleTrialBalance()));
  EXPECT_THAT(html, HasSubstr("<td class=\"num\">1,234,567.89</td>"));
  EXPECT_THAT(html, HasSubstr("<tr class=\"total\"><td></td><td>รวม</td>"));
  // One view: its title is the page's <h1>, not repeated as <h2>.
  EXPECT_EQ(CountOf(html, "<h1>"), 1);
  EXPECT_EQ(CountOf(html, "<h2>"), 0);
}

TEST(HtmlTest, EmptyTablesSaySo) {
  v1::TrialBalance empty;
  *empty.mutable_header() = testing::SampleHeader();
  const std::string html = PageOf(TrialBalanceView(kThai, empty));
  EXPECT_THAT(html,
              HasSubstr("<td class=\"empty\" colspan=\"6\">ไม่มีรายการ</td>"));
}

TEST(HtmlTest, SeveralViewsEachGetAHeadingAndCharts) {
  HtmlPage page{
      "pack",
      "year",
      {BenefitsView(kThai, testing::SampleBenefits()),
       ContributionsView(kThai, testing::SampleContributions())},
      {{"monthly", MonthlyChartSvg(kThai, testing::SampleSeries())},
       {"categories", CategoryChartSvg(kThai, testing::SampleBenefits())}}};
  const std::string html = RenderHtml(kThai, page);
  EXPECT_EQ(CountOf(html, "<section class=\"report\">"), 2);
  EXPECT_EQ(CountOf(html, "<h2>"), 3);  // Two reports and the charts.
  EXPECT_EQ(testing::Bars(html).size(),
            24u + testing::kSampleBenefitCategoriesWithMoney);
}

}  // namespace
}  // namespace welfare::report
