package cn.gov.jgsw.domain.shared.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FreeTextTest {

    @Test
    void keepsWhatPeopleTypeNormalizedAndStripped() {
        assertThat(FreeText.check("  赴南明区调研“乡村振兴”👨‍👩‍👧 ", 20).text()).isEqualTo("赴南明区调研“乡村振兴”👨‍👩‍👧");
        assertThat(FreeText.check("Cafe\u0301", 10).text()).isEqualTo("Café");
        assertThat(FreeText.check("   ", 10).blank()).isTrue();
        assertThat(FreeText.check(null, 10).blank()).isTrue();
    }

    @Test
    void countsCharactersNotUtf16Units() {
        assertThat(FreeText.check("😀".repeat(10), 10).refused()).isFalse();
        assertThat(FreeText.check("😀".repeat(11), 10).refused()).isTrue();
        assertThat(FreeText.check("字".repeat(200), 200).refused()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "line\nbreak", "tab\there", "c1\u0085", "lone\uD800surrogate",
            "trail\uDC00", "evil\u202Etxt.exe", "iso\u2066late", "mark\u200F", "zero\u200Bwidth", "bom\uFEFF",
            "joiner\u2060", "private\uE000use", "non\uFFFEchar", "non\uFDD0char"})
    void refusesCharactersThatDoNotBelongInARecord(String hostile) {
        FreeText.Checked checked = FreeText.check(hostile, 100);

        assertThat(checked.refused()).isTrue();
        assertThat(checked.problem()).contains("U+");
    }
}
