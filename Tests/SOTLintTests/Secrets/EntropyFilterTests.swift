import XCTest
@testable import SOTSource
@testable import SOTSecrets

/// What the high-entropy detectors of code and the generic assignments must not report, each case from
/// real documentation (rewritten here), and random tokens they must still report.
final class EntropyFilterTests: XCTestCase {
    private func slice(_ text: String) -> ArraySlice<UInt8> { ArraySlice(Array(text.utf8)) }

    func testStructuredTextIsNotASecret() {
        for text in ["Add-ADFineGrainedPasswordPolicySubject", "msDS-AllowedToActOnBehalfOfOtherIdentity",
                     "Microsoft-Windows-Kernel-WHEA/Operational", "XDG_DATA_HOME/powershell/PSReadLine/",
                     "PublicKeyToken=31bf3856ad364e35", "TotalMicroseconds=54626931047",
                     "amd64_microsoft-windows-powershell-exe_31bf3856ad364e35_10.0.22621.30",
                     "__DynamicModule_6b5cbe82-d634-41d1-ae5e-ad7fe8d57fe0", "tmp_79468106-4e1d-4d90-af97-1154f9317239_tcw1zunz.ttf",
                     "k8s.io/kube-scheduler/config/v1alpha1/types.go", "X509SubjectAlternativeNameExtension",
                     "local-path-provisioner-c8855d4bb-qxw7g", "BenchmarkScheduling/5000Nodes/1000Pods",
                     "/tmp/_artifacts/200719T231746", "build-20260101T0930Z"] {
            XCTAssertTrue(EntropyFilter.isStructured(slice(text)), text)
        }
        for text in ["_RINvNtC3std3mem8align_ofjE", "_ZN4core3fmt5write17h2bd9a5e3c1f0e1a6E", "k3.public.AmDwjlyf8jAV3gm5Z7Kz9xAOcsKs",
                     "longpodnametestsfail23423423432wer-547cc5-st6dd", "web-7d4b9c6f5-x2kqz"] {
            XCTAssertTrue(EntropyFilter.isSymbolOrPublic(slice(text)), text)
        }
    }

    func testRandomTokensStayReportable() {
        for text in ["C3J27XDCG2LmlZGEONYlgCtjfIZ4SOcMz9CP", "VNPkNa1Hedcm4pMbXDuCL1mHoOsFaQfDPrAJ71fT",
                     "proJnFy4geFGfyNmxH3yeoPvwEYzdnsoVqqDPAd8D3wao77z7OhJ", "1GNwnc6GGf6ksS/JVBqs3jnGYkR4aLVS",
                     "k3.secret.fNYVuMvBgOlljt9TDohnaYLblghqaHoQquVZwgR6X12c"] {
            XCTAssertFalse(EntropyFilter.isStructured(slice(text)), text)
            XCTAssertFalse(EntropyFilter.isSymbolOrPublic(slice(text)), text)
            XCTAssertFalse(EntropyFilter.isBase64OfText(slice(text)), text)
            XCTAssertFalse(EntropyFilter.isAccountName(slice(text)), text)
        }
    }

    func testSamplePasswordsAndEncodedPlaceholders() {
        for sample in ["P@S$w0rd!", "Passw0rd1", "MyP4ssword#", "passwort123"] {
            XCTAssertTrue(PlaceholderFilter.spellsPassword(slice(sample)), sample)
        }
        for value in ["c2VjcmV0Cg==", "c2VjcmV0", "YWRtaW4=", "cGFzc3dvcmQxMjM="] {
            XCTAssertTrue(PlaceholderFilter.isEncodedPlaceholder(slice(value)), value)
        }
        for value in ["Wq4nZt8yLk2vRc", "dG9wLWxldmVsLXJhbmRvbS1rZXktOTk4", "Xk9vQ2FtZ3Rq"] {
            XCTAssertFalse(PlaceholderFilter.spellsPassword(slice(value)), value)
            XCTAssertFalse(PlaceholderFilter.isEncodedPlaceholder(slice(value)), value)
        }
        XCTAssertTrue(PlaceholderFilter.isSequence(slice("0123456789abcdef0123456789abcdef")))
        XCTAssertTrue(PlaceholderFilter.isSequence(slice("abcdefghijklmnop")))
        XCTAssertFalse(PlaceholderFilter.isSequence(slice("9c3e6b1f0a7d42e58b61c0f3d2a9e4b7")))
        XCTAssertFalse(EntropyFilter.isSymbolOrPublic(slice("Web-7d4b9c6f5-x2kqz")), "upper case: not kubectl's")
        XCTAssertFalse(EntropyFilter.isSymbolOrPublic(slice("a9f3k2-7d4b9c6f5x")), "two parts")
    }

    func testBase64OfTextAndAccountNames() {
        XCTAssertTrue(EntropyFilter.isBase64OfText(slice("VGhpcyBpcyBqdXN0IGEgc2VudGVuY2Ugb2YgdGV4dC4=")))
        for account in ["Domain01\\Admin01", "Domain01/Admin01", "server01\\user01", "exchangeadmin01@hotmail.com"] {
            XCTAssertTrue(EntropyFilter.isAccountName(slice(account)), account)
        }
        XCTAssertFalse(EntropyFilter.isAccountName(slice("P@S$w0rd!")))
    }

