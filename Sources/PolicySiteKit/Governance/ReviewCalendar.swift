/// `/reviews.ics`: an iCalendar (RFC 5545) feed with an all-day event on each policy's review
/// deadline, for governors to subscribe to.
///
/// Every event's UID is made from the policy's publisher and slug, so it stays the same from build
/// to build and when the review date moves (`SEQUENCE` counts earlier versions, so a re-adoption
/// updates subscribers' copies). `DTSTAMP` comes from the content, not the clock: the policy's
/// adoption date, or the first day of its review month when it has none.
enum ReviewCalendar {
    static let path = "reviews.ics"

    static func text(_ site: Site, options: BuildOptions) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//policy-site//Policy review dates//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape("\(site.config.title): policy reviews"),
            "NAME:" + escape("\(site.config.title): policy reviews"),
        ]
        for publisher in site.publishers {
            for policy in publisher.policies {
                guard let due = policy.reviewDue, let deadline = policy.reviewDeadline else { continue }
                let stamp = policy.adopted?.firstDay ?? due.firstDay
                let dueText = due.day == nil ? "by the end of \(due.display)" : "on \(due.display)"
                var description = "\(policy.title) (\(publisher.school.name)) is due for review \(dueText)."
                if let adopted = policy.adopted { description += " Adopted \(adopted.display)\(policy.adoptedBy.map { " by \($0)" } ?? "")." }
                description += "\n" + options.baseURL.url(publisher.path(of: policy))
                lines += [
                    "BEGIN:VEVENT",
                    "UID:review-\(publisher.school.slug)-\(policy.slug)@policy-site",
                    "SEQUENCE:\(policy.history.count)",
                    "DTSTAMP:\(compact(stamp))T000000Z",
                    "DTSTART;VALUE=DATE:\(compact(deadline))",
                    "DTEND;VALUE=DATE:\(compact(PolicyDate.day(number: deadline.dayNumber + 1)))",
                    "SUMMARY:" + escape("Review due: \(policy.title) (\(publisher.school.name))"),
                    "DESCRIPTION:" + escape(description),
                    "TRANSP:TRANSPARENT",
                ]
                if options.baseURL.isAbsolute { lines.append("URL:" + options.baseURL.url(publisher.path(of: policy))) }
                lines.append("END:VEVENT")
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `20260930`.
    static func compact(_ date: PolicyDate) -> String { date.iso.replacingOccurrences(of: "-", with: "") }

    /// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence: each
    /// continuation starts with one space.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = ""
        var octets = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > limit {
                out += "\r\n "
                octets = 0
                limit = 74
            }
            out.unicodeScalars.append(scalar)
            octets += size
        }
        return out
    }
}

extension PolicyDate {
    /// The date `number` days after 1970-01-01 (the inverse of `dayNumber`).
    static func day(number: Int) -> PolicyDate {
        let z = number + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return PolicyDate(year: y, month: m, day: d) ?? PolicyDate(year: 1970, month: 1, day: 1)!
    }
}
