import Foundation
import PolicySiteKit
import Testing

/// Search in a real browser: headless Chromium, through chromedriver, reading a site built under
/// the subpath /policies/ and served by a plain static file server (Python's http.server).
extension LiveTests {
    @Suite(.serialized) struct SearchBrowserTests {
        /// The built site under `<root>/policies/`, a static server for `<root>`, and a browser.
        final class Setup: @unchecked Sendable {
            let root: String
            let web: Tool.Background
            let port: Int
            let browser: WebDriver

            init(content: String) async throws {
                guard let chromium = Tool.which("chromium", "chromium-browser", "google-chrome"), let chromedriver = Tool.which("chromedriver") else {
                    throw Loopback.Failure(description: "the search test needs Chromium and chromedriver: run `make setup-test` (Debian packages chromium and chromium-driver)")
                }
                guard let python = Tool.which("python3") else { throw Loopback.Failure(description: "the search test needs python3 for its static web server") }
                root = NSTemporaryDirectory() + "policy-site-browser-\(UUID().uuidString)"
                let options = BuildOptions(content: content, templates: Tool.templates, output: root + "/policies",
                                           baseURL: BaseURL("/policies/")!, today: PolicyDate(iso: "2026-11-21")!)
                let report = await SiteBuilder(options: options).build()
                guard report.succeeded else { throw Loopback.Failure(description: "build failed: \(report.diagnostics)") }
                web = try Tool.Background(python, ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", root])
                guard let port = try await web.wait(for: "port ([0-9]+)", timeout: 30).flatMap({ Int($0) }) else {
                    _ = try? await web.stop()
                    throw Loopback.Failure(description: "the static server did not start: \(web.output)")
                }
                self.port = port
                do {
                    browser = try await WebDriver.start(chromedriver: chromedriver, chromium: chromium)
                } catch {
                    _ = try? await web.stop()
                    throw error
                }
            }

            func url(_ path: String) -> String { "http://127.0.0.1:\(port)/policies/\(path)" }

            /// Opens a search page with `?q=` and waits for the results (or the status line).
            func search(_ page: String, _ query: String) async throws -> [[String: String]] {
                try await browser.open(url(page + "?q=" + (query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query)))
                let json = try await browser.wait(for: """
                    var status = document.getElementById('search-status').textContent;
                    if (!status) return null;
                    var items = document.querySelectorAll('#search-result-list > li');
                    if (status.indexOf('No clauses') !== 0 && items.length === 0) return null;
                    return JSON.stringify(Array.prototype.map.call(items, function (li) {
                      var a = li.querySelector('h3 a');
                      return { where: li.querySelector('.search-result-where').textContent, label: a.textContent,
                               href: a.getAttribute('href'), snippet: li.querySelector('.search-result-snippet').textContent,
                               marked: Array.prototype.map.call(li.querySelectorAll('mark'), function (m) { return m.textContent; }).join('|'),
                               status: status };
                    }));
                    """)
                let data = Data((json as? String ?? "[]").utf8)
                return (try JSONSerialization.jsonObject(with: data) as? [[String: String]]) ?? []
            }

            /// Bytes the page fetched from the search index.
            func indexBytes() async throws -> Int {
                let value = try await browser.run("""
                    return performance.getEntriesByType('resource').filter(function (e) { return e.name.indexOf('/search/') >= 0 && !/\\.html$/.test(e.name); })
                      .reduce(function (n, e) { return n + e.encodedBodySize; }, 0);
                    """)
                return (value as? Int) ?? (value as? Double).map { Int($0) } ?? -1
            }

            func close() async {
                await browser.quit()
                _ = try? await web.stop()
                try? FileManager.default.removeItem(atPath: root)
            }
        }

