// sot-lint-bench: throughput of the secret scan alone, on files already in memory.
// Usage: sot-lint-bench FILE_OR_DIR ... ; prints bytes, files, findings, seconds and MB/s for one thread and
// for all cores, given each Markdown file's code regions from a parse made beforehand (the lint parses every
// document anyway and hands the scan its regions), then for one thread with the scan parsing them itself.
// Used by Benchmarks/secrets.sh. Environment: BENCH_RUNS (best of, default 3), BENCH_MODES=1,2,3 (which of
// the three), BENCH_OFF=id,id (detectors off, as `secrets.detectors` would: what each costs). Modes:
// `--keywords` times the keyword pass alone; `--per-detector` each detector alone; `--startup` what building
// the catalog costs a process; `--check-catalog FILE…` checks catalog family files; `--compile` and
// `--adversarial` time patterns.
import Dispatch
import Foundation
import SOTSource
import SOTSyntax
import SOTModel
import SOTRules
import SOTSecrets

func files(under path: String) -> [String] {
    guard FilePath.kind(path) == .directory else { return [path] }
    return (try? FileDiscovery(ignoreRoot: path).files(under: path) { _ in true }) ?? []
}

if CommandLine.arguments.dropFirst().first == "--compile" {
    // The time to compile each detector's pattern: the start-up cost of a detector that is used.
    guard case .success(let catalog) = SecretCatalog.builtIn else { fatalError("the built-in catalog does not load") }
    func residentKB() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
    var costs: [(String, Double, Int)] = []
    var kept: [POSIXRegex] = []
    for detector in catalog.detectors {
        let before = residentKB()
        let start = DispatchTime.now().uptimeNanoseconds
        if let regex = try? POSIXRegex(detector.regex.pattern, ignoreCase: detector.regex.ignoreCase) { kept.append(regex) }
        costs.append((detector.id, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6, residentKB() - before))
    }
    for (id, milliseconds, bytes) in costs.sorted(by: { $0.2 > $1.2 }).prefix(12) {
        print(String(format: "%8.2f ms %8d KB  %@", milliseconds, bytes, id as NSString))
    }
    print(String(format: "total %.1f ms for %d patterns", costs.reduce(0) { $0 + $1.1 }, costs.count))
    exit(0)
}

if CommandLine.arguments.dropFirst().first == "--startup" {
    // What a process pays before its first scan: unpacking the detectors, then building the catalog. The
    // first time as a process pays it, then the best of 20 repetitions (steadier on a noisy machine).
    func milliseconds(_ work: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }
    var detectors: [SecretDetector] = []
    let firstUnpack = milliseconds { detectors = SecretCatalogSnapshot.detectors }
    var catalog: SecretCatalog?
    let firstCatalog = milliseconds { catalog = SecretCatalog(detectors: detectors) }
    let keywords = catalog?.keywords.keywords.map { String(decoding: $0, as: UTF8.self) } ?? []
    var unpack = Double.infinity, build = Double.infinity, finder = Double.infinity, required = Double.infinity
    for _ in 0..<20 {
        unpack = min(unpack, milliseconds { _ = SecretCatalogPacking.unpack(SecretCatalogSnapshot.packed) })
        build = min(build, milliseconds { _ = SecretCatalog(detectors: detectors) })
        finder = min(finder, milliseconds { _ = KeywordFinder(keywords: keywords) })
        required = min(required, milliseconds {
            for detector in detectors { _ = RequiredBytes(pattern: detector.regex.pattern, ignoreCase: detector.regex.ignoreCase) }
        })
    }
    print(String(format: "first: unpack %.2f ms, catalog %.2f ms; best of 20: unpack %.2f ms, catalog %.2f ms (keyword finder %.2f ms)",
                 firstUnpack, firstCatalog, unpack, build, finder))
    print(String(format: "required bytes of every pattern, read on first use and not at start-up: %.2f ms", required))
    print("\(detectors.count) detectors, \(keywords.count) keywords")
    exit(0)
}

