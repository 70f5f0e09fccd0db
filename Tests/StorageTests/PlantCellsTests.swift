import Foundation
import PlantData
import Storage
import Testing

/// A stored row's cells read back by the sheet's codes, in both stored forms.
@Suite struct PlantCellsTests {
    @Test func arrayAndEarlierObjectFormReadTheSame() {
        // Arrange
        let codes = ["ORISPL", "PNAME", "NAMEPCAP", "FIPSST"]
        let array = #"[3,"Barry \"2\"",null,"01"]"#
        let object = #"{"FIPSST":"01","ORISPL":3,"PNAME":"Barry \"2\""}"#

        // Act
        let fromArray = PlantCells.decode(array, codes: codes)
        let fromObject = PlantCells.decode(object, codes: codes)

        // Assert
        #expect(fromArray.map(\.code) == codes)
        #expect(fromArray.map(\.value) == fromObject.map(\.value))
        #expect(fromArray.map(\.value) == [.number(3), .text("Barry \"2\""), .missing, .text("01")], "null is no data")
        #expect(PlantCells.decode("[1]", codes: ["A", "B"]).map(\.value) == [.number(1), .missing], "a short row ends in no data")
    }
}
