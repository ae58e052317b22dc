package cn.gov.jgsw.domain.integration;

import cn.gov.jgsw.domain.integration.api.DisableIntegrationClientCommand;
import cn.gov.jgsw.domain.integration.api.IntegrationClientDisabledEvent;
import cn.gov.jgsw.domain.integration.api.IntegrationClientRegisteredEvent;
import cn.gov.jgsw.domain.integration.api.IntegrationClientSecretIssuedEvent;
import cn.gov.jgsw.domain.integration.api.IntegrationErrorCode;
import cn.gov.jgsw.domain.integration.api.RegisterIntegrationClientCommand;
import cn.gov.jgsw.domain.integration.api.RotateIntegrationClientSecretCommand;
import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static cn.gov.jgsw.domain.Refusals.refusedWith;
import static cn.gov.jgsw.domain.integration.api.IntegrationScope.ENERGY_WRITE;
import static cn.gov.jgsw.domain.integration.api.IntegrationScope.TELEMETRY_WRITE;

class IntegrationClientTest {

    private static final String CLIENT = "ic-1";
    private static final String NANMING = "bureau-nanming";
    private static final Instant NOON = Instant.parse("2026-12-01T04:00:00Z");

    private final AggregateTestFixture<IntegrationClient> fixture = new AggregateTestFixture<>(IntegrationClient.class);

    private static IntegrationClientRegisteredEvent registered() {
        return new IntegrationClientRegisteredEvent(CLIENT, NANMING, "车载北斗终端网关", List.of(TELEMETRY_WRITE));
    }

    private static IntegrationClientSecretIssuedEvent firstSecret() {
        return new IntegrationClientSecretIssuedEvent(CLIENT, NANMING, "secret-1", "a1b2c3d4e5f6", NOON, null);
    }

    @Test
    void anAdminRegistersAClientWithItsScopesAndFirstSecret() {
        fixture.givenNoPriorActivity()
                .when(new RegisterIntegrationClientCommand(CLIENT, NANMING, " 能耗与北斗网关 ",
                        Set.of(TELEMETRY_WRITE, ENERGY_WRITE), "secret-1", "a1b2c3d4e5f6", NOON))
                .expectEvents(
                        new IntegrationClientRegisteredEvent(CLIENT, NANMING, "能耗与北斗网关",
                                List.of(TELEMETRY_WRITE, ENERGY_WRITE)),
                        firstSecret())
                .expectResultMessagePayload(1L);
    }

    @Test
    void theSameRegistrationAgainAnswersAsBeforeAndRecordsNothing() {
        fixture.given(registered(), firstSecret())
                .when(new RegisterIntegrationClientCommand(CLIENT, NANMING, "车载北斗终端网关", Set.of(TELEMETRY_WRITE),
                        "secret-1", "a1b2c3d4e5f6", NOON))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aClientNeedsANameInPlainTextAndAtLeastOneScope() {
        for (String name : new String[]{null, " ", "网关\u202E", "网".repeat(101)}) {
            fixture.givenNoPriorActivity()
                    .when(new RegisterIntegrationClientCommand(CLIENT, NANMING, name, Set.of(TELEMETRY_WRITE),
                            "secret-1", "a1b2c3d4e5f6", NOON))
                    .expectNoEvents()
                    .expectException(refusedWith(IntegrationErrorCode.INVALID_CLIENT_NAME));
        }
        fixture.givenNoPriorActivity()
                .when(new RegisterIntegrationClientCommand(CLIENT, NANMING, "网关", Set.of(), "secret-1", "a1", NOON))
                .expectNoEvents()
                .expectException(refusedWith(IntegrationErrorCode.SCOPE_REQUIRED));
    }

    @Test
    void rotationKeepsThePreviousSecretsForTheOverlapAsked() {
        fixture.given(registered(), firstSecret())
                .when(new RotateIntegrationClientSecretCommand(CLIENT, NANMING, "secret-2", "0f0f0f0f0f0f", NOON, 24))
                .expectEvents(new IntegrationClientSecretIssuedEvent(CLIENT, NANMING, "secret-2", "0f0f0f0f0f0f", NOON,
                        Instant.parse("2026-12-02T04:00:00Z")));
        fixture.given(registered(), firstSecret())
                .when(new RotateIntegrationClientSecretCommand(CLIENT, NANMING, "secret-2", "0f0f0f0f0f0f", NOON, 0))
                .expectEvents(new IntegrationClientSecretIssuedEvent(CLIENT, NANMING, "secret-2", "0f0f0f0f0f0f", NOON,
                        NOON));
    }

    @Test
    void anOverlapOutsideZeroToAWeekIsRefused() {
        for (int hours : new int[]{-1, 169}) {
            fixture.given(registered(), firstSecret())
                    .when(new RotateIntegrationClientSecretCommand(CLIENT, NANMING, "secret-2", "0f", NOON, hours))
                    .expectNoEvents()
                    .expectException(refusedWith(IntegrationErrorCode.INVALID_SECRET_OVERLAP));
        }
    }

    @Test
    void anotherBureausClientIsNotFound() {
        fixture.given(registered(), firstSecret())
                .when(new RotateIntegrationClientSecretCommand(CLIENT, "bureau-yunyan", "secret-2", "0f", NOON, 0))
                .expectNoEvents()
                .expectException(refusedWith(CommonErrorCode.NOT_FOUND));
        fixture.given(registered(), firstSecret())
                .when(new DisableIntegrationClientCommand(CLIENT, "bureau-yunyan", "泄露"))
                .expectNoEvents()
                .expectException(refusedWith(CommonErrorCode.NOT_FOUND));
    }

    @Test
    void disablingNeedsAReasonAndIsFinal() {
        fixture.given(registered(), firstSecret())
                .when(new DisableIntegrationClientCommand(CLIENT, NANMING, " "))
                .expectNoEvents()
                .expectException(refusedWith(CommonErrorCode.REASON_REQUIRED));
        fixture.given(registered(), firstSecret())
                .when(new DisableIntegrationClientCommand(CLIENT, NANMING, "终端网关已更换"))
                .expectEvents(new IntegrationClientDisabledEvent(CLIENT, NANMING, "终端网关已更换"));
        fixture.given(registered(), firstSecret(), new IntegrationClientDisabledEvent(CLIENT, NANMING, "已更换"))
                .when(new RotateIntegrationClientSecretCommand(CLIENT, NANMING, "secret-2", "0f", NOON, 0))
                .expectNoEvents()
                .expectException(refusedWith(IntegrationErrorCode.INTEGRATION_CLIENT_DISABLED));
    }
}
