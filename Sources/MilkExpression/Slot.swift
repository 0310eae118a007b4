/// A pre-resolved handle to a variable or register, so hot loops never look names up.
public struct Slot: Sendable, Hashable {
    /// ≥ 0: index into the context's variables; < 0: register `-(raw + 1)` in the shared memory.
    let raw: Int32

    init(variable index: Int) { raw = Int32(index) }
    init(register index: Int) { raw = -Int32(index) - 1 }

    var isRegister: Bool { raw < 0 }
    var registerIndex: Int { Int(-raw - 1) }
    var variableIndex: Int { Int(raw) }

    /// `reg00`…`reg99` (exactly two digits) name registers; anything else is an ordinary variable.
    static func registerNumber(_ lowerName: String) -> Int? {
        let u = Array(lowerName.utf8)
        guard u.count == 5, u[0] == UInt8(ascii: "r"), u[1] == UInt8(ascii: "e"), u[2] == UInt8(ascii: "g"),
              (48...57).contains(u[3]), (48...57).contains(u[4]) else { return nil }
        return Int(u[3] - 48) * 10 + Int(u[4] - 48)
    }
}
