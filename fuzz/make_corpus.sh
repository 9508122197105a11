#!/usr/bin/env bash
# Writes the seed corpora of the fuzz targets (fuzz/corpus/<name>/), small
# valid inputs each, from the text below: protobuf text format encoded by
# protoc, page tokens made with the page_token fuzzer's key (Python's hmac),
# notes signed with the signed_note fuzzer's key (openssl). Run it again
# after changing the formats; the files are committed, this is not run by
# the build.
# The printf formats below hold octal escapes of bytes on purpose.
# shellcheck disable=SC2059
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=fuzz/corpus
rm -rf "$corpus"
mkdir -p "$corpus"/{page_token,stored_entry,signed_note,merkle_proof}
mkdir -p "$corpus"/{csv_import,rulebook_json,ledger_rpc,audit_fold}

# encode <message> <proto file>: protobuf text on stdin, binary on stdout.
encode() {
  protoc -I proto -I /usr/include --encode="$1" "$2"
}
# seed <file> <first byte, octal> <message> <proto file> < text
seed() {
  local file=$1 byte=$2 message=$3 proto=$4
  { printf "\\$byte"; encode "$message" "$proto"; } >"$file"
}

# ---- page_token: mode_tag filters_size filters token|position ----
python3 - "$corpus/page_token" <<'EOF'
import base64, hashlib, hmac, sys
key = b"welfare-fuzz-page-token-key-0001"
def token(tag, filters, position):
    raw = b"2" + tag + hashlib.sha256(filters).digest()[:8] + position
    raw += hmac.new(key, raw, hashlib.sha256).digest()[:16]
    return base64.urlsafe_b64encode(raw).rstrip(b"=")
def write(name, mode_tag, filters, rest):
    with open(f"{sys.argv[1]}/{name}", "wb") as f:
        f.write(bytes([mode_tag, len(filters)]) + filters + rest)
write("members", ord("m"), b"fuzz-fund", token(b"m", b"fuzz-fund", b"\0\0\0\x05"))
write("funds", ord("f"), b"33", token(b"f", b"33", b"fuzz-fund"))
write("claims", ord("c"), b"", token(b"c", b"", bytes(8)))
write("empty", ord("e"), b"", b"")
write("encode", 0x80 | ord("r"), b"1|2569", b"\0\0\0\x01\0\0\0\x07")
EOF

# ---- stored_entry: kind record ----
records=welfare/storage/v1/records.proto
entry=welfare.storage.v1.EntryRecord
zeros='\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000'
zeros="$zeros$zeros"
seed "$corpus/stored_entry/fund_created" 000 $entry $records <<EOF
format_version: 1 fund_id: "fuzz-fund" sequence: 1 previous_hash: "$zeros"
server_time_micros: 1781499600000000 effective_day: 19723 principal: "server"
request_id: "r1" kind: ENTRY_KIND_FUND_CREATED
fund_created { display_name: "กองทุน" area_code: "330101"
  accounts { code: 1101 display_name: "เงินสด" kind: 1 } }
EOF
seed "$corpus/stored_entry/contribution" 000 $entry $records <<EOF
format_version: 1 fund_id: "fuzz-fund" sequence: 4 previous_hash: "$zeros"
effective_day: 19727 kind: ENTRY_KIND_CONTRIBUTION member_number: 1
postings { account_code: 1101 debit_minus_credit_satang: 90000 }
postings { account_code: 4101 debit_minus_credit_satang: -90000 }
document { kind: 1 fiscal_year: 2024 number: 1 }
contribution { source: 1 first_month_index: 24288 month_count: 30 }
EOF
seed "$corpus/stored_entry/disbursement" 000 $entry $records <<EOF
format_version: 1 fund_id: "fuzz-fund" sequence: 12 previous_hash: "$zeros"
effective_day: 20619 kind: ENTRY_KIND_DISBURSEMENT member_number: 2
postings { account_code: 5102 debit_minus_credit_satang: 60000 }
postings { account_code: 1101 debit_minus_credit_satang: -60000 }
disbursement { benefit_category: 2 quantity: 3 claim_sequence: 9
  event_day: 20574 evaluation { eligible: true allowed_satang: 60000
  nights_paid: 3 items { rule: "waiting period" passed: true } } }
