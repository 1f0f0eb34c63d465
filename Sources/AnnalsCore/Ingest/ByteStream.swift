#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A buffered reader of a file descriptor (a file or standard input), in chunks.
///
/// Reads lines of any length in linear time (the newline search resumes where it stopped), and can
/// skip the rest of an over-long line without keeping it, so memory stays bounded by
/// `maxLine` plus one chunk whatever the input size.
final class ByteStream {
    private let fd: Int32
    private let ownsFD: Bool
    private(set) var buffer: [UInt8]
    /// Valid bytes are `buffer[start..<end]`.
    private(set) var start = 0
    private(set) var end = 0
    private(set) var atEOF = false
    private(set) var readError: Int32 = 0
    static let chunk = 1 << 16

    init(fd: Int32, ownsFD: Bool) {
        self.fd = fd
        self.ownsFD = ownsFD
        buffer = [UInt8](repeating: 0, count: ByteStream.chunk)
    }

    /// Opens `path` for reading; returns an errno-style message on failure.
    static func open(path: String) -> Result<ByteStream, IngestError> {
        #if canImport(Darwin)
            let fd = Darwin.open(path, O_RDONLY)
        #elseif canImport(Musl)
            let fd = Musl.open(path, O_RDONLY)
        #else
            let fd = Glibc.open(path, O_RDONLY)
        #endif
        if fd < 0 {
            let e = errno
            let message = e == ENOENT ? "no such file" : e == EACCES ? "permission denied" : "cannot open: \(String(cString: strerror(e)))"
            return .failure(IngestError(file: path, message: message))
        }
        return .success(ByteStream(fd: fd, ownsFD: true))
    }

    /// A stream over bytes already in memory (an HTTP body, a fuzzer's input).
    init(bytes: [UInt8]) {
        fd = -1
        ownsFD = false
        buffer = bytes
        end = bytes.count
        atEOF = true
    }

    deinit {
        if ownsFD { close(fd) }
    }

    var available: Int { end - start }

    /// Reads more bytes; returns false at end of input (or on a read error, see `readError`).
    @discardableResult
    func fill() -> Bool {
        if atEOF { return false }
        if start > 0 && (start == end || end + ByteStream.chunk > buffer.count) {
            // Compact.
            let n = end - start
            if n > 0 {
                buffer.withUnsafeMutableBufferPointer { b in
                    _ = memmove(b.baseAddress!, b.baseAddress! + start, n)
                }
            }
            start = 0
            end = n
        }
        if buffer.count - end < ByteStream.chunk {
            // Grow (doubling) with one memset and one memcpy, dropping consumed bytes.
            var bigger = [UInt8](repeating: 0, count: 2 * buffer.count + ByteStream.chunk)
            let n = end - start
            bigger.withUnsafeMutableBufferPointer { dst in
                buffer.withUnsafeBufferPointer { src in
                    if n > 0 { _ = memcpy(dst.baseAddress!, src.baseAddress! + start, n) }
                }
            }
            buffer = bigger
            start = 0
            end = n
        }
        while true {
            let r = buffer.withUnsafeMutableBufferPointer { b in
                read(fd, b.baseAddress! + end, b.count - end)
            }
            if r > 0 {
                end += r
                return true
            }
            if r < 0 && errno == EINTR { continue }
            if r < 0 { readError = errno }
            atEOF = true
            return false
        }
    }

    /// Fills until at least `n` bytes are buffered or the input ends; returns a copy of them (a
    /// copy, so that holding it does not make every later `fill` copy the buffer).
    func peek(_ n: Int) -> [UInt8] {
        while available < n && fill() {}
        return Array(buffer[start..<min(end, start + n)])
    }

    enum LineResult {
        /// A line `buffer[range]` without its newline; valid until the next call.
        case line(Range<Int>)
        /// A line longer than the limit was skipped; its length in bytes.
        case tooLong(Int)
        case eof
    }

    /// The next line (without `\n`), or `.tooLong` if it exceeds `maxLine` bytes (then skipped).
    func nextLine(maxLine: Int) -> LineResult {
        var scanned = start
        while true {
            let found: Int? = buffer.withUnsafeBufferPointer { b in
                guard scanned < end else { return nil }
                let p = memchr(b.baseAddress! + scanned, 10, end - scanned)
                return p.map { UnsafeRawPointer($0) - UnsafeRawPointer(b.baseAddress!) }
            }
            if let nl = found {
                let r = start..<nl
                start = nl + 1
                return .line(r)
            }
            scanned = end
            if end - start > maxLine {
                return .tooLong(skipLine(already: end - start))
            }
            let before = start
            if !fill() {
                if start < end {
                    let r = start..<end
                    start = end
                    return .line(r)
                }
                return .eof
            }
            scanned -= before - start  // the buffer may have been compacted
        }
    }

    /// Discards the rest of the current line; returns its total length.
    private func skipLine(already: Int) -> Int {
        var length = already
        start = end
        while fill() {
            let found: Int? = buffer.withUnsafeBufferPointer { b in
                let p = memchr(b.baseAddress! + start, 10, end - start)
                return p.map { UnsafeRawPointer($0) - UnsafeRawPointer(b.baseAddress!) }
            }
            if let nl = found {
                length += nl - start
                start = nl + 1
                return length
            }
            length += end - start
            start = end
        }
        return length
    }

    /// Reads everything up to `limit` bytes. Returns nil (and stops reading) when the input is
    /// larger; `total` then holds the size read so far.
    func readAll(limit: Int) -> [UInt8]? {
        while fill() {
            if end - start > limit { return nil }
        }
        if end - start > limit { return nil }
        return Array(buffer[start..<end])
    }

    /// Consumes `n` buffered bytes.
    func consume(_ n: Int) { start = min(end, start + n) }
}
