import Crypto
import Foundation

/// SHA-256 of an imported file, lower-case hex: the dataset's identity (the same bytes are never stored twice).
public enum PlantFileHash {
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
