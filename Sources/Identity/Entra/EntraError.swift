import ARMCore
import EmulatorHTTP
import Foundation
import JSON

/// An error of Entra's token service, in its own wire form (not ARM's):
/// `{"error","error_description","error_codes","timestamp","trace_id","correlation_id","error_uri"}`,
/// where `error` is the RFC 6749 section 5.2 code and `error_description` starts with the AADSTS code and
/// ends with the trace lines, separated by CRLF as Entra does. The catalog is
/// `EntraError+Catalog.swift`.
package struct EntraError: Error, Sendable, Equatable {
    package var status: Int
    /// RFC 6749 section 5.2 / RFC 8628 section 3.5 error code, e.g. `invalid_client`.
    package var error: String
    /// The AADSTS number.
    package var code: Int
    /// The text after `AADSTS{code}: `.
    package var message: String

    package init(status: Int, error: String, code: Int, message: String) {
        self.status = status
        self.error = error
        self.code = code
        self.message = message
    }

    /// The JSON body, with fresh trace details.
    package func body(traceID: String, correlationID: String, now: Date) -> JSONValue {
        let timestamp = UTCTime.entra(now)
        let description = "AADSTS\(code): \(message)\r\nTrace ID: \(traceID)\r\nCorrelation ID: \(correlationID)\r\nTimestamp: \(timestamp)"
        return .object(
            JSONObject([
                ("error", .string(error)),
                ("error_description", .string(description)),
                ("error_codes", .array([.int(Int64(code))])),
                ("timestamp", .string(timestamp)),
                ("trace_id", .string(traceID)),
                ("correlation_id", .string(correlationID)),
                // Entra's own page explains each code; the emulator uses the same codes.
                ("error_uri", .string("https://login.microsoftonline.com/error?code=\(code)")),
            ]))
    }
}
