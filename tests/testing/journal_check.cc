#include "tests/testing/journal_check.h"

#include "absl/strings/str_cat.h"

namespace welfare::testing {

namespace v1 = welfare::ledger::v1;

absl::StatusOr<CheckedJournal> ReadAndCheckJournal(client::LedgerClient& client,
                                                   const std::string& fund_id) {
  CheckedJournal journal;
  v1::ListEntriesRequest list;
  list.set_parent("funds/" + fund_id);
  list.set_page_size(1000);
  do {
    auto page = client.ListEntries(list);
    if (!page.ok()) return page.status();
    for (auto& entry : *page->mutable_entries()) {
      journal.entries.push_back(std::move(entry));
    }
    list.set_page_token(page->next_page_token());
  } while (!list.page_token().empty());

  auto broken = [&fund_id](uint64_t sequence, const std::string& what) {
    return absl::DataLossError(
        absl::StrCat("fund ", fund_id, " entry ", sequence, ": ", what));
  };
  std::string previous_hash(32, '\0');
  for (size_t i = 0; i < journal.entries.size(); ++i) {
    const v1::Entry& entry = journal.entries[i];
    if (entry.sequence() != i + 1) {
      return broken(i + 1, absl::StrCat("missing; found ", entry.sequence()));
    }
    if (entry.previous_hash() != previous_hash) {
      return broken(entry.sequence(),
                    "does not name the previous entry's hash");
    }
    previous_hash = entry.hash();
    int64_t sum = 0;
    for (const auto& posting : entry.postings()) {
      const int64_t signed_amount = posting.side() == v1::DEBIT
                                        ? posting.amount_satang()
                                        : -posting.amount_satang();
      sum += signed_amount;
      journal.balances[posting.account_code()] += signed_amount;
    }
    if (sum != 0) return broken(entry.sequence(), "postings do not balance");
  }

  v1::GetBalancesRequest request;
  request.set_parent("funds/" + fund_id);
  auto reported = client.GetBalances(request);
  if (!reported.ok()) return reported.status();
  if (reported->journal_size() != journal.entries.size()) {
    return absl::DataLossError(absl::StrCat(
        "fund ", fund_id, ": balances read at journal size ",
        reported->journal_size(), ", entries read ", journal.entries.size()));
  }
  for (const auto& row : reported->balances()) {
    auto summed = journal.balances.find(row.account_code());
    const int64_t expected =
        summed == journal.balances.end() ? 0 : summed->second;
    if (row.debit_minus_credit_satang() != expected) {
      return absl::DataLossError(
          absl::StrCat("fund ", fund_id, " account ", row.account_code(),
                       ": server says ", row.debit_minus_credit_satang(),
                       " satang, entries sum to ", expected));
    }
  }
  if (reported->total_debit_satang() != reported->total_credit_satang()) {
    return absl::DataLossError(absl::StrCat(
        "fund ", fund_id, ": debits ", reported->total_debit_satang(),
        " != credits ", reported->total_credit_satang()));
  }
  return journal;
}

}  // namespace welfare::testing
