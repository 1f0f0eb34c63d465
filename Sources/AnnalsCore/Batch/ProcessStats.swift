import Foundation

#if canImport(Glibc)
    /// glibc's `malloc_trim`, which the Glibc module does not export.
    @_silgen_name("malloc_trim")
    private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

/// Facts about the running process for `--stats` and benchmarks.
public enum ProcessStats {
    /// Peak resident set size (VmHWM) in megabytes, 0 where unavailable.
    public static var peakResidentMegabytes: Double { statusMegabytes("VmHWM:") }

    /// Current resident set size (VmRSS) in megabytes, 0 where unavailable.
    public static var residentMegabytes: Double { statusMegabytes("VmRSS:") }

    private static func statusMegabytes(_ field: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(field) {
            let digits = line.split(separator: " ").compactMap { Double($0) }
            if let kb = digits.first { return kb / 1024 }
        }
        return 0
    }

    /// Returns freed heap memory to the system and resets the peak RSS to the current RSS (Linux:
    /// `malloc_trim` and `/proc/self/clear_refs`), so a benchmark can measure phases separately.
    /// Returns false where the peak cannot be reset.
    @discardableResult
    public static func resetPeakResident() -> Bool {
        #if canImport(Glibc)
            _ = glibcMallocTrim(0)
        #endif
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }

    public static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// The CPU model name (from /proc/cpuinfo), or "unknown".
    public static var cpuModel: String {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
        for line in info.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return "unknown"
    }
}

/// Writes lines to standard error.
public enum StandardError {
    public static func print(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
