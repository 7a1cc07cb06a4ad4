import Kernel

extension RFBViewerSession {
    /// Tells a viewer that there is no session and why, in the form its RFB version shows
    /// (RFB 3.8: a failed SecurityResult with `reason`). Waits at most `timeout` for the
    /// viewer's replies. Best effort: a viewer that has gone is not an error.
    public static func reject(viewer: Duplex, reason: String, timeout: Duration = .seconds(5)) async {
        try? await RFBDuplexViewerHandshake.reject(viewer: viewer, reason: reason, timeout: timeout)
    }
}
