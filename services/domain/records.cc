#include "services/domain/records.h"

#include <limits>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "services/domain/chart.h"
#include "services/domain/dates.h"
#include "services/domain/documents.h"
#include "services/domain/member_rules.h"
#include "services/domain/names.h"

namespace welfare::domain {
namespace {

std::string Hex(absl::string_view bytes) {
  return absl::BytesToHexString(bytes);
}

v1::Posting PostingToApi(const record::PostingRecord& posting) {
  v1::Posting api;
  api.set_account_code(AccountCodeText(posting.account_code()));
  const int64_t amount = posting.debit_minus_credit_satang();
  api.set_side(amount >= 0 ? v1::DEBIT : v1::CREDIT);
  // A stored amount of INT64_MIN (never written: amounts are bounded) has
  // no positive twin; it reads as the largest amount rather than overflow.
  api.set_amount_satang(amount >= 0 ? amount
                        : amount == std::numeric_limits<int64_t>::min()
                            ? std::numeric_limits<int64_t>::max()
                            : -amount);
  return api;
}

// The first posting on one side, or nullptr.
const record::PostingRecord* FirstOnSide(const record::EntryRecord& entry,
                                         bool debit) {
  for (const auto& posting : entry.postings()) {
    if ((posting.debit_minus_credit_satang() > 0) == debit) return &posting;
  }
  return nullptr;
}

void ContributionToApi(const record::EntryRecord& entry,
                       v1::Contribution* out) {
  const record::ContributionBody& body = entry.contribution();
  out->set_source(static_cast<v1::ContributionSource>(body.source()));
  if (const auto* debit = FirstOnSide(entry, true)) {
    out->set_amount_satang(debit->debit_minus_credit_satang());
    out->set_deposit_account_code(AccountCodeText(debit->account_code()));
  }
  out->set_member_number(entry.member_number());
  if (body.month_count() > 0) {
    *out->mutable_months()->mutable_first_month() =
        YearMonthOf(body.first_month_index());
    out->mutable_months()->set_month_count(body.month_count());
  }
  out->set_matching_round(body.matching_round());
  out->set_payer(body.payer());
  *out->mutable_effective_date() = DateOf(entry.effective_day());
  out->set_source_document(entry.source_document());
  out->set_memo(entry.memo());
}

void DisbursementToApi(const record::EntryRecord& entry,
                       v1::Disbursement* out) {
  const record::DisbursementBody& body = entry.disbursement();
  if (body.benefit_category() != 0) {
    v1::Benefit* benefit = out->mutable_benefit();
    benefit->set_category(
        static_cast<v1::BenefitCategory>(body.benefit_category()));
    benefit->set_member_number(entry.member_number());
    benefit->set_sub_type(body.sub_type());
    benefit->set_payee(static_cast<v1::Payee>(body.payee()));
    benefit->set_quantity(body.quantity());
    if (body.claim_sequence() != 0) {
      out->set_claim(ClaimResourceName(entry.fund_id(), body.claim_sequence()));
    }
    out->set_override_resolution(body.override_resolution());
  } else {
    v1::OperatingCost* cost = out->mutable_operating_cost();
    cost->set_kind(static_cast<v1::CostKind>(body.cost_kind()));
    cost->set_description(body.description());
  }
  if (const auto* credit = FirstOnSide(entry, false)) {
    out->set_amount_satang(-credit->debit_minus_credit_satang());
    out->set_payment_account_code(AccountCodeText(credit->account_code()));
  }
  *out->mutable_effective_date() = DateOf(entry.effective_day());
  out->set_source_document(entry.source_document());
  out->set_memo(entry.memo());
}

void DetailsToApi(const record::EntryRecord& entry, v1::Entry* out) {
  switch (entry.body_case()) {
    case record::EntryRecord::kFundCreated: {
      const auto& body = entry.fund_created();
      v1::FundCreated* created = out->mutable_fund_created();
      created->set_display_name(body.display_name());
      created->set_area_code(body.area_code());
      for (const auto& village : body.village_codes()) {
        created->add_village_codes(village);
      }
      created->set_fiscal_year_start_month(body.fiscal_year_start_month());
      for (const auto& account : body.accounts()) {
        *created->add_accounts() = AccountToApi(entry.fund_id(), account);
      }
      break;
    }
    case record::EntryRecord::kAccountOpened:
      *out->mutable_account_opened() =
          AccountToApi(entry.fund_id(), entry.account_opened());
      break;
    case record::EntryRecord::kMemberRegistered: {
      const auto& body = entry.member_registered();
      v1::MemberRegistered* registered = out->mutable_member_registered();
      registered->set_member_number(entry.member_number());
      registered->set_category(
          static_cast<v1::MemberCategory>(body.category()));
      *registered->mutable_join_date() = DateOf(body.join_day());
      registered->set_village_code(body.village_code());
      registered->set_profile_hash(Hex(body.profile_hash()));
      break;
    }
    case record::EntryRecord::kStatusChanged: {
      v1::StatusChange* change = out->mutable_status_change();
      change->set_status(
          static_cast<v1::MemberStatus>(entry.status_changed().status()));
      *change->mutable_effective_date() = DateOf(entry.effective_day());
      change->set_reason(entry.status_changed().reason());
      change->set_sequence(entry.sequence());
      break;
    }
    case record::EntryRecord::kProfileChanged: {
      v1::ProfileChanged* changed = out->mutable_profile_changed();
      changed->set_member_number(entry.member_number());
      changed->set_profile_hash(Hex(entry.profile_changed().profile_hash()));
      break;
    }
    case record::EntryRecord::kContribution:
      ContributionToApi(entry, out->mutable_contribution());
      break;
    case record::EntryRecord::kDisbursement:
      DisbursementToApi(entry, out->mutable_disbursement());
      break;
    case record::EntryRecord::kReversal:
      out->mutable_reversal()->set_reversed_sequence(
          entry.reversal().reversed_sequence());
      out->mutable_reversal()->set_reason(entry.reversal().reason());
      break;
    case record::EntryRecord::kRulebookAdopted: {
      const auto& body = entry.rulebook_adopted();
      v1::RulebookAdopted* adopted = out->mutable_rulebook_adopted();
      adopted->set_rulebook(
          RulebookResourceName(entry.fund_id(), entry.sequence()));
      adopted->set_resolution(body.resolution());
      adopted->set_title(body.title());
      adopted->set_benefit_rule_count(body.benefits_size());
      break;
    }
    case record::EntryRecord::kClaimSubmitted: {
      v1::ClaimStepTaken* step = out->mutable_claim_step();
      step->set_claim(ClaimResourceName(entry.fund_id(), entry.sequence()));
      step->set_category(
          static_cast<v1::BenefitCategory>(entry.claim_submitted().category()));
      break;
    }
    case record::EntryRecord::kClaimStep: {
      v1::ClaimStepTaken* step = out->mutable_claim_step();
      step->set_claim(ClaimResourceName(entry.fund_id(),
                                        entry.claim_step().claim_sequence()));
      step->set_note(entry.claim_step().note());
      step->set_resolution(entry.claim_step().resolution());
      break;
    }
    case record::EntryRecord::BODY_NOT_SET:
      break;
  }
}

}  // namespace

v1::Entry EntryToApi(const storage::StoredEntry& stored,
                     uint64_t reversed_by_sequence) {
  const record::EntryRecord& entry = stored.record;
  v1::Entry out;
  out.set_name(EntryResourceName(entry.fund_id(), entry.sequence()));
  out.set_sequence(entry.sequence());
  out.set_hash(storage::HashBytes(stored.hash));
  out.set_previous_hash(entry.previous_hash());
  out.mutable_server_time()->set_seconds(entry.server_time_micros() / 1000000);
  out.mutable_server_time()->set_nanos(
      static_cast<int32_t>(entry.server_time_micros() % 1000000) * 1000);
  *out.mutable_effective_date() = DateOf(entry.effective_day());
  out.set_principal(entry.principal());
  out.set_request_id(entry.request_id());
  out.set_source_document(entry.source_document());
  out.set_memo(entry.memo());
  out.set_kind(static_cast<v1::EntryKind>(entry.kind()));
  for (const auto& posting : entry.postings()) {
    *out.add_postings() = PostingToApi(posting);
  }
  out.set_member_number(entry.member_number());
  if (entry.has_document())
    *out.mutable_document() = DocumentNumberToApi(entry);
  DetailsToApi(entry, &out);
  out.set_reversed_by_sequence(reversed_by_sequence);
  return out;
}

v1::Account AccountToApi(absl::string_view fund_id,
                         const record::AccountRecord& account) {
  v1::Account out;
  out.set_name(AccountName(fund_id, account.code()));
  out.set_code(AccountCodeText(account.code()));
  out.set_display_name(account.display_name());
  out.set_english_name(account.english_name());
  out.set_type(AccountTypeOf(account.code()));
  out.set_kind(static_cast<v1::AccountKind>(account.kind()));
  out.set_opened_sequence(account.opened_sequence());
  return out;
}

v1::Fund FundToApi(const record::FundView& fund, uint64_t journal_size,
                   int32_t member_count) {
  v1::Fund out;
  out.set_name(FundName(fund.fund_id()));
  out.set_display_name(fund.display_name());
  out.set_area_code(fund.area_code());
  for (const auto& village : fund.village_codes())
    out.add_village_codes(village);
  out.set_fiscal_year_start_month(fund.fiscal_year_start_month());
  *out.mutable_founding_date() = DateOf(fund.founding_day());
  out.mutable_create_time()->set_seconds(fund.create_time_micros() / 1000000);
  out.mutable_create_time()->set_nanos(
      static_cast<int32_t>(fund.create_time_micros() % 1000000) * 1000);
  out.set_journal_size(journal_size);
  out.set_member_count(member_count);
  return out;
}

v1::Member MemberToApi(absl::string_view fund_id,
                       const record::MemberView& member,
                       const std::optional<record::ProfileRecord>& profile,
                       int32_t today) {
  v1::Member out;
  out.set_name(MemberResourceName(fund_id, member.member_number()));
  out.set_member_number(member.member_number());
  out.set_category(static_cast<v1::MemberCategory>(member.category()));
  *out.mutable_join_date() = DateOf(member.join_day());
  out.set_village_code(member.village_code());
  out.set_status(static_cast<v1::MemberStatus>(StatusOn(member, today)));
  for (const auto& period : member.status_history()) {
    v1::StatusChange* change = out.add_status_history();
    change->set_status(static_cast<v1::MemberStatus>(period.status()));
    *change->mutable_effective_date() = DateOf(period.effective_day());
    change->set_reason(period.reason());
    change->set_sequence(period.sequence());
  }
  out.set_profile_hash(Hex(member.profile_hash()));
  v1::MemberProfile* api_profile = out.mutable_profile();
  if (profile.has_value()) {
    api_profile->set_full_name(profile->full_name());
    api_profile->set_national_id_masked(profile->national_id_masked());
    api_profile->set_address(profile->address());
    api_profile->set_nominee_name(profile->nominee_name());
    api_profile->set_nominee_relationship(profile->nominee_relationship());
    api_profile->set_phone(profile->phone());
    if (profile->has_birth_day()) {
      *api_profile->mutable_birth_date() = DateOf(profile->birth_day());
    }
    api_profile->set_sex(static_cast<v1::Sex>(profile->sex()));
  } else {
    api_profile->set_erased(true);
  }
  for (const auto& run : member.paid_months()) {
    v1::MonthRange* range = out.add_paid_months();
    *range->mutable_first_month() = YearMonthOf(run.first_month_index());
    range->set_month_count(run.month_count());
  }
  out.set_registered_sequence(member.registered_sequence());
  return out;
}

storage::Hash Fingerprint(const google::protobuf::Message& request,
                          absl::string_view kind) {
  std::string bytes = request.GetDescriptor()->full_name();
  if (!kind.empty()) absl::StrAppend(&bytes, "/", kind);
  bytes.push_back('\0');
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    request.SerializeToCodedStream(&coded);
  }
  return storage::Sha256(bytes);
}

}  // namespace welfare::domain
