/// Which readiness a blocked operation waits for.
enum IOInterest {
    case read
    case write
}