        @Test func imeiFindsTheCybersafeListItemAndLandsOnItsClause() async throws {
            let setup = try await Setup(content: Tool.content)
            do {
                let results = try await setup.search("search/ashley-college/index.html", "IMEI")
                #expect(results.count == 1, "\(results)")
                let first = try #require(results.first)
                #expect(first["where"] == "Ashley College · Digital Safety/Social Media and Acceptable Use of Property Policy")
                #expect(first["label"] == "Appendix 1: How to Stay ‘Cybersafe’ – Do’s and Don’ts for school staff")
                #expect(first["marked"]?.split(separator: "|").allSatisfy { $0 == "IMEI" } == true, "\(first)")
                #expect(first["snippet"]?.contains("International Mobile Equipment Identity (IMEI) number") == true, "\(first)")
                print("snippet: \(first["snippet"] ?? "")")
                #expect(try await setup.browser.run("return document.getElementById('search-nojs').hidden;") as? Bool == true)

                try await setup.browser.click("#search-result-list > li h3 a")
                let landed = try await setup.browser.wait(for: "return location.hash ? location.href : null;") as? String
                #expect(landed == setup.url("ashley-college/digital-safety-and-acceptable-use/index.html#how-to-stay-cybersafe-dos-and-donts-for-school-staff"))
                // The target is the closest permalink above the IMEI list item, inside Appendix 1.
                let check = try await setup.browser.run("""
                    var target = document.getElementById(location.hash.slice(1));
                    var item = Array.prototype.find.call(document.querySelectorAll('li'), function (li) { return li.textContent.indexOf('IMEI') >= 0; });
                    var nearest = null;
                    document.querySelectorAll('.anchor[id], p.clause[id], section.form[id]').forEach(function (a) {
                      if (a.compareDocumentPosition(item) & Node.DOCUMENT_POSITION_FOLLOWING) nearest = a;
                    });
                    var a1 = document.getElementById('appendix-1'), a2 = document.getElementById('appendix-2');
                    return [target.id, nearest.id, !!(a1.compareDocumentPosition(target) & 4) && !!(target.compareDocumentPosition(a2) & 4)].join('|');
                    """) as? String
                #expect(check == "how-to-stay-cybersafe-dos-and-donts-for-school-staff|how-to-stay-cybersafe-dos-and-donts-for-school-staff|true")

                let roeGreen = try await setup.search("search/roe-green-junior-school/index.html", "imei numbers")
                #expect(roeGreen.map { $0["href"] ?? "" } == ["../../roe-green-junior-school/digital-online-safety-and-acceptable-use/index.html#how-to-stay-cybersafe-dos-and-donts-for-school-staff"])

                let everywhere = try await setup.search("search/index.html", "IMEI")
                #expect(everywhere.map { $0["where"]?.components(separatedBy: " · ").first ?? "" } == ["Ashley College", "Roe Green Junior School", "The School (Walsall)"])
                let bytes = try await setup.indexBytes()
                print("site-wide 'IMEI' search fetched \(bytes) bytes of index")

                let none = try await setup.search("search/index.html", "zebra")
                #expect(none.isEmpty)
                #expect(try await setup.browser.run("return document.getElementById('search-status').textContent;") as? String == "No clauses contain “zebra”.")
            } catch {
                await setup.close()
                throw error
            }
            await setup.close()
        }

        /// What a reader of a 20-policy school downloads for a rare and for a common word; and, from
        /// the files, the most any one query could fetch: every term shard and the ten largest chunks.
        @Test func aTwentyPolicySchoolDownloadsUnder150KBPerSearch() async throws {
            let setup = try await Setup(content: try Self.twentyPolicyCorpus())
            do {
                let folder = setup.root + "/policies/search/big-school/"
                let names = try FileManager.default.contentsOfDirectory(atPath: folder)
                func size(_ name: String) -> Int { FileManager.default.contents(atPath: folder + name)?.count ?? 0 }
                let termIndex = names.filter { $0 == "meta.json" || $0.hasPrefix("t-") }.map(size).reduce(0, +)
                let chunks = names.filter { $0.hasPrefix("r-") }.map(size).sorted(by: >)
                let worst = termIndex + chunks.prefix(10).reduce(0, +)
                print("20-policy school: term index \(termIndex) bytes in \(names.filter { $0.hasPrefix("t-") }.count) shards; \(chunks.count) record chunks of \(chunks.reduce(0, +)) bytes, the largest \(chunks.first ?? 0); the most one query can fetch: \(worst) bytes")
                #expect(termIndex < 150_000)
                #expect(worst < 150_000)
                for (query, expected) in [("IMEI", 12), ("staff", -1), ("social media", -1)] {
                    let results = try await setup.search("search/big-school/index.html", query)
                    let bytes = try await setup.indexBytes()
                    print("20-policy school: '\(query)' → \(results.first?["status"] ?? "") fetched \(bytes) bytes of index")
                    if expected >= 0 { #expect(results.first?["status"] == "\(expected) clauses contain “\(query)”.") }
                    #expect(results.count == 10 || (expected >= 0 && results.count == min(expected, 10)))
                    #expect(bytes > 0 && bytes < 150_000, "'\(query)' fetched \(bytes) bytes")
                }
            } catch {
                await setup.close()
                throw error
            }
            await setup.close()
        }

        /// Twenty policies in one school: each of the five seed policies four times, with the shared data.
        static func twentyPolicyCorpus() throws -> String {
            var files = ["schools/big-school/school.yml": "name: Big School\nkind: school\n"]
            let data = Tool.content + "/data"
            for name in try FileManager.default.contentsOfDirectory(atPath: data) {
                files["data/" + name] = try String(contentsOfFile: data + "/" + name, encoding: .utf8)
            }
            let schools = Tool.content + "/schools"
            for school in try FileManager.default.contentsOfDirectory(atPath: schools) {
                for name in try FileManager.default.contentsOfDirectory(atPath: schools + "/" + school) where name.hasSuffix(".md") {
                    let text = try String(contentsOfFile: schools + "/" + school + "/" + name, encoding: .utf8)
                        .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("based_on:") }.joined(separator: "\n")
                    for copy in ["a", "b", "c", "d"] { files["schools/big-school/\(name.dropLast(3))-\(copy).md"] = text }
                }
            }
            return TestContent.write(files)
        }
    }
}
