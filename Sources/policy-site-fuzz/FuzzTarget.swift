import Foundation
import PolicySiteKit

/// The fuzz target over the whole content pipeline: each input is a `school.yml`, a 0x1E byte and a
/// policy file (see `InMemoryBuild.split`), built in memory through parse, resolve, render and check.
/// Built with `-sanitize=fuzzer,address -DFUZZING` by `scripts/fuzz.sh`, libFuzzer drives it; built
/// plainly, it replays saved inputs. Templates come from $POLICY_SITE_TEMPLATES (default
/// `templates`) and data from $POLICY_SITE_CONTENT (default `content`), relative to the working folder.
let pipeline: (InMemoryBuild?, [Diagnostic]) = {
    let environment = ProcessInfo.processInfo.environment
    return InMemoryBuild.make(templates: environment["POLICY_SITE_TEMPLATES"] ?? "templates",
                              content: environment["POLICY_SITE_CONTENT"] ?? "content")
}()

/// The pipeline, once checked: the templates load and a plain policy builds without an error, so
/// a broken template or data file cannot make every input stop early without anyone noticing.
let checkedBuild: InMemoryBuild = {
    guard let build = pipeline.0 else {
        fatalError("templates did not load (run from the repository root): \(pipeline.1.map(\.description).joined(separator: "; "))")
    }
    let errors = build.run(Array("---\ntitle: A\n---\n## 1. Introduction\n\n1.1 Text.\n".utf8)).diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty { fatalError("a plain policy does not build: \(errors.map(\.description).joined(separator: "; "))") }
    return build
}()

/// Builds one input; the generator's faults, as text (none for a sound build of any input).
func faults(of input: [UInt8]) -> [String] {
    checkedBuild.run(input).faults.map(\.description)
}

#if FUZZING
import CLibFuzzer

/// libFuzzer's entry point. A fault stops the process like a crash, so libFuzzer saves the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let found = faults(of: input)
    if !found.isEmpty { fatalError("generator fault:\n" + found.joined(separator: "\n")) }
    return 0
}

/// SwiftPM links an executable's `main` to `<module>_main`; this one hands over to libFuzzer.
@_cdecl("policy_site_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
#else
/// Replays inputs (files, or every file in the folders given) and prints each one's faults.
@main
enum Replay {
    static func main() {
        let fm = FileManager.default
        var files: [String] = []
        for argument in CommandLine.arguments.dropFirst() {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: argument, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                files += ((try? fm.contentsOfDirectory(atPath: argument)) ?? []).sorted().map { argument + "/" + $0 }
            } else {
                files.append(argument)
            }
        }
        var failed = 0
        for file in files {
            guard let data = fm.contents(atPath: file) else { continue }
            let clock = ContinuousClock()
            var found: [String] = []
            let elapsed = clock.measure { found = faults(of: [UInt8](data)) }
            print("\(file): \(found.isEmpty ? "ok" : "FAULT") in \(elapsed)")
            for fault in found { print("  \(fault)") }
            if !found.isEmpty { failed += 1 }
        }
        print("\(files.count) inputs, \(failed) with faults")
        exit(failed == 0 ? 0 : 1)
    }
}
#endif
