/// The Powerhouse release this binary is.
public enum PowerhouseVersion {
    public static let current = "0.1.0"
}
