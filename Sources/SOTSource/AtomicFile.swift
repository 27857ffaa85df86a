#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file through a temporary file in the same folder and a rename, so that a reader sees the
/// old content or the new, never half of it.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t) throws(SOTLintError) {
        try write(chunks: [bytes], to: path, mode: mode)
    }

    /// Writes the concatenation of `chunks`, one after the other.
    public static func write(chunks: [[UInt8]], to path: String, mode: mode_t) throws(SOTLintError) {
        let temporary = path + ".sot-lint-\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, mode)
        guard descriptor >= 0 else { throw .unwritableFile(path: path, reason: FilePath.errnoText()) }
        for bytes in chunks {
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress?.advanced(by: offset), bytes.count - offset) }
                if written < 0 {
                    if errno == EINTR { continue }
                    let reason = FilePath.errnoText()
                    close(descriptor)
                    unlink(temporary)
                    throw .unwritableFile(path: path, reason: reason)
                }
                offset += written
            }
        }
        fchmod(descriptor, mode)
        guard close(descriptor) == 0, rename(temporary, path) == 0 else {
            let reason = FilePath.errnoText()
            unlink(temporary)
            throw .unwritableFile(path: path, reason: reason)
        }
    }
}
