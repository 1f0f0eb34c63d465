import AnnalsCore
import GRDB

/// The SQLite event database (placeholder until the store lands).
public enum AnnalsStoreInfo {
    public static let defaultPath = "annals.sqlite"
}