EOF
seed "$corpus/stored_entry/reversal" 000 $entry $records <<EOF
format_version: 1 fund_id: "fuzz-fund" sequence: 13 previous_hash: "$zeros"
effective_day: 20619 kind: ENTRY_KIND_REVERSAL
postings { account_code: 1101 debit_minus_credit_satang: 60000 }
postings { account_code: 5102 debit_minus_credit_satang: -60000 }
reversal { reversed_sequence: 12 reason: "ผิด" }
EOF
seed "$corpus/stored_entry/fund_view" 001 welfare.storage.v1.FundView \
  $records <<EOF
fund_id: "fuzz-fund" display_name: "กองทุน" area_code: "330101"
village_codes: "33010101" fiscal_year_start_month: 10 founding_day: 19723
create_time_micros: 1781499600000000
EOF
member_view=$(encode welfare.storage.v1.MemberView $records <<EOF | base64 -w0
member_number: 1 category: 1 join_day: 19723 profile_hash: "0123"
registered_sequence: 3 status_history { status: 1 effective_day: 19723 }
paid_months { first_month_index: 24288 month_count: 30 }
benefits_paid { sequence: 12 category: 2 day: 20574 amount_satang: 60000 }
claim_sequences: 8
EOF
)
profile=$(encode welfare.storage.v1.ProfileRecord $records <<EOF | base64 -w0
salt: "salt" full_name: "สมาชิก ทดสอบ" national_id_masked: "x-xxxx-xxxxx-12-3"
birth_day: 3652 sex: 2
EOF
)
{
  printf '\002'
  printf "\\$(printf '%03o' "$(echo "$member_view" | base64 -d | wc -c)")"
  echo "$member_view" | base64 -d
  echo "$profile" | base64 -d
} >"$corpus/stored_entry/member_view"
seed "$corpus/stored_entry/account" 003 welfare.storage.v1.AccountRecord \
  $records <<EOF
code: 1112 display_name: "ธนาคาร" english_name: "Bank" kind: 2
opened_sequence: 5
EOF
seed "$corpus/stored_entry/rulebooks" 004 welfare.storage.v1.RulebooksView \
  $records <<EOF
versions { sequence: 7 effective_day: 19723 principal: "fuzz"
  body { resolution: "มติ" dues { period: 2 amount_satang: 3000 }
    benefits { category: 2 waiting_days: 90 amount_per_night_satang: 20000
      nights_per_stay_max: 5 } } }
versions { sequence: 20 effective_day: 20454
  body { resolution: "มติ 2" benefits { category: 5 amount_per_event_satang: 1
    tiers { min_years: 2 amount_satang: 2 } } } }
EOF
claim=$(encode welfare.storage.v1.ClaimView $records <<EOF | base64 -w0
sequence: 8 member_number: 1 state: 1
submitted { category: 2 event_day: 20574 nights: 3 details_hash: "h"
  rulebook_sequence: 7 evaluation { eligible: true allowed_satang: 60000 } }
steps { state: 1 sequence: 8 day: 20619 principal: "fuzz" }
EOF
)
details=$(encode welfare.storage.v1.ClaimDetailsRecord $records <<EOF | base64 -w0
salt: "s" description: "ไข้เลือดออก" documents: "ใบรับรองแพทย์"
EOF
)
{
  printf '\005'
  printf "\\$(printf '%03o' "$(echo "$claim" | base64 -d | wc -c)")"
  echo "$claim" | base64 -d
  echo "$details" | base64 -d
} >"$corpus/stored_entry/claim_view"
printf '\006\000\000\000\000\000\000\000\014' >"$corpus/stored_entry/reversed_by"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ---- audit_fold: chunks "mode:u8 size:u16le EntryRecord", chained ----
# chunk <file> < text: appends one entry (mode 1: the fuzzer chains it).
chunk() {
  encode $entry $records >"$work/chunk"
  local size
  size=$(wc -c <"$work/chunk")
  printf "\\001\\$(printf '%03o' $((size % 256)))\\$(printf '%03o' $((size / 256)))" >>"$1"
  cat "$work/chunk" >>"$1"
}
journal="$corpus/audit_fold/journal"
chunk "$journal" <<'EOF'
effective_day: 20113 kind: ENTRY_KIND_FUND_CREATED
fund_created { display_name: "กองทุน" area_code: "330101"
  accounts { code: 1101 kind: 1 opened_sequence: 1 }
  accounts { code: 3101 kind: 3 opened_sequence: 1 }
  accounts { code: 4101 kind: 3 opened_sequence: 1 }
  accounts { code: 4104 kind: 3 opened_sequence: 1 }
  accounts { code: 5102 kind: 3 opened_sequence: 1 } }
