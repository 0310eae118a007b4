import LiveShow
import Testing

struct LiveKeyTests {
    typealias Code = LiveKey.Code

    @Test func arrowsLettersAndDigitsMapToTheirActions() {
        #expect(LiveKey.action(keyCode: Code.right) == .nextPair)
        #expect(LiveKey.action(keyCode: Code.left) == .previousPair)
        #expect(LiveKey.action(keyCode: Code.character("N")) == .nextPair)
        #expect(LiveKey.action(keyCode: Code.space) == .toggleLock)
        #expect(LiveKey.action(keyCode: Code.character("r")) == .randomPick)
        #expect(LiveKey.action(keyCode: Code.character("h")) == .toggleHUD)
        #expect(LiveKey.action(keyCode: Code.character("c")) == .cycleCouplingMode)
        #expect(LiveKey.action(keyCode: Code.up) == .adjust(.strength, up: true))
        #expect(LiveKey.action(keyCode: Code.character("[")) == .adjust(.parallax, up: false))
        #expect(LiveKey.action(keyCode: Code.character(".")) == .adjust(.dof, up: true))
        #expect(LiveKey.action(keyCode: Code.character("m")) == .togglePickMode)
        #expect(LiveKey.action(keyCode: Code.character("3")) == .rate(3))
        #expect(LiveKey.action(keyCode: Code.character("6")) == nil)
        #expect(LiveKey.action(keyCode: Code.character("f")) == .toggleFullscreen)
        #expect(LiveKey.action(keyCode: Code.escape) == .quit)
        #expect(LiveKey.action(keyCode: Code.character("z")) == nil)
    }

    @Test func questionMarkIsShiftSlash() {
        #expect(LiveKey.action(keyCode: Code.character("/"), shift: true) == .toggleHelp)
        #expect(LiveKey.action(keyCode: Code.character("/"), shift: false) == nil)
        #expect(LiveKey.action(keyCode: Code.f1) == .toggleHelp)
    }

    /// The help screen lists every action some key triggers, and only those.
    @Test func helpListsEveryBoundAction() {
        var codes: [Int32] = [Code.escape, Code.tab, Code.space, Code.right, Code.left, Code.up, Code.down, Code.f1, Code.f11]
        codes += (32..<127).map { Int32($0) }
        var reachable = Set<LiveAction>()
        for code in codes {
            for shift in [false, true] {
                if let action = LiveKey.action(keyCode: code, shift: shift) { reachable.insert(action) }
            }
        }
        let listed = Set(LiveKey.bindings.flatMap(\.actions))
        #expect(reachable == listed)
        #expect(listed.count == 21)
    }

    @Test func actionsChangeTheSettingsTheyName() {
        var config = ShowConfig()
        #expect(config.apply(.cycleCouplingMode) && config.couplingMode == "off")
        config.apply(.cycleCouplingMode)
        config.apply(.cycleCouplingMode)
        #expect(config.couplingMode == "on")
        config.strength = 0.95
        config.apply(.adjust(.strength, up: true))
        #expect(config.strength == 1)
        #expect(config.apply(.adjust(.strength, up: true)) == false)
        config.parallax = 0.6
        for _ in 0..<3 { config.apply(.adjust(.parallax, up: false)) }
        #expect(config.parallax == 0.3)
        config.apply(.togglePickMode)
        #expect(config.pickMode == .random)
        #expect(config.apply(.nextPair) == false)
        #expect(config.apply(.rate(4)) == false)
    }
}

extension LiveKeyTests {
    @Test func keyScriptsNameKeysByCharacterOrName() throws {
        let presses = try LiveKey.script("3:c,10:right,12:?,20:4")
        #expect(presses.map(\.frame) == [3, 10, 12, 20])
        #expect(LiveKey.action(keyCode: presses[0].code, shift: presses[0].shift) == .cycleCouplingMode)
        #expect(LiveKey.action(keyCode: presses[1].code, shift: presses[1].shift) == .nextPair)
        #expect(LiveKey.action(keyCode: presses[2].code, shift: presses[2].shift) == .toggleHelp)
        #expect(LiveKey.action(keyCode: presses[3].code, shift: presses[3].shift) == .rate(4))
        #expect(throws: LiveShowError.self) { try LiveKey.script("3:nokey") }
        #expect(throws: LiveShowError.self) { try LiveKey.script("x:c") }
    }
}
