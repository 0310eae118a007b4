/// One numeric key of a preset file and where its value lives in a model value of type `Root`.
///
/// The tables of these drive reading and writing, so a key is named once.
struct PresetField<Root>: @unchecked Sendable {
    enum Slot {
        /// A float read with `sscanf("%f")`; `missing` is the value MilkDrop uses when the key is absent or holds
        /// no number, if that differs from the model's default.
        case float(WritableKeyPath<Root, Float>, missing: Float?)
        /// An integer read with `sscanf("%d")`.
        case int(WritableKeyPath<Root, Int>)
        /// An integer read with `sscanf("%d")` and tested against zero.
        case bool(WritableKeyPath<Root, Bool>)
    }

    var key: String
    var slot: Slot

    init(key: String, slot: Slot) {
        self.key = key
        self.slot = slot
    }

    /// The lower-cased keys of `fields` behind `prefix` (e.g. "wavecode_2_"), for lookups.
    static func lowercasedKeys(_ fields: [Self], prefix: String) -> [String] {
        fields.map { PresetEntries.lowercased(prefix + $0.key) }
    }

    static func float(_ key: String, _ path: WritableKeyPath<Root, Float>, missing: Float? = nil) -> Self {
        Self(key: key, slot: .float(path, missing: missing))
    }
    static func int(_ key: String, _ path: WritableKeyPath<Root, Int>) -> Self { Self(key: key, slot: .int(path)) }
    static func bool(_ key: String, _ path: WritableKeyPath<Root, Bool>) -> Self { Self(key: key, slot: .bool(path)) }

    /// Reads the field from `lookup` (a value or nil when the key is absent) into `root`.
    func read(into root: inout Root, _ value: String?) {
        switch slot {
        case let .float(path, missing):
            if let value, let number = MilkNumber.float(value) {
                root[keyPath: path] = number
            } else if let missing {
                root[keyPath: path] = missing
            }
        case let .int(path):
            if let value, let number = MilkNumber.int(value) { root[keyPath: path] = number }
        case let .bool(path):
            if let value, let number = MilkNumber.int(value) { root[keyPath: path] = number != 0 }
        }
    }

    /// The field's value as written to a file.
    func text(of root: Root) -> String {
        switch slot {
        case let .float(path, _): MilkNumber.text(root[keyPath: path])
        case let .int(path): String(root[keyPath: path])
        case let .bool(path): root[keyPath: path] ? "1" : "0"
        }
    }
}
