package fr.apl.commune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArrondissementsTest {

  @ParameterizedTest
  @CsvSource({
    "75101,75056",
    "75120,75056",
    "69381,69123",
    "69389,69123",
    "13201,13055",
    "13216,13055"
  })
  void arrondissementsMapToTheirMunicipality(String code, String city) {
    assertEquals(city, Arrondissements.municipalityOf(code));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "75100", "75121", "75056", "69380", "69390", "13200", "13217", "01001", "2A004", "2B033",
        "7510A", "+7510", "-7510", " 7510", "751010", "7510", ""
      })
  void anyOtherCodeHasNone(String code) {
    assertNull(Arrondissements.municipalityOf(code));
  }
}