EOF
chunk "$journal" <<'EOF'
effective_day: 20483 kind: ENTRY_KIND_MEMBER_REGISTERED member_number: 1
member_registered { category: 1 join_day: 20483 village_code: "33010101"
  profile_hash: "01234567890123456789012345678901" }
EOF
chunk "$journal" <<'EOF'
effective_day: 20513 kind: ENTRY_KIND_CONTRIBUTION member_number: 1
postings { account_code: 1101 debit_minus_credit_satang: 3000 }
postings { account_code: 4101 debit_minus_credit_satang: -3000 }
contribution { source: 1 first_month_index: 24314 month_count: 1 }
EOF
chunk "$journal" <<'EOF'
effective_day: 20513 kind: ENTRY_KIND_CONTRIBUTION
postings { account_code: 1101 debit_minus_credit_satang: 100000 }
postings { account_code: 4104 debit_minus_credit_satang: -100000 }
contribution { source: 8 payer: "ผู้ใจบุญ" }
EOF
chunk "$journal" <<'EOF'
effective_day: 20514 kind: ENTRY_KIND_DISBURSEMENT member_number: 1
postings { account_code: 5102 debit_minus_credit_satang: 60000 }
postings { account_code: 1101 debit_minus_credit_satang: -60000 }
disbursement { benefit_category: 2 quantity: 3 }
EOF
chunk "$journal" <<'EOF'
effective_day: 20515 kind: ENTRY_KIND_REVERSAL member_number: 1
postings { account_code: 5102 debit_minus_credit_satang: -60000 }
postings { account_code: 1101 debit_minus_credit_satang: 60000 }
reversal { reversed_sequence: 5 reason: "บันทึกผิด" }
EOF
chunk "$journal" <<'EOF'
effective_day: 20520 kind: ENTRY_KIND_MEMBER_STATUS_CHANGED member_number: 1
status_changed { status: 2 reason: "ย้ายออก" }
EOF
head -c "$(($(wc -c <"$journal") / 2))" "$journal" >"$corpus/audit_fold/half"
# A claim's life: rulebook, submitted, certified, approved, paid.
claims="$corpus/audit_fold/claim"
chunk "$claims" <<'EOF'
effective_day: 20113 kind: ENTRY_KIND_FUND_CREATED
fund_created { display_name: "กองทุน" area_code: "330101"
  accounts { code: 1101 kind: 1 opened_sequence: 1 }
  accounts { code: 4104 kind: 3 opened_sequence: 1 }
  accounts { code: 5102 kind: 3 opened_sequence: 1 } }
EOF
chunk "$claims" <<'EOF'
effective_day: 20113 kind: ENTRY_KIND_CONTRIBUTION
postings { account_code: 1101 debit_minus_credit_satang: 100000 }
postings { account_code: 4104 debit_minus_credit_satang: -100000 }
contribution { source: 8 payer: "อบต." }
EOF
chunk "$claims" <<'EOF'
effective_day: 20113 kind: ENTRY_KIND_MEMBER_REGISTERED member_number: 1
member_registered { category: 1 join_day: 20113
  profile_hash: "01234567890123456789012345678901" }
EOF
chunk "$claims" <<'EOF'
effective_day: 20113 kind: ENTRY_KIND_RULEBOOK_ADOPTED
rulebook_adopted { resolution: "มติ" benefits { category: 2
  amount_per_night_satang: 20000 nights_per_stay_max: 5 } }
EOF
chunk "$claims" <<'EOF'
effective_day: 20500 kind: ENTRY_KIND_CLAIM_SUBMITTED member_number: 1
claim_submitted { category: 2 event_day: 20499 nights: 3
  rulebook_sequence: 4 evaluation { eligible: true allowed_satang: 60000
  nights_paid: 3 } }
