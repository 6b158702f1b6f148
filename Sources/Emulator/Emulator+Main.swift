import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension Emulator {
    /// The executable's whole life: parse flags, start, print the banner, serve until SIGINT or
    /// SIGTERM, drain, exit 0. Bad flags: usage on stderr and exit 2.
    package static func main(arguments: [String]) -> Never {
        let config: EmulatorConfig
        do {
            switch try EmulatorConfig.parse(arguments) {
            case .help:
                print(EmulatorConfig.usage)
                exit(0)
            case .version:
                print("foundry-emulator \(version)")
                exit(0)
            case .printRoutes:
                do {
                    print(try Emulator(config: EmulatorConfig()).routeInventoryJSON)
                    exit(0)
                } catch {
                    FileHandle.standardError.write(Data("foundry-emulator: \(error)\n".utf8))
                    exit(1)
                }
            case .run(let parsed):
                config = parsed
            }
        } catch {
            FileHandle.standardError.write(Data("foundry-emulator: \(error.description)\n\n\(EmulatorConfig.usage)\n".utf8))
            exit(2)
        }

        let emulator: Emulator
        do {
            emulator = try Emulator(config: config)
            try emulator.start()
        } catch {
            FileHandle.standardError.write(Data("foundry-emulator: cannot start: \(error)\n".utf8))
            exit(1)
        }
        emulator.logger.always(emulator.banner())

        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let signals = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler {
                emulator.logger.info("shutting down: draining in-flight requests")
                emulator.shutdown()
                exit(0)
            }
            source.resume()
            return source
        }
        withExtendedLifetime(signals) { dispatchMain() }
    }
}