if CommandLine.arguments.dropFirst().first == "--check-catalog" {
    // Checks catalog family files (rules/secrets/*.yml) before they are compiled in: every pattern compiles,
    // every detector is new or replaces the built-in one of its id, has 2+ positives and negatives, and passes
    // them in every placement (SecretExampleCheck); a 1 MB adversarial line per detector reports its time.
    // Prints one line per failure and exits 1 when there is any.
    guard case .success(let builtIn) = SecretCatalog.builtIn else { fatalError("the built-in catalog does not load") }
    var added: [SecretDetector] = []
    for path in CommandLine.arguments.dropFirst(2) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            print("\(path): cannot read")
            exit(1)
        }
        do {
            added += try SecretCatalog(yaml: text, origin: path, compileNow: true).detectors
        } catch {
            print("\(error.description)")
            exit(1)
        }
    }
    let ids = Set(added.map(\.id))
    guard ids.count == added.count else { print("a detector id is defined twice in the files"); exit(1) }
    let combined = SecretCatalog(detectors: builtIn.detectors.filter { !ids.contains($0.id) } + added)
    let checked = Array((combined.detectors.count - added.count)..<combined.detectors.count)
    var failures = SecretExampleCheck.failures(catalog: combined, detectors: checked)
    for detector in added {
        if detector.positives.count < 2 || detector.negatives.count < 2 { failures.append("\(detector.id): needs 2+ positives and 2+ negatives") }
        if !detector.id.allSatisfy({ ($0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "-" }) { failures.append("\(detector.id): id must be lower-case ASCII, digits and -") }
    }
    let finder = SecretFinder(catalog: combined, allowances: [])
    for detector in added {
        let line = SecretExampleCheck.adversarialLine(for: detector, length: 1_000_000)
        let start = DispatchTime.now().uptimeNanoseconds
        _ = finder.scan(SourceText(path: "adversarial.md", bytes: line), markdown: true)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if seconds > 0.5 { failures.append(String(format: "%@: %.2f s on a 1 MB adversarial line (limit 0.5 s)", detector.id as NSString, seconds)) }
    }
    for failure in failures { print(failure) }
    print("\(added.count) detectors checked, \(failures.count) failures")
    exit(failures.isEmpty ? 0 : 1)
}

