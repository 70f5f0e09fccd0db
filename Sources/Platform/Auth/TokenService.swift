import Foundation
import JWTKit
import Storage

/// Claims of an access token. Expiry, issuer and audience are checked by `TokenService` against its clock.
struct AccessClaims: JWTPayload {
    var sub: SubjectClaim
    var iss: IssuerClaim
    var aud: AudienceClaim
    var iat: IssuedAtClaim
    var exp: ExpirationClaim
    var jti: IDClaim
    /// The user's token version at issue time; a bump (disable, password reset, role change) voids the token.
    var ver: Int
    var role: String

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// Signs and checks JWT access tokens (HS256 only: a token naming another algorithm, `none` included, fails).
public struct TokenService: Sendable {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case malformed, badSignature, expired, wrongIssuer, wrongAudience

        public var description: String {
            switch self {
            case .malformed: "the access token is not a valid JWT"
            case .badSignature: "the access token's signature does not verify"
            case .expired: "the access token has expired; refresh it or log in again"
            case .wrongIssuer: "the access token was issued by someone else"
            case .wrongAudience: "the access token is meant for another audience"
            }
        }
    }

    public struct Verified: Sendable, Equatable {
        public let userID: UUID
        public let tokenVersion: Int
    }

    let keys: JWTKeyCollection
    public let issuer: String
    public let audience: String
    public let lifetime: TimeInterval

    public init(secret: String, issuer: String, audience: String, lifetime: TimeInterval) async {
        keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        self.issuer = issuer
        self.audience = audience
        self.lifetime = lifetime
    }

    public func issue(for user: User, now: Date) async throws -> String {
        let claims = AccessClaims(
            sub: .init(value: user.id.uuidString), iss: .init(value: issuer), aud: .init(value: [audience]),
            iat: .init(value: now), exp: .init(value: now.addingTimeInterval(lifetime)),
            jti: .init(value: UUID().uuidString), ver: user.tokenVersion, role: user.role.rawValue)
        return try await keys.sign(claims)
    }

    public func verify(_ token: String, now: Date) async throws(Failure) -> Verified {
        guard Self.headerNamesHS256(token) else { throw .badSignature }
        let claims: AccessClaims
        do {
            claims = try await keys.verify(token, as: AccessClaims.self)
        } catch let error as JWTError where error.errorType == .signatureVerificationFailed {
            throw .badSignature
        } catch {
            throw .malformed
        }
        guard claims.iss.value == issuer else { throw .wrongIssuer }
        guard claims.aud.value.contains(audience) else { throw .wrongAudience }
        guard claims.exp.value > now else { throw .expired }
        guard let userID = UUID(uuidString: claims.sub.value) else { throw .malformed }
        return Verified(userID: userID, tokenVersion: claims.ver)
    }

    /// The header our tokens carry, base64url-encoded, so that the usual case costs one comparison.
    static let ownHeader = Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8).base64EncodedString()
        .replacingOccurrences(of: "=", with: "")

    /// Belt and braces against algorithm confusion: the header must say HS256 before any key is consulted.
    static func headerNamesHS256(_ token: String) -> Bool {
        guard let dot = token.utf8.firstIndex(of: UInt8(ascii: ".")) else { return false }
        let header = String(token[..<dot])
        if header == ownHeader { return true }
        guard let data = Data(base64URL: header),
            let object = try? JSONDecoder().decode([String: String].self, from: data)
        else { return false }
        return object["alg"] == "HS256"
    }
}

extension Data {
    init?(base64URL text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64.append("=") }
        self.init(base64Encoded: base64)
    }
}
