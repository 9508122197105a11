// A real welfared (welfare::testing::TestServer: loopback port, temporary
// RocksDB, clock at 2026-06-15 in Thailand) holding a small fund written
// through the API, whose figures the tests of the client and the tool know:
//
// Fund "ban-nong-khu" (kFundName, kFundDisplayName of sample_reports.h),
// area 330101, founded 1 October 2024. Members 1 (general) and 2 (elderly)
// joined at the founding; 3 to 6 (general) on 1 October 2025.
//
//   date        what                                         baht
//   2024-11-05  dues, member 1, 10/2567-09/2568 (RC-0001)      360.00
//   2025-03-10  government match, round 2568/1              25,000.00
//   2025-06-01  sickness benefit, member 1                     200.00
//   2025-10-05  dues, member 1, 10/2568-12/2568 (RC-0002)       90.00
//   2025-10-05  dues, member 2, 10/2568 (RC-0003)               30.00
//   2025-11-10  dues, member 3, 10/2568-11/2568 (RC-0004)       60.00
//   2025-12-10  sickness benefit, member 1                     500.00
//   2026-01-15  dues, member 1, 01/2569-06/2569 (RC-0005)      180.00
//   2026-01-15  dues, member 2, 11/2568-01/2569 (RC-0006)       90.00
//   2026-02-20  government match, round 2569/1             123,456.75
//   2026-02-25  birth benefit, member 3                      1,000.00
//   2026-03-15  stationery (operating cost)                    250.00
//   2026-03-20  dues, member 3, 12/2568-03/2569 (RC-0007)      120.00
//   2026-04-05  sickness benefit, member 2                     300.00
//   2026-05-18  elderly benefit, member 2                    3,000.00
//   2026-06-10  dues, member 2, 02/2569-06/2569 (RC-0008)      150.00
//
// Everything is paid into and out of cash (1101): 25,160.00 at the end of
// fiscal year 2025 (2568), 144,286.75 today. Fiscal year 2026 (2569):
// income 124,176.75 (dues 720.00, match 123,456.75), expenditure 5,050.00
// (benefits 4,800.00, stationery 250.00), surplus 119,126.75. From the
// founding: income, and so the trial balance's debits and credits,
// 149,536.75; benefits 5,000.00. A second fund,
// kOtherFundId, seeded at random (WriteRandomFund), stands in another
// district (330201) of the same province (33).
#ifndef WELFARE_TESTS_REPORT_KNOWN_FUND_H_
#define WELFARE_TESTS_REPORT_KNOWN_FUND_H_

#include <cstdint>
#include <memory>

#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "tests/testing/test_util.h"

namespace welfare::report::testing {

inline constexpr char kFundId[] = "ban-nong-khu";  // kFundName
inline constexpr char kOtherFundId[] = "ban-nong-yai";
inline constexpr int kKnownMembers = 6;

// Fiscal year 2026 (1 October 2025 to 30 September 2026), month by month
// from October 2025: member dues (account 4101) and benefits paid, satang.
inline constexpr int64_t kDuesByMonth2026[12] = {
    12000, 6000, 0, 27000, 0, 12000, 0, 0, 15000, 0, 0, 0};
inline constexpr int64_t kBenefitsByMonth2026[12] = {
    0, 0, 50000, 0, 100000, 0, 30000, 300000, 0, 0, 0, 0};
// Benefit categories with money in fiscal year 2026: sickness, birth,
// elderly.
inline constexpr int kBenefitCategoriesWithMoney2026 = 3;

// Writes the funds above through `client`; fails the test (gtest) on any
// refused write.
void WriteKnownFunds(client::LedgerClient& client);

// Tests over one real server holding the known funds, started and written
// once per test suite. The tests only read: they share it.
class KnownFundTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite();
  static void TearDownTestSuite();

  static const welfare::testing::TestServer& server() { return *server_; }
  // A new channel to the server.
  static std::shared_ptr<grpc::Channel> NewChannel();

 private:
  static welfare::testing::TestServer* server_;
};

}  // namespace welfare::report::testing

#endif  // WELFARE_TESTS_REPORT_KNOWN_FUND_H_
