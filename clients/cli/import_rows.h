// The rows of welfare import's CSV files (import_commands.cc): each row
// checked and made into the request or batch item it becomes, or
// INVALID_ARGUMENT naming the column and what is wrong with it.
#ifndef WELFARE_CLIENTS_CLI_IMPORT_ROWS_H_
#define WELFARE_CLIENTS_CLI_IMPORT_ROWS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "clients/cli/csv_rows.h"
#include "welfare/ledger/v1/ledger.pb.h"
#include "welfare/ledger/v1/members.pb.h"

namespace welfare::cli {

// "members.csv: line 7: <reason>".
std::string BadLine(absl::string_view file, int line, absl::string_view reason);

// The dates of rows are dates of writes: one after `today` (Context::today())
// is refused in the calendar it was typed in (format::ParseDateUpTo).

// Row i of the members file: number (which must be `expected`), full_name,
// national_id, join_date and optionally category, village, address, phone,
// nominee, nominee_relationship, birth_date, sex.
absl::StatusOr<welfare::ledger::v1::RegisterMemberRequest> MemberRow(
    const CsvRows& rows, size_t i, int expected,
    const welfare::ledger::v1::Date& today);

// The opening balances file (account, balance) as one transaction on
// as_of; each bad line goes to *bad, named with `file`.
absl::StatusOr<welfare::ledger::v1::PostTransactionRequest> OpeningTransaction(
    const CsvRows& rows, const welfare::ledger::v1::Date& as_of,
    std::vector<std::string>* bad, absl::string_view file);

// Row i of the dues file: member, from, months, amount, date (receipt).
absl::StatusOr<welfare::ledger::v1::BatchItem> DuesRow(
    const CsvRows& rows, size_t i, const welfare::ledger::v1::Date& today);

// Row i of the benefits file: member, category, amount, date (sub_type,
// nights, voucher).
absl::StatusOr<welfare::ledger::v1::BatchItem> BenefitRow(
    const CsvRows& rows, size_t i, const welfare::ledger::v1::Date& today);

}  // namespace welfare::cli

#endif  // WELFARE_CLIENTS_CLI_IMPORT_ROWS_H_