EOF
chunk "$claims" <<'EOF'
effective_day: 20501 kind: ENTRY_KIND_CLAIM_CERTIFIED member_number: 1
claim_step { claim_sequence: 5 note: "ตรวจแล้ว" }
EOF
chunk "$claims" <<'EOF'
effective_day: 20502 kind: ENTRY_KIND_CLAIM_APPROVED member_number: 1
claim_step { claim_sequence: 5 resolution: "มติ 1" }
EOF
chunk "$claims" <<'EOF'
effective_day: 20503 kind: ENTRY_KIND_DISBURSEMENT member_number: 1
postings { account_code: 5102 debit_minus_credit_satang: 60000 }
postings { account_code: 1101 debit_minus_credit_satang: -60000 }
disbursement { benefit_category: 2 quantity: 3 claim_sequence: 5
  event_day: 20499 }
EOF
printf '\000\003\000abc' >"$corpus/audit_fold/malformed"

# ---- signed_note: notes signed with the fuzzer's key ----
# PKCS#8 of an Ed25519 seed: a fixed prefix, then the 32 bytes.
{
  printf '\x30\x2e\x02\x01\x00\x30\x05\x06\x03\x2b\x65\x70\x04\x22\x04\x20'
  printf 'welfare-fuzz-note-key-seed-00001'
} >"$work/key.der"
openssl pkey -inform DER -in "$work/key.der" -out "$work/key.pem"
openssl pkey -in "$work/key.pem" -pubout -outform DER | tail -c 32 \
  >"$work/public"
name="welfare.example/fuzz"
# The key id: SHA-256(name "\n" 0x01 public key)[:4].
{ printf '%s\n\001' "$name"; cat "$work/public"; } |
  openssl dgst -sha256 -binary | head -c 4 >"$work/key_id"
# sign <file> < text: text "\n" "— name base64(key id || signature)\n".
sign() {
  cat >"$work/text"
  openssl pkeyutl -sign -rawin -inkey "$work/key.pem" -in "$work/text" \
    -out "$work/signature"
  {
    cat "$work/text"
    printf '\n\xe2\x80\x94 %s ' "$name"
    cat "$work/key_id" "$work/signature" | base64 -w0
    printf '\n'
  } >"$1"
}
root=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=
printf 'welfare.example/fuzz/funds/fuzz-fund\n0\n%s\n' "$root" |
  sign "$corpus/signed_note/checkpoint_empty"
printf 'welfare.example/fuzz/funds/fuzz-fund\n11\n%s\nextension one\n' \
  "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=" |
  sign "$corpus/signed_note/checkpoint_extension"
printf 'If you think cryptography is the answer to your problem,\n' |
  sign "$work/note"
{
  cat "$work/note"
  printf '\xe2\x80\x94 other.example/key AAAAAQ==\n'
} >"$corpus/signed_note/two_signatures"
printf 'example.com/behind-the-sofa\n20852163\n%s\n' \
  "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=" \
  >"$corpus/signed_note/bare_checkpoint"
printf 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW' \
  >"$corpus/signed_note/verifier_key"
printf '%s' 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz' \
  >"$corpus/signed_note/signer_key"

# ---- merkle_proof: FuzzedDataProvider bytes; a few of each mode ----
python3 - "$corpus/merkle_proof" <<'EOF'
import os, sys
# FuzzedDataProvider takes integers and booleans from the END of the data
# and byte strings from the front, so these are only starting points.
seeds = {
    "honest_inclusion": bytes([7, 0, 0]) + bytes([1, 5, 9, 1]),
    "honest_consistency": bytes([3, 1, 0]) + bytes([1, 20, 77, 1]),
    "honest_subtree": bytes([0, 1, 2, 4, 2, 30, 2, 100, 1]),
    "raw_small": bytes(range(64)) + bytes([0, 3, 2, 1, 0, 5, 0, 2, 0, 0]),
    "raw_large": bytes(range(200)) + bytes([3] * 40) + bytes([0]),
}
for name, data in seeds.items():
    with open(os.path.join(sys.argv[1], name), "wb") as f:
        f.write(data)
EOF

# ---- csv_import: which file ----
csv() { printf "\\$1"; cat; }
csv 000 >"$corpus/csv_import/collect" <<'EOF'
member,from,months,amount
1,01/2568,3,90
2,10/2567,12,"1,095.50"
EOF
printf '\000\xef\xbb\xbfMember , From,Months,Amount,note\r\n3,2568-01,1,30.00,"a, ""b""\r\nc"\r\n,,,\r\n' \
  >"$corpus/csv_import/collect_bom"
