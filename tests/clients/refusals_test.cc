// Server refusals shown in the user's calendar: CE dates, months and fiscal
// years become BE where they stand alone, names and ids keep their text.
#include "clients/format/refusals.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace welfare::format {
namespace {

struct RefusalCase {
  const char* server;  // as the server says it (CE)
  const char* shown;   // as a BE user reads it
};

TEST(RefusalInCalendarTest, CommonEraYearsBecomeBuddhistEra) {
  const RefusalCase cases[] = {
      {"fiscal_year: 2027 has not begun; want the current year (2026) or an "
       "earlier one",
       "fiscal_year: 2570 has not begun; want the current year (2569) or an "
       "earlier one"},
      {"contribution.effective_date: 2026-07-01 is after today (2026-06-15, "
       "Thai time); want a date that has come (dates are CE: 2569 BE is 2026)",
       "contribution.effective_date: 01/07/2569 is after today (15/06/2569, "
       "Thai time); want a date that has come"},
      {"member 3 joined on 2026-02-01, after 2026-01-15",
       "member 3 joined on 01/02/2569, after 15/01/2569"},
      {"member 1 has paid dues for 2026-01 to 2026-03 already; want months "
       "not yet paid",
       "member 1 has paid dues for 01/2569 to 03/2569 already; want months "
       "not yet paid"},
      {"fund ban-nong-khu has no receipt 12 of fiscal year 2026",
       "fund ban-nong-khu has no receipt 12 of fiscal year 2569"},
      {"dated 2025-09-30.", "dated 30/09/2568."},
      {"2025-09-30", "30/09/2568"},
  };
  for (const RefusalCase& c : cases) {
    EXPECT_EQ(RefusalInCalendar(c.server, Calendar::kBuddhistEra), c.shown);
    EXPECT_EQ(RefusalInCalendar(c.server, Calendar::kGregorian), c.server);
  }
}

TEST(RefusalInCalendarTest, NamesIdsAndOtherNumbersKeepTheirText) {
  for (const char* text : {
           "document funds/ban-nong-khu/receipts/2026-12 is void",
           "request_id dues-2026-06-15 was used for another request",
           "request_id 2026-06-15x",
           "2026-06-15T00:00",
           "accounts 5101..5116",
           "want a year from 1951 to 9999",
           "2026-13-01 and 2026-02-30 and 2026-6-1",
           "fiscal_year: 3000 looks like a Buddhist Era year",
           "already BE: 2569-06-15 and fiscal year 2569",
           "fiscal year 20261",
       }) {
    EXPECT_EQ(RefusalInCalendar(text, Calendar::kBuddhistEra), text);
  }
}

}  // namespace
}  // namespace welfare::format
