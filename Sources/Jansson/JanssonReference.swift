internal import CJansson

/// Owns one reference to a jansson value and gives it back when it goes away, so no path, throwing or not,
/// can leak a tree or free one twice. Non-copyable because a copy would be a second owner of one reference.
///
/// Pointers to values inside the tree are borrowed from this owner and must not outlive it.
struct JanssonReference: ~Copyable {
    let pointer: UnsafeMutablePointer<json_t>

    /// Takes over a reference the caller owns (a new value, or one returned by `json_loadb`).
    init(owning pointer: UnsafeMutablePointer<json_t>) {
        self.pointer = pointer
    }

    deinit {
        json_decref(pointer)
    }
}
