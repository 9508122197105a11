#include "storage/totals.h"

#include <cstdint>
#include <string>

#include "storage/keys.h"

namespace welfare::storage {
namespace {

class AddInt64MergeOperator : public rocksdb::AssociativeMergeOperator {
 public:
  const char* Name() const override { return "welfare.AddInt64.1"; }

  bool Merge(const rocksdb::Slice& /*key*/,
             const rocksdb::Slice* existing_value, const rocksdb::Slice& value,
             std::string* new_value,
             rocksdb::Logger* /*logger*/) const override {
    int64_t sum = 0;
    if (existing_value != nullptr &&
        !keys::DecodeFixed64(
            absl::string_view(existing_value->data(), existing_value->size()),
            &sum)) {
      return false;
    }
    int64_t delta;
    if (!keys::DecodeFixed64(absl::string_view(value.data(), value.size()),
                             &delta)) {
      return false;
    }
    *new_value = keys::EncodeFixed64(static_cast<int64_t>(
        static_cast<uint64_t>(sum) + static_cast<uint64_t>(delta)));
    return true;
  }
};

}  // namespace

std::shared_ptr<rocksdb::MergeOperator> NewAddInt64MergeOperator() {
  return std::make_shared<AddInt64MergeOperator>();
}

}  // namespace welfare::storage
