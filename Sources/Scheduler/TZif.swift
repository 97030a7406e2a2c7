import Foundation

/// The tz database's binary file format (RFC 8536), version 1 to 4: the 64-bit data block and the footer rule.
enum TZif {
    struct Malformed: Error {}

    static func parse(_ data: Data, key: String) throws -> ZoneRules {
        let bytes = [UInt8](data)
        var reader = Reader(bytes: bytes)
        guard try reader.take(4) == Array("TZif".utf8) else { throw Malformed() }
        let version = try reader.byte()
        try reader.skip(15)
        var header = try reader.counts()
        if version >= 0x32 {
            // Skip the 32-bit block: the 64-bit one follows with its own header.
            try reader.skip(header.dataLength(timeSize: 4))
            guard try reader.take(4) == Array("TZif".utf8) else { throw Malformed() }
            try reader.skip(16)
            header = try reader.counts()
        }
        let timeSize = version >= 0x32 ? 8 : 4
        var transitions: [Int64] = []
        for _ in 0..<header.timeCount { transitions.append(try reader.signed(timeSize)) }
        var indices: [Int] = []
        for _ in 0..<header.timeCount { indices.append(Int(try reader.byte())) }
        var rawTypes: [(offset: Int, isDST: Bool, index: Int)] = []
        for _ in 0..<header.typeCount {
            let offset = Int(try reader.signed(4))
            let isDST = try reader.byte() != 0
            rawTypes.append((offset, isDST, Int(try reader.byte())))
        }
        let characters = try reader.take(header.charCount)
        try reader.skip(header.leapCount * (timeSize + 4) + header.isStdCount + header.isUTCount)
        let types = try rawTypes.map { raw -> ZoneRules.LocalType in
            guard raw.index < characters.count else { throw Malformed() }
            let name = characters[raw.index...].prefix { $0 != 0 }
            return ZoneRules.LocalType(
                offset: raw.offset, isDST: raw.isDST, abbreviation: String(decoding: name, as: UTF8.self))
        }
        guard !types.isEmpty, indices.allSatisfy({ $0 < types.count }) else { throw Malformed() }
        var footer: PosixZoneRule?
        if version >= 0x32, let rest = try? reader.take(bytes.count - reader.position),
            rest.first == UInt8(ascii: "\n")
        {
            let text = String(decoding: rest.dropFirst().prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
            footer = text.isEmpty ? nil : PosixZoneRule(text)
        }
        return ZoneRules(
            key: key, transitions: transitions, transitionTypes: indices.map { types[$0] }, initialType: types[0],
            footer: footer)
    }

    struct Counts {
        var isUTCount, isStdCount, leapCount, timeCount, typeCount, charCount: Int

        func dataLength(timeSize: Int) -> Int {
            timeCount * timeSize + timeCount + typeCount * 6 + charCount + leapCount * (timeSize + 4) + isStdCount
                + isUTCount
        }
    }

    struct Reader {
        let bytes: [UInt8]
        var position = 0

        mutating func take(_ count: Int) throws -> [UInt8] {
            guard count >= 0, position + count <= bytes.count else { throw Malformed() }
            defer { position += count }
            return Array(bytes[position..<position + count])
        }

        mutating func skip(_ count: Int) throws { _ = try take(count) }

        mutating func byte() throws -> UInt8 { try take(1)[0] }

        mutating func signed(_ size: Int) throws -> Int64 {
            var value: UInt64 = 0
            for byte in try take(size) { value = value << 8 | UInt64(byte) }
            // Sign-extend from `size` bytes.
            let shift = UInt64(64 - size * 8)
            return Int64(bitPattern: value << shift) >> Int64(shift)
        }

        mutating func counts() throws -> Counts {
            var values: [Int] = []
            for _ in 0..<6 {
                let value = try signed(4)
                guard value >= 0, value < 1_000_000 else { throw Malformed() }
                values.append(Int(value))
            }
            return Counts(
                isUTCount: values[0], isStdCount: values[1], leapCount: values[2], timeCount: values[3],
                typeCount: values[4], charCount: values[5])
        }
    }
}
