/// Writes JSON straight into bytes in the layout of Foundation's `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (two-space indent, `"key" : value`,
/// empty containers as `[\n\n]`), without building a tree first: the export of a large site is
/// tens of megabytes. Callers give keys in sorted order; nil values are left out, as
/// `encodeIfPresent` does.
struct PrettyJSON {
    private(set) var bytes: [UInt8] = []
    /// For each open container: whether it has no members yet.
    private var empty: [Bool] = []

    init(reservingCapacity capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// A piece written on its own: elements of an array open at `depth` (counting the array), to
    /// be appended with `append(elements:)`. Its first element starts with a comma, so it must
    /// follow at least one element; `append(elements:)` drops that comma when it does not.
    init(continuingArrayAtDepth depth: Int) { empty = Array(repeating: false, count: depth) }

    /// Hands the bytes written so far to `write` once there are more than `limit`, and goes on
    /// from an empty buffer (the open containers stay open).
    mutating func flush(to write: ([UInt8]) -> Void, over limit: Int) {
        guard bytes.count > limit else { return }
        write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends the elements written into `piece` to the open array.
    mutating func append(elements piece: PrettyJSON) {
        guard !piece.bytes.isEmpty else { return }
        if empty[empty.count - 1] {
            empty[empty.count - 1] = false
            bytes += piece.bytes.dropFirst()
        } else {
            bytes += piece.bytes
        }
    }

    mutating func beginObject() { open(0x7B) }
    mutating func endObject() { close(0x7D) }
    mutating func beginArray() { open(0x5B) }
    mutating func endArray() { close(0x5D) }

    /// Starts a member of the open object: its key; the value follows.
    mutating func key(_ name: String) {
        nextMember()
        quoted(name)
        bytes.append(0x20)
        bytes.append(0x3A)
        bytes.append(0x20)
    }

    /// Starts the next element of the open array.
    mutating func element() { nextMember() }

    mutating func string(_ value: String) { quoted(value) }

    /// Ends the document with a line break, as the export file does.
    mutating func newline() { bytes.append(0x0A) }
    mutating func int(_ value: Int) { bytes += Array(String(value).utf8) }

    mutating func field(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        quoted(value)
    }

    /// A field whose value is `base`, "#" and `fragment` (a clause's id or URL), made in place.
    mutating func field(_ name: String, _ base: String, fragment: String) {
        key(name)
        string(base, fragment: fragment)
    }

    /// The string `base` + "#" + `fragment`, quoted, with no string made for it.
    mutating func string(_ base: String, fragment: String) {
        bytes.append(0x22)
        escaped(base)
        bytes.append(0x23)
        escaped(fragment)
        bytes.append(0x22)
    }

    mutating func field(_ name: String, strings: [String]) {
        key(name)
        beginArray()
        for s in strings {
            element()
            quoted(s)
        }
        endArray()
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        empty.append(true)
    }

    private mutating func close(_ bracket: UInt8) {
        if empty.removeLast() { bytes.append(0x0A) }
        indentedLine()
        bytes.append(bracket)
    }

    private mutating func nextMember() {
        if empty[empty.count - 1] { empty[empty.count - 1] = false } else { bytes.append(0x2C) }
        indentedLine()
    }

    private mutating func indentedLine() {
        bytes.append(0x0A)
        bytes += repeatElement(0x20, count: 2 * empty.count)
    }

    private mutating func quoted(_ s: String) {
        bytes.append(0x22)
        escaped(s)
        bytes.append(0x22)
    }

    /// `s` as the inside of a JSON string.
    private mutating func escaped(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            // Runs of bytes that need no escape (nearly all of them) are copied whole.
            var start = 0
            for (i, b) in utf8.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                start = i + 1
                switch b {
                case 0x22: bytes += [0x5C, 0x22]
                case 0x5C: bytes += [0x5C, 0x5C]
                case 0x08: bytes += [0x5C, 0x62]
                case 0x0C: bytes += [0x5C, 0x66]
                case 0x0A: bytes += [0x5C, 0x6E]
                case 0x0D: bytes += [0x5C, 0x72]
                case 0x09: bytes += [0x5C, 0x74]
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
    }
}
