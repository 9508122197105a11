// The partner commands: aggregates of one fund or of an area, as partner
// agencies (CODI, provincial offices, local government) receive them.
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "clients/report/commands.h"
#include "clients/report/periods.h"

namespace welfare::report {
namespace {

bool IsAreaCode(const std::string& code) {
  // As reports.proto says: a province, district or sub-district.
  if (code.size() != 2 && code.size() != 4 && code.size() != 6) return false;
  for (char c : code) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int RunFundStatus(Session& session, const cli::ParsedFlags& flags) {
  absl::StatusOr<int32_t> year = ReadFiscalYear(flags);
  if (!year.ok()) return session.Usage(year.status(), "fund-status");
  v1::GetFundStatusRequest request;
  request.set_name(session.FundName());
  request.set_fiscal_year(*year);
  request.set_thai_fiscal_year(flags.Has("thai-fiscal-year"));
  return Show(session, session.Client().GetFundStatus(request),
              &FundStatusView);
}

int RunAreaStatus(Session& session, const cli::ParsedFlags& flags) {
  absl::StatusOr<int32_t> year = ReadFiscalYear(flags);
  if (!year.ok()) return session.Usage(year.status(), "area-status");
  const std::string area = flags.Get("area");
  if (!IsAreaCode(area)) {
    return session.Usage(
        absl::InvalidArgumentError(
            absl::StrCat("--area: \"", area,
                         "\"; want a DOPA area code of 2 (province), "
                         "4 (district) or 6 (sub-district) digits, e.g. 33")),
        "area-status");
  }
  v1::GetAreaStatusRequest request;
  request.set_area_code_prefix(area);
  request.set_fiscal_year(*year);
  return Show(session, session.Client().GetAreaStatus(request),
              &AreaStatusView);
}

}  // namespace

std::vector<Command> PartnerCommands() {
  const char* suppressed =
      "A count of 1 to 4 people in one cell of one fund could single a person\n"
      "out: the server sends it suppressed. One fund shows it as \"<5\"; an\n"
      "area shows the exact sum of the other funds and \"+ <5 ×k\" for k\n"
      "funds whose cell was left out (\"<5 ×k\" alone when the sum is 0).\n"
      "A benefit cell counts everyone with a benefit or a reversal of one in\n"
      "the year; one holding money posted without naming a member shows\n"
      "\"n/a\" (ไม่ระบุ), and its baht are withheld too. CSV has the sum in\n"
      "\"people\", k in \"people_fewer_than_five_cells\" and the cells of\n"
      "money naming no member in \"people_unattributed_cells\".";
  return {
      {"fund-status",
       "partner view of one fund: aggregates only",
       absl::StrCat(
           "What a partner agency sees of one fund: balances by kind, members\n"
           "by type and status, and a year's income by source and benefits by\n"
           "category. No names, IDs or member numbers. The year is the fund's\n"
           "own: the Thai fiscal year (ปีงบประมาณ, 1 October to 30 September)\n"
           "for most funds, or its accounting year (ปีบัญชี) if it starts in\n"
           "another month; the answer names its first day. --thai-fiscal-year\n"
           "takes 1 October to 30 September whatever the fund's year, the\n"
           "days area-status adds up.\n\n",
           suppressed),
       {FiscalYearFlag(),
        {"thai-fiscal-year", "",
         "the Thai fiscal year (October to September),\n"
         "as area-status counts it",
         cli::FlagKind::kSwitch}},
       "welfare-report fund-status --fund=ban-nong-khu --fiscal-year=2569",
       true,
       &RunFundStatus},
      {"area-status",
       "partner roll-up of every fund in an area",
       absl::StrCat(
           "The same totals summed over every fund whose DOPA area code "
           "starts\n"
           "with --area (33 is Sisaket province, 3301 a district of it), with\n"
           "the number of funds counted, each over the Thai fiscal year (1\n"
           "October to 30 September) whatever month its own year starts in.\n"
           "Needs no --fund.\n\n",
           suppressed),
       {{"area", "CODE",
         "DOPA area code prefix: 2 (province),\n"
         "4 (district) or 6 (sub-district) digits,\n"
         "e.g. 33",
         cli::FlagKind::kValue, true},
        FiscalYearFlag()},
       "welfare-report area-status --area=33 --fiscal-year=2569 --lang=en",
       false,
       &RunAreaStatus},
  };
}

}  // namespace welfare::report
