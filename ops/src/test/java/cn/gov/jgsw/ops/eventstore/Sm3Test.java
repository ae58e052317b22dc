package cn.gov.jgsw.ops.eventstore;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The example vectors of GB/T 32905-2016, Appendix A. */
class Sm3Test {

    @Test
    void hashesTheStandardsThreeLetterExample() {
        assertThat(Sm3.hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void hashesTheStandardsSixtyFourLetterExample() {
        assertThat(Sm3.hex("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }
}
