import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The memory cmark allocates during one parse, taken from a per-thread arena: cmark asks for a block
/// per node and per buffer and frees each of them again when the tree is freed, and those calls were
/// most of the allocator's time in a lint of 5,000 documents. Small blocks are carved from 64 KB
/// chunks and never freed one by one: the whole arena is reset once the tree is converted and freed.
/// Blocks of 16 KB or more (a long paragraph's buffer) go to `malloc` and are freed when cmark frees them.
///
/// cmark's allocator callbacks take no context, so the arena is found through a thread-specific key:
/// a parse runs on one thread from its first allocation to the tree's last free.
enum CmarkArena {
    /// The allocator to hand to `cmark_parser_new_with_mem`, valid for the whole process (written once,
    /// before any parse can see it).
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        memory.initialize(to: cmark_mem(calloc: arenaCalloc, realloc: arenaRealloc, free: arenaFree))
        return memory
    }()

    /// Runs `body` (one parse, the conversion of its tree and the tree's free) with this thread's arena
    /// in place, and empties the arena afterwards.
    static func withArena<Result>(_ body: () -> Result) -> Result {
        let arena = Arena.current()
        defer { arena.reset() }
        return body()
    }

    static let chunkSize = 64 << 10
    static let largeSize = 16 << 10
}

/// One thread's arena: the chunk being carved, the chunks filled before it in this parse, and where the
/// latest block starts (so that growing the latest block needs no copy).
final class Arena {
    /// The first chunk stays allocated between parses; the later ones (`spare`) are freed by `reset`.
    private let first: UnsafeMutableRawPointer
    private var spare: [UnsafeMutableRawPointer] = []
    private var chunk: UnsafeMutableRawPointer
    private var capacity: Int
    private var used = 0
    private var latest = -1

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<Arena>.fromOpaque(pointer).release() }
        }
        return key
    }()

    private init() {
        first = malloc(CmarkArena.chunkSize)!
        chunk = first
        capacity = CmarkArena.chunkSize
    }

    deinit {
        reset()
        free(first)
    }

    /// This thread's arena, made on first use and released when the thread ends.
    static func current() -> Arena {
        if let existing = pthread_getspecific(key) { return Unmanaged<Arena>.fromOpaque(existing).takeUnretainedValue() }
        let arena = Arena()
        pthread_setspecific(key, Unmanaged.passRetained(arena).toOpaque())
        return arena
    }

    func reset() {
        for extra in spare { free(extra) }
        spare.removeAll(keepingCapacity: true)
        chunk = first
        capacity = CmarkArena.chunkSize
        used = 0
        latest = -1
    }

    /// A block of `size` bytes (8-byte aligned) with an 8-byte header holding its size; zeroed when asked.
    func allocate(_ size: Int, zeroed: Bool) -> UnsafeMutableRawPointer? {
        if size >= CmarkArena.largeSize { return ArenaHeader.allocateLarge(size, zeroed: zeroed) }
        let total = (size + 8 + 7) & ~7
        if used + total > capacity {
            // A block under 16 KB always fits in an empty chunk. Every chunk but the first is freed at the reset.
            guard let fresh = malloc(CmarkArena.chunkSize) else { return nil }
            spare.append(fresh)
            chunk = fresh
            capacity = CmarkArena.chunkSize
            used = 0
        }
        let header = chunk + used
        header.storeBytes(of: UInt64(size), as: UInt64.self)
        latest = used
        used += total
        let block = header + 8
        if zeroed { memset(block, 0, size) }
        return block
    }

    /// `block` resized to `size`: in place when it is the latest block of the chunk and there is room,
    /// otherwise copied to a new block (the old one stays until the reset).
    func resize(_ block: UnsafeMutableRawPointer, to size: Int) -> UnsafeMutableRawPointer? {
        let header = ArenaHeader(block)
        if header.isLarge { return ArenaHeader.resizeLarge(block, to: size) }
        let old = header.size
        if size < CmarkArena.largeSize, latest >= 0, chunk + latest + 8 == block {
            let total = (size + 8 + 7) & ~7
            if latest + total <= capacity {
                (block - 8).storeBytes(of: UInt64(size), as: UInt64.self)
                used = latest + total
                return block
            }
        }
        guard let moved = allocate(size, zeroed: false) else { return nil }
        memcpy(moved, block, min(old, size))
        return moved
    }
}

/// The 8 bytes before every block: its size, and whether it came from `malloc` on its own.
struct ArenaHeader {
    private static let largeFlag: UInt64 = 1 << 63
    let size: Int
    let isLarge: Bool

    init(_ block: UnsafeMutableRawPointer) {
        let word = (block - 8).load(as: UInt64.self)
        size = Int(word & ~Self.largeFlag)
        isLarge = word & Self.largeFlag != 0
    }

    static func allocateLarge(_ size: Int, zeroed: Bool) -> UnsafeMutableRawPointer? {
        guard let base = zeroed ? calloc(1, size + 8) : malloc(size + 8) else { return nil }
        base.storeBytes(of: UInt64(size) | largeFlag, as: UInt64.self)
        return base + 8
    }

    static func resizeLarge(_ block: UnsafeMutableRawPointer, to size: Int) -> UnsafeMutableRawPointer? {
        guard let base = realloc(block - 8, size + 8) else { return nil }
        base.storeBytes(of: UInt64(size) | largeFlag, as: UInt64.self)
        return base + 8
    }
}

private func arenaCalloc(_ count: Int, _ size: Int) -> UnsafeMutableRawPointer? {
    let (total, overflow) = count.multipliedReportingOverflow(by: size)
    guard !overflow else { return nil }
    return Arena.current().allocate(total, zeroed: true)
}

private func arenaRealloc(_ block: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
    guard let block else { return Arena.current().allocate(size, zeroed: false) }
    return Arena.current().resize(block, to: size)
}

private func arenaFree(_ block: UnsafeMutableRawPointer?) {
    guard let block, ArenaHeader(block).isLarge else { return }
    free(block - 8)
}
