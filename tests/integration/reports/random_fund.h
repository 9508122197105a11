// A seeded random fund written through the real API: members of every type
// joining over three years, dues, fees, matching rounds, donations,
// benefits of every category, operating costs, transfers, accruals,
// status changes and reversals, recorded in random date order (so most
// entries are back-dated) with some on fiscal-year, year-end and leap-day
// boundaries. Writes the server refuses (a member not yet joined, months
// already paid, cash that would go negative) are simply not part of it.
#ifndef WELFARE_TESTS_INTEGRATION_REPORTS_RANDOM_FUND_H_
#define WELFARE_TESTS_INTEGRATION_REPORTS_RANDOM_FUND_H_

#include <cstdint>
#include <string>
#include <vector>

#include "clients/ledger_client.h"

namespace welfare::testing {

struct RandomFundSpec {
  std::string fund_id;
  std::string area_code = "330101";
  uint32_t seed = 1;
  int members = 30;
  int operations = 400;
  // 0: the Thai fiscal year (October).
  int fiscal_year_start_month = 0;
};

// The people written, for the privacy checks.
struct RandomFundPeople {
  std::vector<std::string> national_ids;
  std::vector<std::string> full_names;
};

// Fails the current test (gtest) if the fund cannot be created.
RandomFundPeople WriteRandomFund(client::LedgerClient& client,
                                 const RandomFundSpec& spec);

}  // namespace welfare::testing

#endif  // WELFARE_TESTS_INTEGRATION_REPORTS_RANDOM_FUND_H_
