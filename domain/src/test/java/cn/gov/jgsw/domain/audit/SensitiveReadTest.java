package cn.gov.jgsw.domain.audit;

import cn.gov.jgsw.domain.audit.api.AuditErrorCode;
import cn.gov.jgsw.domain.audit.api.RecordSensitiveReadCommand;
import cn.gov.jgsw.domain.audit.api.SensitiveDataReadEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static cn.gov.jgsw.domain.Refusals.refusedWith;

class SensitiveReadTest {

    private final AggregateTestFixture<SensitiveRead> fixture = new AggregateTestFixture<>(SensitiveRead.class);

    @Test
    void aReadWithAPurposeIsRecordedInTheReadersBureau() {
        fixture.givenNoPriorActivity()
                .when(new RecordSensitiveReadCommand("read-1", "bureau-guiyang", "user-guiyang-supervisor",
                        "vehicle-orders of bureau-nanming", "  季度公车使用专项检查 "))
                .expectEvents(new SensitiveDataReadEvent("read-1", "bureau-guiyang", "user-guiyang-supervisor",
                        "vehicle-orders of bureau-nanming", "季度公车使用专项检查"));
    }

    @Test
    void aReadWithoutAPurposeIsRefusedAndNothingIsRecorded() {
        for (String purpose : new String[]{null, "  ", "检查\u202E", "查".repeat(201)}) {
            fixture.givenNoPriorActivity()
                    .when(new RecordSensitiveReadCommand("read-1", "bureau-guiyang", "user-guiyang-supervisor",
                            "vehicle-orders of bureau-nanming", purpose))
                    .expectNoEvents()
                    .expectException(refusedWith(AuditErrorCode.PURPOSE_REQUIRED));
        }
    }
}
