import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? ""
    guard let target = FuzzTargets.all[name] else {
        fatalError("set FUZZ_TARGET to one of \(FuzzTargets.all.keys.sorted())")
    }
    target(Data(bytes: data, count: size))
    return 0
}

#if FUZZING
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
    ) -> Int32

    /// libFuzzer drives the target named by `FUZZ_TARGET` (built by bench/fuzz/run with `-sanitize=fuzzer`).
    @main struct FuzzDriver {
        static func main() {
            var argc = CommandLine.argc
            var argv = Optional(CommandLine.unsafeArgv)
            exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })
        }
    }
#else
    /// Without libFuzzer: `orchestrator-planner-fuzz TARGET FILE...` runs each file (a corpus, a crash) through the target.
    @main struct FuzzReplay {
        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            guard let name = arguments.first, let target = FuzzTargets.all[name] else {
                print(
                    "usage: orchestrator-planner-fuzz \(FuzzTargets.all.keys.sorted().joined(separator: "|")) FILE...")
                exit(64)
            }
            var count = 0
            for path in arguments.dropFirst() {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                let files =
                    isDirectory.boolValue
                    ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map {
                        path + "/" + $0
                    } : [path]
                for file in files {
                    guard let data = FileManager.default.contents(atPath: file) else { continue }
                    target(data)
                    count += 1
                }
            }
            print("\(name): \(count) inputs replayed")
        }
    }
#endif
