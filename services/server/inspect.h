// welfared --inspect: read-only looks into a data folder, for operators.
//
// RocksDB's stock `ldb` must never be pointed at a data folder: it opens
// every column family without welfared's merge operator, and even a put of
// an unchanged value leaves merge operands that no later read can combine
// ("Could not perform merge"), breaking every write after. These commands
// open the database with RocksDB's read-only mode and welfared's own
// options, write nothing, and may run beside a running server (they then
// see the database as of the server's last flushed state and its log).
#ifndef WELFARE_SERVICES_SERVER_INSPECT_H_
#define WELFARE_SERVICES_SERVER_INSPECT_H_

#include <cstdint>
#include <cstdio>
#include <string>

namespace welfare::server {

struct InspectRequest {
  std::string data_dir;
  // "funds": every fund with its journal size. "entries": the stored
  // entries of fund, from first, at most count, as text. "scrub": every
  // entry re-hashed against the Merkle tree at full speed.
  std::string what;
  std::string fund;
  uint64_t first = 1;
  uint64_t count = 20;
};

// Prints the answer to out and problems to err; returns the exit status:
// 0 done (and, for scrub, nothing damaged), 1 damage found or the database
// could not be read, 2 a bad request.
int Inspect(const InspectRequest& request, std::FILE* out, std::FILE* err);

}  // namespace welfare::server

#endif  // WELFARE_SERVICES_SERVER_INSPECT_H_
