import Testing

@testable import FormwrightCore

@Suite struct IPAddressTests {
    @Test(arguments: [
        ("127.0.0.1", AddressScope.loopback), ("127.255.255.254", .loopback), ("10.0.0.1", .privateNetwork),
        ("10.255.255.255", .privateNetwork), ("172.16.0.1", .privateNetwork), ("172.31.255.255", .privateNetwork),
        ("172.15.255.255", .global), ("172.32.0.0", .global), ("192.168.1.1", .privateNetwork), ("192.169.0.1", .global),
        ("100.64.0.1", .sharedAddressSpace), ("100.127.255.255", .sharedAddressSpace), ("100.128.0.0", .global),
        ("169.254.169.254", .linkLocal), ("169.254.0.1", .linkLocal), ("0.0.0.0", .unspecified), ("0.1.2.3", .unspecified),
        ("224.0.0.1", .multicast), ("239.255.255.255", .multicast), ("240.0.0.1", .reserved), ("255.255.255.255", .reserved),
        ("8.8.8.8", .global), ("93.184.215.14", .global), ("1.1.1.1", .global),
    ])
    func classifiesIPv4(text: String, scope: AddressScope) throws {
        let address = try #require(IPAddress(text))
        #expect(address.scope == scope)
        #expect(address.isPublic == (scope == .global))
        #expect(address.description == text)
    }

    @Test(arguments: [
        ("::1", AddressScope.loopback), ("::", .unspecified), ("fe80::1", .linkLocal), ("febf::1", .linkLocal),
        ("fc00::1", .uniqueLocal), ("fd12:3456:789a::1", .uniqueLocal), ("ff02::1", .multicast), ("fec0::1", .reserved),
        ("::ffff:127.0.0.1", .loopback), ("::ffff:7f00:1", .loopback), ("::ffff:10.1.2.3", .privateNetwork),
        ("::ffff:169.254.169.254", .linkLocal), ("::ffff:8.8.8.8", .global), ("64:ff9b::7f00:1", .loopback),
        ("2002:c0a8:0101::1", .privateNetwork), ("2002:0808:0808::1", .global), ("::127.0.0.1", .reserved), ("::1:0:0:1", .reserved),
        ("2001:4860:4860::8888", .global), ("2606:4700::1111", .global),
    ])
    func classifiesIPv6(text: String, scope: AddressScope) throws {
        let address = try #require(IPAddress(text))
        #expect(address.scope == scope)
    }

    @Test(arguments: [
        "", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "0177.0.0.1", "1.2.3.-4", "1..2.3", "2130706433", "0x7f.0.0.1",
        "1.2.3.4 ", " 1.2.3.4", "１.2.3.4", ":::", "1::2::3", "12345::", "g::1", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7",
        "::1%eth0", "[::1]", "::+1", "-0::1", "::ffff:1.2.3", "::ffff:1.2.3.256", "1.2.3.4::", "fe80:::1", "localhost",
        String(repeating: "1", count: 100), String(repeating: "1:", count: 60),
    ])
    func refusesWhatIsNotAnAddressLiteral(text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test func writesIPv6InItsShortestForm() throws {
        #expect(try #require(IPAddress("2001:0db8:0000:0000:0000:0000:0000:0001")).description == "2001:db8::1")
        #expect(try #require(IPAddress("2001:db8:0:1:0:0:0:1")).description == "2001:db8:0:1::1")
        #expect(try #require(IPAddress("2001:db8:0:0:1:0:0:1")).description == "2001:db8::1:0:0:1")
        #expect(try #require(IPAddress("2001:db8:1:1:1:1:0:1")).description == "2001:db8:1:1:1:1:0:1")
        #expect(try #require(IPAddress("0:0:0:0:0:0:0:0")).description == "::")
        #expect(try #require(IPAddress("::ffff:127.0.0.1")).description == "::ffff:7f00:1")
        #expect(try #require(IPAddress("FE80::ABCD")).description == "fe80::abcd")
        #expect(try #require(IPAddress("::1")).urlHost == "[::1]")
        #expect(try #require(IPAddress("10.0.0.1")).urlHost == "10.0.0.1")
    }

    @Test func buildsFromBytes() {
        #expect(IPAddress(bytes: [127, 0, 0, 1]) == IPAddress("127.0.0.1"))
        #expect(IPAddress(bytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 169, 254, 169, 254]) == IPAddress("::ffff:169.254.169.254"))
        #expect(IPAddress(bytes: Array(repeating: 0, count: 15) + [1]) == IPAddress("::1"))
        #expect(IPAddress(bytes: [1, 2, 3]) == nil)
        #expect(IPAddress(bytes: []) == nil)
    }

    @Test func roundTripsEveryIPv4OctetAndRandomIPv6() throws {
        for octet in 0...255 {
            let text = "\(octet).\(255 - octet).\(octet / 2).\(octet % 7)"
            #expect(try #require(IPAddress(text)).description == text)
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) & (Bool.random() ? 0 : 0xFF) }
            let address = try #require(IPAddress(bytes: bytes))
            #expect(IPAddress(address.description) == address)
        }
    }
}
