#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file operation that failed, with the path and the system's reason.
struct OutputError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Small, fast file operations for the write phase. Foundation's atomic write calls fsync for
/// every file (3 ms each here); a static site needs atomic replacement, not durability per file.
enum PosixFile {
    /// Creates `path` as a folder unless it exists.
    static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw OutputError(message: "could not create folder \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// True when the file at `path` holds exactly `bytes`.
    static func hasContents(_ path: String, _ bytes: [UInt8]) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) == bytes.count else { return false }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 65536)
        var offset = 0
        while offset < bytes.count {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { return false }
            let equal = bytes.withUnsafeBytes { all in
                buffer.withUnsafeBytes { memcmp(all.baseAddress! + offset, $0.baseAddress!, n) == 0 }
            }
            guard equal else { return false }
            offset += n
        }
        return true
    }

    /// True when the files at `a` and `b` hold the same bytes.
    static func sameContents(_ a: String, _ b: String) -> Bool {
        var infoA = stat(), infoB = stat()
        guard stat(a, &infoA) == 0, stat(b, &infoB) == 0, infoA.st_size == infoB.st_size else { return false }
        let fdA = open(a, O_RDONLY), fdB = open(b, O_RDONLY)
        defer { if fdA >= 0 { close(fdA) }; if fdB >= 0 { close(fdB) } }
        guard fdA >= 0, fdB >= 0 else { return false }
        var bufferA = [UInt8](repeating: 0, count: 65536), bufferB = bufferA
        while true {
            let n = bufferA.withUnsafeMutableBytes { read(fdA, $0.baseAddress, $0.count) }
            guard n >= 0 else { return false }
            if n == 0 { return true }
            var got = 0
            while got < n {
                let m = bufferB.withUnsafeMutableBytes { read(fdB, $0.baseAddress! + got, n - got) }
                guard m > 0 else { return false }
                got += m
            }
            guard memcmp(bufferA, bufferB, n) == 0 else { return false }
        }
    }

    /// A new file written piece by piece, for outputs too large to hold whole.
    struct Writer: ~Copyable {
        let path: String
        private let fd: Int32

        /// Creates `path` (which must not exist yet).
        init(creating path: String) throws {
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard fd >= 0 else { throw OutputError(message: "could not write \(path): \(String(cString: strerror(errno)))") }
            self.path = path
        }

        /// Appends `bytes`.
        func append(_ bytes: [UInt8]) throws {
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
                guard n > 0 else { throw OutputError(message: "could not write \(path): \(String(cString: strerror(errno)))") }
                offset += n
            }
        }

        deinit { close(fd) }
    }

    /// Replaces the file at `path` with `bytes`: written to a temporary name beside it, then renamed,
    /// so a reader never sees half a file.
    static func replace(_ path: String, with bytes: [UInt8]) throws {
        let temporary = path + ".policy-site-tmp"
        unlink(temporary)
        try create(temporary, with: bytes, reportedAs: path)
        try move(temporary, to: path)
    }

    /// Writes `bytes` into a new file at `path` (which must not exist yet).
    static func create(_ path: String, with bytes: [UInt8], reportedAs name: String? = nil) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw OutputError(message: "could not write \(name ?? path): \(String(cString: strerror(errno)))") }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 {
                let reason = String(cString: strerror(errno))
                close(fd)
                unlink(path)
                throw OutputError(message: "could not write \(name ?? path): \(reason)")
            }
            offset += n
        }
        close(fd)
    }

    /// Renames `source` to `target`, replacing it atomically; `source` is removed if that fails.
    static func move(_ source: String, to target: String) throws {
        guard rename(source, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(source)
            throw OutputError(message: "could not write \(target): \(reason)")
        }
    }
}

extension PosixFile {
    enum ReadFailure: Error { case tooLarge, unreadable }

    /// The whole file, read with one open and sized reads; refuses files over `limit` bytes.
    static func readAll(_ path: String, limit: Int) -> Result<[UInt8], ReadFailure> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(.unreadable) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable) }
        let size = Int(info.st_size)
        guard size <= limit else { return .failure(.tooLarge) }
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, size - offset) }
            guard n > 0 else { return .failure(.unreadable) }
            offset += n
        }
        return .success(bytes)
    }

    /// True when `path` itself is a symbolic link (not followed).
    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}

extension PosixFile {
    /// Why `path` must not be read, or nil if it is a regular file (after following links). A named
    /// pipe or device would block the build forever; a looping or dangling link cannot be read.
    static func regularFileProblem(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return errno == ELOOP
                ? "symbolic link cannot be followed (it loops); copy the file in instead"
                : "file could not be read (a symbolic link to nothing?)"
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return "not a regular file (a named pipe, device or socket); only text files are read"
        }
        return nil
    }
}
