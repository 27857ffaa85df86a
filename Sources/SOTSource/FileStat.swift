#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says of a file that changes whenever its content can have changed: size, modification
/// and status-change times to the nanosecond, inode and device. Equal stats mean an unchanged file,
/// unless the file was modified within the clock's granularity of the moment the stat was taken.
public struct FileStat: Sendable, Hashable {
    public let size: Int64
    public let modifiedSeconds: Int64
    public let modifiedNanoseconds: Int64
    public let changedSeconds: Int64
    public let changedNanoseconds: Int64
    public let inode: Int64
    public let device: Int64

    public init(size: Int64, modifiedSeconds: Int64, modifiedNanoseconds: Int64, changedSeconds: Int64,
                changedNanoseconds: Int64, inode: Int64, device: Int64) {
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.changedSeconds = changedSeconds
        self.changedNanoseconds = changedNanoseconds
        self.inode = inode
        self.device = device
    }

    /// The stat of a regular file, nil when there is none.
    public static func of(_ path: String) -> FileStat? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStat(info)
    }

    private init?(_ info: stat) {
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if canImport(Glibc)
        self.init(size: Int64(info.st_size), modifiedSeconds: Int64(info.st_mtim.tv_sec), modifiedNanoseconds: Int64(info.st_mtim.tv_nsec),
                  changedSeconds: Int64(info.st_ctim.tv_sec), changedNanoseconds: Int64(info.st_ctim.tv_nsec),
                  inode: Int64(bitPattern: UInt64(info.st_ino)), device: Int64(bitPattern: UInt64(info.st_dev)))
        #else
        self.init(size: Int64(info.st_size), modifiedSeconds: Int64(info.st_mtimespec.tv_sec), modifiedNanoseconds: Int64(info.st_mtimespec.tv_nsec),
                  changedSeconds: Int64(info.st_ctimespec.tv_sec), changedNanoseconds: Int64(info.st_ctimespec.tv_nsec),
                  inode: Int64(bitPattern: UInt64(info.st_ino)), device: Int64(info.st_dev))
        #endif
    }

    /// True when the file may still change within the same timestamps: its modification or status
    /// change is less than `margin` seconds before `now` (git's "racily clean" problem).
    public func isRecent(now: Int64, margin: Int64 = 2) -> Bool {
        max(modifiedSeconds, changedSeconds) + margin >= now
    }

    /// Seconds since the epoch, for `isRecent`.
    public static func now() -> Int64 {
        Int64(time(nil))
    }
}
