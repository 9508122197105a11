"""Server reflection as gRPC's own tools use it, against a real welfared.

    /usr/bin/python3 -I reflection_client_test.py --welfared=PATH [-k NAME]

Starts welfared from the build tree on a free loopback port
(--listen=127.0.0.1:0) with a temporary data folder and --reflection, and
talks to it the way grpcurl and the Python and Go reflection clients do: a
ServerReflectionInfo stream, requests answered in turn, then the client's
half-close, after which the stream must end with status OK.

The project ships no reflection.proto and Debian has no grpc_reflection
module, so the client bootstraps: it hand-encodes its first request, decodes
the answer just far enough to get the FileDescriptorProto of reflection.proto
and builds real message classes from it. Everything after that, the fund RPCs
included, uses only descriptors the server served.

Needs Debian's python3-grpcio and python3-protobuf (scripts/setup.sh). The
only traffic is to 127.0.0.1; the server is stopped at the end.
"""

import argparse
import os
import queue
import re
import signal
import subprocess
import sys
import tempfile
import threading
import unittest

import grpc
from google.protobuf import descriptor_pb2
from google.protobuf import descriptor_pool
from google.protobuf import message_factory

REFLECTION_SERVICE = "grpc.reflection.v1alpha.ServerReflection"
REFLECTION_METHOD = "/" + REFLECTION_SERVICE + "/ServerReflectionInfo"
# What services/server/server.cc registers, with gRPC's health service and
# reflection itself.
EXPECTED_SERVICES = frozenset({
    "grpc.health.v1.Health",
    REFLECTION_SERVICE,
    "welfare.ledger.v1.AccessService",
    "welfare.ledger.v1.AuditService",
    "welfare.ledger.v1.ClaimService",
    "welfare.ledger.v1.FundService",
    "welfare.ledger.v1.LedgerService",
    "welfare.ledger.v1.MemberService",
    "welfare.ledger.v1.PartnerService",
    "welfare.ledger.v1.ReportService",
    "welfare.ledger.v1.RulebookService",
})
REASON_METADATA_KEY = "welfare-error-reason"
FUND_DISPLAY_NAME = "กองทุนสวัสดิการชุมชนทดสอบ"

# Generous for the sanitizer build, whose welfared is several times slower.
START_TIMEOUT_S = 60
STOP_TIMEOUT_S = 30
CALL_TIMEOUT_S = 30
# Never through a proxy named in the environment: loopback only.
CHANNEL_OPTIONS = (("grpc.enable_http_proxy", 0),)

# The bootstrap's hand-written protobuf wire format, from
# grpc/reflection/v1alpha/reflection.proto (which stays out of this project):
#   ServerReflectionRequest  := field 4 (file_containing_symbol): string
#   ServerReflectionResponse := field 4 (file_descriptor_response):
#                                 FileDescriptorResponse
#                               | field 7 (error_response), other fields
#   FileDescriptorResponse   := field 1 (file_descriptor_proto): bytes, repeated
#   field                    := varint(number << 3 | wire_type) payload
#   payload                  := varint                     (wire type 0)
#                             | fixed64                    (wire type 1)
#                             | varint(length) byte[length] (wire type 2)
#                             | fixed32                    (wire type 5)
REQUEST_FILE_CONTAINING_SYMBOL = 4
RESPONSE_FILE_DESCRIPTOR_RESPONSE = 4
RESPONSE_ERROR_RESPONSE = 7
FILE_DESCRIPTOR_PROTO = 1
WIRE_VARINT, WIRE_FIXED64, WIRE_LENGTH_DELIMITED, WIRE_FIXED32 = 0, 1, 2, 5
VARINT_BYTES_MAX = 10

WELFARED_PATH = None  # From --welfared.
SERVER = None  # The running Welfared, from setUpModule.


def encode_varint(value):
    out = bytearray()
    while value > 0x7F:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def encode_length_delimited(field_number, payload):
    return (encode_varint(field_number << 3 | WIRE_LENGTH_DELIMITED) +
            encode_varint(len(payload)) + payload)


def decode_varint(data, offset):
    """Returns (value, offset after it)."""
    value = 0
    for index in range(VARINT_BYTES_MAX):
        if offset + index >= len(data):
            raise ValueError("truncated varint")
        byte = data[offset + index]
        value |= (byte & 0x7F) << (7 * index)
        if not byte & 0x80:
            return value, offset + index + 1
    raise ValueError("varint longer than 10 bytes")


