#include "storage/scrub.h"

#include <chrono>
#include <optional>
#include <thread>

#include "storage/entry_check.h"
#include "storage/keys.h"
#include "storage/status_macros.h"

namespace welfare::storage {
namespace {

// Entries read from one snapshot before taking a fresh one.
constexpr int kBatchEntries = 512;
constexpr size_t kDamageKept = 100;

// The fund id of a journal key: 'E' fund_id 0x00 sequence:be64.
absl::string_view FundIdOfEntryKey(absl::string_view key) {
  return key.substr(1, key.size() - 1 - 1 - 8);
}

}  // namespace

absl::StatusOr<ScrubReport> ScrubJournal(const Store& store,
                                         const ScrubOptions& options) {
  ScrubReport report;
  std::string resume;  // The last key checked; "" before the first.
  std::string last_fund;
  bool more = true;
  while (more) {
    more = false;
    {
      ReadView view(&store);
      const KeyReader read = [&view](Column column, absl::string_view key) {
        return view.Get(column, key);
      };
      PrefixIterator entries = view.Scan(Column::kJournal, "E");
      entries.Seek(resume.empty() ? "" : absl::string_view(resume).substr(1));
      if (!resume.empty() && entries.Valid() && entries.key() == resume) {
        entries.Next();
      }
      int in_batch = 0;
      for (; entries.Valid(); entries.Next()) {
        if (in_batch == kBatchEntries) {
          more = true;
          break;
        }
        ++in_batch;
        const absl::string_view key = entries.key();
        const absl::string_view fund_id = FundIdOfEntryKey(key);
        if (fund_id != last_fund) {
          last_fund = std::string(fund_id);
          ++report.funds;
        }
        ++report.entries;
        absl::Status checked = CheckEntryLeaf(
            read, fund_id, keys::TrailingSequence(key), entries.value());
        if (!checked.ok()) {
          ++report.damaged;
          if (report.damage.size() < kDamageKept) {
            report.damage.emplace_back(checked.message());
          }
          if (options.on_damage) options.on_damage(checked);
        }
        resume = std::string(key);
      }
      RETURN_IF_ERROR(entries.status());
    }
    if (more && options.entries_per_second > 0) {
      const int64_t micros =
          kBatchEntries * 1'000'000LL / options.entries_per_second;
      const bool go_on = options.wait ? options.wait(micros) : [&] {
        std::this_thread::sleep_for(std::chrono::microseconds(micros));
        return true;
      }();
      if (!go_on) {
        report.complete = false;
        return report;
      }
    } else if (more && options.wait && !options.wait(0)) {
      report.complete = false;
      return report;
    }
  }
  return report;
}

}  // namespace welfare::storage
