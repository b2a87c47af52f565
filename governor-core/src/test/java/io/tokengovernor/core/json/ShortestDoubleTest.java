package io.tokengovernor.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShortestDoubleTest {

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
        "0.0, 0.0",
        "-0.0, -0.0",
        "4.5255, 4.5255",
        "0.30000000000000004, 0.30000000000000004",
        "12340.0, 12340.0",
        "1.0E15, 1000000000000000.0",
        "1.0E16, 1e16",
        "1.234E33, 1.234e33",
        "1.5E-5, 0.000015",
        "1.5E-6, 1.5e-6",
        "1.0E-7, 1e-7",
        "-2.5, -2.5",
        "459.4484066200002, 459.4484066200002",
        "2.0E-3, 0.002"
    })
    void writesTheFewestDigitsInRyuLayout(double value, String expected) {
        assertThat(ShortestDouble.format(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0.1", "1.7976931348623157E308", "4.9E-324", "123456.789", "0.0054"})
    void readsBackAsTheSameDouble(double value) {
        assertThat(Double.parseDouble(ShortestDouble.format(value))).isEqualTo(value);
    }
}
