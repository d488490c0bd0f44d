import Testing
@testable import PolicySiteKit

@Suite struct ScratchGov {
    @Test func dump() async {
        let (report, _) = await TestSite.build(write: false)
        guard let site = report.site else { return }
        let ashley = site.publisher(Slug(validating: "ashley-college")!)!.policies[0]
        let roe = site.publisher(Slug(validating: "roe-green-junior-school")!)!.policies[0]
        let c = TextComparison(old: ashley.textUnits, new: roe.textUnits)
        print("unchanged", c.unchanged)
        for ch in c.changes {
            print(ch.kind, "|", ch.old?.label ?? "-", "|", ch.new?.label ?? "-", "|", String((ch.new ?? ch.old)!.text.prefix(60)))
        }
    }
}
