extension Duration {
    /// Whole seconds, rounded up, for "within N s" messages.
    var roundedUpSeconds: Int64 {
        let (seconds, attoseconds) = components
        return attoseconds > 0 ? seconds + 1 : seconds
    }
}
