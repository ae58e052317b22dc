package cn.gov.jgsw.tenants.identity;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.jwk.JWK;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeysTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    private final MongoDatabase database = client.getDatabase("keys");
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T00:00:00Z"));

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void nodesStartingOnTheSameDatabaseSignWithTheSameKey() {
        SigningKeys first = new SigningKeys(database, clock);
        SigningKeys second = new SigningKeys(database, clock);

        assertThat(second.signing().getKeyID()).isEqualTo(first.signing().getKeyID());
        assertThat(first.verifying()).extracting(JWK::getKeyID).containsExactly(first.signing().getKeyID());
    }

    @Test
    void aRotatedKeyVerifiesForTheGraceThenIsDeleted() {
        SigningKeys keys = new SigningKeys(database, clock);
        String old = keys.signing().getKeyID();

        String rotated = keys.rotate();

        assertThat(keys.signing().getKeyID()).isEqualTo(rotated).isNotEqualTo(old);
        assertThat(keys.verifying()).extracting(JWK::getKeyID).containsExactly(rotated, old);
        clock.advance(SigningKeys.VERIFICATION_GRACE.plusMinutes(2));
        assertThat(keys.verifying()).extracting(JWK::getKeyID).containsExactly(rotated);
        assertThat(database.getCollection("signing_keys").countDocuments()).as("the pointer and one key").isEqualTo(2);
    }

    @Test
    void anotherNodeSeesARotationWithinTheReloadInterval() {
        SigningKeys here = new SigningKeys(database, clock);
        SigningKeys there = new SigningKeys(database, clock);

        String rotated = here.rotate();

        assertThat(there.signing().getKeyID()).as("not yet reloaded").isNotEqualTo(rotated);
        clock.advance(SigningKeys.RELOAD_INTERVAL.plusSeconds(1));
        assertThat(there.signing().getKeyID()).isEqualTo(rotated);
    }

    @Test
    void twoNodesRotatingAtOnceAgreeOnOneKey() {
        SigningKeys here = new SigningKeys(database, clock);
        SigningKeys there = new SigningKeys(database, clock);

        String mine = here.rotate();
        String theirs = there.rotate();

        assertThat(theirs).isEqualTo(mine);
        assertThat(database.getCollection("signing_keys").countDocuments()).as("pointer, old key, new key")
                .isEqualTo(3);
    }

    @Test
    void aKeyOlderThanTheRotationPeriodIsReplacedAtStart() {
        String old = new SigningKeys(database, clock).signing().getKeyID();
        clock.advance(SigningKeys.ROTATION_PERIOD.plus(Duration.ofHours(1)));

        SigningKeys restarted = new SigningKeys(database, clock);

        assertThat(restarted.signing().getKeyID()).isNotEqualTo(old);
        assertThat(restarted.verifying()).extracting(JWK::getKeyID).contains(old);
    }
}
