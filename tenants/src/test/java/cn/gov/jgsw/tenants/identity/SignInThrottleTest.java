package cn.gov.jgsw.tenants.identity;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

    private static final String ATTACKER = "203.0.113.7";
    private static final String PHONE = "198.51.100.20";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T02:00:00Z"));
    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    private final SignInThrottle throttle = new SignInThrottle(client.getDatabase("identity"), clock);

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void fiveFailuresLockTheAccountFromThatAddressOnlyNotThePersonsPhone() {
        failTimes("nanming.civil-servant", ATTACKER, 4);
        assertThat(throttle.lockedFor("nanming.civil-servant", ATTACKER)).isEmpty();

        throttle.failed("nanming.civil-servant", ATTACKER);

        assertThat(throttle.lockedFor("Nanming.Civil-Servant", ATTACKER)).contains(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("nanming.civil-servant", PHONE)).isEmpty();
        assertThat(throttle.lockedFor("nanming.approver", ATTACKER)).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheLockUpToFifteenMinutes() {
        failTimes("nanming.civil-servant", ATTACKER, 6);
        assertThat(throttle.lockedFor("nanming.civil-servant", ATTACKER)).contains(Duration.ofMinutes(2));

        failTimes("nanming.civil-servant", ATTACKER, 10);

        assertThat(throttle.lockedFor("nanming.civil-servant", ATTACKER)).contains(SignInThrottle.LONGEST_LOCK);
        clock.advance(SignInThrottle.LONGEST_LOCK.plusSeconds(1));
        assertThat(throttle.lockedFor("nanming.civil-servant", ATTACKER)).isEmpty();
    }

    @Test
    void manyFailuresFromOneAddressLockThatAddressForEveryAccount() {
        for (int i = 0; i < SignInThrottle.FAILURES_PER_ADDRESS; i++) {
            throttle.failed("guess-" + i, ATTACKER);
        }

        assertThat(throttle.lockedFor("nanming.approver", ATTACKER)).contains(SignInThrottle.LONGEST_LOCK);
        assertThat(throttle.lockedFor("nanming.approver", PHONE)).isEmpty();
    }

    @Test
    void aSuccessOrAQuietHalfHourStartsTheCountAgain() {
        failTimes("nanming.civil-servant", PHONE, 4);
        throttle.succeeded("nanming.civil-servant", PHONE);
        failTimes("nanming.civil-servant", PHONE, 4);
        assertThat(throttle.lockedFor("nanming.civil-servant", PHONE)).isEmpty();

        clock.advance(SignInThrottle.QUIET_PERIOD.plusSeconds(1));
        failTimes("nanming.civil-servant", PHONE, 4);

        assertThat(throttle.lockedFor("nanming.civil-servant", PHONE)).isEmpty();
    }

    private void failTimes(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(username, address);
        }
    }
}
