// Views: each API response as a Document (report.h) for people, in the
// words, calendar and number style of the given Cells.
#ifndef WELFARE_CLIENTS_CLI_VIEWS_H_
#define WELFARE_CLIENTS_CLI_VIEWS_H_

#include <string>

#include "clients/cli/report.h"
#include "welfare/ledger/v1/funds.pb.h"
#include "welfare/ledger/v1/ledger.pb.h"
#include "welfare/ledger/v1/members.pb.h"

namespace welfare::cli {

// views.cc
Document FundView(const Cells& cells, const welfare::ledger::v1::Fund& fund);
Document FundListView(const Cells& cells,
                      const welfare::ledger::v1::ListFundsResponse& funds);
Document AccountListView(
    const Cells& cells,
    const welfare::ledger::v1::ListAccountsResponse& accounts);
Document AccountView(const Cells& cells,
                     const welfare::ledger::v1::Account& account);
Document MemberView(const Cells& cells,
                    const welfare::ledger::v1::Member& member);
Document MemberListView(const Cells& cells,
                        const welfare::ledger::v1::ListMembersResponse& list);

// entry_views.cc
Document EntryView(const Cells& cells, const welfare::ledger::v1::Entry& entry);
Document EntryListView(const Cells& cells,
                       const welfare::ledger::v1::ListEntriesResponse& list);
// The trial balance: accounts with a balance (every account if
// with_zero), in debit and credit columns, with totals in tables.
Document BalancesView(const Cells& cells,
                      const welfare::ledger::v1::GetBalancesResponse& balances,
                      bool with_zero);
Document BatchView(const Cells& cells,
                   const welfare::ledger::v1::PostBatchResponse& batch);

// document_views.cc: receipts and vouchers.
// "ใบเสร็จรับเงิน 12/2569" or "receipt 12/2026"; "" if unset.
std::string DocumentNumberText(
    const Cells& cells, const welfare::ledger::v1::DocumentNumber& number);
Document DocumentListView(
    const Cells& cells, const welfare::ledger::v1::ListDocumentsResponse& list);
// A receipt or voucher as printed: member_name may be "" (not known to the
// caller, or erased). Plain text for a terminal, and a whole HTML page
// that prints on A5.
std::string PrintedDocumentText(const Cells& cells,
                                const welfare::ledger::v1::Document& document,
                                const std::string& member_name);
std::string PrintedDocumentHtml(const Cells& cells,
                                const welfare::ledger::v1::Document& document,
                                const std::string& member_name);

// What an entry records, in a few words: "เงินสัจจะ 10/2569–09/2570".
std::string EntryDetails(const Cells& cells,
                         const welfare::ledger::v1::Entry& entry);

// The last word of a resource name: "ban-nong-khu" for
// "funds/ban-nong-khu".
std::string LastPart(const std::string& name);

}  // namespace welfare::cli

#endif  // WELFARE_CLIENTS_CLI_VIEWS_H_