csv 001 >"$corpus/csv_import/members" <<'EOF'
number,full_name,national_id,join_date,category,village,birth_date,sex
1,นางสมศรี ใจดี,1100000000016,01/01/2567,general,33010101,12/05/2500,female
2,นายสมชาย ใจดี,1100000000024,2567-01-15,,,,male
EOF
csv 002 >"$corpus/csv_import/opening" <<'EOF'
account,balance
1101,"12,500.00"
1112,100000
EOF
csv 003 >"$corpus/csv_import/dues" <<'EOF'
member,from,months,amount,date,receipt
1,01/2567,12,365,05/01/2567,RC-1
2,2567-02,1,30,2567-02-05,
EOF
csv 004 >"$corpus/csv_import/benefits" <<'EOF'
member,category,amount,date,sub_type,nights,voucher
1,sickness,600,10/03/2568,,3,PV-1
2,death,5000,2568-04-01,,,
EOF

# ---- rulebook_json ----
cat >"$corpus/rulebook_json/sickness" <<'EOF'
{"resolution": "มติที่ประชุมใหญ่ 2569 วาระที่ 5", "effectiveDate": {"year": 2026, "month": 10, "day": 1}, "benefits": [{"category": "BENEFIT_CATEGORY_SICKNESS", "amountPerNightSatang": 20000, "nightsPerStayMax": 5}]}
EOF
cat >"$corpus/rulebook_json/full" <<'EOF'
{
  "resolution": "มติ 1/2568",
  "title": "ระเบียบกองทุน",
  "effectiveDate": {"year": 2025, "month": 1, "day": 1},
  "dues": {"period": "DUES_PERIOD_MONTH", "amountSatang": "3000",
           "entryFeeSatang": "1000", "lapseAfterMonths": 3},
  "benefits": [
    {"category": "BENEFIT_CATEGORY_SICKNESS", "waitingDays": 90,
     "arrearsMonthsAllowed": 3, "amountPerNightSatang": "20000",
     "nightsPerStayMax": 5, "nightsPerYearMax": 6,
     "amountPerYearMaxSatang": "120000", "claimsPerYearMax": 3},
    {"category": "BENEFIT_CATEGORY_DEATH", "amountPerEventSatang": "500000",
     "tiers": [{"minYears": 2, "amountSatang": "1000000"}],
     "tierBasis": "TIER_BASIS_CONTRIBUTION", "onceOnly": true,
     "payee": "PAYEE_NOMINEE"},
    {"category": "BENEFIT_CATEGORY_BIRTH", "subType": "twins",
     "amountPerEventSatang": "100000", "minAgeYears": 15,
     "maxAgeYears": 60, "sex": "SEX_FEMALE"}
  ]
}
EOF
printf '{"resolution": "x", "benefits": []}' >"$corpus/rulebook_json/invalid"

# ---- ledger_rpc: rpc index, then the request (index: Calls() order) ----
ledger=welfare/ledger/v1/ledger.proto
funds=welfare/ledger/v1/funds.proto
members=welfare/ledger/v1/members.proto
rules=welfare/ledger/v1/rules.proto
claims=welfare/ledger/v1/claims.proto
reports=welfare/ledger/v1/reports.proto
rpc() {  # rpc <name> <index, decimal> <message> <proto file> < text
  seed "$corpus/ledger_rpc/$1" "$(printf '%03o' "$2")" \
    "welfare.ledger.v1.$3" "$4"
}
rpc create_fund 0 CreateFundRequest $funds <<'EOF'
fund_id: "ban-nong-khu" request_id: "f1"
fund { display_name: "กองทุนหนองคู" area_code: "330102"
  founding_date { year: 2025 month: 1 day: 15 } }
EOF
rpc create_account 1 CreateAccountRequest $funds <<'EOF'
parent: "funds/fuzz-fund" request_id: "a1"
account { code: "1113" display_name: "ธนาคาร 2" kind: ACCOUNT_KIND_BANK }
EOF
rpc register_member 2 RegisterMemberRequest $members <<'EOF'
parent: "funds/fuzz-fund" request_id: "m3"
member { category: MEMBER_CATEGORY_GENERAL
  join_date { year: 2025 month: 2 day: 1 }
  profile { full_name: "นางสมศรี ใจดี" national_id: "1100000000032" } }
