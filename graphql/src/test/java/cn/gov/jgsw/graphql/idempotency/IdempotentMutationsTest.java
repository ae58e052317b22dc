package cn.gov.jgsw.graphql.idempotency;

import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import cn.gov.jgsw.graphql.EmbeddedMongo;
import cn.gov.jgsw.graphql.errors.ApiErrorCode;
import cn.gov.jgsw.graphql.errors.ApiException;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotentMutationsTest {

    private static final Caller CLERK = new Caller("user-1", "bureau-nanming", "unit", Set.of(Role.CIVIL_SERVANT), "t");

    private EmbeddedMongo mongo;
    private MovableClock clock;
    private IdempotentMutations mutations;
    private final AtomicInteger commandsRun = new AtomicInteger();

    record Input(String idempotencyKey, String value) {
    }

    record Payload(String value, long version) {
    }

    @BeforeEach
    void setUp() {
        mongo = new EmbeddedMongo();
        clock = new MovableClock(Instant.parse("2026-11-26T01:00:00Z"));
        mutations = new IdempotentMutations(mongo.database(), clock);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void theCommandRunsOnceAndEveryRetryGetsTheFirstAnswer() {
        String key = key();
        Payload first = run(key, "EN");
        Payload second = run(key, "EN");
        assertThat(second).isEqualTo(first);
        assertThat(commandsRun).hasValue(1);
    }

    @Test
    void aKeyReusedForOtherInputIsRefusedWithoutRunningAnything() {
        String key = key();
        run(key, "EN");
        assertRefused(() -> run(key, "ZH_CN"), ApiErrorCode.IDEMPOTENCY_KEY_REUSED);
        assertThat(commandsRun).hasValue(1);
    }

    @Test
    void aKeyReusedForAnotherOperationIsRefused() {
        String key = key();
        run(key, "EN");
        assertRefused(() -> mutations.execute(CLERK, "otherOperation", key, new Input(key, "EN"), Long.class,
                this::command, v -> new Payload("x", v), Payload.class), ApiErrorCode.IDEMPOTENCY_KEY_REUSED);
    }

    @Test
    void aRefusedCommandLeavesNoClaimSoTheRetryRunsAgain() {
        String key = key();
        assertThatThrownBy(() -> mutations.execute(CLERK, "op", key, new Input(key, "EN"), Long.class,
                () -> {
                    commandsRun.incrementAndGet();
                    throw new BusinessRuleViolation(CommonErrorCode.INVALID_INPUT, "no");
                }, v -> new Payload("x", v), Payload.class)).isInstanceOf(BusinessRuleViolation.class);
        run(key, "EN");
        assertThat(commandsRun).hasValue(2);
    }

    @Test
    void whenTheAnswerFailedTheRetryAnswersFromTheKeptReceiptWithoutRepeatingTheCommand() {
        String key = key();
        assertThatThrownBy(() -> mutations.execute(CLERK, "op", key, new Input(key, "EN"), Long.class,
                this::command, v -> {
                    throw new ApiException(ApiErrorCode.REQUEST_IN_PROGRESS, "projection lagging");
                }, Payload.class)).isInstanceOf(ApiException.class);

        Payload retried = run(key, "EN");

        assertThat(retried.version()).isEqualTo(1);
        assertThat(commandsRun).hasValue(1);
    }

    @Test
    void aFailureWithUnknownOutcomeKeepsTheClaimUntilItIsAbandoned() {
        String key = key();
        // A timeout: the command may still commit, so a retry must not run it again at once.
        assertThatThrownBy(() -> mutations.execute(CLERK, "op", key, new Input(key, "EN"), Long.class,
                () -> {
                    throw new IllegalStateException("timed out");
                }, v -> new Payload("x", v), Payload.class)).isInstanceOf(IllegalStateException.class);

        assertRefused(() -> run(key, "EN"), ApiErrorCode.REQUEST_IN_PROGRESS);
        clock.advance(IdempotentMutations.ABANDONED_AFTER.plusSeconds(1));
        assertThat(run(key, "EN").value()).isEqualTo("EN");
        assertThat(commandsRun).hasValue(1);
    }

    @Test
    void twoRequestsWithTheSameKeyAtOnceRunTheCommandOnce() throws Exception {
        String key = key();
        CountDownLatch commandStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Payload> first = pool.submit(() -> mutations.execute(CLERK, "op", key, new Input(key, "EN"),
                    Long.class, () -> {
                        commandStarted.countDown();
                        await(release);
                        return command();
                    }, v -> new Payload("EN", v), Payload.class));
            await(commandStarted);

            assertRefused(() -> run(key, "EN"), ApiErrorCode.REQUEST_IN_PROGRESS);
            release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(run(key, "EN"));
            assertThat(commandsRun).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAttemptThatLostItsClaimDoesNotOverwriteTheNewHoldersAnswer() {
        String key = key();
        // The first attempt hangs past the abandonment limit; meanwhile a retry takes over and answers.
        Payload late = mutations.execute(CLERK, "op", key, new Input(key, "EN"), Long.class, () -> {
            clock.advance(IdempotentMutations.ABANDONED_AFTER.plusSeconds(1));
            Payload takeOver = run(key, "EN");
            assertThat(takeOver.version()).isEqualTo(1);
            return command();
        }, v -> new Payload("EN", v), Payload.class);

        assertThat(late.version()).isEqualTo(2);
        assertThat(run(key, "EN").version()).as("the record keeps the new holder's answer").isEqualTo(1);
    }

    @Test
    void theSameKeyOfAnotherPersonIsTheirOwn() {
        String key = key();
        run(key, "EN");
        Caller other = new Caller("user-2", "bureau-nanming", "unit", Set.of(Role.CIVIL_SERVANT), "t");
        mutations.execute(other, "op", key, new Input(key, "ZH_CN"), Long.class, this::command,
                v -> new Payload("ZH_CN", v), Payload.class);
        assertThat(commandsRun).hasValue(2);
    }

    @Test
    void malformedKeysAreRefused() {
        for (String key : new String[]{null, "", "short", "has space in it", "x".repeat(129), "键键键键键键键键"}) {
            assertRefused(() -> run(key, "EN"), ApiErrorCode.INVALID_IDEMPOTENCY_KEY);
        }
        assertThat(commandsRun).hasValue(0);
    }

    private Payload run(String key, String value) {
        return mutations.execute(CLERK, "op", key, new Input(key, value), Long.class, this::command,
                version -> new Payload(value, version), Payload.class);
    }

    private Long command() {
        return (long) commandsRun.incrementAndGet();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static void assertRefused(Runnable call, ApiErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
