#include "tests/integration/reports/report_rpc.h"

#include "gtest/gtest.h"

namespace welfare::testing {

namespace v1 = welfare::ledger::v1;

ReportModel ReadFund(client::LedgerClient& client, const std::string& fund_id) {
  const std::string parent = "funds/" + fund_id;
  std::vector<v1::Entry> entries;
  v1::ListEntriesRequest list;
  list.set_parent(parent);
  list.set_page_size(1000);
  do {
    auto page = client.ListEntries(list);
    EXPECT_TRUE(page.ok()) << page.status();
    if (!page.ok()) break;
    for (auto& entry : *page->mutable_entries()) {
      entries.push_back(std::move(entry));
    }
    list.set_page_token(page->next_page_token());
  } while (!list.page_token().empty());

  v1::ListAccountsRequest accounts_request;
  accounts_request.set_parent(parent);
  auto accounts = client.ListAccounts(accounts_request);
  EXPECT_TRUE(accounts.ok()) << accounts.status();

  std::vector<v1::Member> members;
  v1::ListMembersRequest members_request;
  members_request.set_parent(parent);
  members_request.set_page_size(1000);
  do {
    auto page = client.ListMembers(members_request);
    EXPECT_TRUE(page.ok()) << page.status();
    if (!page.ok()) break;
    for (auto& member : *page->mutable_members()) {
      members.push_back(std::move(member));
    }
    members_request.set_page_token(page->next_page_token());
  } while (!members_request.page_token().empty());
  return ReportModel(
      std::move(entries),
      accounts.ok() ? std::vector<v1::Account>(accounts->accounts().begin(),
                                               accounts->accounts().end())
                    : std::vector<v1::Account>(),
      std::move(members));
}

}  // namespace welfare::testing
