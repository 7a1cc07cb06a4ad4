import Kernel
import Testing
@testable import IPMISOL

struct ConsoleViewersTests {
    let a = Address(instance: "a", node: "n")
    let b = Address(instance: "b", node: "n")
    let c = Address(instance: "c", node: "n")

    @Test func firstAttacherWritesOthersObserve() {
        var viewers = ConsoleViewers()
        let first = viewers.attach(a, force: false, observeOnly: false)
        let second = viewers.attach(b, force: false, observeOnly: false)
        #expect(first.handover == .init(from: nil, to: first.id))
        #expect(second.handover == nil)
        #expect(viewers.isWriter(first.id) && !viewers.isWriter(second.id))
    }

    @Test func forceTakesTheKeyboard() {
        var viewers = ConsoleViewers()
        let first = viewers.attach(a, force: false, observeOnly: false)
        let forced = viewers.attach(b, force: true, observeOnly: false)
        #expect(forced.handover == .init(from: first.id, to: forced.id))
        #expect(viewers.writer == forced.id)
    }

    @Test func writerLeavingPromotesTheOldestWhoMayWrite() {
        var viewers = ConsoleViewers()
        let first = viewers.attach(a, force: false, observeOnly: false)
        let observer = viewers.attach(b, force: false, observeOnly: true)
        let third = viewers.attach(c, force: false, observeOnly: false)
        #expect(viewers.detach(first.id) == .init(from: nil, to: third.id))
        #expect(!viewers.isWriter(observer.id))
        #expect(viewers.detach(observer.id) == nil)
        #expect(viewers.detach(third.id) == .init(from: nil, to: nil))
        #expect(viewers.isEmpty && viewers.writer == nil)
    }

    @Test func observerNeverWritesEvenFirst() {
        var viewers = ConsoleViewers()
        let observer = viewers.attach(a, force: true, observeOnly: true)
        #expect(observer.handover == nil && viewers.writer == nil)
        let writer = viewers.attach(b, force: false, observeOnly: false)
        #expect(viewers.writer == writer.id)
    }
}
