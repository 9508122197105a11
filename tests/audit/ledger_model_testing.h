// Helpers of the LedgerModel tests (ledger_model_test.cc,
// ledger_model_claims_test.cc).
#ifndef WELFARE_TESTS_AUDIT_LEDGER_MODEL_TESTING_H_
#define WELFARE_TESTS_AUDIT_LEDGER_MODEL_TESTING_H_

#include <cstdint>

#include "clients/audit/ledger_model.h"
#include "gtest/gtest.h"
#include "tests/audit/journal_builder.h"

namespace welfare::auditor::testing {

// An `earlier` that fails the test if asked: every entry is applied here.
inline LedgerModel::EarlierEntry NoEarlier() {
  return [](uint64_t sequence) -> absl::StatusOr<EntryRecord> {
    ADD_FAILURE() << "earlier entry " << sequence << " asked for";
    return absl::InternalError("no earlier entries");
  };
}

// An `earlier` that serves entry 1 of journal, as a model resumed from a
// state that did not keep what entry 1 says asks for it, and counts the
// asks in *asked; any other entry fails the test.
inline LedgerModel::EarlierEntry EntryOneOf(const JournalBuilder& journal,
                                            int* asked) {
  return [&journal, asked](uint64_t sequence) -> absl::StatusOr<EntryRecord> {
    ++*asked;
    EXPECT_EQ(sequence, 1u);
    return journal.record(1);
  };
}

// Applies entries first..last of the builder.
inline void ApplyAll(const JournalBuilder& journal, LedgerModel& model,
                     Findings& findings, uint64_t first = 1,
                     uint64_t last = 0) {
  if (last == 0) last = journal.size();
  for (uint64_t s = first; s <= last; ++s) {
    ASSERT_TRUE(model.Apply(journal.record(s), findings).ok());
  }
}

}  // namespace welfare::auditor::testing

#endif  // WELFARE_TESTS_AUDIT_LEDGER_MODEL_TESTING_H_
