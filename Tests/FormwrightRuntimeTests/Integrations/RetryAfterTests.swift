import FormwrightCore
import Testing

@testable import FormwrightRuntime

@Suite struct RetryAfterTests {
    /// 2026-10-21T07:28:00Z
    let now = Timestamp(seconds: 1_792_567_680)

    @Test func readsDelaySeconds() {
        #expect(RetryAfter.delay("120", now: now) == .seconds(120))
        #expect(RetryAfter.delay(" 0 ", now: now) == .zero)
        #expect(RetryAfter.delay("3600", now: now) == .seconds(3600))
    }

    @Test func boundsLongDelays() {
        #expect(RetryAfter.delay("3601", now: now) == RetryAfter.maximum)
        #expect(RetryAfter.delay("86400", now: now) == RetryAfter.maximum)
        #expect(RetryAfter.delay("99999999999999999999999999", now: now) == RetryAfter.maximum)
    }

    @Test func readsHTTPDates() {
        #expect(RetryAfter.delay("Wed, 21 Oct 2026 07:28:00 GMT", now: now) == .zero)
        #expect(RetryAfter.delay("Wed, 21 Oct 2026 07:29:30 GMT", now: now) == .seconds(90))
        #expect(RetryAfter.delay("Thu, 22 Oct 2026 07:28:00 GMT", now: now) == RetryAfter.maximum)
        #expect(RetryAfter.delay("Sun, 06 Nov 1994 08:49:37 GMT", now: now) == .zero)
        #expect(RetryAfter.delay("Sat, 29 Feb 2028 00:00:00 GMT", now: now) == RetryAfter.maximum)
    }

    @Test(arguments: [
        "", "soon", "-5", "+5", "1.5", "0x10", "Wed, 21 Oct 2026 07:28:00 UTC", "Wed, 21 Oct 2026 07:28 GMT",
        "Xyz, 21 Oct 2026 07:28:00 GMT", "Wed, 32 Oct 2026 07:28:00 GMT", "Wed, 21 Foo 2026 07:28:00 GMT",
        "Wed, 29 Feb 2026 07:28:00 GMT", "Wed, 21 Oct 2026 24:00:00 GMT", "Wed, +1 Oct 2026 07:28:00 GMT",
        "Wednesday, 21-Oct-26 07:28:00 GMT", "Wed,  21 Oct 2026 07:28:00 GMT",
    ])
    func ignoresWhatItCannotRead(text: String) {
        #expect(RetryAfter.delay(text, now: now) == nil)
    }
}
