// The key layout of welfare-ledger's RocksDB database (format version 5).
// docs/FORMAT.md is the same layout with the value grammar; change both.
//
//   fund_key   := fund_id 0x00          fund ids are [a-z0-9-], never 0x00,
//                                       so fund_key sorts funds by id
//   be16/32/64 := unsigned big-endian integer (sorts numerically)
//   day        := be32(days since 1970-01-01 + 2^31)   (sorts by date)
//   month      := be32(year * 12 + month - 1)
//
// column family "journal"
//   'E' fund_key sequence:be64               -> EntryRecord bytes
// column family "tree" (append-only, read by key)
//   'T' fund_key level:u8 index:be64         -> Merkle node: 32 bytes
// column family "views"
//   'F' fund_key                             -> FundView
//   'A' fund_key code:be16                   -> AccountRecord
//   'B' fund_key code:be16                   -> balance: fixed64le
//   'D' fund_key code:be16 day               -> day total: fixed64le
//   'M' fund_key member:be32                 -> MemberView
//   'R' fund_key request_id                  -> RequestRecord
//   'C' fund_key                             -> CheckpointRecord
//   'V' fund_key sequence:be64               -> reversing sequence
//   'S' fund_key kind:u8 fiscal_year:be32    -> last document number:
//                                               fixed64le
//   'K' fund_key                             -> RulebooksView
//   'L' fund_key claim:be64                  -> ClaimView
// column family "indexes" (values empty)
//   'X' fund_key 'd' day sequence:be64       entries by effective date
//   'X' fund_key 'k' kind:u8 sequence:be64   entries by kind
//   'X' fund_key 'm' member:be32 sequence:be64  entries by member
//   'X' fund_key 'r' kind:u8 fiscal_year:be32 number:be32 sequence:be64
//                                            receipts and vouchers
// column family "tallies" (fixed64le totals, only ever added to; totals.h)
//   'O' fund_key code:be16 month             -> debits minus credits
//   'Y' fund_key 'c' code:be16 day           -> net cash and bank received
//                                               from that account
//   'Y' fund_key 'C' code:be16 month         -> the same by month
//   'Y' fund_key 'b' category:u8 day member:be32  -> net benefit paid
//   'Y' fund_key 'o' category:u8 day         -> net benefit paid above the
//                                               rules by a committee override
//   'Y' fund_key 'g' length:u8 round day     -> net government match
//   'Y' fund_key 'm' category:u8 status:u8 day    -> members entering (+1)
//                                               or leaving (-1) a status
// column family "profiles" (personal data; may be corrected or erased)
//   'P' fund_key member:be32                 -> ProfileRecord
//   'N' fund_key national_id_hmac:32 bytes   -> member: be32
//   'H' fund_key member:be32 claim:be64      -> ClaimDetailsRecord
// column family "default"
//   "welfare-ledger/format"                  -> "5"
//   "welfare-ledger/token-key"               -> 32 random bytes
//   "welfare-ledger/pepper-check"            -> 32 bytes
//   "access/principal/" id                   -> PrincipalRecord
//   "access/change/" sequence:be64           -> AccessChangeRecord
#ifndef WELFARE_STORAGE_KEYS_H_
#define WELFARE_STORAGE_KEYS_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace welfare::storage::keys {

inline constexpr char kFormatKey[] = "welfare-ledger/format";
inline constexpr char kFormatVersion[] = "5";
// 32 random bytes made when the database is created: the key that
// authenticates the page tokens the server hands out.
inline constexpr char kTokenKeyKey[] = "welfare-ledger/token-key";
// HMAC-SHA-256 of a label under the national-ID pepper
// (services/domain/pepper_check.h).
inline constexpr char kPepperCheckKey[] = "welfare-ledger/pepper-check";

std::string Entry(absl::string_view fund_id, uint64_t sequence);
std::string EntryPrefix(absl::string_view fund_id);

// The root of the perfect subtree of 2^level leaves starting at leaf
// index << level (RFC 9162 numbering; leaf i is entry sequence i + 1).
std::string TreeNode(absl::string_view fund_id, uint8_t level, uint64_t index);

// Every T-key of one level of the fund's tree starts with this.
std::string TreeLevelPrefix(absl::string_view fund_id, uint8_t level);

// The last checkpoint the server signed for the fund.
std::string SignedCheckpoint(absl::string_view fund_id);

std::string Fund(absl::string_view fund_id);
// Every F-key starts with this.
std::string FundPrefix();

std::string Account(absl::string_view fund_id, uint32_t code);
std::string AccountPrefix(absl::string_view fund_id);
std::string Balance(absl::string_view fund_id, uint32_t code);
std::string BalancePrefix(absl::string_view fund_id);
std::string Day(absl::string_view fund_id, uint32_t code, int32_t day);
std::string DayPrefix(absl::string_view fund_id, uint32_t code);

// Month index of a month: year * 12 + month - 1.
std::string MonthTotal(absl::string_view fund_id, uint32_t code,
                       int32_t month_index);
