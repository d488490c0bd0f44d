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

    /// A path that would leave the output folder fails the commit, and nothing is written.
    @Test func aPathOutsideTheOutputFailsTheCommit() throws {
        let out = TestSite.temporaryFolder("stage") + "/site"
        let stage = try OutputStage(output: out)
        stage.accept(OutputFile(path: "../escape.html", bytes: [0x41]))
        #expect(throws: OutputError.self) { try stage.commit() }
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: stage.staging))
    }
}
