// FundWriter: writes a fund's life to a real server for the audit's
// integration tests, failing the test on any refusal.
#ifndef WELFARE_TESTS_AUDIT_FUND_WRITER_H_
#define WELFARE_TESTS_AUDIT_FUND_WRITER_H_

#include <cstdint>
#include <string>

#include "clients/ledger_client.h"

namespace welfare::auditor::testing {

namespace ledger_v1 = welfare::ledger::v1;

class FundWriter {
 public:
  // Creates the fund (founded 2026-01-15) on first use of the client.
  FundWriter(client::LedgerClient* client, std::string fund_id);

  // Each returns the entry's sequence (0 after a failure, which is also
  // reported to gtest).
  uint64_t Register(int64_t national_id_seed, int join_month = 2);
  uint64_t Dues(int32_t member, int month, int months, int64_t satang);
  uint64_t Donation(int64_t satang);
  uint64_t Benefit(int32_t member, int64_t satang);
  uint64_t Reverse(uint64_t sequence);
  uint64_t Resign(int32_t member);
  uint64_t UpdateProfile(int32_t member);
  uint64_t EraseProfile(int32_t member);
  // A rulebook in force from 2026-04-01: sickness, 200 baht a night.
  uint64_t AdoptRulebook();
  // A sickness claim of member's (event 2026-06-01) submitted, certified,
  // approved and paid; returns the payment's sequence.
  uint64_t PaidClaim(int32_t member, int nights);
  // `count` donations of 1 baht in one batch; returns the last sequence.
  uint64_t Donations(int count);

  const std::string& fund_id() const { return fund_id_; }
  std::string parent() const { return "funds/" + fund_id_; }

 private:
  uint64_t JournalSize();

  client::LedgerClient* client_;
  std::string fund_id_;
};

}  // namespace welfare::auditor::testing

#endif  // WELFARE_TESTS_AUDIT_FUND_WRITER_H_
