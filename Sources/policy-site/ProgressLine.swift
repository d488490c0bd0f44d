import Foundation
import PolicySiteKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line on a terminal that shows which phase a build is in, rewritten in place and cleared
/// at the end. Only made when standard error is a terminal, so logs and pipes never see it.
final class ProgressLine: Sendable {
    static func onStandardError() -> ProgressLine? {
        isatty(STDERR_FILENO) == 1 ? ProgressLine() : nil
    }

    @Sendable func show(_ step: BuildStep) {
        let all = BuildStep.allCases
        let n = (all.firstIndex(of: step) ?? 0) + 1
        write("\r\u{1B}[K[\(n)/\(all.count)] \(Self.describe(step))…")
    }

    func clear() { write("\r\u{1B}[K") }

    static func describe(_ step: BuildStep) -> String {
        switch step {
        case .load: "reading content and templates"
        case .parse: "parsing policies"
        case .resolve: "building indexes"
        case .render: "rendering pages"
        case .check: "checking links"
        case .write: "writing the site"
        }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
