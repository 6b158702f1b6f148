import Foundation

/// Parses `foundry-emulator` flags. Bad flags are a usage error (exit 2), never a guess.
extension EmulatorConfig {
    package enum CommandLineResult: Sendable, Equatable {
        case run(EmulatorConfig)
        case help
        case version
        /// `--print-routes` (not in the usage text): print the route inventory as JSON and exit
        /// (`scripts/generate-openapi`).
        case printRoutes
    }

    package struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
        package let description: String
        init(_ description: String) { self.description = description }
    }

    package static let usage = """
        Usage: foundry-emulator [options]

          --host ADDRESS              address to listen on (default 127.0.0.1; 0.0.0.0 for all)
          --port N                    port for HTTPS and plain HTTP (default 8443; 0 picks a free port)
          --tls-cert FILE             PEM certificate (with --tls-key); default: a generated self-signed one
          --tls-key FILE              PEM private key for --tls-cert
          --data-dir DIR              durable state in DIR (journal + snapshots, survives kill -9) and the certificate
          --seed FILE                 JSON seed: tenants, subscriptions, principals, users, identities
          --provisioning-delay MS     make creates and deletes asynchronous, finishing after MS ms (default 0)
          --latency MS[:JITTER]       delay every ARM request by MS ms plus up to JITTER ms (default 0)
          --log-level LEVEL           debug | info | warning | error (default info; info logs every request)
          --signing-key FILE          PEM RSA key for tokens instead of the well-known built-in key
          --operator-key KEY          require header X-Emulator-Operator-Key on /_emulator/* (then reachable off loopback)
          --rbac MODE                 enforce | off (default enforce): authorize every ARM call with Azure RBAC
          --proxy-timeout MS          hub proxy: wait MS ms for the account's resource manager, then 504 (default 30000)
          --model-backend URL         answer data-plane model calls with this OpenAI-compatible server (Ollama, llama.cpp, vLLM)
          --model-map NAME=MODEL      with --model-backend: send deployment or model NAME as MODEL (repeatable)
          --model-backend-timeout S   with --model-backend: answer 504 after S seconds (default 60)
          --dataplane-limits MODE     on | off (default on): enforce deployments' capacity-derived rate limits
          --help                      show this help
          --version                   show the version
        """

    package static func parse(_ arguments: [String]) throws(UsageError) -> CommandLineResult {
        var config = EmulatorConfig()
        var index = 0
        func value(for flag: String) throws(UsageError) -> String {
            index += 1
            guard index < arguments.count, !arguments[index].hasPrefix("--") else {
                throw UsageError("option \(flag) needs a value")
            }
            return arguments[index]
        }
        func integer(for flag: String, in range: ClosedRange<Int>) throws(UsageError) -> Int {
            let text = try value(for: flag)
            guard let number = Int(text), range.contains(number) else {
                throw UsageError("option \(flag) takes a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
            }
            return number
        }
        while index < arguments.count {
            var argument = arguments[index]
            // Accept --flag=value as well as --flag value.
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                var expanded = arguments
                expanded.replaceSubrange(
                    index...index, with: [String(argument[..<equals]), String(argument[argument.index(after: equals)...])])
                return try parse(expanded)
            }
            switch argument {
            case "--help", "-h": return .help
            case "--version": return .version
            case "--print-routes": return .printRoutes
            case "--host": config.host = try value(for: argument)
            case "--port": config.port = try integer(for: argument, in: 0...65535)
            case "--tls-cert": config.tlsCertificatePath = try value(for: argument)
            case "--tls-key": config.tlsPrivateKeyPath = try value(for: argument)
            case "--data-dir": config.dataDirectory = try value(for: argument)
            case "--seed": config.seedPath = try value(for: argument)
            case "--provisioning-delay": config.provisioningDelayMilliseconds = try integer(for: argument, in: 0...3_600_000)
            case "--latency":
                let text = try value(for: argument)
                let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                guard let base = Int(parts[0]), (0...600_000).contains(base),
                    let jitter = parts.count == 2 ? Int(parts[1]) : 0, (0...600_000).contains(jitter)
                else {
                    throw UsageError("option --latency takes MS or MS:JITTER in milliseconds (0 to 600000), not '\(text)'")
                }
                config.latencyMilliseconds = base
                config.latencyJitterMilliseconds = jitter
            case "--log-level":
                let level = try value(for: argument)
                guard let parsed = LogLevel(rawValue: level.lowercased()) else {
                    throw UsageError("option --log-level takes debug, info, warning or error, not '\(level)'")
                }
                config.logLevel = parsed
            case "--signing-key": config.signingKeyPath = try value(for: argument)
            case "--operator-key":
                config.operatorKey = try value(for: argument)
                if config.operatorKey!.isEmpty { throw UsageError("option --operator-key needs a non-empty value") }
            case "--proxy-timeout": config.proxyTimeoutMilliseconds = try integer(for: argument, in: 1...600_000)
            case "--model-backend":
                let url = try value(for: argument)
                guard let parsed = URLComponents(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
                    parsed.host?.isEmpty == false
                else { throw UsageError("option --model-backend takes an http(s) URL, not '\(url)'") }
                config.modelBackendURL = url
            case "--model-map":
                let pair = try value(for: argument)
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw UsageError("option --model-map takes NAME=MODEL, not '\(pair)'")
                }
                config.modelMap[parts[0].lowercased()] = parts[1]
            case "--model-backend-timeout":
                let text = try value(for: argument)
                guard let seconds = Double(text), seconds > 0, seconds <= 3600 else {
                    throw UsageError("option --model-backend-timeout takes seconds from 0 to 3600, not '\(text)'")
                }
                config.modelBackendTimeoutSeconds = seconds
            case "--dataplane-limits":
                let mode = try value(for: argument).lowercased()
                guard mode == "on" || mode == "off" else { throw UsageError("option --dataplane-limits takes on or off, not '\(mode)'") }
                config.dataPlaneLimits = mode == "on"
            case "--rbac":
                let mode = try value(for: argument)
                guard let parsed = RBACMode(rawValue: mode.lowercased()) else {
                    throw UsageError("option --rbac takes enforce or off, not '\(mode)'")
                }
                config.rbac = parsed
            default:
                argument = argument.isEmpty ? "''" : argument
                throw UsageError("unknown option \(argument)")
            }
            index += 1
        }
        if config.modelBackendURL == nil && !config.modelMap.isEmpty {
            throw UsageError("--model-map needs --model-backend")
        }
        if (config.tlsCertificatePath == nil) != (config.tlsPrivateKeyPath == nil) {
            throw UsageError("--tls-cert and --tls-key go together")
        }
        return .run(config)
    }
}
