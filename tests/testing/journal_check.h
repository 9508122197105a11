// A client-side re-check of a fund's journal, for tests: read every entry
// through the API and verify what must hold of any fund whatever happened.
#ifndef WELFARE_TESTS_TESTING_JOURNAL_CHECK_H_
#define WELFARE_TESTS_TESTING_JOURNAL_CHECK_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "clients/ledger_client.h"

namespace welfare::testing {

struct CheckedJournal {
  std::vector<welfare::ledger::v1::Entry> entries;
  // Debits minus credits per account code, summed from the entries.
  std::map<std::string, int64_t> balances;
};

// Reads the whole journal of fund_id (every page) and checks that the
// sequences run 1..N without a gap, that each entry names the previous
// entry's hash, that every entry's postings balance, and that the balances
// the server reports equal those summed from the entries. The error names
// the fund, the sequence and what is wrong.
absl::StatusOr<CheckedJournal> ReadAndCheckJournal(client::LedgerClient& client,
                                                   const std::string& fund_id);

}  // namespace welfare::testing

#endif  // WELFARE_TESTS_TESTING_JOURNAL_CHECK_H_
