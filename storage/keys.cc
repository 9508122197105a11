#include "storage/keys.h"

#include "absl/strings/str_cat.h"
#include "storage/status_macros.h"

namespace welfare::storage::keys {
namespace {

constexpr int64_t kDayBias = int64_t{1} << 31;

std::string FundScoped(char tag, absl::string_view fund_id) {
  std::string key;
  key.reserve(2 + fund_id.size() + 16);
  key.push_back(tag);
  key.append(fund_id.data(), fund_id.size());
  key.push_back('\0');
  return key;
}

}  // namespace

void AppendBigEndian16(std::string* out, uint16_t value) {
  out->push_back(static_cast<char>(value >> 8));
  out->push_back(static_cast<char>(value));
}

void AppendBigEndian32(std::string* out, uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    out->push_back(static_cast<char>(value >> shift));
  }
}

void AppendBigEndian64(std::string* out, uint64_t value) {
  for (int shift = 56; shift >= 0; shift -= 8) {
    out->push_back(static_cast<char>(value >> shift));
  }
}

void AppendDay(std::string* out, int32_t day) {
  AppendBigEndian32(out, static_cast<uint32_t>(int64_t{day} + kDayBias));
}

uint16_t ReadBigEndian16(absl::string_view in) {
  WELFARE_CHECK(in.size() >= 2);
  return static_cast<uint16_t>((uint16_t{uint8_t(in[0])} << 8) |
                               uint16_t{uint8_t(in[1])});
}

uint32_t ReadBigEndian32(absl::string_view in) {
  WELFARE_CHECK(in.size() >= 4);
  uint32_t value = 0;
  for (int i = 0; i < 4; ++i) value = (value << 8) | uint8_t(in[i]);
  return value;
}

uint64_t ReadBigEndian64(absl::string_view in) {
  WELFARE_CHECK(in.size() >= 8);
  uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8) | uint8_t(in[i]);
  return value;
}

int32_t ReadDay(absl::string_view in) {
  return static_cast<int32_t>(int64_t{ReadBigEndian32(in)} - kDayBias);
}

std::string Entry(absl::string_view fund_id, uint64_t sequence) {
  std::string key = EntryPrefix(fund_id);
  AppendBigEndian64(&key, sequence);
  return key;
}

std::string EntryPrefix(absl::string_view fund_id) {
  return FundScoped('E', fund_id);
}

std::string TreeLevelPrefix(absl::string_view fund_id, uint8_t level) {
  std::string key = FundScoped('T', fund_id);
  key.push_back(static_cast<char>(level));
  return key;
}

std::string TreeNode(absl::string_view fund_id, uint8_t level, uint64_t index) {
  std::string key = TreeLevelPrefix(fund_id, level);
  AppendBigEndian64(&key, index);
  return key;
}

std::string SignedCheckpoint(absl::string_view fund_id) {
  return FundScoped('C', fund_id);
}

std::string Fund(absl::string_view fund_id) { return FundScoped('F', fund_id); }

std::string FundPrefix() { return "F"; }

std::string Account(absl::string_view fund_id, uint32_t code) {
  std::string key = AccountPrefix(fund_id);
  AppendBigEndian16(&key, static_cast<uint16_t>(code));
  return key;
}

std::string AccountPrefix(absl::string_view fund_id) {
  return FundScoped('A', fund_id);
}

std::string BalancePrefix(absl::string_view fund_id) {
  return FundScoped('B', fund_id);
}

std::string Balance(absl::string_view fund_id, uint32_t code) {
  std::string key = BalancePrefix(fund_id);
  AppendBigEndian16(&key, static_cast<uint16_t>(code));
  return key;
}

std::string Day(absl::string_view fund_id, uint32_t code, int32_t day) {
  std::string key = DayPrefix(fund_id, code);
  AppendDay(&key, day);
  return key;
}

std::string DayPrefix(absl::string_view fund_id, uint32_t code) {
  std::string key = FundScoped('D', fund_id);
  AppendBigEndian16(&key, static_cast<uint16_t>(code));
  return key;
}

std::string MonthTotal(absl::string_view fund_id, uint32_t code,
                       int32_t month_index) {
  std::string key = MonthTotalPrefix(fund_id, code);
  AppendBigEndian32(&key, static_cast<uint32_t>(month_index));
  return key;
}

std::string MonthTotalPrefix(absl::string_view fund_id, uint32_t code) {
  std::string key = FundScoped('O', fund_id);
  AppendBigEndian16(&key, static_cast<uint16_t>(code));
  return key;
}

