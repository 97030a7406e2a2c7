import Foundation
import PythonSource
import Testing

/// Bytes of a `.py` file as Python's tokenizer sees them (PEP 263, PEP 3120).
@Suite struct SourceTextTests {
    @Test func byteOrderMarkLineEndingsAndEncodings() throws {
        #expect(
            try PythonSourceText.decode(Data([0xEF, 0xBB, 0xBF]) + Data("x = 1\r\ny = 2\rz = 3\n".utf8))
                == "x = 1\ny = 2\nz = 3\n")
        #expect(
            try PythonSourceText.decode(Data("# -*- coding: latin-1 -*-\nx = '".utf8) + Data([0xE9]) + Data("'\n".utf8))
                == "# -*- coding: latin-1 -*-\nx = 'é'\n")
        #expect(
            try PythonSourceText.decode(Data("#!/usr/bin/env python\n# vim: set fileencoding=utf-8 :\nx = 'é'\n".utf8))
                .hasSuffix("'é'\n"))
    }

    @Test(arguments: [
        (Data("x = 1\n# \u{FF}".utf8) + Data([0xFF]), 2, "Non-UTF-8 code starting with '\\xff'"),
        (Data("x = 1\n\u{0}".utf8), 2, "null bytes"),
        (Data("# coding: ebcdic\n".utf8), 1, "ebcdic"),
        (Data("# coding: ascii\nx = 'é'\n".utf8), 2, "'ascii' codec"),
    ])
    func whatCPythonRefusesIsAnErrorWithItsLine(_ data: Data, _ line: Int, _ message: String) {
        do {
            _ = try PythonSourceText.decode(data)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == line)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}
