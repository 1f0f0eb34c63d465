import Testing
@testable import AnnalsStore

@Test func defaultDatabaseName() {
    #expect(AnnalsStoreInfo.defaultPath.hasSuffix(".sqlite"))
}
