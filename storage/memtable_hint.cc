#include "storage/memtable_hint.h"

#include <cstring>

namespace welfare::storage {
namespace {

constexpr size_t kSequenceBytes = 8;

// Where the fund key (fund_id 0x00) of a fund-scoped key ends, or 0.
size_t FundKeyEnd(const rocksdb::Slice& key) {
  if (key.size() < 2) return 0;
  const void* zero = std::memchr(key.data() + 1, '\0', key.size() - 1);
  if (zero == nullptr) return 0;
  return static_cast<size_t>(static_cast<const char*>(zero) - key.data()) + 1;
}

class MemtableHint : public rocksdb::SliceTransform {
 public:
  const char* Name() const override { return "welfare.MemtableHint.1"; }

  bool InDomain(const rocksdb::Slice& key) const override {
    return PrefixLength(key) > 0;
  }

  rocksdb::Slice Transform(const rocksdb::Slice& key) const override {
    return rocksdb::Slice(key.data(), PrefixLength(key));
  }

 private:
  static size_t PrefixLength(const rocksdb::Slice& key) {
    if (key.empty()) return 0;
    switch (key[0]) {
      case 'E': {
        const size_t fund_end = FundKeyEnd(key);
        return fund_end > 0 && key.size() == fund_end + kSequenceBytes
                   ? fund_end
                   : 0;
      }
      case 'T': {
        // Merkle nodes: each level of a fund's tree grows by index.
        const size_t fund_end = FundKeyEnd(key);
        return fund_end > 0 && key.size() == fund_end + 1 + kSequenceBytes
                   ? fund_end + 1
                   : 0;
      }
      case 'X': {
        const size_t fund_end = FundKeyEnd(key);
        if (fund_end == 0 || fund_end >= key.size()) return 0;
        const char index = key[fund_end];
        if ((index == 'd' || index == 'k' || index == 'm') &&
            key.size() > fund_end + kSequenceBytes) {
          return key.size() - kSequenceBytes;
        }
        return 0;
      }
      case 'B':
      case 'D':
      case 'M':
        return key.size();
      default:
        return 0;
    }
  }
};

}  // namespace

std::shared_ptr<const rocksdb::SliceTransform> NewMemtableHint() {
  return std::make_shared<MemtableHint>();
}

}  // namespace welfare::storage
