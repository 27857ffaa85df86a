import SOTSource

/// A file's stat in the caches' byte format: its seven fields as integers, in one order for every cache.
extension ByteWriter {
    mutating func stat(_ stat: FileStat) {
        for value in [stat.size, stat.modifiedSeconds, stat.modifiedNanoseconds, stat.changedSeconds, stat.changedNanoseconds,
                      stat.inode, stat.device] {
            int(Int(value))
        }
    }
}

extension ByteReader {
    mutating func stat() throws(Malformed) -> FileStat {
        FileStat(size: Int64(try int()), modifiedSeconds: Int64(try int()), modifiedNanoseconds: Int64(try int()),
                 changedSeconds: Int64(try int()), changedNanoseconds: Int64(try int()), inode: Int64(try int()), device: Int64(try int()))
    }
}
