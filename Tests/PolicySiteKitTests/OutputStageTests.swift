import Foundation
import Testing
@testable import PolicySiteKit

/// The output stage takes files from many render tasks at once.
@Suite struct OutputStageTests {
    /// Files in shared, nested folders accepted concurrently all arrive: a folder is made before
    /// any file goes into it, whichever task names it first.
    @Test(arguments: [false, true]) func concurrentFilesInNestedFoldersAllArrive(outputExists: Bool) throws {
        let out = TestSite.temporaryFolder("stage") + "/not/yet/site"
        if outputExists {
            let first = try OutputStage(output: out)
            first.accept(OutputFile(path: "a/0/keep.html", bytes: Array("same".utf8)))
            _ = try first.commit()
        }
        let stage = try OutputStage(output: out)
        let files = (0..<2_000).map { i in OutputFile(path: "a/\(i % 7)/\(i % 13)/p\(i).html", bytes: Array("page \(i)".utf8)) }
            + [OutputFile(path: "a/0/keep.html", bytes: Array("same".utf8))]
        DispatchQueue.concurrentPerform(iterations: files.count) { stage.accept(files[$0]) }
        let result = try stage.commit()
        #expect(result.written == (outputExists ? 2_000 : 2_001))
        #expect(result.unchanged == (outputExists ? 1 : 0))
        for file in files { #expect(FileManager.default.contents(atPath: out + "/" + file.path) == Data(file.bytes)) }
        #expect(!FileManager.default.fileExists(atPath: stage.staging))
    }

    /// A file written piece by piece arrives whole; written again with the same bytes it is left
    /// as it is, and with other bytes (even of the same length) it is replaced.
    @Test func aStreamedFileIsWrittenOnlyWhenItsBytesChange() throws {
        let out = TestSite.temporaryFolder("stage") + "/site"
        func build(_ pieces: [String]) throws -> OutputWriter.Result {
            let stage = try OutputStage(output: out)
            stage.accept(path: "data/export.json") { write in for piece in pieces { write(Array(piece.utf8)) } }
            return try stage.commit()
        }
        #expect(try build(["{", "\"a\" : 1", "}"]).written == 1)
        #expect(try String(contentsOfFile: out + "/data/export.json", encoding: .utf8) == "{\"a\" : 1}")
        let same = try build(["{\"a\"", " : 1}"])
        #expect(same.written == 0 && same.unchanged == 1)
        #expect(try build(["{\"a\" : 2}"]).written == 1)
        #expect(try String(contentsOfFile: out + "/data/export.json", encoding: .utf8) == "{\"a\" : 2}")
    }

    /// A path that would leave the output folder fails the commit, and nothing is written.
    @Test func aPathOutsideTheOutputFailsTheCommit() throws {
        let out = TestSite.temporaryFolder("stage") + "/site"
        let stage = try OutputStage(output: out)
        stage.accept(OutputFile(path: "../escape.html", bytes: [0x41]))
        #expect(throws: OutputError.self) { try stage.commit() }
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: stage.staging))
    }

    /// The output folder may be a symbolic link to a folder elsewhere (a web server's): files are
    /// staged beside the real folder and moved into it; the link stays a link.
    @Test func anOutputFolderThatIsALinkIsWrittenThrough() async throws {
        let root = TestSite.temporaryFolder("stage")
        let real = root + "/www/policies"
        try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/site", withDestinationPath: real)
        for _ in 0..<2 {
            let (report, _) = await TestSite.build(output: root + "/site")
            #expect(report.succeeded, "\(report.diagnostics.filter { $0.severity == .error })")
        }
        #expect(FileManager.default.fileExists(atPath: real + "/index.html"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/site")) == real)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/www") == ["policies"])
    }
}
