/// Substring tests on UTF-8 bytes, without building strings. Inlinable, so that each caller gets a
/// copy specialised for its collection: called across modules unspecialised, every byte read went
/// through a witness table (2% of a realistic lint).
public enum ByteSearch {
    /// True when `needle` occurs in `bytes`; with `ignoringASCIICase`, `needle` must be lower case.
    @inlinable
    public static func contains<Bytes: RandomAccessCollection>(_ bytes: Bytes, _ needle: [UInt8], ignoringASCIICase: Bool = false) -> Bool
    where Bytes.Element == UInt8, Bytes.Index == Int {
        needle.isEmpty || firstIndex(of: needle, in: bytes, ignoringASCIICase: ignoringASCIICase) != nil
    }

    /// Where `needle` first occurs in `bytes`, if it does.
    @inlinable
    public static func firstIndex<Bytes: RandomAccessCollection>(of needle: [UInt8], in bytes: Bytes, ignoringASCIICase: Bool = false) -> Int?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        @inline(__always) func fold(_ byte: UInt8) -> UInt8 {
            ignoringASCIICase && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        var start = bytes.startIndex
        let last = bytes.endIndex - needle.count
        while start <= last {
            if fold(bytes[start]) == first {
                var offset = 1
                while offset < needle.count, fold(bytes[start + offset]) == needle[offset] { offset += 1 }
                if offset == needle.count { return start }
            }
            start += 1
        }
        return nil
    }
}