EOF
rpc change_status 3 ChangeMemberStatusRequest $members <<'EOF'
name: "funds/fuzz-fund/members/2" request_id: "s1"
change { status: MEMBER_STATUS_RESIGNED
  effective_date { year: 2026 month: 6 day: 1 } reason: "ค้างชำระ" }
EOF
rpc update_profile 4 UpdateMemberProfileRequest $members <<'EOF'
name: "funds/fuzz-fund/members/1" request_id: "p1"
profile { full_name: "นางสมศรี ใจงาม" address: "1 หมู่ 2" phone: "0812345678" }
EOF
rpc erase_profile 5 EraseMemberProfileRequest $members <<'EOF'
name: "funds/fuzz-fund/members/2" request_id: "e1"
EOF
rpc dues 6 RecordContributionRequest $ledger <<'EOF'
parent: "funds/fuzz-fund" request_id: "d1"
contribution { source: CONTRIBUTION_SOURCE_MEMBER_DUES amount_satang: 3000
  member_number: 1 months { first_month { year: 2026 month: 7 } month_count: 1 }
  effective_date { year: 2026 month: 6 day: 10 } source_document: "RC-9" }
EOF
rpc benefit 7 RecordDisbursementRequest $ledger <<'EOF'
parent: "funds/fuzz-fund" request_id: "b1"
disbursement { operating_cost { kind: COST_KIND_STAFF description: "ค่าจ้าง" }
  amount_satang: 40000 effective_date { year: 2026 month: 6 day: 12 } }
EOF
rpc transaction 8 PostTransactionRequest $ledger <<'EOF'
parent: "funds/fuzz-fund" request_id: "t1"
transaction { memo: "ฝากธนาคาร"
  effective_date { year: 2026 month: 6 day: 1 }
  postings { account_code: "1111" side: DEBIT amount_satang: 50000 }
  postings { account_code: "1101" side: CREDIT amount_satang: 50000 } }
EOF
rpc batch 9 PostBatchRequest $ledger <<'EOF'
parent: "funds/fuzz-fund" request_id: "batch1"
items { contribution { source: CONTRIBUTION_SOURCE_DONATION amount_satang: 100
  payer: "ผู้ใจบุญ" effective_date { year: 2026 month: 6 day: 2 } } }
items { contribution { source: CONTRIBUTION_SOURCE_MEMBER_DUES
  amount_satang: 3000 member_number: 2
  months { first_month { year: 2026 month: 7 } month_count: 1 }
  effective_date { year: 2026 month: 6 day: 2 } } }
EOF
rpc collection_day 10 RecordCollectionDayRequest $ledger <<'EOF'
parent: "funds/fuzz-fund" request_id: "c1"
effective_date { year: 2026 month: 6 day: 5 } validate_only: true
rows { member_number: 1 months { first_month { year: 2026 month: 8 }
  month_count: 2 } amount_satang: 6000 line: 2 }
rows { member_number: 2 months { first_month { year: 2026 month: 7 }
  month_count: 1 } amount_satang: 3000 line: 3 }
EOF
rpc reverse 11 ReverseEntryRequest $ledger <<'EOF'
name: "funds/fuzz-fund/entries/2" request_id: "r1" reason: "บันทึกผิด"
EOF
rpc adopt_rulebook 12 AdoptRulebookRequest $rules <<'EOF'
parent: "funds/fuzz-fund" request_id: "rb2"
rulebook { resolution: "มติ 2/2569" effective_date { year: 2026 month: 6 day: 1 }
  benefits { category: BENEFIT_CATEGORY_SICKNESS amount_per_night_satang: 30000
    nights_per_stay_max: 7 } }
EOF
rpc submit_claim 13 SubmitClaimRequest $claims <<'EOF'
parent: "funds/fuzz-fund" request_id: "cl3"
claim { member_number: 2 category: BENEFIT_CATEGORY_SICKNESS
  event_date { year: 2026 month: 6 day: 1 } nights: 2
  details { description: "ผ่าตัด" documents: "ใบเสร็จ" } }
