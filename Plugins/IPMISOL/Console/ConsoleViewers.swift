import Kernel

/// Who watches one console and who holds its keyboard, as a pure value.
///
/// Rules: the first viewer that may write becomes the writer; later viewers observe
/// read-only. `force` takes the writer role over. When the writer leaves, the longest-attached
/// viewer that may write takes over.
struct ConsoleViewers: Sendable {
    typealias ID = UInt64

    struct Viewer: Equatable, Sendable {
        var id: ID
        var caller: Address
        /// Asked to observe only; never becomes the writer.
        var observeOnly: Bool
    }

    /// A role change that viewers must hear about.
    struct Handover: Equatable, Sendable {
        /// The viewer who lost the keyboard, if any.
        var from: ID?
        /// The viewer who got it, if any.
        var to: ID?
    }

    private(set) var viewers: [Viewer] = []
    private(set) var writer: ID?
    private var nextID: ID = 1

    var isEmpty: Bool { viewers.isEmpty }

    func viewer(_ id: ID) -> Viewer? { viewers.first { $0.id == id } }

    func isWriter(_ id: ID) -> Bool { writer == id }

    /// Adds a viewer; returns its ID and the handover if the writer changed.
    mutating func attach(_ caller: Address, force: Bool, observeOnly: Bool) -> (id: ID, handover: Handover?) {
        let id = nextID
        nextID += 1
        viewers.append(Viewer(id: id, caller: caller, observeOnly: observeOnly))
        guard !observeOnly, writer == nil || force else { return (id, nil) }
        let handover = Handover(from: writer, to: id)
        writer = id
        return (id, handover)
    }

    /// Removes a viewer; returns the handover if the writer left and someone took over.
    mutating func detach(_ id: ID) -> Handover? {
        guard viewers.contains(where: { $0.id == id }) else { return nil }
        viewers.removeAll { $0.id == id }
        guard writer == id else { return nil }
        writer = viewers.first { !$0.observeOnly }?.id
        return Handover(from: nil, to: writer)
    }
}
