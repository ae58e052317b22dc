package cn.gov.jgsw.domain.property;

import cn.gov.jgsw.domain.property.api.PropertyErrorCode;
import cn.gov.jgsw.domain.property.api.ServiceLevelTargetsIds;
import cn.gov.jgsw.domain.property.api.ServiceLevelTargetsSetEvent;
import cn.gov.jgsw.domain.property.api.SetServiceLevelTargetsCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static cn.gov.jgsw.domain.Refusals.refusedWith;

class BureauServiceLevelsTest {

    private static final String NANMING = "bureau-nanming";
    private static final String ID = ServiceLevelTargetsIds.of(NANMING);

    private final AggregateTestFixture<BureauServiceLevels> fixture =
            new AggregateTestFixture<>(BureauServiceLevels.class);

    @Test
    void aBureauSetsItsTargetsAndTheSameAgainIsNoNewVersion() {
        fixture.givenNoPriorActivity()
                .when(new SetServiceLevelTargetsCommand(ID, NANMING, 2, 1, 2))
                .expectEvents(new ServiceLevelTargetsSetEvent(ID, NANMING, 2, 1, 2))
                .expectResultMessagePayload(0L);
        fixture.given(new ServiceLevelTargetsSetEvent(ID, NANMING, 2, 1, 2))
                .when(new SetServiceLevelTargetsCommand(ID, NANMING, 2, 1, 2))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void targetsOutsideWhatPracticeAllowsAreRefused() {
        for (int[] targets : new int[][]{{0, 1, 3}, {25, 1, 3}, {4, 0, 3}, {4, 6, 8}, {4, 3, 2}, {4, 1, 11}}) {
            fixture.givenNoPriorActivity()
                    .when(new SetServiceLevelTargetsCommand(ID, NANMING, targets[0], targets[1], targets[2]))
                    .expectNoEvents()
                    .expectException(refusedWith(PropertyErrorCode.INVALID_SERVICE_LEVELS));
        }
    }
}