def decode_fields(data):
    """Yields (field number, value) of a message; bytes but for varints."""
    offset = 0
    while offset < len(data):
        key, offset = decode_varint(data, offset)
        number, wire_type = key >> 3, key & 7
        if wire_type == WIRE_VARINT:
            value, offset = decode_varint(data, offset)
        elif wire_type == WIRE_LENGTH_DELIMITED:
            length, offset = decode_varint(data, offset)
            value, offset = data[offset:offset + length], offset + length
        elif wire_type in (WIRE_FIXED64, WIRE_FIXED32):
            size = 8 if wire_type == WIRE_FIXED64 else 4
            value, offset = data[offset:offset + size], offset + size
        else:
            raise ValueError(f"field {number}: wire type {wire_type}?")
        if offset > len(data):
            raise ValueError(f"field {number} runs past the message")
        yield number, value


def raw_file_descriptors(response):
    """The serialized FileDescriptorProtos of a raw ServerReflectionResponse."""
    files = []
    for number, value in decode_fields(response):
        if number == RESPONSE_ERROR_RESPONSE:
            raise AssertionError(f"reflection answered an error: {value!r}")
        if number == RESPONSE_FILE_DESCRIPTOR_RESPONSE:
            files += [v for n, v in decode_fields(value)
                      if n == FILE_DESCRIPTOR_PROTO]
    if not files:
        raise AssertionError("reflection answered no file descriptor")
    return files


def files_by_name(serialized_files):
    """{name: serialized FileDescriptorProto}, the first of each name."""
    files = {}
    for serialized in serialized_files:
        proto = descriptor_pb2.FileDescriptorProto.FromString(serialized)
        files.setdefault(proto.name, serialized)
    return files


class Schema:
    """A descriptor pool filled from serialized FileDescriptorProtos, each
    added after its dependencies, and the message classes of its types."""

    def __init__(self):
        self.pool = descriptor_pool.DescriptorPool()
        self._factory = message_factory.MessageFactory(self.pool)
        self.files = {}  # name -> serialized FileDescriptorProto, as served.
        self._added = set()

    def learn(self, serialized_files):
        for name, serialized in files_by_name(serialized_files).items():
            self.files.setdefault(name, serialized)

    def missing_dependencies(self):
        """Names of files that a known file imports and nobody served."""
        missing = set()
        for serialized in self.files.values():
            proto = descriptor_pb2.FileDescriptorProto.FromString(serialized)
            missing.update(d for d in proto.dependency if d not in self.files)
        return sorted(missing)

    def add_all(self):
        for name in sorted(self.files):
            self._add(name)

    def _add(self, name):
        if name in self._added:
            return
        proto = descriptor_pb2.FileDescriptorProto.FromString(self.files[name])
        for dependency in proto.dependency:
            self._add(dependency)
        self.pool.AddSerializedFile(self.files[name])
        self._added.add(name)

    def message_class(self, descriptor_or_name):
        descriptor = descriptor_or_name
        if isinstance(descriptor_or_name, str):
            descriptor = self.pool.FindMessageTypeByName(descriptor_or_name)
        return self._factory.GetPrototype(descriptor)


class ReflectionStream:
    """One ServerReflectionInfo call. ask() sends a request and returns its
    answer; close() half-closes and reads the stream to its end, raising
    grpc.RpcError unless it ends OK."""

    _END = object()

    def __init__(self, channel, reflection):
        self._request_class = reflection.message_class(
            "grpc.reflection.v1alpha.ServerReflectionRequest")
        response_class = reflection.message_class(
            "grpc.reflection.v1alpha.ServerReflectionResponse")
        self._requests = queue.Queue()
        self._closed = False
        method = channel.stream_stream(
            REFLECTION_METHOD,
            request_serializer=self._request_class.SerializeToString,
            response_deserializer=response_class.FromString)
        self._answers = method(iter(self._requests.get, self._END),
                               timeout=CALL_TIMEOUT_S)

    def ask(self, **fields):
        request = self._request_class(**fields)
        self._requests.put(request)
        answer = next(self._answers)
        if answer.original_request != request:
            raise AssertionError(f"answer to another request: {answer}")
        if answer.WhichOneof("message_response") == "error_response":
            raise AssertionError(f"{request} answered {answer.error_response}")
        return answer

    def close(self):
        self._closed = True
        self._requests.put(self._END)
        extra = list(self._answers)
        if extra:
            raise AssertionError(f"answers after the half-close: {extra}")
        return self._answers.code()

    def __enter__(self):
        return self

    def __exit__(self, *exception):
        if not self._closed:  # Never leave gRPC's request thread waiting.
            self._requests.put(self._END)
            self._answers.cancel()