std::string MonthTotalPrefix(absl::string_view fund_id, uint32_t code);
// Cash flows by the account on the other side: the net money into cash and
// bank (kNet), or only the money received, entry by entry (kReceipts; what
// was paid out is the receipts minus the net).
enum class CashFlowKind : char { kNet = 'c', kReceipts = 'r' };
std::string CashFlow(absl::string_view fund_id, uint32_t counter_code,
                     int32_t day, CashFlowKind kind = CashFlowKind::kNet);
std::string CashFlowPrefix(absl::string_view fund_id,
                           CashFlowKind kind = CashFlowKind::kNet);
std::string CashFlowMonth(absl::string_view fund_id, uint32_t counter_code,
                          int32_t month_index,
                          CashFlowKind kind = CashFlowKind::kNet);
std::string CashFlowMonthPrefix(absl::string_view fund_id,
                                CashFlowKind kind = CashFlowKind::kNet);
std::string BenefitTally(absl::string_view fund_id, uint8_t category,
                         int32_t day, int32_t member_number);
std::string BenefitTallyPrefix(absl::string_view fund_id, uint8_t category);
std::string OverrideTally(absl::string_view fund_id, uint8_t category,
                          int32_t day);
std::string OverrideTallyPrefix(absl::string_view fund_id);
// round is 1..255 bytes, or empty for government match without a round.
std::string RoundTally(absl::string_view fund_id, absl::string_view round,
                       int32_t day);
std::string RoundTallyPrefix(absl::string_view fund_id);
std::string MemberTally(absl::string_view fund_id, uint8_t category,
                        uint8_t status, int32_t day);
std::string MemberTallyPrefix(absl::string_view fund_id);

std::string Member(absl::string_view fund_id, int32_t member_number);
std::string MemberPrefix(absl::string_view fund_id);

std::string Request(absl::string_view fund_id, absl::string_view request_id);
std::string ReversedBy(absl::string_view fund_id, uint64_t sequence);

std::string IndexByDay(absl::string_view fund_id, int32_t day,
                       uint64_t sequence);
std::string IndexByDayPrefix(absl::string_view fund_id);
std::string IndexByKind(absl::string_view fund_id, uint8_t kind,
                        uint64_t sequence);
std::string IndexByKindPrefix(absl::string_view fund_id, uint8_t kind);
std::string IndexByMember(absl::string_view fund_id, int32_t member_number,
                          uint64_t sequence);
std::string IndexByMemberPrefix(absl::string_view fund_id,
                                int32_t member_number);

// Receipts and vouchers (kind: welfare.ledger.v1.DocumentKind): the last
// number given in a fiscal year, and the index from number to entry.
std::string DocumentCounter(absl::string_view fund_id, uint8_t kind,
                            int32_t fiscal_year);
std::string IndexByDocument(absl::string_view fund_id, uint8_t kind,
                            int32_t fiscal_year, uint32_t number,
                            uint64_t sequence);
// Every document of a kind and fiscal year; with number > 0, only that one.
std::string IndexByDocumentPrefix(absl::string_view fund_id, uint8_t kind,
                                  int32_t fiscal_year, uint32_t number = 0);

// Every rulebook of the fund; a claim by the sequence that submitted it.
std::string Rulebooks(absl::string_view fund_id);
std::string Claim(absl::string_view fund_id, uint64_t claim_sequence);
std::string ClaimPrefix(absl::string_view fund_id);

std::string Profile(absl::string_view fund_id, int32_t member_number);
// A claim's personal details; every claim of a member starts with the
// prefix (erased with the member's profile).
std::string ClaimDetails(absl::string_view fund_id, int32_t member_number,
                         uint64_t claim_sequence);
std::string ClaimDetailsPrefix(absl::string_view fund_id,
                               int32_t member_number);
std::string NationalId(absl::string_view fund_id, absl::string_view hmac);

// The smallest key greater than every key that starts with prefix.
std::string PrefixEnd(absl::string_view prefix);

// Encoders and decoders of the key components and fixed-width values.
void AppendBigEndian16(std::string* out, uint16_t value);
void AppendBigEndian32(std::string* out, uint32_t value);
void AppendBigEndian64(std::string* out, uint64_t value);
void AppendDay(std::string* out, int32_t day);
uint16_t ReadBigEndian16(absl::string_view in);  // in.size() >= 2
uint32_t ReadBigEndian32(absl::string_view in);  // in.size() >= 4
uint64_t ReadBigEndian64(absl::string_view in);  // in.size() >= 8
int32_t ReadDay(absl::string_view in);           // in.size() >= 4

// The trailing sequence of an E, V or X key (its last 8 bytes).
uint64_t TrailingSequence(absl::string_view key);

// Access records (services/auth/principals.h), in the default column
// family.
std::string AccessPrincipal(absl::string_view principal_id);
std::string AccessPrincipalPrefix();
std::string AccessChange(uint64_t sequence);
std::string AccessChangePrefix();

std::string EncodeFixed64(int64_t value);
// False unless in is exactly 8 bytes.
bool DecodeFixed64(absl::string_view in, int64_t* value);

}  // namespace welfare::storage::keys

#endif  // WELFARE_STORAGE_KEYS_H_