std::string CashFlow(absl::string_view fund_id, uint32_t counter_code,
                     int32_t day, CashFlowKind kind) {
  std::string key = CashFlowPrefix(fund_id, kind);
  AppendBigEndian16(&key, static_cast<uint16_t>(counter_code));
  AppendDay(&key, day);
  return key;
}

std::string CashFlowPrefix(absl::string_view fund_id, CashFlowKind kind) {
  std::string key = FundScoped('Y', fund_id);
  key.push_back(static_cast<char>(kind));  // 'c' or 'r'
  return key;
}

std::string CashFlowMonth(absl::string_view fund_id, uint32_t counter_code,
                          int32_t month_index, CashFlowKind kind) {
  std::string key = CashFlowMonthPrefix(fund_id, kind);
  AppendBigEndian16(&key, static_cast<uint16_t>(counter_code));
  AppendBigEndian32(&key, static_cast<uint32_t>(month_index));
  return key;
}

std::string CashFlowMonthPrefix(absl::string_view fund_id, CashFlowKind kind) {
  std::string key = FundScoped('Y', fund_id);
  // 'C' or 'R': the day prefix's letter in capitals.
  key.push_back(static_cast<char>(kind) - 'a' + 'A');
  return key;
}

std::string BenefitTally(absl::string_view fund_id, uint8_t category,
                         int32_t day, int32_t member_number) {
  std::string key = BenefitTallyPrefix(fund_id, category);
  AppendDay(&key, day);
  AppendBigEndian32(&key, static_cast<uint32_t>(member_number));
  return key;
}

std::string BenefitTallyPrefix(absl::string_view fund_id, uint8_t category) {
  std::string key = FundScoped('Y', fund_id);
  key.push_back('b');
  key.push_back(static_cast<char>(category));
  return key;
}

std::string OverrideTally(absl::string_view fund_id, uint8_t category,
                          int32_t day) {
  std::string key = OverrideTallyPrefix(fund_id);
  key.push_back(static_cast<char>(category));
  AppendDay(&key, day);
  return key;
}

std::string OverrideTallyPrefix(absl::string_view fund_id) {
  std::string key = FundScoped('Y', fund_id);
  key.push_back('o');
  return key;
}

std::string RoundTally(absl::string_view fund_id, absl::string_view round,
                       int32_t day) {
  WELFARE_CHECK(round.size() <= 255);
  std::string key = RoundTallyPrefix(fund_id);
  key.push_back(static_cast<char>(round.size()));
  key.append(round.data(), round.size());
  AppendDay(&key, day);
  return key;
}

std::string RoundTallyPrefix(absl::string_view fund_id) {
  std::string key = FundScoped('Y', fund_id);
  key.push_back('g');
  return key;
}

std::string MemberTally(absl::string_view fund_id, uint8_t category,
                        uint8_t status, int32_t day) {
  std::string key = MemberTallyPrefix(fund_id);
  key.push_back(static_cast<char>(category));
  key.push_back(static_cast<char>(status));
  AppendDay(&key, day);
  return key;
}

std::string MemberTallyPrefix(absl::string_view fund_id) {
  std::string key = FundScoped('Y', fund_id);
  key.push_back('m');
  return key;
}

std::string Member(absl::string_view fund_id, int32_t member_number) {
  std::string key = MemberPrefix(fund_id);
  AppendBigEndian32(&key, static_cast<uint32_t>(member_number));
  return key;
}

std::string MemberPrefix(absl::string_view fund_id) {
  return FundScoped('M', fund_id);
}

std::string Request(absl::string_view fund_id, absl::string_view request_id) {
  std::string key = FundScoped('R', fund_id);
  key.append(request_id.data(), request_id.size());
  return key;
}

std::string ReversedBy(absl::string_view fund_id, uint64_t sequence) {
  std::string key = FundScoped('V', fund_id);
  AppendBigEndian64(&key, sequence);
  return key;
}

std::string Rulebooks(absl::string_view fund_id) {
  return FundScoped('K', fund_id);
}

std::string Claim(absl::string_view fund_id, uint64_t claim_sequence) {
  std::string key = ClaimPrefix(fund_id);
  AppendBigEndian64(&key, claim_sequence);
  return key;
}

std::string ClaimPrefix(absl::string_view fund_id) {
  return FundScoped('L', fund_id);
}

std::string DocumentCounter(absl::string_view fund_id, uint8_t kind,
                            int32_t fiscal_year) {
  std::string key = FundScoped('S', fund_id);
  key.push_back(static_cast<char>(kind));
  AppendBigEndian32(&key, static_cast<uint32_t>(fiscal_year));
  return key;
}

