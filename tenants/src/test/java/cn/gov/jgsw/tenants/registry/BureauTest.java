package cn.gov.jgsw.tenants.registry;

import cn.gov.jgsw.tenants.api.TenantLevel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BureauTest {

    /** A county turned into a district: the old code retires, the new one starts the next day. */
    private static final Bureau RENAMED = new Bureau("bureau-x", "某区机关事务服务中心", TenantLevel.COUNTY, "bureau-city",
            List.of(new DivisionCode("520321", LocalDate.of(1980, 1, 1), LocalDate.of(2016, 3, 19)),
                    new DivisionCode("520304", LocalDate.of(2016, 3, 20), null)));

    @Test
    void theCodeInForceDependsOnTheDay() {
        assertThat(RENAMED.divisionCodeOn(LocalDate.of(2010, 6, 1))).isEqualTo("520321");
        assertThat(RENAMED.divisionCodeOn(LocalDate.of(2016, 3, 19))).isEqualTo("520321");
        assertThat(RENAMED.divisionCodeOn(LocalDate.of(2016, 3, 20))).isEqualTo("520304");
        assertThat(RENAMED.divisionCodeOn(LocalDate.of(1970, 1, 1))).isNull();
    }

    @Test
    void aDivisionCodeHasSixDigits() {
        assertThatThrownBy(() -> new DivisionCode("52010", LocalDate.of(2000, 1, 1), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
