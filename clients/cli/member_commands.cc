// welfare member register|get|list|set-status|update-profile|erase-profile.
//
// A member's national ID is personal data: it is never taken from the
// command line, where other users could read it in the process list, but
// from standard input.
#include <limits>

#include "absl/strings/str_cat.h"
#include "clients/cli/command.h"
#include "clients/cli/values.h"
#include "clients/cli/views.h"

namespace welfare::cli {
namespace {

namespace v1 = welfare::ledger::v1;

constexpr int64_t kMemberNumberMax = std::numeric_limits<int32_t>::max();
constexpr char kNationalIdPrompt[] = "เลขประจำตัวประชาชน / National ID: ";
constexpr char kNewNationalIdPrompt[] =
    "เลขประจำตัวประชาชน / National ID (Enter: keep the current one): ";

const ArgumentSpec kFundArgument = {"fund", "the fund's id, e.g. ban-nong-khu"};
const ArgumentSpec kMemberArgument = {"member", "the member's number, e.g. 7"};

// The profile flags and the profile field each sets.
struct ProfileFlag {
  const char* name;
  void (v1::MemberProfile::*set)(const std::string&);
};
const ProfileFlag kProfileFlags[] = {
    {"full-name", &v1::MemberProfile::set_full_name},
    {"address", &v1::MemberProfile::set_address},
    {"nominee", &v1::MemberProfile::set_nominee_name},
    {"nominee-relationship", &v1::MemberProfile::set_nominee_relationship},
    {"phone", &v1::MemberProfile::set_phone},
};

std::vector<FlagSpec> ProfileFlagSpecs(bool full_name_required) {
  return {
      {"full-name", "TEXT", "the member's full name, e.g. \"นางสมศรี ใจดี\"",
       FlagKind::kValue, full_name_required},
      {"address", "TEXT", "the member's address"},
      {"nominee", "TEXT", "who receives a death benefit (ผู้รับผลประโยชน์)"},
      {"nominee-relationship", "TEXT", "the nominee's relationship, e.g. บุตร"},
      {"phone", "TEXT", "a phone number"},
      {"birth-date", "DATE",
       "the member's birth date (CE or BE), for benefits with age limits"},
      {"sex", "SEX",
       "female or male, for benefits a rulebook gives to one sex only"},
  };
}

// Sets the profile fields whose flags were given; returns how many. A bad
// --birth-date or --sex is a usage error in `read`.
int ApplyProfileFlags(const Context& context, const ParsedFlags& flags,
                      FlagReader& read, v1::MemberProfile* profile) {
  int given = 0;
  for (const ProfileFlag& flag : kProfileFlags) {
    if (!flags.Has(flag.name)) continue;
    (profile->*flag.set)(flags.Get(flag.name));
    ++given;
  }
  if (flags.Has("birth-date")) {
    read.DateUpToInto("birth-date", context.today(),
                      profile->mutable_birth_date(), format::kBirthYearMin);
    ++given;
  }
  if (flags.Has("sex")) {
    profile->set_sex(
        static_cast<v1::Sex>(read.Enum("sex", format::SexLabels())));
    ++given;
  }
  return given;
}

// The national ID from standard input; "" if allow_empty and the line is
// empty. A usage error (never naming the ID) otherwise.
absl::StatusOr<std::string> ReadNationalId(Context& context, bool allow_empty) {
  absl::StatusOr<std::string> line =
      context.ReadLine(allow_empty ? kNewNationalIdPrompt : kNationalIdPrompt);
  if (!line.ok() || line->empty()) {
    if (allow_empty) return std::string();
    return absl::InvalidArgumentError(
        "no national ID on standard input: type it when asked, or pass it "
        "on one line, e.g. from a file (never on the command line)");
  }
  return CheckNationalId(*line);
}

// "funds/{fund}/members/{number}" from the arguments <fund> <member>.
std::string MemberName(FlagReader& read) {
  const std::string fund_id = read.FundArgument(0);
  const int64_t number =
      read.NumberArgument(1, "member number", kMemberNumberMax);
  return absl::StrCat("funds/", fund_id, "/members/", number);
}

int Register(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::RegisterMemberRequest request;
  request.set_parent(absl::StrCat("funds/", read.FundArgument(0)));
  request.set_request_id(RequestIdOf(flags));
  v1::Member* member = request.mutable_member();
  member->set_category(static_cast<v1::MemberCategory>(
      read.Enum("category", format::MemberCategoryLabels(),
                v1::MEMBER_CATEGORY_GENERAL)));
  read.DateUpToInto("joined", context.today(), member->mutable_join_date());
  member->set_village_code(read.Text("village"));
  ApplyProfileFlags(context, flags, read, member->mutable_profile());
  if (!read.ok()) return context.Usage(read.status(), "member register");
  auto national_id = ReadNationalId(context, /*allow_empty=*/false);
  if (!national_id.ok()) {
    return context.Usage(national_id.status(), "member register");
  }
  member->mutable_profile()->set_national_id(*national_id);
  return CallAndPrint(
      context, "member register", request.request_id(),
      [&](client::LedgerClient& client) {
        return client.RegisterMember(request);
      },
      MemberView);
}

int Get(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::GetMemberRequest request;
  request.set_name(MemberName(read));
  if (!read.ok()) return context.Usage(read.status(), "member get");
  return CallAndPrint(
      context, "member get", "",
      [&](client::LedgerClient& client) { return client.GetMember(request); },
      MemberView);
}

int List(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::ListMembersRequest request;
  request.set_parent(absl::StrCat("funds/", read.FundArgument(0)));
  request.set_page_size(
      static_cast<int32_t>(read.Integer("page-size", 1, 1000)));
  request.set_page_token(read.Text("page-token"));
  if (!read.ok()) return context.Usage(read.status(), "member list");
  return CallAndPrint(
      context, "member list", "",
      [&](client::LedgerClient& client) {
        return FetchPages<v1::ListMembersRequest, v1::ListMembersResponse>(
            request, flags.Has("all"), [&](const v1::ListMembersRequest& page) {
              return client.ListMembers(page);
            });
      },
      [&](const Cells& cells, const v1::ListMembersResponse& members) {
        NoteNextPage(context, members.next_page_token());
        return MemberListView(cells, members);
      });
}

int SetStatus(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::ChangeMemberStatusRequest request;
  request.set_name(MemberName(read));
  request.set_request_id(RequestIdOf(flags));
  v1::StatusChange* change = request.mutable_change();
  change->set_status(static_cast<v1::MemberStatus>(
      read.Enum("status", format::MemberStatusLabels())));
  read.DateUpToInto("date", context.today(), change->mutable_effective_date());
  change->set_reason(read.Text("reason"));
  if (!read.ok()) return context.Usage(read.status(), "member set-status");
  return CallAndPrint(
      context, "member set-status", request.request_id(),
      [&](client::LedgerClient& client) {
        return client.ChangeMemberStatus(request);
      },
      MemberView);
}

int UpdateProfile(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  const std::string name = MemberName(read);
  v1::MemberProfile changes;
  const int given = ApplyProfileFlags(context, flags, read, &changes);
  if (!read.ok()) return context.Usage(read.status(), "member update-profile");
  auto national_id = ReadNationalId(context, /*allow_empty=*/true);
  if (!national_id.ok()) {
    return context.Usage(national_id.status(), "member update-profile");
  }
  if (given == 0 && national_id->empty()) {
    return context.Usage(
        absl::InvalidArgumentError("nothing to change: give a profile flag "
                                   "or a new national ID on standard input"),
        "member update-profile");
  }
  v1::UpdateMemberProfileRequest request;
  request.set_name(name);
  request.set_request_id(RequestIdOf(flags));
  return CallAndPrint(
      context, "member update-profile", request.request_id(),
      [&](client::LedgerClient& client) -> absl::StatusOr<v1::Member> {
        // The API replaces the whole profile: start from the current one.
        v1::GetMemberRequest get;
        get.set_name(name);
        absl::StatusOr<v1::Member> current = client.GetMember(get);
        if (!current.ok()) return current.status();
        v1::MemberProfile* profile = request.mutable_profile();
        *profile = current->profile();
        profile->clear_national_id_masked();
        profile->clear_erased();
        FlagReader checked_already(flags);
        ApplyProfileFlags(context, flags, checked_already, profile);
        profile->set_national_id(*national_id);
        return client.UpdateMemberProfile(request);
      },
      MemberView);
}

int EraseProfile(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::EraseMemberProfileRequest request;
  request.set_name(MemberName(read));
  request.set_request_id(RequestIdOf(flags));
  if (!read.ok()) return context.Usage(read.status(), "member erase-profile");
  return CallAndPrint(
      context, "member erase-profile", request.request_id(),
      [&](client::LedgerClient& client) {
        return client.EraseMemberProfile(request);
      },
      MemberView);
}

}  // namespace

std::vector<Command> MemberCommands() {
  std::vector<Command> commands;
  commands.push_back({
      "member register",
      "register a member; the national ID is read from standard input",
      "Registers a member (สมาชิก); the server assigns the next member "
      "number. The national ID (เลขประจำตัวประชาชน, 13 digits) is read from "
      "standard input, never from the command line, where other users "
      "could see it: type it when asked, or pass one line on standard "
      "input. It is checked here (13 digits, check digit) before anything "
      "is sent, and the server keeps it only hashed and masked.",
      {kFundArgument},
      WithFlags(ProfileFlagSpecs(/*full_name_required=*/true),
                {
                    {"category", "CATEGORY",
                     absl::StrCat(format::TokenList(
                                      format::MemberCategoryLabels(), ", "),
                                  " (default general)")},
                    {"joined", "DATE", "the date of joining (default: today)"},
                    {"village", "CODE", "the 8-digit DOPA village code"},
                    RequestIdFlag(),
                }),
      "welfare member register ban-nong-khu --full-name=\"นางสมศรี ใจดี\" \\\n"
      "    --joined=2569-02-01 --village=33010101 --birth-date=2503-04-12 \\\n"
      "    --sex=female < national-id.txt",
      Register,
  });
  commands.push_back({
      "member get",
      "show a member, their dues months and status history",
      "Shows a member: profile (national ID masked), category, status, the "
      "months their dues cover, and every status change.",
      {kFundArgument, kMemberArgument},
      {},
      "welfare member get ban-nong-khu 7",
      Get,
  });
  commands.push_back({
      "member list",
      "list a fund's members",
      "Lists members in member-number order, a page at a time.",
      {kFundArgument},
      PagingFlags(),
      "welfare member list ban-nong-khu --all --output=csv > members.csv",
      List,
  });
  commands.push_back({
      "member set-status",
      "record that a member resigned, died, lapsed or is active again",
      "Records a change of a member's status on a date: active -> resigned, "
      "deceased or lapsed; resigned or lapsed -> active. Deceased is final.",
      {kFundArgument, kMemberArgument},
      {
          {"status", "STATUS",
           format::TokenList(format::MemberStatusLabels(), ", "),
           FlagKind::kValue, true},
          {"date", "DATE", "when it took effect (default: today)"},
          {"reason", "TEXT", "why, up to 500 characters"},
          RequestIdFlag(),
      },
      "welfare member set-status ban-nong-khu 7 --status=resigned "
      "--date=2569-06-01 --reason=\"ย้ายที่อยู่\"",
      SetStatus,
  });
  commands.push_back({
      "member update-profile",
      "correct a member's personal data",
      "Corrects a member's profile: the fields whose flags are given change, "
      "the others stay (--address=\"\" clears one). A new national ID is read "
      "from standard input; an empty line keeps the current one. The "
      "journal records only the new salted hash of the profile.",
      {kFundArgument, kMemberArgument},
      WithFlags(ProfileFlagSpecs(/*full_name_required=*/false),
                {RequestIdFlag()}),
      "welfare member update-profile ban-nong-khu 7 --phone=0812345678\n"
      "welfare member update-profile ban-nong-khu 7 --birth-date=1960-04-12 "
      "< /dev/null\n"
      "welfare member update-profile ban-nong-khu 7 < new-national-id.txt",
      UpdateProfile,
  });
  commands.push_back({
      "member erase-profile",
      "erase a member's personal data for good (PDPA)",
      "Erases a member's profile and its salt for good, as Thailand's PDPA "
      "may require. The member number, the journal and every hash stay. "
      "This cannot be undone, so --confirm is required.",
      {kFundArgument, kMemberArgument},
      {
          {"confirm", "", "yes, erase it for good", FlagKind::kSwitch, true},
          RequestIdFlag(),
      },
      "welfare member erase-profile ban-nong-khu 7 --confirm",
      EraseProfile,
  });
  return commands;
}

}  // namespace welfare::cli
