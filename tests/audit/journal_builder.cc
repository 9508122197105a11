#include "tests/audit/journal_builder.h"

#include <openssl/sha.h>

namespace welfare::auditor::testing {
namespace {

std::string Sha256(const std::string& bytes) {
  unsigned char hash[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
         hash);
  return std::string(reinterpret_cast<const char*>(hash), sizeof(hash));
}

void AddPosting(record_v1::EntryRecord* record, uint32_t code, int64_t amount) {
  auto* posting = record->add_postings();
  posting->set_account_code(code);
  posting->set_debit_minus_credit_satang(amount);
}

}  // namespace

JournalBuilder::JournalBuilder(std::string fund_id)
    : fund_id_(std::move(fund_id)) {}

uint64_t JournalBuilder::Add(record_v1::EntryRecord record) {
  const uint64_t sequence = bytes_.size() + 1;
  record.set_format_version(1);
  record.set_fund_id(fund_id_);
  record.set_sequence(sequence);
  record.set_previous_hash(bytes_.empty() ? std::string(32, '\0')
                                          : Sha256(bytes_.back()));
  if (record.has_account_opened()) {
    record.mutable_account_opened()->set_opened_sequence(sequence);
  }
  bytes_.push_back(record.SerializeAsString());
  records_.push_back(std::move(record));
  return sequence;
}

uint64_t JournalBuilder::CreateFund() {
  record_v1::EntryRecord record;
  record.set_kind(record_v1::ENTRY_KIND_FUND_CREATED);
  record.set_effective_day(kFoundingDay);
  auto* body = record.mutable_fund_created();
  body->set_display_name("กองทุนทดสอบ");
  body->set_area_code("330101");
  const std::pair<uint32_t, int32_t> chart[] = {
      {kCash, 1}, {kDuesIncome, 3}, {kDonations, 3}, {kBenefits, 3}};
  for (const auto& [code, kind] : chart) {
    auto* account = body->add_accounts();
    account->set_code(code);
    account->set_kind(kind);
    account->set_opened_sequence(1);
  }
  return Add(std::move(record));
}

uint64_t JournalBuilder::OpenAccount(uint32_t code, int32_t kind) {
  record_v1::EntryRecord record;
  record.set_kind(record_v1::ENTRY_KIND_ACCOUNT_OPENED);
  record.set_effective_day(kDay);
  record.mutable_account_opened()->set_code(code);
  record.mutable_account_opened()->set_kind(kind);
  return Add(std::move(record));
}

uint64_t JournalBuilder::Register(int32_t join_day) {
  record_v1::EntryRecord record;
  record.set_kind(record_v1::ENTRY_KIND_MEMBER_REGISTERED);
  record.set_effective_day(join_day);
  record.set_member_number(++members_);
  auto* body = record.mutable_member_registered();
  body->set_category(1);
  body->set_join_day(join_day);
  body->set_village_code("33010101");
  body->set_profile_hash(std::string(32, static_cast<char>(members_)));
  return Add(std::move(record));
}

uint64_t JournalBuilder::ChangeStatus(int32_t member, int32_t status,
                                      int32_t day) {
  record_v1::EntryRecord record;
  record.set_kind(record_v1::ENTRY_KIND_MEMBER_STATUS_CHANGED);
  record.set_effective_day(day);
  record.set_member_number(member);
  record.mutable_status_changed()->set_status(status);
  record.mutable_status_changed()->set_reason("ย้ายออก");
  return Add(std::move(record));
}

uint64_t JournalBuilder::Dues(int32_t member, int32_t first_month,
                              int32_t months, int64_t satang, int32_t day) {
  record_v1::EntryRecord record;
  record.set_kind(record_v1::ENTRY_KIND_CONTRIBUTION);
  record.set_effective_day(day);
  record.set_member_number(member);
  auto* body = record.mutable_contribution();
  body->set_source(1);
  body->set_first_month_index(first_month);
  body->set_month_count(months);
  AddPosting(&record, kCash, satang);
  AddPosting(&record, kDuesIncome, -satang);
  return Add(std::move(record));
}

uint64_t JournalBuilder::Donation(int64_t satang, int32_t day) {
  record_v1::EntryRecord record;
  record.set_kind(record_v1::ENTRY_KIND_CONTRIBUTION);
  record.set_effective_day(day);
  record.mutable_contribution()->set_source(8);
  AddPosting(&record, kCash, satang);
  AddPosting(&record, kDonations, -satang);
  return Add(std::move(record));
}

uint64_t JournalBuilder::Benefit(int32_t member, int32_t category,
                                 int64_t satang, int32_t day) {
  record_v1::EntryRecord record;
  record.set_kind(record_v1::ENTRY_KIND_DISBURSEMENT);
  record.set_effective_day(day);
  record.set_member_number(member);
  record.mutable_disbursement()->set_benefit_category(category);
  AddPosting(&record, kBenefits, satang);
  AddPosting(&record, kCash, -satang);
  return Add(std::move(record));
}

uint64_t JournalBuilder::Transaction(
    std::vector<std::pair<uint32_t, int64_t>> postings, int32_t day) {
  record_v1::EntryRecord record;
  record.set_kind(record_v1::ENTRY_KIND_TRANSACTION);
  record.set_effective_day(day);
  for (const auto& [code, amount] : postings) {
    AddPosting(&record, code, amount);
  }
  return Add(std::move(record));
}

uint64_t JournalBuilder::Reverse(uint64_t sequence, int32_t day) {
  const record_v1::EntryRecord& original = records_.at(sequence - 1);
  record_v1::EntryRecord record;
  record.set_kind(record_v1::ENTRY_KIND_REVERSAL);
  record.set_effective_day(day);
  record.set_member_number(original.member_number());
  record.mutable_reversal()->set_reversed_sequence(sequence);
  record.mutable_reversal()->set_reason("บันทึกผิด");
  for (const auto& posting : original.postings()) {
    AddPosting(&record, posting.account_code(),
               -posting.debit_minus_credit_satang());
  }
  return Add(std::move(record));
}

verify::Hash JournalBuilder::Root(uint64_t size) const {
  verify::TreeBuilder tree;
  for (uint64_t i = 0; i < size; ++i) tree.Append(verify::LeafHash(bytes_[i]));
  return tree.Root();
}

}  // namespace welfare::auditor::testing
