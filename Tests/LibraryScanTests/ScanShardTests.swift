import LibraryScan
import ScanFormat
import Testing

struct ScanShardTests {
    let paths = (0..<3000).map { "folder \($0 / 100)/preset \($0).milk" }

    @Test func shardsPartitionAnyLibraryExactly() {
        for count in [1, 2, 3, 7] {
            var seen = 0
            for index in 0..<count {
                let shard = ScanShard(index: index, count: count)
                seen += paths.filter { shard.contains(path: $0) }.count
            }
            #expect(seen == paths.count)
            for path in paths.prefix(50) {
                #expect((0..<count).filter { ScanShard(index: $0, count: count).contains(path: path) }.count == 1)
            }
        }
    }

    @Test func splitIsDeterministicAndBalanced() {
        let sizes = (0..<3).map { index in paths.filter { ScanShard(index: index, count: 3).contains(path: $0) }.count }
        #expect(sizes.allSatisfy { abs($0 - 1000) < 120 })
        #expect(ScanShard.shard(ofPath: "a.milk", count: 5) == ScanShard.shard(ofPath: "a.milk", count: 5))
    }

    @Test func parsesKOverN() throws {
        #expect(try ScanShard.parse("2/3") == ScanShard(index: 2, count: 3))
        for bad in ["3/3", "-1/3", "1", "a/b", "0/0", "1/2/3"] {
            #expect(throws: LibraryScanError.self) { try ScanShard.parse(bad) }
        }
    }
}