if CommandLine.arguments.dropFirst().first == "--adversarial" {
    // Each detector's first keyword repeated with base64-like filler to 1 MB: the time to scan it.
    guard case .success(let catalog) = SecretCatalog.builtIn else { fatalError("the built-in catalog does not load") }
    let finder = SecretFinder(catalog: catalog, allowances: [])
    var slowest: [(String, Double)] = []
    for detector in catalog.detectors {
        let line = SecretExampleCheck.adversarialLine(for: detector, length: 1_000_000)
        let start = DispatchTime.now().uptimeNanoseconds
        _ = finder.scan(SourceText(path: "adversarial.txt", bytes: line), markdown: true)
        slowest.append((detector.id, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
    }
    for (id, seconds) in slowest.sorted(by: { $0.1 > $1.1 }).prefix(15) {
        print(String(format: "%8.3f s  %@", seconds, id as NSString))
    }
    print(String(format: "total %.3f s for %d detectors", slowest.reduce(0) { $0 + $1.1 }, slowest.count))
    exit(0)
}

let perDetector = CommandLine.arguments.dropFirst().first == "--per-detector"
let paths = CommandLine.arguments.dropFirst().filter { $0 != "--per-detector" && $0 != "--keywords" }.flatMap(files)
let contents: [SourceText] = paths.compactMap { path in
    (try? FilePath.read(path)).map { SourceText(path: path, bytes: $0) }
}
let bytes = contents.reduce(0) { $0 + $1.bytes.count }
guard case .success(let catalog) = SecretCatalog.builtIn else { fatalError("the built-in catalog does not load") }
let offIDs = (ProcessInfo.processInfo.environment["BENCH_OFF"] ?? "").split(separator: ",").map(String.init)
var offSettings: [String: SecretDetectorSettings] = [:]
for id in offIDs { offSettings[id] = SecretDetectorSettings(off: true) }
let finder = SecretFinder(catalog: catalog, allowances: [], settings: offSettings)

// The lint parses every Markdown file once and hands the secret scan that parse's code regions; the scan
// alone is timed the same way, the parse done beforehand. `parses: true` times the scan parsing them itself,
// as it does for a file nobody parsed (the added lines of a commit).
let parsedCode: [MarkdownCodeRegions?] = contents.map { $0.path.hasSuffix(".md") ? MarkdownCode.regions(in: $0) : nil }

func measure(parallel: Bool, parses: Bool = false) -> (seconds: Double, findings: Int) {
    let start = DispatchTime.now().uptimeNanoseconds
    let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: contents.count)
    defer { counts.deallocate() }
    let count = contents.count
    if parallel {
        nonisolated(unsafe) let slots = counts
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots[index] = finder.scan(contents[index], markdown: contents[index].path.hasSuffix(".md"),
                                       code: parses ? nil : parsedCode[index]).findings.count
        }
    } else {
        for index in 0..<count {
            counts[index] = finder.scan(contents[index], markdown: contents[index].path.hasSuffix(".md"),
                                        code: parses ? nil : parsedCode[index]).findings.count
        }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return (seconds, counts.reduce(0, +))
}

// Best of BENCH_RUNS runs (default 3): a shared 2-core machine's slow phases cost a run 2x.
let runs = max(1, Int(ProcessInfo.processInfo.environment["BENCH_RUNS"] ?? "") ?? 3)
print("files \(contents.count) bytes \(bytes) detectors \(catalog.detectors.count)")
if CommandLine.arguments.dropFirst().first == "--keywords" {
    // The keyword pass alone, one thread: the first pass every byte of every file goes through.
    var best = Double.infinity
    var hits = 0
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        hits = 0
        for source in contents { hits += source.bytes.withUnsafeBufferPointer { catalog.keywords.hits(in: $0).count } }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    print(String(format: "keywords %8.3f s %8.1f MB/s hits %d", best, Double(bytes) / 1e6 / best, hits))
    exit(0)
}
if perDetector {
    // Each detector alone over the same files: where the scan's time goes.
    var costs: [(String, Double)] = []
    for detector in catalog.detectors {
        let single = SecretFinder(catalog: SecretCatalog(detectors: [detector]), allowances: [])
        let start = DispatchTime.now().uptimeNanoseconds
        for (index, source) in contents.enumerated() {
            _ = single.scan(source, markdown: source.path.hasSuffix(".md"), code: parsedCode[index])
        }
        costs.append((detector.id, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
    }
    for (id, seconds) in costs.sorted(by: { $0.1 > $1.1 }).prefix(12) {
        print(String(format: "%8.3f s  %@", seconds, id as NSString))
    }
    exit(0)
}
// BENCH_MODES=1,2,3 picks the modes below (default all), e.g. to profile one of them alone.
let modes = (ProcessInfo.processInfo.environment["BENCH_MODES"] ?? "1,2,3").split(separator: ",").compactMap { Int($0) }
for (mode, (label, parallel, parses)) in [("1 thread", false, false), ("all cores", true, false), ("1 thread, parsing code itself", false, true)].enumerated()
where modes.contains(mode + 1) {
    var best = Double.infinity
    var findings = 0
    for _ in 0..<runs {
        let run = measure(parallel: parallel, parses: parses)
        best = min(best, run.seconds)
        findings = run.findings
    }
    let rate = Double(bytes) / 1e6 / best
    print(String(format: "%-29@ %8.3f s %8.1f MB/s findings %d", label as NSString, best, rate, findings))
}
