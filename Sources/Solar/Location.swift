import Foundation

/// Where a PV system or weather station stands.
///
/// `utcOffsetHours` is the *standard-time* offset (no daylight saving), the convention of TMY3 and
/// EPW files; `timeZoneIdentifier` is the IANA name when one is known (used to read naive local
/// timestamps in plain CSV files, where daylight saving matters).
public struct Location: Sendable, Hashable, Codable {
    /// Latitude in degrees, north positive.
    public var latitude: Double
    /// Longitude in degrees, east positive.
    public var longitude: Double
    /// Elevation above sea level in metres.
    public var elevation: Double
    /// Standard-time offset from UTC in hours (e.g. −5 for US Eastern).
    public var utcOffsetHours: Double
    /// IANA time zone name (e.g. "Europe/Vienna"), if known.
    public var timeZoneIdentifier: String?
    /// Free-text site name (station name in TMY3/EPW headers).
    public var name: String

    public init(
        latitude: Double, longitude: Double, elevation: Double = 0,
        utcOffsetHours: Double = 0, timeZoneIdentifier: String? = nil, name: String = ""
    ) {
        self.latitude = latitude
        self.longitude = longitude
        self.elevation = elevation
        self.utcOffsetHours = utcOffsetHours
        self.timeZoneIdentifier = timeZoneIdentifier
        self.name = name
    }

    /// Standard atmospheric pressure at this elevation in hPa (the standard-atmosphere fit of
    /// pvlib's `alt2pres`), used for refraction and absolute airmass when no pressure is measured.
    public var standardPressureHPa: Double {
        pow((44_331.514 - elevation) / 11_880.516, 1 / 0.190_263_2)
    }
}
