import Synchronization

/// Each policy's reference scan from the last build of a session (the preview server's), kept so
/// that a rebuild after an edit to one policy's text scans only that policy. A scan is reused only
/// for the same file with the same text; a full build empties the store, because what a scan
/// finds also depends on the rest of the site (policy names, anchors, the legislation glossary).
final class ReferenceScanStore: Sendable {
    private let scans = Mutex<[String: (text: String, scan: ReferenceIndex.PolicyScan)]>([:])
    private let kept = Mutex<ReferenceScanner?>(nil)

    /// The scanner the kept scans were made with: it reads only policies' titles and slugs and
    /// the glossary, which a rebuild after an edit to policies' text leaves as they were.
    var scanner: ReferenceScanner? {
        get { kept.withLock { $0 } }
        set { kept.withLock { $0 = newValue } }
    }

    /// The kept scan of the file at `path`, if its text was `text`.
    func scan(path: String, text: String) -> ReferenceIndex.PolicyScan? {
        scans.withLock { scans in scans[path].flatMap { $0.text == text ? $0.scan : nil } }
    }

    func keep(_ scan: ReferenceIndex.PolicyScan, path: String, text: String) {
        scans.withLock { $0[path] = (text, scan) }
    }

    func removeAll() {
        scans.withLock { $0.removeAll() }
        scanner = nil
    }
}
