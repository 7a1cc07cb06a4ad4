/// Hands a value that `run()` builds to handlers that may be called before it exists:
/// they wait until it is set, or get the failure.
actor ServiceGate<Value: Sendable> {
    private var value: Value?
    private var failure: AuthError?
    private var waiters: [CheckedContinuation<Value, any Error>] = []

    func get() async throws(AuthError) -> Value {
        if let value { return value }
        if let failure { throw failure }
        do {
            return try await withCheckedThrowingContinuation { waiters.append($0) }
        } catch let error as AuthError {
            throw error
        } catch {
            throw .unavailable("\(error)")
        }
    }

    func open(_ value: Value) {
        self.value = value
        failure = nil
        for waiter in waiters { waiter.resume(returning: value) }
        waiters.removeAll()
    }

    func close(_ failure: AuthError) {
        value = nil
        self.failure = failure
        for waiter in waiters { waiter.resume(throwing: failure) }
        waiters.removeAll()
    }
}
