import Storage

/// Hands the store that `run()` opens to handlers called before or after it exists: they
/// wait until it is open, or get the failure.
actor StoreGate {
    private var store: (any ManagerStore)?
    private var failure: InventoryError?
    private var waiters: [CheckedContinuation<any ManagerStore, any Error>] = []

    func get() async throws -> any ManagerStore {
        if let store { return store }
        if let failure { throw failure }
        return try await withCheckedThrowingContinuation { waiters.append($0) }
    }

    func open(_ store: any ManagerStore) {
        self.store = store
        failure = nil
        for waiter in waiters { waiter.resume(returning: store) }
        waiters.removeAll()
    }

    func close(_ failure: InventoryError) {
        store = nil
        self.failure = failure
        for waiter in waiters { waiter.resume(throwing: failure) }
        waiters.removeAll()
    }
}