EOF
rpc certify_claim 14 ClaimStepRequest $claims <<'EOF'
name: "funds/fuzz-fund/claims/8" request_id: "cert8" note: "ตรวจแล้ว"
EOF
rpc approve_claim 15 ClaimStepRequest $claims <<'EOF'
name: "funds/fuzz-fund/claims/12" request_id: "appr12" resolution: "มติ 7/2569"
EOF
rpc reject_claim 16 ClaimStepRequest $claims <<'EOF'
name: "funds/fuzz-fund/claims/8" request_id: "rej8" note: "เอกสารไม่ครบ"
EOF
rpc pay_claim 17 PayClaimRequest $claims <<'EOF'
name: "funds/fuzz-fund/claims/9" request_id: "pay9"
EOF
rpc get_fund 18 GetFundRequest $funds <<<'name: "funds/fuzz-fund"'
rpc list_funds 19 ListFundsRequest $funds <<<'page_size: 1 area_code_prefix: "33"'
rpc list_accounts 20 ListAccountsRequest $funds <<<'parent: "funds/fuzz-fund"'
rpc get_member 21 GetMemberRequest $members <<<'name: "funds/fuzz-fund/members/1"'
rpc list_members 22 ListMembersRequest $members \
  <<<'parent: "funds/fuzz-fund" page_size: 1'
rpc get_entry 23 GetEntryRequest $ledger <<<'name: "funds/fuzz-fund/entries/4"'
rpc list_entries 24 ListEntriesRequest $ledger <<'EOF'
parent: "funds/fuzz-fund" page_size: 2 member_number: 1
start_date { year: 2024 month: 1 day: 1 } end_date { year: 2026 month: 6 day: 15 }
EOF
rpc get_balances 25 GetBalancesRequest $ledger \
  <<<'parent: "funds/fuzz-fund" as_of_date { year: 2025 month: 1 day: 1 }'
rpc get_document 26 GetDocumentRequest $ledger \
  <<<'name: "funds/fuzz-fund/receipts/2024-1"'
rpc list_documents 27 ListDocumentsRequest $ledger \
  <<<'parent: "funds/fuzz-fund" kind: DOCUMENT_KIND_RECEIPT fiscal_year: 2024'
rpc get_rulebook 28 GetRulebookRequest $rules \
  <<<'parent: "funds/fuzz-fund" on_date { year: 2026 month: 1 day: 1 }'
rpc list_rulebooks 29 ListRulebooksRequest $rules <<<'parent: "funds/fuzz-fund"'
rpc get_claim 30 GetClaimRequest $claims <<<'name: "funds/fuzz-fund/claims/9"'
rpc list_claims 31 ListClaimsRequest $claims \
  <<<'parent: "funds/fuzz-fund" page_size: 1'
rpc trial_balance 32 ReportRequest $reports \
  <<<'parent: "funds/fuzz-fund" period { fiscal_year: 2026 }'
rpc receipts_payments 33 ReportRequest $reports <<<'parent: "funds/fuzz-fund"'
rpc income_expenditure 34 ReportRequest $reports <<<'parent: "funds/fuzz-fund"'
rpc balance_sheet 35 ReportRequest $reports <<<'parent: "funds/fuzz-fund"'
rpc passbook 36 GetPassbookRequest $reports \
  <<<'name: "funds/fuzz-fund/members/1"'
rpc benefits_by_category 37 ReportRequest $reports <<<'parent: "funds/fuzz-fund"'
rpc contributions_by_source 38 ReportRequest $reports \
  <<<'parent: "funds/fuzz-fund"'
rpc fund_status_form 39 ReportRequest $reports <<<'parent: "funds/fuzz-fund"'
rpc dues_arrears 40 GetDuesArrearsRequest $reports <<<'parent: "funds/fuzz-fund"'
rpc match_eligibility 41 GetMatchEligibilityRequest $reports \
  <<<'parent: "funds/fuzz-fund" fiscal_year: 2026'
rpc fund_status 42 GetFundStatusRequest $reports <<<'name: "funds/fuzz-fund"'
rpc area_status 43 GetAreaStatusRequest $reports <<<'area_code_prefix: "3301"'

find "$corpus" -type f | wc -l | xargs echo "make_corpus: wrote" >&2
