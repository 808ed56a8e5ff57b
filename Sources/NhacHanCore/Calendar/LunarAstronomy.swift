#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// New moons and the sun's longitude, after Hồ Ngọc Đức's "Âm lịch Việt Nam" algorithm.
///
/// The formulas are his (themselves from Meeus, "Astronomical Algorithms"), kept term for
/// term so that our months agree with his published tables; the results are Julian day
/// numbers. Valid for roughly 1800-2199, which covers the supported 1900-2199.
enum LunarAstronomy {
    /// Julian day number of 1970-01-01, so `jdn = dayNumber + epoch`.
    static let unixEpochJDN = 2_440_588

    /// The moment (Julian date, UT) of the `k`-th new moon after 1900-01-01.
    static func newMoon(_ k: Int) -> Double {
        let k = Double(k)
        let t = k / 1236.85
        let t2 = t * t
        let t3 = t2 * t
        let dr = Double.pi / 180
        var jd1 = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
        jd1 += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
        let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
        let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
        let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
        // Each line reads as in the original: `C1 = C1 - a + b`, terms signed one by one.
        var c1 = (0.1734 - 0.000393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m)
        c1 = c1 - 0.4068 * sin(mpr * dr) + 0.0161 * sin(dr * 2 * mpr)
        c1 = c1 - 0.0004 * sin(dr * 3 * mpr)
        c1 = c1 + 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mpr))
        c1 = c1 - 0.0074 * sin(dr * (m - mpr)) + 0.0004 * sin(dr * (2 * f + m))
        c1 = c1 - 0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mpr))
        c1 = c1 + 0.0010 * sin(dr * (2 * f - mpr)) + 0.0005 * sin(dr * (2 * mpr + m))
        let deltaT: Double
        if t < -11 {
            deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
        } else {
            deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2
        }
        return jd1 + c1 - deltaT
    }

    /// The sun's apparent longitude in radians, in [0, 2π), at Julian date `jd` (UT).
    static func sunLongitude(_ jd: Double) -> Double {
        let t = (jd - 2_451_545.0) / 36525
        let t2 = t * t
        let dr = Double.pi / 180
        let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
        let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m)
        dl += (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m)
        var l = (l0 + dl) * dr
        l -= Double.pi * 2 * floor(l / (Double.pi * 2))
        return l
    }

    /// The Julian day number, in the given zone, of the day holding the `k`-th new moon.
    static func newMoonDay(_ k: Int, zone: Double) -> Int {
        Int(floor(newMoon(k) + 0.5 + zone / 24))
    }

    /// Which of the 12 thirty-degree sectors the sun is in at the start of local day `jdn`.
    static func sunSector(_ jdn: Int, zone: Double) -> Int {
        Int(floor(sunLongitude(Double(jdn) - 0.5 - zone / 24) / Double.pi * 6))
    }

    /// The first day (JDN) of the 11th lunar month of Gregorian year `year`: the month
    /// that holds the winter solstice.
    static func month11(_ year: Int, zone: Double) -> Int {
        let off = CivilDate.days(year: year, month: 12, day: 31) + unixEpochJDN - 2_415_021
        let k = Int(floor(Double(off) / 29.530588853))
        let nm = newMoonDay(k, zone: zone)
        return sunSector(nm, zone: zone) >= 9 ? newMoonDay(k - 1, zone: zone) : nm
    }

    /// The new-moon index `k` of the month starting on `jdn`.
    static func lunationIndex(startingOn jdn: Int) -> Int {
        Int(floor((Double(jdn) - 2_415_021.076998695) / 29.530588853 + 0.5))
    }

    /// In a leap year starting at month 11 `a11`, the offset (1-13) of the leap month:
    /// the first month after it in which the sun enters no new sector (no major term).
    static func leapMonthOffset(_ a11: Int, zone: Double) -> Int {
        let k = lunationIndex(startingOn: a11)
        var i = 1
        var arc = sunSector(newMoonDay(k + i, zone: zone), zone: zone)
        var last: Int
        repeat {
            last = arc
            i += 1
            arc = sunSector(newMoonDay(k + i, zone: zone), zone: zone)
        } while arc != last && i < 14
        return i - 1
    }
}
