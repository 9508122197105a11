// welfare-audit's flags and help texts.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "clients/audit/cli.h"
#include "clients/audit/cli_internal.h"
#include "clients/connection.h"

namespace welfare::auditor {
namespace {

using cli::FlagKind;
using cli::FlagSpec;

constexpr size_t kLineWidth = 79;
constexpr size_t kFlagColumn = 26;

// Wraps words to kLineWidth, each line after the first indented by
// `indent` spaces; `column` is where the first line starts.
std::string Wrap(absl::string_view text, size_t indent, size_t column) {
  std::string out;
  bool first_word = true;
  for (absl::string_view word : absl::StrSplit(text, ' ', absl::SkipEmpty())) {
    if (!first_word && column + 1 + word.size() > kLineWidth) {
      absl::StrAppend(&out, "\n", std::string(indent, ' '));
      column = indent;
      first_word = true;
    }
    if (!first_word) {
      out += ' ';
      ++column;
    }
    absl::StrAppend(&out, word);
    column += word.size();
    first_word = false;
  }
  return out + "\n";
}

std::string Paragraphs(absl::string_view text) {
  std::string out;
  for (absl::string_view paragraph : absl::StrSplit(text, "\n\n")) {
    if (!out.empty()) out += "\n";
    // A numbered step ("1. ...") hangs under its first word.
    const bool step = paragraph.size() > 3 && paragraph[1] == '.' &&
                      paragraph[0] >= '0' && paragraph[0] <= '9';
    out += Wrap(paragraph, step ? 3 : 0, 0);
  }
  return out;
}

std::string FlagLines(const std::vector<FlagSpec>& flags) {
  std::string out;
  for (const FlagSpec& flag : flags) {
    std::string name = absl::StrCat("  --", flag.name);
    if (!flag.value_name.empty()) absl::StrAppend(&name, "=", flag.value_name);
    std::string help = flag.help;
    if (flag.required) help = absl::StrCat("(required) ", help);
    if (flag.kind == FlagKind::kRepeated) help += " (repeatable)";
    if (name.size() + 2 > kFlagColumn) {
      absl::StrAppend(&out, name, "\n", std::string(kFlagColumn, ' '));
    } else {
      absl::StrAppend(&out, name, std::string(kFlagColumn - name.size(), ' '));
    }
    out += Wrap(help, kFlagColumn, kFlagColumn);
  }
  return out;
}

constexpr char kExitCodes[] =
    "Exit codes: 0 verified (everything was checked, nothing is wrong); 1 "
    "findings (the server served something wrong; each finding names the "
    "fund, the entry and what is wrong); 2 usage error, nothing was checked; "
    "3 could not check (the server could not be reached, the key file or the "
    "state folder is unusable): this says nothing about the funds.";

}  // namespace

const std::vector<FlagSpec>& CommonFlags() {
  static const auto* const flags = new std::vector<FlagSpec>{
      {"server", "HOST:PORT",
       "the welfared server (default: $WELFARE_SERVER, else 127.0.0.1:7543)"},
      {"token-file", "PATH", client::kTokenFileFlagHelp},
      {"ca-file", "PATH", client::kCaFileFlagHelp},
      {"verifier-key", "FILE",
       "the server's checkpoint verifier key, obtained out of band (welfared "
       "--print_verifier_key), never from the server being audited",
       FlagKind::kValue, true},
      {"state-dir", "DIR",
       "where the last verified checkpoint of each fund is kept between runs "
       "(created if missing; keep it safe: it is what a later run trusts)",
       FlagKind::kValue, true},
      {"output", "FORMAT",
       "text (for people, the default) or json (protobuf JSON of the report, "
       "for programs); --format is the same flag"},
      {"format", "FORMAT", "the same as --output"},
      {"deadline-ms", "MS",
       "how long each attempt of a call may take (default 10000)"},
  };
  return *flags;
}

const std::vector<FlagSpec>& VerifyFlags() {
  static const auto* const flags = new std::vector<FlagSpec>{
      {"fund", "ID", "a fund to verify", FlagKind::kRepeated},
      {"all", "", "verify every fund the server lists", FlagKind::kSwitch},
      {"spot-checks", "N",
       "entries verified before to fetch again at random and prove against "
       "the stored checkpoint, 0..10000 (default 16)"},
      {"progress", "",
       "show progress on standard error even when it is not a terminal",
       FlagKind::kSwitch},
  };
  return *flags;
}

const std::vector<FlagSpec>& ProveFlags() {
  static const auto* const flags = new std::vector<FlagSpec>{
      {"fund", "ID", "the fund", FlagKind::kValue, true},
      {"sequence", "N", "the entry", FlagKind::kValue, true},
      {"fresh", "",
       "prove against the server's latest checkpoint (checked against the "
       "stored one) instead of the stored one",
       FlagKind::kSwitch},
  };
  return *flags;
}

std::string AuditOverviewHelp() {
  return absl::StrCat(
      Paragraphs(
          "welfare-audit: checks a welfared server's funds instead of "
          "trusting it. It verifies each fund's signed checkpoint with a key "
          "you trust, fetches the entries, recomputes every hash and every "
          "balance itself, and reports exactly which entry breaks what."),
      "\nUsage:\n  welfare-audit <command> [flags]\n\nCommands:\n"
      "  verify                  verify funds: signatures, history, entries, "
      "balances\n"
      "  prove                   prove one entry is part of a fund's "
      "verified history\n"
      "\nFlags of every command:\n",
      FlagLines(CommonFlags()), "\n", Paragraphs(kExitCodes),
      "\nRun 'welfare-audit <command> --help' for a command's checks and "
      "flags.\n");
}

std::string AuditVerifyHelp() {
  return absl::StrCat(
      "welfare-audit verify: verify funds against their signed checkpoints\n"
      "\nUsage:\n  welfare-audit verify --verifier-key=FILE --state-dir=DIR\n"
      "                       (--fund=ID ... | --all) [flags]\n\n",
      Paragraphs(
          "For each fund, in this order:\n\n"
          "1. Reads what the server reports: the balances and every member, "
          "with the journal size each was read at.\n\n"
          "2. Gets the fund's signed checkpoint (its journal's size and "
          "Merkle root) and checks the signature with the trusted key, the "
          "origin (the key's name, then /funds/ and the fund id), and that it "
          "covers every "
          "journal size the server reported.\n\n"
          "3. If the state folder holds a checkpoint verified before, checks "
          "with a consistency proof that the new one extends it. If not, the "
          "history was rewritten or forked: the fund stops here. Then fetches "
          "--spot-checks entries it verified before, chosen at random, and "
          "proves each against the stored checkpoint: a record changed on "
          "the server while its tree was left alone is found although the "
          "next step checks only new entries.\n\n"
          "4. Fetches the entries after the stored checkpoint (all of them "
          "the first time) and checks each: no gap, it parses, it names the "
          "hash of the entry before it, debits equal credits, it posts only "
          "to accounts opened before, a reversal undoes an earlier money "
          "entry exactly once, members follow the fund's rules. It compares "
          "its own balances and members with the server's at the journal "
          "sizes the server reported.\n\n"
          "5. Compares the Merkle root of the entries with the signed root; "
          "if they differ, finds the first entry that differs with "
          "consistency proofs.\n\n"
          "6. Only if nothing is wrong, stores the new checkpoint and what it "
          "derived in the state folder, so the next run fetches only newer "
          "entries. A fund with findings keeps its last clean state."),
      "\nFlags:\n", FlagLines(VerifyFlags()), FlagLines(CommonFlags()), "\n",
      Paragraphs(kExitCodes),
      "\nExample:\n  welfare-audit verify --verifier-key=welfared.vkey "
      "--state-dir=audit-state --all\n");
}

std::string AuditProveHelp() {
  return absl::StrCat(
      "welfare-audit prove: prove one entry is part of a fund's history\n"
      "\nUsage:\n  welfare-audit prove --verifier-key=FILE --state-dir=DIR\n"
      "                      --fund=ID --sequence=N [flags]\n\n",
      Paragraphs(
          "Fetches the entry's stored bytes and an inclusion proof, and "
          "checks the proof against the checkpoint the last clean 'verify' "
          "stored for the fund. With --fresh, or for an entry newer than "
          "that, it uses the server's latest checkpoint instead, after "
          "checking its signature and that it extends the stored one. Prints "
          "the checkpoint, the entry's hash and what kind of entry it is."),
      "\nFlags:\n", FlagLines(ProveFlags()), FlagLines(CommonFlags()), "\n",
      Paragraphs(kExitCodes),
      "\nExample:\n  welfare-audit prove --verifier-key=welfared.vkey "
      "--state-dir=audit-state --fund=ban-nong-khu --sequence=42\n");
}

}  // namespace welfare::auditor
