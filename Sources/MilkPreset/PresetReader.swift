/// Reads the model out of a file's entries in MilkDrop's way, remembering which entries it used.
///
/// Lookups follow MilkDrop 2's `_GetLineByName`: keys are asked for in `CState::Import`'s order; if the line after
/// the one last read has the wanted key, that line is used, otherwise the first line with the key in the file. So a
/// repeated key usually reads its first occurrence, but a repeat that directly follows the previously read key wins.
/// (Unlike MilkDrop, keys match in any case, as in projectM.)
struct PresetReader {
    var entries: PresetEntries
    private var consumed: [Bool]
    private var cursor = 0
    private(set) var consumedCount = 0

    init(entries: PresetEntries) {
        self.entries = entries
        consumed = Array(repeating: false, count: entries.entries.count)
    }

    /// The value MilkDrop reads for `key` (any case), or nil when the file lacks it; moves the "next line" cursor.
    mutating func value(_ key: String) -> String? {
        value(lowercasedKey: PresetEntries.lowercased(key))
    }

    private mutating func value(lowercasedKey: String) -> String? {
        let index: Int
        if cursor < entries.lowercasedKeys.count, entries.lowercasedKeys[cursor] == lowercasedKey {
            index = cursor
        } else if let first = entries.firstIndex[lowercasedKey] {
            index = first
        } else {
            return nil
        }
        cursor = index + 1
        return use(index)
    }

    /// The first occurrence of `key`, for values MilkDrop does not read at this point (the cursor stays).
    private mutating func peek(_ key: String) -> String? {
        guard let index = entries.firstIndex[PresetEntries.lowercased(key)] else { return nil }
        return use(index)
    }

    private mutating func use(_ index: Int) -> String {
        if !consumed[index] {
            consumed[index] = true
            consumedCount += 1
        }
        return entries.entries[index].value
    }

    /// The numbered lines `prefix1`, `prefix2` … up to the first missing number, one leading backtick removed
    /// from each (MilkDrop's `ReadCode`).
    mutating func code(_ prefix: String) -> [String] {
        let lowerPrefix = PresetEntries.lowercased(prefix)
        var lines: [String] = []
        while let line = value(lowercasedKey: lowerPrefix + String(lines.count + 1)) {
            lines.append(line.first == "`" ? String(line.dropFirst()) : line)
        }
        return lines
    }

    /// Reads `fields`, whose lower-cased full keys are `keys`, into `root`.
    mutating func read<Root>(_ fields: [PresetField<Root>], keys: [String], into root: inout Root) {
        for (field, key) in zip(fields, keys) { field.read(into: &root, value(lowercasedKey: key)) }
    }

    /// The header: MilkDrop reads PSVERSION only for version 200 and PSVERSION_WARP/COMP only above; the others are
    /// kept too, but looked up without moving the cursor.
    private mutating func readHeader() -> PresetHeader {
        var header = PresetHeader()
        header.milkdropPresetVersion = value("MILKDROP_PRESET_VERSION").flatMap { MilkNumber.int($0) }
        let version = header.version
        let ps = version == 200 ? value("PSVERSION") : peek("PSVERSION")
        let warp = version > 200 ? value("PSVERSION_WARP") : peek("PSVERSION_WARP")
        let comp = version > 200 ? value("PSVERSION_COMP") : peek("PSVERSION_COMP")
        header.psVersion = ps.flatMap { MilkNumber.int($0) }
        header.psVersionWarp = warp.flatMap { MilkNumber.int($0) }
        header.psVersionComp = comp.flatMap { MilkNumber.int($0) }
        return header
    }

    mutating func read(name: String) -> Preset {
        var preset = Preset(name: name)
        preset.header = readHeader()
        for (field, key) in zip(BaseValues.leadingFields, BaseValues.leadingKeys) {
            if key == "mv_a" {
                // MilkDrop sets mv_a from the old on/off switch first, then lets mv_a override it.
                let on = value(BaseValues.legacyMotionVectorsKey).flatMap { MilkNumber.int($0) } ?? 0
                preset.base.mvA = on != 0 ? 1 : 0
            }
            field.read(into: &preset.base, value(lowercasedKey: key))
        }
        for i in 0..<Preset.waveCount {
            read(CustomWave.fields, keys: CustomWave.lowercasedKeys[i], into: &preset.waves[i])
            preset.waves[i].initCode = code(CodeBlockKind.waveInit(i).keyPrefix)
            preset.waves[i].perFrameCode = code(CodeBlockKind.wavePerFrame(i).keyPrefix)
            preset.waves[i].perPointCode = code(CodeBlockKind.wavePerPoint(i).keyPrefix)
        }
        for i in 0..<Preset.shapeCount {
            read(CustomShape.fields, keys: CustomShape.lowercasedKeys[i], into: &preset.shapes[i])
            preset.shapes[i].initCode = code(CodeBlockKind.shapeInit(i).keyPrefix)
            preset.shapes[i].perFrameCode = code(CodeBlockKind.shapePerFrame(i).keyPrefix)
        }
        read(BaseValues.motionFields, keys: BaseValues.motionKeys, into: &preset.base)
        preset.perFrameInitCode = code(CodeBlockKind.perFrameInit.keyPrefix)
        preset.perFrameCode = code(CodeBlockKind.perFrame.keyPrefix)
        preset.perPixelCode = code(CodeBlockKind.perPixel.keyPrefix)
        preset.warpShader = code("warp_")
        preset.compShader = code("comp_")

        preset.extraEntries = entries.entries.indices
            .filter { !consumed[$0] && !entries.entries[$0].key.isEmpty }
            .map { entries.entries[$0] }
        preset.notes.hadSectionHeader = !entries.sectionHeaders.isEmpty
        preset.notes.nulBytes = entries.nulCount
        preset.notes.ignoredLines = entries.ignoredLineCount
        preset.notes.repeatedKeys = entries.keyedCount - entries.firstIndex.count
        return preset
    }
}
