// The CSV files of the `welfare` tool (clients/cli): the collection-day
// file of `welfare collect` and the four files of `welfare import`, run
// in-process through cli::Run with the file on standard input.
//
//   input := which:u8 file
//
//   which % 5   command line
//   0           collect fuzz-fund - --date=2568-03-05 --dry-run
//   1           import fuzz-fund --members=- --dry-run
//   2           import fuzz-fund --opening=- --opening-date=2568-01-01
//   3           import fuzz-fund --dues=- --dry-run
//   4           import fuzz-fund --benefits=- --dry-run
//
// Every line also names a CA file that does not exist, so a file the tool
// accepts stops where it would connect, as a usage error: nothing is sent.
// The file is also parsed by format::ParseCsv directly, and what parses
// must survive CsvWriter and ParseCsv again unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "clients/cli/app.h"
#include "clients/cli/context.h"
#include "clients/format/csv.h"
#include "storage/status_macros.h"

namespace {

namespace cli = welfare::cli;
namespace format = welfare::format;

constexpr char kNoCaFile[] = "--ca_file=/nonexistent/welfare-fuzz-ca.pem";

std::vector<std::string> CommandLine(uint8_t which) {
  switch (which % 5) {
    case 0:
      return {"collect",           "fuzz-fund", "-",
              "--date=2568-03-05", "--dry-run", "--request-id=fuzz-collect"};
    case 1:
      return {"import", "fuzz-fund", "--members=-", "--dry-run"};
    case 2:
      return {"import", "fuzz-fund", "--opening=-", "--opening-date=2568-01-01",
              "--dry-run"};
    case 3:
      return {"import", "fuzz-fund", "--dues=-", "--dry-run"};
    default:
      return {"import", "fuzz-fund", "--benefits=-", "--dry-run"};
  }
}

void RunTool(uint8_t which, absl::string_view file) {
  std::vector<std::string> args = CommandLine(which);
  args.push_back(kNoCaFile);
  std::istringstream in{std::string(file)};
  std::ostringstream out;
  std::ostringstream err;
  const int code = cli::Run(args, cli::Io{in, out, err}, nullptr);
  WELFARE_CHECK(code == cli::kExitUsage);
  WELFARE_CHECK(out.str().empty() && !err.str().empty());
}

// Records that CsvWriter cannot write back as they were read: a record of
// one empty field is a blank line, and a byte order mark at the start of
// the first is taken for the file's.
bool Writable(const std::vector<format::CsvRecord>& records) {
  for (const format::CsvRecord& record : records) {
    if (record.fields.size() == 1 && record.fields[0].empty()) return false;
  }
  return records.empty() ||
         !absl::StartsWith(records[0].fields[0], "\xEF\xBB\xBF");
}

void RoundTrip(absl::string_view file) {
  absl::StatusOr<std::vector<format::CsvRecord>> records =
      format::ParseCsv(file);
  if (!records.ok()) return;
  for (const format::CsvRecord& record : *records) {
    WELFARE_CHECK(!record.fields.empty() && record.line >= 1);
  }
  if (!Writable(*records)) return;
  format::CsvWriter writer;
  for (const format::CsvRecord& record : *records) writer.AddRow(record.fields);
  absl::StatusOr<std::vector<format::CsvRecord>> again =
      format::ParseCsv(writer.text());
  WELFARE_CHECK(again.ok() && again->size() == records->size());
  for (size_t i = 0; i < records->size(); ++i) {
    WELFARE_CHECK((*again)[i].fields == (*records)[i].fields);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const absl::string_view file(reinterpret_cast<const char*>(data) + 1,
                               size - 1);
  RunTool(data[0], file);
  RoundTrip(file);
  return 0;
}
