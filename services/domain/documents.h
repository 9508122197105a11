// Receipts (ใบเสร็จรับเงิน) and payment vouchers (ใบสำคัญจ่าย): every
// contribution is a receipt and every disbursement a voucher, numbered
// 1, 2, 3, ... per fund, kind and fiscal year of the effective date in the
// order they are written. The number is part of the entry's hashed bytes;
// a reversed document keeps its number and reads as void.
#ifndef WELFARE_SERVICES_DOMAIN_DOCUMENTS_H_
#define WELFARE_SERVICES_DOMAIN_DOCUMENTS_H_

#include <cstdint>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "storage/append_context.h"
#include "welfare/ledger/v1/ledger.pb.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::domain {

// The kind of document an entry is: RECEIPT for a contribution, VOUCHER for
// a disbursement, UNSPECIFIED for any other entry.
welfare::ledger::v1::DocumentKind DocumentKindOf(
    const welfare::storage::v1::EntryRecord& entry);

// Gives a contribution or disbursement about to be appended the next number
// of its kind in the fiscal year of its effective day, and stages the new
// last number. Other entries are left alone. The caller must append the
// entry in the same request (a failed request undoes the staged number).
// Errors: those of reading the fund's view and counter.
absl::Status NumberDocument(storage::AppendContext& context,
                            welfare::storage::v1::EntryRecord& entry);

// The API form of an entry's document number; unset if it has none.
welfare::ledger::v1::DocumentNumber DocumentNumberToApi(
    const welfare::storage::v1::EntryRecord& entry);

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_DOCUMENTS_H_