    func testContextExplainsAValue() {
        func explained(_ line: String, _ value: String) -> Bool {
            let bytes = Array(line.utf8)
            let start = ByteSearch.firstIndex(of: Array(value.utf8), in: bytes)!
            return bytes.withUnsafeBufferPointer { EntropyFilter.isExplainedByContext(start..<(start + value.utf8.count), in: $0) }
        }
        let token = "C3J27XDCG2LmlZGEONYlgCtjfIZ4SOcMz9CP"
        XCTAssertTrue(explained("see https://learn.example.test/a/\(token)/b", token))
        XCTAssertFalse(explained("see https://user:\(token)@host.test/", token), "credentials in a URL are no explanation")
        XCTAssertTrue(explained("password: ENC[AES256_GCM,data:\(token),iv:x]", token))
        XCTAssertTrue(explained("integrity sha512-\(token)", token))
        XCTAssertFalse(explained("export API_KEY=\(token)", token))
        XCTAssertTrue(explained("\"kid\": \"k3.pid.\(token)\"", token))
        XCTAssertFalse(explained("\"key\": \"k3.secret.\(token)\"", token))
        func meeting(_ line: String, _ value: String) -> Bool {
            let bytes = Array(line.utf8)
            let start = ByteSearch.firstIndex(of: Array(value.utf8), in: bytes)!
            return bytes.withUnsafeBufferPointer { EntropyFilter.isMeetingPasscode(start..<(start + value.utf8.count), in: $0) }
        }
        XCTAssertTrue(meeting("[Mondays](https://zoom.us/j/91522666403?pwd=WnRSNlNhNXhDWkR2ZU9ydGpsNWxtZz09)", "WnRSNlNhNXhDWkR2ZU9ydGpsNWxtZz09"))
        XCTAssertTrue(meeting("url: https://acme.zoom.us/j/739385290?pwd=ekVmNGRjT214MGJkY1JUUUpPMVlJUT09", "ekVmNGRjT214MGJkY1JUUUpPMVlJUT09"))
        XCTAssertFalse(meeting("https://db.acme.test/login?pwd=ekVmNGRjT214MGJkY1JUUUpPMVlJUT09", "ekVmNGRjT214MGJkY1JUUUpPMVlJUT09"))
        XCTAssertFalse(meeting("zoom.us/ notes; then DB_pwd=ekVmNGRjT214MGJkY1JUUUpPMVlJUT09", "ekVmNGRjT214MGJkY1JUUUpPMVlJUT09"))
        XCTAssertTrue(explained("GOOGLE_CLIENT_ID=439285713748-j50l4epxcxlmefpy9c5bknfib3b6hefr.apps.googleusercontent.com",
                                "439285713748-j50l4epxcxlmefpy9c5bknfib3b6hefr"))
        XCTAssertTrue(explained("mod v1.4.2 h1:W1rSiP1a3ZN5w4Jlw7talyjwz61ibg0tRo2SVTqBZwU=", "W1rSiP1a3ZN5w4Jlw7talyjwz61ibg0tRo2SVTqBZwU="))
        XCTAssertTrue(explained("url(data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQQJ6hrUsv9arVhfGl7bG7)", "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQQJ6hrUsv9arVhfGl7bG7"))
        XCTAssertTrue(explained("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILXaMmniafScr7mxgwKhj0 ops@b", "AAAAC3NzaC1lZDI1NTE5AAAAILXaMmniafScr7mxgwKhj0"))
        let sops = "password: ENC[AES256_GCM,data:ZMRRIk2JAavBsOKggchxpi/k,iv:63F8liW79FqqYtraCcxo58BRFRwFpS+1wGS875oriyg=,tag:6VraJw7mMb398BBiJWtxhg==,type:str]"
        XCTAssertTrue(explained(sops, "6VraJw7mMb398BBiJWtxhg=="))
        XCTAssertTrue(EntropyFilter.isSymbolOrPublic(slice("pk_live_51RsUWiu8Hynn2hJi13Dco5UguF5m7Cyb9cmZzi")))
        let armored = Array("-----BEGIN CMS-----\nMIIBqAYJKoZIhvcNAQcDoIIBmTCCAZUCAQAx\n-----END CMS-----\n-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n".utf8)
        let ranges = EntropyFilter.publicArmor(in: armored)
        XCTAssertEqual(ranges.count, 1, "a private key's block is never public")
        XCTAssertTrue(ranges[0].contains(25))
    }

    func testOneFindingPerWrappedBlock() throws {
        let scanner = SecretScanner(catalog: try SecretCatalog.builtIn.get())
        let lines = (0..<40).map { index in String("C3J27XDCG2LmlZGEONYlgCtjfIZ4SOcMz9CP".shuffled(seed: index)) }
        let text = "# Key\n\n```text\n" + lines.joined(separator: "\n") + "\n```\n\n```text\nVNPkNa1Hedcm4pMbXDuCL1mHoOsFaQfDPrAJ71fT\n```\n"
        let fence = try XCTUnwrap(scanner.catalog.detectors.firstIndex { $0.id == "markdown-fence-high-entropy" })
        XCTAssertEqual(scanner.scan(Array(text.utf8), markdown: true).filter { $0.detector == fence }.count, 2,
                       "a 40-line blob is one finding; a separate block is another")
    }
}

private extension String {
    /// The same characters in an order fixed by `seed` (deterministic test data).
    func shuffled(seed: Int) -> String {
        var generator = SeededGenerator(seed: UInt64(seed + 1))
        return String(Array(self).shuffled(using: &generator))
    }
}
