// The committee's HTML report in a real headless browser (Debian's
// chromium): it loads, its DOM has the page title and every chart bar
// (24 monthly and one per benefit category with money), and a screenshot
// of an A4-sized window is a real PNG picture. chromium must be installed
// (scripts/setup.sh installs it): without it the test fails.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "clients/report/charts.h"
#include "clients/report/html.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/report/sample_reports.h"
#include "tests/report/svg_inspect.h"
#include "tests/testing/test_util.h"

namespace welfare::report {
namespace {

using testing::CountOf;
using ::testing::HasSubstr;

constexpr char kTitle[] = "รายงานต่อที่ประชุมคณะกรรมการ: ทดสอบ <ชุดที่ 1>";
constexpr size_t kScreenshotBytesMin = 20 * 1024;

std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

// The committee pack of the sample fund, as welfare-report writes it.
std::string SamplePage() {
  const Style style(Output::kHtml, format::Calendar::kBuddhistEra,
                    format::Language::kThai);
  HtmlPage page{
      kTitle,
      "ปีงบประมาณ 2569",
      {TrialBalanceView(style, testing::SampleTrialBalance()),
       ReceiptsAndPaymentsView(style, testing::SampleReceiptsAndPayments()),
       IncomeAndExpenditureView(style, testing::SampleIncomeAndExpenditure()),
       BalanceSheetView(style, testing::SampleBalanceSheet()),
       BenefitsView(style, testing::SampleBenefits()),
       ContributionsView(style, testing::SampleContributions())},
      {{"monthly", MonthlyChartSvg(style, testing::SampleSeries())},
       {"categories", CategoryChartSvg(style, testing::SampleBenefits())}}};
  return RenderHtml(style, page);
}

class BrowserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(std::system("command -v chromium > /dev/null 2>&1"), 0)
        << "chromium is not installed: the HTML report is checked in Debian's "
           "chromium. Run scripts/setup.sh (it installs the Debian package "
           "chromium), or apt-get install chromium.";
    page_path_ = dir_.path() + "/report.html";
    std::ofstream(page_path_) << SamplePage();
  }

  // Runs chromium headless on the page with `flags`, bounded by timeout,
  // with HOME in the test's folder; its standard output goes to `out`.
  int Chromium(const std::string& flags, const std::string& out) {
    const std::string command = absl::StrCat(
        "cd '", dir_.path(), "' && HOME='", dir_.path(),
        "' timeout 60 chromium --headless --no-sandbox --disable-gpu "
        "--no-first-run --user-data-dir='",
        dir_.path(), "/profile' ", flags, " 'file://", page_path_, "' > '", out,
        "' 2> '", dir_.path(), "/chromium.log'");
    return std::system(command.c_str());
  }

  std::string Log() { return ReadFile(dir_.path() + "/chromium.log"); }

  welfare::testing::TempDir dir_;
  std::string page_path_;
};

TEST_F(BrowserTest, DomHasTheTitleAndEveryBar) {
  const std::string dom_path = dir_.path() + "/dom.html";
  ASSERT_EQ(Chromium("--dump-dom", dom_path), 0) << Log();
  const std::string dom = ReadFile(dom_path);
  EXPECT_THAT(dom,
              HasSubstr(absl::StrCat(
                  "<title>", "รายงานต่อที่ประชุมคณะกรรมการ: ทดสอบ &lt;ชุดที่ 1&gt;",
                  "</title>")));
  const auto bars = testing::Bars(dom);
  EXPECT_EQ(bars.size(), 24u + testing::kSampleBenefitCategoriesWithMoney);
  EXPECT_EQ(CountOf(dom, "data-series=\"dues\""), 12);
  EXPECT_EQ(CountOf(dom, "data-series=\"benefits\""), 12);
  EXPECT_EQ(CountOf(dom, "data-category=\""),
            testing::kSampleBenefitCategoriesWithMoney);
  EXPECT_EQ(CountOf(dom, "<section class=\"report\">"), 6);
}

TEST_F(BrowserTest, ScreenshotIsAnA4SizedPicture) {
  const std::string png_path = dir_.path() + "/report.png";
  ASSERT_EQ(Chromium(absl::StrCat("--screenshot='", png_path,
                                  "' --window-size=1240,1754 "
                                  "--hide-scrollbars"),
                     dir_.path() + "/screenshot.out"),
            0)
      << Log();
  const std::string png = ReadFile(png_path);
  ASSERT_GT(png.size(), kScreenshotBytesMin) << Log();
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  // IHDR: width and height, big-endian, at bytes 16..23.
  auto be32 = [&](size_t at) {
    return (static_cast<unsigned char>(png[at]) << 24) |
           (static_cast<unsigned char>(png[at + 1]) << 16) |
           (static_cast<unsigned char>(png[at + 2]) << 8) |
           static_cast<unsigned char>(png[at + 3]);
  };
  EXPECT_EQ(png.substr(12, 4), "IHDR");
  EXPECT_EQ(be32(16), 1240u);
  EXPECT_EQ(be32(20), 1754u);
}

}  // namespace
}  // namespace welfare::report
