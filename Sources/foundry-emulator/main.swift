import Emulator

Emulator.main(arguments: Array(CommandLine.arguments.dropFirst()))
