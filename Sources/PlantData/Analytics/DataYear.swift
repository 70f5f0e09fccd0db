enum DataYear {
    /// 8784 in leap years, else 8760.
    static func hours(inYear year: Int) -> Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return leap ? 8784 : 8760
    }
}
