#include "services/server/inspect.h"

#include <memory>
#include <optional>

#include "absl/strings/str_cat.h"
#include "google/protobuf/text_format.h"
#include "storage/entry_check.h"
#include "storage/journal_reads.h"
#include "storage/keys.h"
#include "storage/scrub.h"
#include "storage/store.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::server {
namespace {

using storage::Column;
using storage::ReadView;

int Funds(const storage::Store& store, std::FILE* out, std::FILE* err) {
  ReadView view(&store);
  storage::PrefixIterator funds =
      view.Scan(Column::kViews, storage::keys::FundPrefix());
  std::fprintf(out, "%-24s %10s  %s\n", "fund", "entries", "name");
  for (funds.Seek(); funds.Valid(); funds.Next()) {
    welfare::storage::v1::FundView fund;
    if (!fund.ParseFromArray(funds.value().data(),
                             static_cast<int>(funds.value().size()))) {
      std::fprintf(err, "welfared: an unreadable fund record\n");
      return 1;
    }
    absl::StatusOr<uint64_t> size = storage::JournalSize(view, fund.fund_id());
    if (!size.ok()) {
      std::fprintf(err, "welfared: %s\n", size.status().ToString().c_str());
      return 1;
    }
    std::fprintf(out, "%-24s %10llu  %s\n", fund.fund_id().c_str(),
                 static_cast<unsigned long long>(*size),
                 fund.display_name().c_str());
  }
  if (!funds.status().ok()) {
    std::fprintf(err, "welfared: %s\n", funds.status().ToString().c_str());
    return 1;
  }
  return 0;
}

int Entries(const storage::Store& store, const InspectRequest& request,
            std::FILE* out, std::FILE* err) {
  if (request.fund.empty()) {
    std::fprintf(err, "welfared: --inspect=entries needs --inspect_fund\n");
    return 2;
  }
  ReadView view(&store);
  const storage::KeyReader read = [&view](Column column,
                                          absl::string_view key) {
    return view.Get(column, key);
  };
  int status = 0;
  for (uint64_t sequence = request.first;
       sequence < request.first + request.count; ++sequence) {
    absl::StatusOr<std::optional<std::string>> bytes = view.Get(
        Column::kJournal, storage::keys::Entry(request.fund, sequence));
    if (!bytes.ok()) {
      std::fprintf(err, "welfared: %s\n", bytes.status().ToString().c_str());
      return 1;
    }
    if (!bytes->has_value()) break;
    const absl::Status intact =
        storage::CheckEntryLeaf(read, request.fund, sequence, **bytes);
    welfare::storage::v1::EntryRecord record;
    std::string text;
    if (record.ParseFromString(**bytes)) {
      google::protobuf::TextFormat::PrintToString(record, &text);
    } else {
      text = "(does not parse)\n";
    }
    std::fprintf(out, "# entry %llu of fund %s: %s\n%s\n",
                 static_cast<unsigned long long>(sequence),
                 request.fund.c_str(),
                 intact.ok() ? "intact" : std::string(intact.message()).c_str(),
                 text.c_str());
    if (!intact.ok()) status = 1;
  }
  return status;
}

int Scrub(const storage::Store& store, std::FILE* out, std::FILE* err) {
  storage::ScrubOptions options;
  options.on_damage = [err](const absl::Status& damage) {
    std::fprintf(err, "welfared: %s\n", std::string(damage.message()).c_str());
  };
  absl::StatusOr<storage::ScrubReport> report =
      storage::ScrubJournal(store, options);
  if (!report.ok()) {
    std::fprintf(err, "welfared: %s\n", report.status().ToString().c_str());
    return 1;
  }
  std::fprintf(out, "checked %llu entries of %llu funds: %llu damaged\n",
               static_cast<unsigned long long>(report->entries),
               static_cast<unsigned long long>(report->funds),
               static_cast<unsigned long long>(report->damaged));
  return report->damaged == 0 ? 0 : 1;
}

}  // namespace

int Inspect(const InspectRequest& request, std::FILE* out, std::FILE* err) {
  if (request.what != "funds" && request.what != "entries" &&
      request.what != "scrub") {
    std::fprintf(err,
                 "welfared: --inspect: want funds, entries or scrub, got "
                 "\"%s\"\n",
                 request.what.c_str());
    return 2;
  }
  storage::StoreOptions options;
  options.path = request.data_dir + "/db";
  options.read_only = true;
  options.block_cache_bytes = 8 << 20;
  options.log = [err](const std::string& line) {
    std::fprintf(err, "welfared: rocksdb: %s\n", line.c_str());
  };
  absl::StatusOr<std::unique_ptr<storage::Store>> store =
      storage::Store::Open(options);
  if (!store.ok()) {
    std::fprintf(err, "welfared: %s\n", store.status().ToString().c_str());
    return 1;
  }
  if (request.what == "funds") return Funds(**store, out, err);
  if (request.what == "entries") return Entries(**store, request, out, err);
  return Scrub(**store, out, err);
}

}  // namespace welfare::server
