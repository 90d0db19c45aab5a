import MultiPatternScanning
import StageKit

/// The scratches one thread scans with, made the first time the thread checks a record and kept until it
/// exits.
///
/// `check(_:into:)` is synchronous and called from many tasks of a stage value shared between them; a
/// `Scratch` must never be used by two scans at once. A thread runs one synchronous call at a time and a task
/// never changes thread inside one, so a scratch per thread is never shared, and, unlike a locked pool, costs
/// nothing per record but a `pthread_getspecific`.
final class ThreadScratch {
    let literalTriggers: Scratch
    let shapedTriggers: Scratch
    var shapeRegions = ShapeRegions()
    /// Trigger matches of the lines around the one being checked.
    var window = TriggerWindow()
    /// A line and scan padding after it, for lines with too few bytes after them in their chunk.
    var paddedLine: [UInt8] = []
    /// One per detector, indexed by raw value, made when the thread first needs it.
    private var precise: [Scratch?] = Array(repeating: nil, count: Detector.allCases.count)
    /// Match buffers reused across records.
    var triggerMatches: [Match] = []
    var preciseMatches: [Match] = []

    private init() {
        do {
            literalTriggers = try Scratch(for: TriggerDatabase.literal)
            shapedTriggers = try Scratch(for: TriggerDatabase.shaped)
        } catch {
            preconditionFailure("cannot allocate Vectorscan scratch: \(error)")
        }
        triggerMatches.reserveCapacity(16)
    }

    /// The scratch for `detector`'s precise database.
    func precise(_ detector: Detector) -> Scratch {
        if let scratch = precise[Int(detector.rawValue)] { return scratch }
        do {
            let scratch = try Scratch(for: PreciseDatabase.database(for: detector))
            precise[Int(detector.rawValue)] = scratch
            return scratch
        } catch {
            preconditionFailure("cannot allocate Vectorscan scratch: \(error)")
        }
    }

    /// The calling thread's scratches.
    static func current() -> ThreadScratch { perThread.current }

    private static let perThread = ThreadLocal { ThreadScratch() }
}