class Welfared:
    """welfared on 127.0.0.1:0 with --reflection; its log kept in memory."""

    def __init__(self, path, data_dir):
        self._log = []
        self._started = threading.Event()
        self.port = None
        self._process = subprocess.Popen(
            [path, "--listen=127.0.0.1:0", f"--data_dir={data_dir}",
             "--reflection"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True, errors="replace")
        self._reader = threading.Thread(target=self._read_log, daemon=True)
        self._reader.start()
        try:
            if not self._started.wait(START_TIMEOUT_S) or self.port is None:
                raise AssertionError(f"welfared did not start in "
                                     f"{START_TIMEOUT_S} s:\n{self.log()}")
            # Written before welfared says it is serving.
            token_path = os.path.join(data_dir, "admin.token")
            with open(token_path, encoding="ascii") as token_file:
                self.admin_token = token_file.readline().strip()
        except BaseException:
            self._process.kill()
            self._process.wait()
            raise
        self.target = f"127.0.0.1:{self.port}"

    def _read_log(self):
        for line in self._process.stderr:
            self._log.append(line)
            match = re.search(r"serving on port (\d+)", line)
            if match and self.port is None:
                self.port = int(match.group(1))
                self._started.set()
        self._started.set()  # Exited before serving.

    def log(self):
        return "".join(self._log)

    def stop(self):
        """SIGTERM, then wait; raises unless welfared stops cleanly in time."""
        self._process.send_signal(signal.SIGTERM)
        try:
            code = self._process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
            raise AssertionError(
                f"welfared did not stop in {STOP_TIMEOUT_S} s:\n{self.log()}")
        self._reader.join(STOP_TIMEOUT_S)
        if code != 0:
            raise AssertionError(f"welfared exited {code}:\n{self.log()}")


def setUpModule():
    global SERVER
    folder = tempfile.TemporaryDirectory(prefix="reflection-",
                                         dir=os.environ.get("TEST_TMPDIR"))
    unittest.addModuleCleanup(folder.cleanup)
    SERVER = Welfared(WELFARED_PATH, os.path.join(folder.name, "data"))
    unittest.addModuleCleanup(SERVER.stop)  # Runs first; its failure fails.


class ReflectionTest(unittest.TestCase):

    def setUp(self):
        self.channel = grpc.insecure_channel(SERVER.target,
                                             options=CHANNEL_OPTIONS)
        self.addCleanup(self.channel.close)
        self.token = (("authorization", f"Bearer {SERVER.admin_token}"),)

    def reflection(self):
        """Bootstraps: the schema of reflection itself, from one raw request
        on a stream that the client then half-closes."""
        call = self.channel.stream_stream(REFLECTION_METHOD)  # Raw bytes.
        request = encode_length_delimited(REQUEST_FILE_CONTAINING_SYMBOL,
                                          REFLECTION_SERVICE.encode())
        answers = self.read_to_ok(
            "the bootstrap stream",
            lambda: list(call(iter([request]), timeout=CALL_TIMEOUT_S)))
        self.assertEqual(len(answers), 1)
        schema = Schema()
        schema.learn(raw_file_descriptors(answers[0]))
        self.assertEqual(schema.missing_dependencies(), [])
        schema.add_all()
        return schema

    def stream(self):
        return ReflectionStream(self.channel, self.reflection())

    def read_to_ok(self, what, read):
        """read()'s result; fails the test if it raises grpc.RpcError."""
        try:
            return read()
        except grpc.RpcError as error:
            failure = f"{what} ended {error.code()}: {error.details()}"
        self.fail(failure)

    def close_ok(self, stream):
        self.assertEqual(
            self.read_to_ok("after the half-close the stream", stream.close),
            grpc.StatusCode.OK)

    def list_services(self):
        with self.stream() as stream:
            answer = stream.ask(list_services="")
            self.close_ok(stream)
        return [s.name for s in answer.list_services_response.service]

    def describe(self, services):
        """The schema of the services: file_containing_symbol for each, then
        file_by_filename for any import not yet served, on one stream."""
        schema = Schema()
        with self.stream() as stream:
            for service in services:
                answer = stream.ask(file_containing_symbol=service)
                schema.learn(
                    answer.file_descriptor_response.file_descriptor_proto)
            while missing := schema.missing_dependencies():
                for name in missing:
                    answer = stream.ask(file_by_filename=name)
                    schema.learn(
                        answer.file_descriptor_response.file_descriptor_proto)
                    self.assertIn(name, schema.files)
            self.close_ok(stream)
        schema.add_all()
        return schema

    def unary(self, schema, service, method_name):
        """(request class, callable) of an RPC, from served descriptors."""
        method = schema.pool.FindServiceByName(service).methods_by_name[
            method_name]
        request_class = schema.message_class(method.input_type)
        response_class = schema.message_class(method.output_type)
        return request_class, self.channel.unary_unary(
            f"/{service}/{method_name}",
            request_serializer=request_class.SerializeToString,
            response_deserializer=response_class.FromString)

    def test_bootstrap_stream_ends_ok_after_the_half_close(self):
        method = self.reflection().pool.FindServiceByName(
            REFLECTION_SERVICE).methods_by_name["ServerReflectionInfo"]
        self.assertEqual(method.input_type.full_name,
                         "grpc.reflection.v1alpha.ServerReflectionRequest")
        self.assertEqual(method.output_type.full_name,
                         "grpc.reflection.v1alpha.ServerReflectionResponse")

    def test_list_services_names_every_registered_service(self):
        services = self.list_services()
        self.assertEqual(len(services), len(set(services)))
        self.assertLessEqual(EXPECTED_SERVICES, set(services),
                             f"listed: {services}")

    def test_describe_resolves_every_method_of_every_service(self):
        services = self.list_services()
        schema = self.describe(services)
        for service in services:
            descriptor = schema.pool.FindServiceByName(service)
            self.assertTrue(descriptor.methods, service)
            for method in descriptor.methods:
                # Classes of both messages, nested and imported types too.
                schema.message_class(method.input_type)()
                schema.message_class(method.output_type)()
        # The fund messages import a well-known type, served like the rest.
        self.assertIn("google/protobuf/timestamp.proto", schema.files)

    def test_file_by_filename_serves_each_file_as_by_symbol(self):
        schema = self.describe(["welfare.ledger.v1.FundService"])
        with self.stream() as stream:
            for name, served in sorted(schema.files.items()):
                answer = stream.ask(file_by_filename=name)
                # By name, whatever the order: an answer may hold other files
                # too (gRPC 1.51's C++ server repeats those it answered
                # earlier on the stream, grpc/grpc#18009).
                files = files_by_name(
                    answer.file_descriptor_response.file_descriptor_proto)
                self.assertEqual(files.get(name), served, name)
            self.close_ok(stream)

    def test_fund_rpcs_work_from_served_descriptors_alone(self):
        schema = self.describe(["welfare.ledger.v1.FundService"])
        service = "welfare.ledger.v1.FundService"
        create_request, create_fund = self.unary(schema, service, "CreateFund")
        get_request, get_fund = self.unary(schema, service, "GetFund")
        list_request, list_funds = self.unary(schema, service, "ListFunds")
        request = create_request(fund_id="reflected-fund",
                                 request_id="reflection-test-create")
        request.fund.display_name = FUND_DISPLAY_NAME
        request.fund.area_code = "330101"
        created = create_fund(request, metadata=self.token,
                              timeout=CALL_TIMEOUT_S)
        self.assertEqual(created.name, "funds/reflected-fund")

        fund = get_fund(get_request(name="funds/reflected-fund"),
                        metadata=self.token, timeout=CALL_TIMEOUT_S)
        self.assertEqual(fund.display_name, FUND_DISPLAY_NAME)
        self.assertEqual(fund.area_code, "330101")
        self.assertEqual(fund.journal_size, 1)  # The chart of accounts.
        self.assertGreater(fund.create_time.seconds, 0)

        listed = list_funds(list_request(area_code_prefix="33"),
                            metadata=self.token, timeout=CALL_TIMEOUT_S)
        self.assertEqual([f.name for f in listed.funds],
                         ["funds/reflected-fund"])

    def assert_does_not_parse(self, call_raw):
        with self.assertRaises(grpc.RpcError) as raised:
            call_raw()
        error = raised.exception
        self.assertEqual(error.code(), grpc.StatusCode.INVALID_ARGUMENT,
                         error.details())
        self.assertIn("does not parse", error.details())
        self.assertIn((REASON_METADATA_KEY, "TEXT_NOT_UTF8"),
                      tuple(error.trailing_metadata()))

    def test_unary_request_that_does_not_parse_is_invalid_argument(self):
        get_fund = self.channel.unary_unary(
            "/welfare.ledger.v1.FundService/GetFund")  # Raw bytes.
        # GetFundRequest.name (field 1), a truncated two-byte sequence.
        request = encode_length_delimited(1, b"funds/caf\xc3")
        self.assert_does_not_parse(
            lambda: get_fund(request, metadata=self.token,
                             timeout=CALL_TIMEOUT_S))

    def test_server_streaming_request_that_does_not_parse_is_invalid(self):
        stream_entries = self.channel.unary_stream(
            "/welfare.ledger.v1.AuditService/StreamEntries")  # Raw bytes.
        # StreamEntriesRequest.fund (field 1), not UTF-8.
        request = encode_length_delimited(1, b"funds/\xff")
        self.assert_does_not_parse(
            lambda: list(stream_entries(request, metadata=self.token,
                                        timeout=CALL_TIMEOUT_S)))


def main():
    global WELFARED_PATH
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--welfared", required=True,
                        help="the welfared binary to start")
    args, unittest_args = parser.parse_known_args()
    WELFARED_PATH = args.welfared
    unittest.main(argv=[sys.argv[0]] + unittest_args, verbosity=2)


if __name__ == "__main__":
    main()
