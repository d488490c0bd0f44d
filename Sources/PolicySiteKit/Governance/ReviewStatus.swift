/// Where a policy stands against its review date on a given day.
///
/// The deadline is the last day `review_due` can mean: `2026-09-15` is due on 15 September 2026,
/// and a month alone, `2026-09`, is due by the end of that month (30 September 2026). A policy is
/// overdue from the day after its deadline, and "due soon" when the deadline is today or within
/// the next `dueSoonDays` days.
public enum ReviewStatus: String, Sendable, CaseIterable {
    case current
    case dueSoon = "due-soon"
    case overdue
    /// No `review_due` in the front matter.
    case notRecorded = "not-recorded"
    /// An earlier version, replaced by a later adoption.
    case superseded

    /// "Review due soon" starts this many days before the deadline.
    public static let dueSoonDays = 60

    /// The status of a policy whose review is due `reviewDue`, on `today`.
    public static func of(reviewDue: PolicyDate?, today: PolicyDate) -> ReviewStatus {
        guard let deadline = reviewDue?.lastDay else { return .notRecorded }
        let daysLeft = deadline.dayNumber - today.lastDay.dayNumber
        if daysLeft < 0 { return .overdue }
        if daysLeft <= dueSoonDays { return .dueSoon }
        return .current
    }

    /// How the status reads on its own: "Overdue for review".
    public var label: String {
        switch self {
        case .current: "Current"
        case .dueSoon: "Review due soon"
        case .overdue: "Overdue for review"
        case .notRecorded: "Review date not recorded"
        case .superseded: "Superseded"
        }
    }
}

extension Policy {
    /// The day the review must be done by: `review_due`, or the end of its month.
    public var reviewDeadline: PolicyDate? { reviewDue?.lastDay }

    /// The review status on `today`.
    public func reviewStatus(on today: PolicyDate) -> ReviewStatus {
        ReviewStatus.of(reviewDue: reviewDue, today: today)
    }

    /// "30 September 2026" for a whole date, "by the end of September 2026" for a month.
    public var reviewDueDisplay: String {
        guard let reviewDue else { return "Not recorded" }
        return reviewDue.day == nil ? "By the end of \(reviewDue.display)" : reviewDue.display
    }

    /// Template keys for the review status: `reviewStatus`, `reviewStatusLabel`, `isOverdue`…
    func reviewContext(on today: PolicyDate) -> [String: Any] {
        let status = reviewStatus(on: today)
        var detail = ""
        if let deadline = reviewDeadline {
            let days = deadline.dayNumber - today.dayNumber
            switch status {
            case .overdue: detail = days == -1 ? "1 day overdue" : "\(-days) days overdue"
            case .dueSoon: detail = days == 0 ? "due today" : days == 1 ? "due in 1 day" : "due in \(days) days"
            default: detail = ""
            }
        }
        return [
            "reviewDue": reviewDueDisplay,
            "reviewStatus": status.rawValue,
            "reviewStatusLabel": status.label,
            "reviewStatusDetail": detail,
            "hasReviewStatusDetail": !detail.isEmpty,
            "isOverdue": status == .overdue,
            "isDueSoon": status == .dueSoon,
        ]
    }
}

extension ReviewStatus {
    /// A warning for each overdue policy, at its `review_due` line; earlier versions are not checked.
    static func warnings(_ site: Site, today: PolicyDate) -> [Diagnostic] {
        site.policies.compactMap { policy in
            guard policy.reviewStatus(on: today) == .overdue, let due = policy.reviewDue else { return nil }
            let location = policy.fieldLocations["review_due"] ?? SourceLocation(path: policy.path)
            let dueText = due.day == nil ? "by the end of \(due.display)" : "on \(due.display)"
            return .warning("review overdue: '\(policy.title)' was due for review \(dueText) (today is \(today.display))", at: location)
        }
    }
}
