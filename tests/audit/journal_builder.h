// JournalBuilder: hand-built journals for the audit tests. Each Add fills
// in what the server's append fills in (format version, fund, sequence,
// previous hash) and keeps the stored bytes, so tests can feed them to an
// EntryFold or a LedgerModel and then break them on purpose.
#ifndef WELFARE_TESTS_AUDIT_JOURNAL_BUILDER_H_
#define WELFARE_TESTS_AUDIT_JOURNAL_BUILDER_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "clients/verify/merkle.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::auditor::testing {

namespace record_v1 = welfare::storage::v1;

// Account codes of the small chart the builder's fund opens.
inline constexpr uint32_t kCash = 1101;
inline constexpr uint32_t kBank = 1111;
inline constexpr uint32_t kDuesIncome = 4101;
inline constexpr uint32_t kDonations = 4401;
inline constexpr uint32_t kBenefits = 5102;

// 2026-03-01 as days since 1970-01-01, and March 2026 as a month index.
inline constexpr int32_t kDay = 20513;
inline constexpr int32_t kMonth = 2026 * 12 + 2;
// The day CreateFund founds the fund: 2025-01-25, before every other date
// the tests write.
inline constexpr int32_t kFoundingDay = kDay - 400;

class JournalBuilder {
 public:
  explicit JournalBuilder(std::string fund_id = "ban-test");

  // Appends a record; returns its sequence.
  uint64_t Add(record_v1::EntryRecord record);

  // Entries of the usual kinds; each returns its sequence.
  uint64_t CreateFund();
  uint64_t OpenAccount(uint32_t code, int32_t kind);
  uint64_t Register(int32_t join_day = kDay - 30);
  uint64_t ChangeStatus(int32_t member, int32_t status, int32_t day);
  uint64_t Dues(int32_t member, int32_t first_month, int32_t months,
                int64_t satang, int32_t day = kDay);
  uint64_t Donation(int64_t satang, int32_t day = kDay);
  uint64_t Benefit(int32_t member, int32_t category, int64_t satang,
                   int32_t day = kDay);
  uint64_t Transaction(std::vector<std::pair<uint32_t, int64_t>> postings,
                       int32_t day = kDay);
  uint64_t Reverse(uint64_t sequence, int32_t day = kDay);

  // The record of entry `sequence` as built (a copy to change and re-add).
  const record_v1::EntryRecord& record(uint64_t sequence) const {
    return records_[sequence - 1];
  }
  const std::vector<std::string>& bytes() const { return bytes_; }
  std::vector<std::string>& mutable_bytes() { return bytes_; }
  const std::string& fund_id() const { return fund_id_; }
  uint64_t size() const { return bytes_.size(); }
  // The Merkle root of the first `size` entries as built.
  verify::Hash Root(uint64_t size) const;

 private:
  std::string fund_id_;
  std::vector<record_v1::EntryRecord> records_;
  std::vector<std::string> bytes_;
  int32_t members_ = 0;
};

}  // namespace welfare::auditor::testing

#endif  // WELFARE_TESTS_AUDIT_JOURNAL_BUILDER_H_
