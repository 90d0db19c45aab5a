import CSQLite

/// Owns one `sqlite3*` and closes it when the last owner lets go.
///
/// The handle is separate from `Connection` so that statements can keep it alive without a reference cycle
/// (the connection's cache holds statements; statements hold the handle, not the connection). Closing uses
/// `sqlite3_close_v2`, which defers the real close until the last statement is finalized, so the order in
/// which ARC releases handles and statements never matters.
final class DatabaseHandle {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        sqlite3_close_v2(pointer)
    }
}
