// Claims for benefits (คำขอรับสวัสดิการ): welfare claim submit, certify,
// approve, reject, pay, show and list.
#include <limits>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "clients/cli/claim_views.h"
#include "clients/cli/command.h"
#include "clients/cli/values.h"
#include "clients/cli/views.h"

namespace welfare::cli {
namespace {

namespace v1 = welfare::ledger::v1;

constexpr int64_t kMemberNumberMax = std::numeric_limits<int32_t>::max();
constexpr int64_t kClaimNumberMax = std::numeric_limits<int64_t>::max();
constexpr int kNightsMax = 366;
constexpr int kPageSize = 1000;

const ArgumentSpec kFundArgument = {"fund", "the fund's id, e.g. ban-nong-khu"};
const ArgumentSpec kNumberArgument = {
    "number", "the claim's number, as 'claim submit' printed it"};

// Notes, reasons and memos are journal entries' text: never erased.
constexpr char kNoteHelp[] =
    "a note, up to 500 characters; kept in the journal for good, so no "
    "health details (those go in the claim's --description)";

const FlagSpec kDateFlag = {
    "date", "DATE",
    "the date of the step (default today); not in the future, nor before "
    "the claim's last step"};

// "funds/ban-nong-khu/claims/12" from the arguments FUND NUMBER.
std::string ClaimName(FlagReader& read) {
  const std::string fund_id = read.FundArgument(0);
  const int64_t number =
      read.NumberArgument(1, "claim number", kClaimNumberMax);
  return absl::StrCat("funds/", fund_id, "/claims/", number);
}

int Submit(Context& context, const ParsedFlags& flags) {
  const std::string command = "claim submit";
  FlagReader read(flags);
  v1::SubmitClaimRequest request;
  request.set_parent(absl::StrCat("funds/", read.FundArgument(0)));
  request.set_request_id(RequestIdOf(flags));
  v1::Claim* claim = request.mutable_claim();
  claim->set_member_number(
      static_cast<int32_t>(read.Integer("member", 1, kMemberNumberMax)));
  claim->set_category(static_cast<v1::BenefitCategory>(
      read.Enum("benefit", format::BenefitCategoryLabels(), 0,
                /*numbers_too=*/true)));
  claim->set_sub_type(read.Text("sub-type"));
  // Required, but not marked so: the usage line would not fit a terminal.
  if (!read.Has("event-date")) {
    read.Fail(absl::InvalidArgumentError(
        "missing --event-date=DATE: when it happened"));
  }
  read.DateUpToInto("event-date", context.today(), claim->mutable_event_date());
  claim->set_nights(
      static_cast<int32_t>(read.Integer("nights", 0, kNightsMax)));
  claim->set_payee(
      static_cast<v1::Payee>(read.Enum("payee", format::PayeeLabels())));
  read.DateUpToInto("date", context.today(), claim->mutable_submit_date());
  v1::ClaimDetails* details = claim->mutable_details();
  details->set_description(read.Text("description"));
  for (const std::string& document : flags.GetAll("document")) {
    details->add_documents(document);
  }
  details->set_proxy_name(read.Text("proxy"));
  if (!read.ok()) return context.Usage(read.status(), command);
  return CallAndPrint(
      context, command, request.request_id(),
      [&](client::LedgerClient& client) { return client.SubmitClaim(request); },
      ClaimView);
}

enum class Step { kCertify, kApprove, kReject };

int TakeStep(Context& context, const ParsedFlags& flags, Step step) {
  const std::string command = step == Step::kCertify   ? "claim certify"
                              : step == Step::kApprove ? "claim approve"
                                                       : "claim reject";
  FlagReader read(flags);
  v1::ClaimStepRequest request;
  request.set_name(ClaimName(read));
  request.set_request_id(RequestIdOf(flags));
  read.DateUpToInto("date", context.today(), request.mutable_effective_date());
  request.set_note(read.Text(step == Step::kReject ? "reason" : "note"));
  request.set_resolution(read.Text("resolution"));
  if (!read.ok()) return context.Usage(read.status(), command);
  return CallAndPrint(
      context, command, request.request_id(),
      [&](client::LedgerClient& client) {
        switch (step) {
          case Step::kCertify:
            return client.CertifyClaim(request);
          case Step::kApprove:
            return client.ApproveClaim(request);
          case Step::kReject:
            break;
        }
        return client.RejectClaim(request);
      },
      ClaimView);
}

int Pay(Context& context, const ParsedFlags& flags) {
  const std::string command = "claim pay";
  FlagReader read(flags);
  v1::PayClaimRequest request;
  request.set_name(ClaimName(read));
  request.set_request_id(RequestIdOf(flags));
  request.set_amount_satang(read.Amount("amount"));
  request.set_payment_account_code(read.Text("account"));
  read.DateUpToInto("date", context.today(), request.mutable_effective_date());
  request.set_source_document(read.Text("document"));
  request.set_memo(read.Text("memo"));
  request.set_override_resolution(read.Text("override"));
  if (read.Has("override") && request.override_resolution().empty()) {
    read.Fail(absl::InvalidArgumentError(
        "--override: empty; want the committee's resolution that lets the "
        "payment exceed the rules"));
  }
  if (!read.ok()) return context.Usage(read.status(), command);
  return CallAndPrint(
      context, command, request.request_id(),
      [&](client::LedgerClient& client) { return client.PayClaim(request); },
      PaidClaimView);
}

int Show(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::GetClaimRequest request;
  request.set_name(ClaimName(read));
  if (!read.ok()) return context.Usage(read.status(), "claim show");
  return CallAndPrint(
      context, "claim show", "",
      [&](client::LedgerClient& client) { return client.GetClaim(request); },
      ClaimView);
}

int List(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::ListClaimsRequest request;
  request.set_parent(absl::StrCat("funds/", read.FundArgument(0)));
  request.set_page_size(kPageSize);
  request.set_state(
      static_cast<v1::ClaimState>(read.Enum("state", ClaimStateLabels())));
  request.set_member_number(
      static_cast<int32_t>(read.Integer("member", 1, kMemberNumberMax)));
  if (!read.ok()) return context.Usage(read.status(), "claim list");
  return CallAndPrint(
      context, "claim list", "",
      [&](client::LedgerClient& client) {
        return FetchPages<v1::ListClaimsRequest, v1::ListClaimsResponse>(
            request, /*all=*/true, [&](const v1::ListClaimsRequest& page) {
              return client.ListClaims(page);
            });
      },
      ClaimListView);
}

}  // namespace

std::vector<Command> ClaimCommands() {
  std::vector<Command> commands;
  commands.push_back({
      "claim submit",
      "record a member's claim for a benefit; the rules evaluate it at once",
      "Records a claim (คำขอรับสวัสดิการ) for a member and evaluates it against "
      "the rulebook in force on the event date: each rule (waiting period, "
      "dues, caps per stay and per year, ...) passed or failed and why, and "
      "the most the rules allow. A claim the rules refuse is still recorded, "
      "with the evaluation that says why. Then the village centre certifies "
      "it ('claim certify'), the committee approves or rejects it ('claim "
      "approve', 'claim reject'), and the treasurer pays it ('claim pay').\n\n"
      "The description, documents and proxy are personal data: kept beside "
      "the journal, shown only to the fund's treasurers and auditors, and "
      "erased with the member's profile.",
      {kFundArgument},
      {
          {"member", "N", "the member the claim is for", FlagKind::kValue,
           true},
          {"benefit", "CATEGORY",
           absl::StrCat(
               "one of CODI's 16 categories, by name or number "
               "1..16: ",
               format::TokenList(format::BenefitCategoryLabels(), ", ")),
           FlagKind::kValue, true},
          {"sub-type", "TEXT",
           "the fund's sub-type, as the rulebook names it, e.g. "
           "ค่านอนโรงพยาบาล"},
          {"event-date", "DATE",
           "(required) when it happened: the birth, the admission, the "
           "death"},
          {"nights", "N", "nights in hospital, 0..366 (per-night benefits)"},
          {"payee", "PAYEE",
           absl::StrCat(format::TokenList(format::PayeeLabels(), ", "),
                        " (default: as the rule says)")},
          {"description", "TEXT",
           "what happened: diagnosis, hospital; up to 500 characters"},
          {"document", "NAME",
           "a document received, e.g. ใบรับรองแพทย์; up to 20",
           FlagKind::kRepeated},
          {"proxy", "NAME",
           "who submitted it for the member, if not the member"},
          {"date", "DATE", "the submission date (default today)"},
          RequestIdFlag(),
      },
      "welfare claim submit ban-nong-khu --member=7 --benefit=sickness "
      "--event-date=2569-06-10 --nights=3 \\\n"
      "    --description=\"ไข้เลือดออก โรงพยาบาลหนองคู\" "
      "--document=ใบรับรองแพทย์ --document=ใบเสร็จโรงพยาบาล",
      Submit,
  });
  commands.push_back({
      "claim certify",
      "certify a submitted claim (the village centre's step)",
      "Records that the village centre certified the claim: SUBMITTED -> "
      "CERTIFIED. Prints the claim after the step.",
      {kFundArgument, kNumberArgument},
      {{"note", "TEXT", kNoteHelp},
       kDateFlag,
       RequestIdFlag()},
      "welfare claim certify ban-nong-khu 12 --note=\"ผู้ใหญ่บ้านหมู่ 3 รับรอง\"",
      [](Context& context, const ParsedFlags& flags) {
        return TakeStep(context, flags, Step::kCertify);
      },
  });
  commands.push_back({
      "claim approve",
      "approve a certified claim by the committee's resolution",
      "Records the committee's approval: CERTIFIED -> APPROVED, naming its "
      "resolution (มติคณะกรรมการ). Then 'claim pay' pays it. Prints the claim "
      "after the step.",
      {kFundArgument, kNumberArgument},
      {{"resolution", "TEXT",
        "the committee's resolution, up to 200 characters", FlagKind::kValue,
        true},
       {"note", "TEXT", kNoteHelp},
       kDateFlag,
       RequestIdFlag()},
      "welfare claim approve ban-nong-khu 12 "
      "--resolution=\"มติคณะกรรมการ ครั้งที่ 6/2569\"",
      [](Context& context, const ParsedFlags& flags) {
        return TakeStep(context, flags, Step::kApprove);
      },
  });
  commands.push_back({
      "claim reject",
      "reject a claim not yet paid, with the reason",
      "Records that the claim is refused: SUBMITTED, CERTIFIED or APPROVED "
      "-> REJECTED, which is final. The reason is required; name the "
      "committee's resolution too if it decided. Prints the claim after the "
      "step.",
      {kFundArgument, kNumberArgument},
      {{"reason", "TEXT",
        "why, up to 500 characters; kept in the journal for good, so no "
        "health details",
        FlagKind::kValue, true},
       {"resolution", "TEXT", "the committee's resolution, if any"},
       kDateFlag,
       RequestIdFlag()},
      "welfare claim reject ban-nong-khu 12 --reason=\"ยังไม่ครบระยะเวลารอสิทธิ์\"",
      [](Context& context, const ParsedFlags& flags) {
        return TakeStep(context, flags, Step::kReject);
      },
  });
  commands.push_back({
      "claim pay",
      "pay an approved claim: a payment voucher for the benefit",
      "Pays an APPROVED claim: a disbursement of the benefit, with a payment "
      "voucher (ใบสำคัญจ่าย) numbered in the fiscal year. The rules are "
      "evaluated again against what has been paid since; without --amount "
      "it pays what they allow. Paying more than they allow, or a claim they "
      "refuse, needs the committee's resolution in --override, and the "
      "payment is marked as over the rules in every report. Prints the claim "
      "and the voucher's number.",
      {kFundArgument, kNumberArgument},
      {{"amount", "BAHT", "the baht paid (default: what the rules allow)"},
       {"account", "CODE", "the cash or bank account that pays (default 1101)"},
       {"date", "DATE",
        "the payment date (default today); not before the approval"},
       {"document", "NUMBER", "a paper voucher's own number, if any"},
       {"memo", "TEXT", kNoteHelp},
       {"override", "RESOLUTION",
        "the committee's resolution that lets the payment exceed the rules"},
       RequestIdFlag()},
      "welfare claim pay ban-nong-khu 12\n"
      "welfare claim pay ban-nong-khu 13 --amount=1,800 "
      "--override=\"มติคณะกรรมการ ครั้งที่ 7/2569\"",
      Pay,
  });
  commands.push_back({
      "claim show",
      "show a claim: details, evaluation, steps and payment",
      "Shows the whole claim: the member, the benefit, the event date and "
      "nights, who is paid, the details (description, documents, proxy; or "
      "that they were erased with the member's profile), its state, the "
      "rules' evaluation item by item and the amount they allow, every step "
      "(date, who, note, resolution), and the payment, marked when it "
      "exceeded the rules by a resolution.",
      {kFundArgument, kNumberArgument},
      {},
      "welfare claim show ban-nong-khu 12",
      Show,
  });
  commands.push_back({
      "claim list",
      "list the fund's claims, in the order submitted",
      "Lists every claim (all pages), optionally only those in one state or "
      "of one member: number, submission and event dates, member, benefit, "
      "state, the amount the rules allow and the amount paid.",
      {kFundArgument},
      {{"state", "STATE",
        absl::StrCat("only claims in this state: ",
                     format::TokenList(ClaimStateLabels(), ", "))},
       {"member", "N", "only this member's claims"}},
      "welfare claim list ban-nong-khu --state=approved",
      List,
  });
  return commands;
}

}  // namespace welfare::cli
