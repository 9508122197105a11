// Ledger writes of members and their profiles.
#include <optional>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "services/domain/dates.h"
#include "services/domain/fund_facts.h"
#include "services/domain/ledger.h"
#include "services/domain/member_rules.h"
#include "services/domain/names.h"
#include "services/domain/records.h"
#include "services/domain/report_tallies.h"
#include "services/domain/validate.h"
#include "services/domain/views.h"
#include "storage/append_context.h"
#include "storage/keys.h"
#include "storage/sha256.h"
#include "storage/status_macros.h"
#include "storage/text.h"

namespace welfare::domain {
namespace {

using storage::Column;
using storage::Error;
using welfare::storage::v1::EntryRecord;
using welfare::storage::v1::ProfileRecord;
namespace keys = storage::keys;

constexpr size_t kSaltBytes = 16;

// The personal fields of a profile, checked, as a record with a new salt
// (the national ID's mask and hash are the caller's); national_id_digits
// is empty when the request gave no national ID.
absl::StatusOr<ProfileRecord> CheckProfile(const v1::MemberProfile& profile,
                                           bool id_required, int32_t today,
                                           std::string* national_id_digits) {
  RETURN_IF_ERROR(
      CheckText("profile.full_name", profile.full_name(), 200, true));
  if (id_required || !profile.national_id().empty()) {
    ASSIGN_OR_RETURN(
        *national_id_digits,
        ParseNationalId("profile.national_id", profile.national_id()));
  }
  RETURN_IF_ERROR(CheckText("profile.address", profile.address(), 500, false,
                            TextKind::kMultiLine));
  RETURN_IF_ERROR(
      CheckText("profile.nominee_name", profile.nominee_name(), 200, false));
  RETURN_IF_ERROR(CheckText("profile.nominee_relationship",
                            profile.nominee_relationship(), 100, false));
  RETURN_IF_ERROR(CheckText("profile.phone", profile.phone(), 20, false));
  ASSIGN_OR_RETURN(
      const std::optional<int32_t> birth_day,
      BirthDayOf("profile.birth_date", profile.birth_date(), today));
  if (!v1::Sex_IsValid(profile.sex())) {
    return InvalidField("FIELD_INVALID", "profile.sex",
                        "want FEMALE, MALE or unset");
  }
  ProfileRecord record;
  record.set_salt(storage::RandomBytes(kSaltBytes));
  record.set_full_name(profile.full_name());
  record.set_address(profile.address());
  record.set_nominee_name(profile.nominee_name());
  record.set_nominee_relationship(profile.nominee_relationship());
  record.set_phone(profile.phone());
  if (birth_day.has_value()) record.set_birth_day(*birth_day);
  record.set_sex(profile.sex());
  return record;
}

// INVALID_ARGUMENT DATE_INVALID if the profile's birth date is after the
// member's join date.
absl::Status CheckBornBy(const ProfileRecord& profile, int32_t join_day) {
  if (!profile.has_birth_day() || profile.birth_day() <= join_day) {
    return absl::OkStatus();
  }
  return InvalidField(
      "DATE_INVALID", "profile.birth_date",
      absl::StrCat(storage::DayText(profile.birth_day()),
                   " is after the join date, ", storage::DayText(join_day)));
}

absl::Status ProfileErased(const record::MemberView& member) {
  return Error(absl::StatusCode::kFailedPrecondition, "PROFILE_ERASED",
               absl::StrCat("member ", member.member_number(),
                            "'s profile was erased; it cannot be changed"));
}

absl::StatusOr<int32_t> NextMemberNumber(storage::AppendContext& context) {
  const std::string prefix = keys::MemberPrefix(context.fund_id());
  ASSIGN_OR_RETURN(auto last,
                   context.staging().LastKeyWithPrefix(Column::kViews, prefix));
  if (!last.has_value()) return 1;
  return static_cast<int32_t>(keys::ReadBigEndian32(
             absl::string_view(*last).substr(prefix.size()))) +
         1;
}

// ALREADY_EXISTS if another member of the fund has this national ID.
absl::Status CheckNationalIdFree(storage::AppendContext& context,
                                 const std::string& hmac) {
  ASSIGN_OR_RETURN(auto holder, context.staging().Get(
                                    Column::kProfiles,
                                    keys::NationalId(context.fund_id(), hmac)));
  if (holder.has_value()) {
    return Error(absl::StatusCode::kAlreadyExists, "MEMBER_ALREADY_REGISTERED",
                 absl::StrCat("a member with this national ID is already "
                              "registered in fund ",
                              context.fund_id(), " as member ",
                              keys::ReadBigEndian32(*holder)));
  }
  return absl::OkStatus();
}

std::string MemberNumberBytes(int32_t number) {
  std::string bytes;
  keys::AppendBigEndian32(&bytes, static_cast<uint32_t>(number));
  return bytes;
}

void PutMember(storage::AppendContext& context,
               const record::MemberView& member) {
  context.staging().Put(Column::kViews,
                        keys::Member(context.fund_id(), member.member_number()),
                        member.SerializeAsString());
}

// A member whose profile is about to change: their view and profile, the
// profile's key. FAILED_PRECONDITION PROFILE_ERASED if it was erased.
struct ProfileChange {
  record::MemberView member;
  std::optional<ProfileRecord> profile;
  std::string profile_key;
};

absl::StatusOr<ProfileChange> ReadProfileChange(storage::AppendContext& context,
                                                int32_t number) {
  if (!context.fund().exists()) return FundNotFound(context.fund_id());
  ProfileChange change;
  ASSIGN_OR_RETURN(change.member, ReadMemberView(context.staging(),
                                                 context.fund_id(), number));
  if (change.member.profile_erased()) return ProfileErased(change.member);
  change.profile_key = keys::Profile(context.fund_id(), number);
  ASSIGN_OR_RETURN(change.profile, ReadRecord<ProfileRecord>(
                                       context.staging(), Column::kProfiles,
                                       change.profile_key));
  return change;
}

// Runs after a member write is durable: answers with the member as stored.
Done<storage::AppendResult> AnswerWithMember(const Ledger* ledger,
                                             std::string fund_id,
                                             Done<v1::Member> done) {
  return [ledger, fund_id = std::move(fund_id), done = std::move(done)](
             absl::StatusOr<storage::AppendResult> result) {
    if (!result.ok()) return done(result.status());
    v1::GetMemberRequest get;
    get.set_name(MemberResourceName(
        fund_id, result->entries.front().record.member_number()));
    done(ledger->GetMember(get));
  };
}

}  // namespace

void Ledger::RegisterMember(const std::string& principal,
                            const v1::RegisterMemberRequest& request,
                            Done<v1::Member> done) {
  const v1::Member& member = request.member();
  std::string national_id;
  int32_t join_day = 0;
  ProfileRecord profile;
  auto checked = [&]() -> absl::Status {
    ASSIGN_OR_RETURN(std::string fund_id,
                     ParseFundName("parent", request.parent()));
    RETURN_IF_ERROR(CheckRequestId(request.request_id()));
    if (member.category() == v1::MEMBER_CATEGORY_UNSPECIFIED ||
        !v1::MemberCategory_IsValid(member.category())) {
      return Error(absl::StatusCode::kInvalidArgument, "FIELD_REQUIRED",
                   "member.category: want GENERAL, CHILD, ELDERLY, "
                   "DISADVANTAGED, DISABLED or ORPHAN");
    }
    ASSIGN_OR_RETURN(
        join_day, BusinessDay("member.join_date", member.join_date(), Today()));
    if (!member.village_code().empty()) {
      RETURN_IF_ERROR(
          CheckAreaCode("member.village_code", member.village_code(), 8));
    }
    ASSIGN_OR_RETURN(profile,
                     CheckProfile(member.profile(),
                                  /*id_required=*/true, Today(), &national_id));
    return CheckBornBy(profile, join_day);
  }();
  if (!checked.ok()) return done(checked);
  const std::string fund_id = *ParseFundName("parent", request.parent());

  profile.set_national_id_masked(MaskNationalId(national_id));
  profile.set_national_id_hmac(storage::HashBytes(
      storage::HmacSha256(options_.national_id_pepper, national_id)));
  EntryRecord entry;
  entry.set_kind(welfare::storage::v1::ENTRY_KIND_MEMBER_REGISTERED);
  entry.set_effective_day(join_day);
  auto* body = entry.mutable_member_registered();
  body->set_category(member.category());
  body->set_join_day(join_day);
  body->set_village_code(member.village_code());
  body->set_profile_hash(ProfileHash(profile));

  auto apply = [entry = std::move(entry), profile = std::move(profile)](
                   storage::AppendContext& context) mutable -> absl::Status {
    ASSIGN_OR_RETURN(record::FundView fund,
                     ReadFundView(context.staging(), context.fund_id()));
    const std::string& village = entry.member_registered().village_code();
    if (!village.empty() && !absl::StartsWith(village, fund.area_code())) {
      return Error(absl::StatusCode::kInvalidArgument, "AREA_CODE_INVALID",
                   absl::StrCat("member.village_code: ", village,
                                " is not in the fund's sub-district ",
                                fund.area_code()));
    }
    RETURN_IF_ERROR(CheckNotBeforeFounding(context, "member.join_date",
                                           entry.effective_day()));
    RETURN_IF_ERROR(CheckNationalIdFree(context, profile.national_id_hmac()));
    ASSIGN_OR_RETURN(int32_t number, NextMemberNumber(context));
    entry.set_member_number(number);
    record::MemberView view;
    view.set_member_number(number);
    view.set_category(entry.member_registered().category());
    view.set_join_day(entry.member_registered().join_day());
    view.set_village_code(village);
    view.set_profile_hash(entry.member_registered().profile_hash());
    ASSIGN_OR_RETURN(uint64_t sequence, context.Append(std::move(entry)));
    view.set_registered_sequence(sequence);
    auto* joined = view.add_status_history();
    joined->set_status(v1::MEMBER_STATUS_ACTIVE);
    joined->set_effective_day(view.join_day());
    joined->set_sequence(sequence);
    StageMemberTally(context, view.category(), v1::MEMBER_STATUS_ACTIVE,
                     view.join_day(), +1);
    PutMember(context, view);
    context.staging().Put(Column::kProfiles,
                          keys::Profile(context.fund_id(), number),
                          profile.SerializeAsString());
    context.staging().Put(
        Column::kProfiles,
        keys::NationalId(context.fund_id(), profile.national_id_hmac()),
        MemberNumberBytes(number));
    return absl::OkStatus();
  };
  Submit(fund_id, request.request_id(), request, principal, 1,
         /*keep_entries=*/true, std::move(apply),
         AnswerWithMember(this, fund_id, std::move(done)));
}

void Ledger::ChangeMemberStatus(const std::string& principal,
                                const v1::ChangeMemberStatusRequest& request,
                                Done<v1::Member> done) {
  const v1::StatusChange& change = request.change();
  MemberName name;
  int32_t day = 0;
  absl::Status checked = [&]() -> absl::Status {
    ASSIGN_OR_RETURN(name, ParseMemberName("name", request.name()));
    RETURN_IF_ERROR(CheckRequestId(request.request_id()));
    if (change.status() == v1::MEMBER_STATUS_UNSPECIFIED ||
        !v1::MemberStatus_IsValid(change.status())) {
      return Error(absl::StatusCode::kInvalidArgument, "FIELD_REQUIRED",
                   "change.status: want ACTIVE, RESIGNED, DECEASED or LAPSED");
    }
    ASSIGN_OR_RETURN(day, BusinessDay("change.effective_date",
                                      change.effective_date(), Today()));
    return CheckText("change.reason", change.reason(), 500, false,
                     TextKind::kMultiLine);
  }();
  if (!checked.ok()) return done(checked);

  EntryRecord entry;
  entry.set_kind(welfare::storage::v1::ENTRY_KIND_MEMBER_STATUS_CHANGED);
  entry.set_effective_day(day);
  entry.set_member_number(name.member_number);
  entry.mutable_status_changed()->set_status(change.status());
  entry.mutable_status_changed()->set_reason(change.reason());
  auto apply = [entry = std::move(entry)](
                   storage::AppendContext& context) mutable -> absl::Status {
    if (!context.fund().exists()) return FundNotFound(context.fund_id());
    ASSIGN_OR_RETURN(record::MemberView member,
                     ReadMemberView(context.staging(), context.fund_id(),
                                    entry.member_number()));
    RETURN_IF_ERROR(CheckStatusChange(member, entry.status_changed().status(),
                                      entry.effective_day()));
    // CheckStatusChange: never dated before the last change.
    const int32_t old_status =
        member.status_history(member.status_history_size() - 1).status();
    StageMemberTally(context, member.category(), old_status,
                     entry.effective_day(), -1);
    StageMemberTally(context, member.category(),
                     entry.status_changed().status(), entry.effective_day(),
                     +1);
    auto* period = member.add_status_history();
    period->set_status(entry.status_changed().status());
    period->set_effective_day(entry.effective_day());
    period->set_reason(entry.status_changed().reason());
    ASSIGN_OR_RETURN(uint64_t sequence, context.Append(std::move(entry)));
    period->set_sequence(sequence);
    PutMember(context, member);
    return absl::OkStatus();
  };
  Submit(name.fund_id, request.request_id(), request, principal, 1,
         /*keep_entries=*/true, std::move(apply),
         AnswerWithMember(this, name.fund_id, std::move(done)));
}

void Ledger::UpdateMemberProfile(const std::string& principal,
                                 const v1::UpdateMemberProfileRequest& request,
                                 Done<v1::Member> done) {
  MemberName name;
  std::string national_id;
  ProfileRecord profile;
  absl::Status checked = [&]() -> absl::Status {
    ASSIGN_OR_RETURN(name, ParseMemberName("name", request.name()));
    RETURN_IF_ERROR(CheckRequestId(request.request_id()));
    ASSIGN_OR_RETURN(
        profile, CheckProfile(request.profile(),
                              /*id_required=*/false, Today(), &national_id));
    return absl::OkStatus();
  }();
  if (!checked.ok()) return done(checked);

  if (!national_id.empty()) {
    profile.set_national_id_masked(MaskNationalId(national_id));
    profile.set_national_id_hmac(storage::HashBytes(
        storage::HmacSha256(options_.national_id_pepper, national_id)));
  }
  auto apply = [number = name.member_number, profile = std::move(profile)](
                   storage::AppendContext& context) mutable -> absl::Status {
    ASSIGN_OR_RETURN(ProfileChange change, ReadProfileChange(context, number));
    record::MemberView& member = change.member;
    const std::string& profile_key = change.profile_key;
    const std::optional<ProfileRecord>& old = change.profile;
    if (!old.has_value()) return CorruptRecord("missing profile", profile_key);
    RETURN_IF_ERROR(CheckBornBy(profile, member.join_day()));
    if (profile.national_id_hmac().empty()) {
      profile.set_national_id_hmac(old->national_id_hmac());
      profile.set_national_id_masked(old->national_id_masked());
    } else if (profile.national_id_hmac() != old->national_id_hmac()) {
      RETURN_IF_ERROR(CheckNationalIdFree(context, profile.national_id_hmac()));
      context.staging().Delete(
          Column::kProfiles,
          keys::NationalId(context.fund_id(), old->national_id_hmac()));
      context.staging().Put(
          Column::kProfiles,
          keys::NationalId(context.fund_id(), profile.national_id_hmac()),
          MemberNumberBytes(number));
    }
    member.set_profile_hash(ProfileHash(profile));
    EntryRecord entry;
    entry.set_kind(welfare::storage::v1::ENTRY_KIND_MEMBER_PROFILE_CHANGED);
    entry.set_effective_day(ThaiToday(context.now_micros()));
    entry.set_member_number(number);
    entry.mutable_profile_changed()->set_profile_hash(member.profile_hash());
    RETURN_IF_ERROR(context.Append(std::move(entry)).status());
    PutMember(context, member);
    context.staging().Put(Column::kProfiles, profile_key,
                          profile.SerializeAsString());
    return absl::OkStatus();
  };
  Submit(name.fund_id, request.request_id(), request, principal, 1,
         /*keep_entries=*/true, std::move(apply),
         AnswerWithMember(this, name.fund_id, std::move(done)));
}

void Ledger::EraseMemberProfile(const std::string& principal,
                                const v1::EraseMemberProfileRequest& request,
                                Done<v1::Member> done) {
  MemberName name;
  absl::Status checked = [&]() -> absl::Status {
    ASSIGN_OR_RETURN(name, ParseMemberName("name", request.name()));
    return CheckRequestId(request.request_id());
  }();
  if (!checked.ok()) return done(checked);

  auto apply = [number = name.member_number](
                   storage::AppendContext& context) -> absl::Status {
    ASSIGN_OR_RETURN(ProfileChange change, ReadProfileChange(context, number));
    if (change.profile.has_value()) {
      context.staging().Delete(
          Column::kProfiles,
          keys::NationalId(context.fund_id(),
                           change.profile->national_id_hmac()));
    }
    context.staging().Delete(Column::kProfiles, change.profile_key);
    record::MemberView& member = change.member;
    for (uint64_t claim : member.claim_sequences()) {
      context.staging().Delete(
          Column::kProfiles,
          keys::ClaimDetails(context.fund_id(), number, claim));
    }
    member.set_profile_erased(true);
    EntryRecord entry;
    entry.set_kind(welfare::storage::v1::ENTRY_KIND_MEMBER_PROFILE_ERASED);
    entry.set_effective_day(ThaiToday(context.now_micros()));
    entry.set_member_number(number);
    entry.mutable_profile_changed();  // Empty hash: erased.
    RETURN_IF_ERROR(context.Append(std::move(entry)).status());
    PutMember(context, member);
    return absl::OkStatus();
  };
  Submit(name.fund_id, request.request_id(), request, principal, 1,
         /*keep_entries=*/true, std::move(apply),
         AnswerWithMember(this, name.fund_id, std::move(done)));
}

}  // namespace welfare::domain
