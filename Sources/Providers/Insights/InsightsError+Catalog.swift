/// The activity log's errors. Azure answers every bad `$filter` with 400 `BadRequest` (observed:
/// `{"Code":"BadRequest","Message":"$filter searching parameters invalid"}`, MicrosoftDocs/feedback#319);
/// the messages below say what is wrong, which Azure's do not (EMULATOR CHOICE, docs/activity-log.md).
extension InsightsError {
    static func badRequest(_ message: String) -> InsightsError {
        InsightsError(status: 400, code: "BadRequest", message: message)
    }

    /// No `$filter`, or one without `eventTimestamp ge` (azure-rest-api-specs#2467: the filter is required).
    package static func missingFilter() -> InsightsError {
        badRequest(
            "The $filter query parameter is required and must contain a start time: "
                + "eventTimestamp ge '<start>' [and eventTimestamp le '<end>'].")
    }

    /// The filter does not follow the documented grammar.
    package static func invalidFilter(_ reason: String) -> InsightsError {
        badRequest("$filter searching parameters invalid: \(reason)")
    }

    /// A start time before the retention window (activity-log.md: "retained in Azure for 90 days").
    package static func startTooOld(_ start: String, days: Int) -> InsightsError {
        badRequest(
            "The start time '\(start)' is more than \(days) days in the past: activity log events are kept for \(days) days.")
    }

    package static func endBeforeStart() -> InsightsError {
        badRequest("$filter searching parameters invalid: the end time is earlier than the start time.")
    }

    package static func invalidSkipToken(_ token: String) -> InsightsError {
        badRequest("The $skiptoken '\(token)' is not valid for this query.")
    }
}