std::string IndexByDocument(absl::string_view fund_id, uint8_t kind,
                            int32_t fiscal_year, uint32_t number,
                            uint64_t sequence) {
  std::string key = IndexByDocumentPrefix(fund_id, kind, fiscal_year, number);
  AppendBigEndian64(&key, sequence);
  return key;
}

std::string IndexByDocumentPrefix(absl::string_view fund_id, uint8_t kind,
                                  int32_t fiscal_year, uint32_t number) {
  std::string key = FundScoped('X', fund_id);
  key.push_back('r');
  key.push_back(static_cast<char>(kind));
  AppendBigEndian32(&key, static_cast<uint32_t>(fiscal_year));
  if (number > 0) AppendBigEndian32(&key, number);
  return key;
}

std::string IndexByDay(absl::string_view fund_id, int32_t day,
                       uint64_t sequence) {
  std::string key = IndexByDayPrefix(fund_id);
  AppendDay(&key, day);
  AppendBigEndian64(&key, sequence);
  return key;
}

std::string IndexByDayPrefix(absl::string_view fund_id) {
  std::string key = FundScoped('X', fund_id);
  key.push_back('d');
  return key;
}

std::string IndexByKind(absl::string_view fund_id, uint8_t kind,
                        uint64_t sequence) {
  std::string key = IndexByKindPrefix(fund_id, kind);
  AppendBigEndian64(&key, sequence);
  return key;
}

std::string IndexByKindPrefix(absl::string_view fund_id, uint8_t kind) {
  std::string key = FundScoped('X', fund_id);
  key.push_back('k');
  key.push_back(static_cast<char>(kind));
  return key;
}

std::string IndexByMember(absl::string_view fund_id, int32_t member_number,
                          uint64_t sequence) {
  std::string key = IndexByMemberPrefix(fund_id, member_number);
  AppendBigEndian64(&key, sequence);
  return key;
}

std::string IndexByMemberPrefix(absl::string_view fund_id,
                                int32_t member_number) {
  std::string key = FundScoped('X', fund_id);
  key.push_back('m');
  AppendBigEndian32(&key, static_cast<uint32_t>(member_number));
  return key;
}

std::string Profile(absl::string_view fund_id, int32_t member_number) {
  std::string key = FundScoped('P', fund_id);
  AppendBigEndian32(&key, static_cast<uint32_t>(member_number));
  return key;
}

std::string ClaimDetails(absl::string_view fund_id, int32_t member_number,
                         uint64_t claim_sequence) {
  std::string key = ClaimDetailsPrefix(fund_id, member_number);
  AppendBigEndian64(&key, claim_sequence);
  return key;
}

std::string ClaimDetailsPrefix(absl::string_view fund_id,
                               int32_t member_number) {
  std::string key = FundScoped('H', fund_id);
  AppendBigEndian32(&key, static_cast<uint32_t>(member_number));
  return key;
}

std::string NationalId(absl::string_view fund_id, absl::string_view hmac) {
  std::string key = FundScoped('N', fund_id);
  key.append(hmac.data(), hmac.size());
  return key;
}

std::string PrefixEnd(absl::string_view prefix) {
  std::string end(prefix);
  while (!end.empty()) {
    unsigned char last = static_cast<unsigned char>(end.back());
    if (last != 0xff) {
      end.back() = static_cast<char>(last + 1);
      return end;
    }
    end.pop_back();
  }
  return end;  // Every key: no upper bound.
}

uint64_t TrailingSequence(absl::string_view key) {
  WELFARE_CHECK(key.size() >= 8);
  return ReadBigEndian64(key.substr(key.size() - 8));
}

std::string EncodeFixed64(int64_t value) {
  std::string out(8, '\0');
  uint64_t bits = static_cast<uint64_t>(value);
  for (int i = 0; i < 8; ++i) out[i] = static_cast<char>(bits >> (8 * i));
  return out;
}

bool DecodeFixed64(absl::string_view in, int64_t* value) {
  if (in.size() != 8) return false;
  uint64_t bits = 0;
  for (int i = 7; i >= 0; --i) bits = (bits << 8) | uint8_t(in[i]);
  *value = static_cast<int64_t>(bits);
  return true;
}

std::string AccessPrincipal(absl::string_view principal_id) {
  return absl::StrCat(AccessPrincipalPrefix(), principal_id);
}

std::string AccessPrincipalPrefix() { return "access/principal/"; }

std::string AccessChange(uint64_t sequence) {
  std::string key = AccessChangePrefix();
  AppendBigEndian64(&key, sequence);
  return key;
}

std::string AccessChangePrefix() { return "access/change/"; }

}  // namespace welfare::storage::keys
