import Foundation

/// Facts about the running process for `--stats` and benchmarks.
public enum ProcessStats {
    /// Peak resident set size (VmHWM) in megabytes, 0 where unavailable.
    public static var peakResidentMegabytes: Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.split(separator: " ").compactMap { Double($0) }
            if let kb = digits.first { return kb / 1024 }
        }
        return 0
    }

    public static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// Writes lines to standard error.
public enum StandardError {
    public static func print(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

