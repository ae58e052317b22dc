package cn.gov.jgsw.tenants.identity;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import cn.gov.jgsw.tenants.secrets.DataKeyring;
import cn.gov.jgsw.tenants.secrets.KeyEncryptionKey;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    private final MongoDatabase database = client.getDatabase("keys");
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T00:00:00Z"));
    private final DataKeyring sealer = DataKeyring.open(database, KeyEncryptionKey.generate(new SecureRandom()), clock);

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void nodesStartingOnTheSameDatabaseSignWithTheSameKey() {
        SigningKeys first = new SigningKeys(database, sealer, clock);
        SigningKeys second = new SigningKeys(database, sealer, clock);

        assertThat(second.signing().getKeyID()).isEqualTo(first.signing().getKeyID());
        assertThat(first.verifying()).extracting(JWK::getKeyID).containsExactly(first.signing().getKeyID());
    }

    @Test
    void aRotatedKeyVerifiesForTheGraceThenIsDeleted() {
        SigningKeys keys = new SigningKeys(database, sealer, clock);
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
        SigningKeys here = new SigningKeys(database, sealer, clock);
        SigningKeys there = new SigningKeys(database, sealer, clock);

        String rotated = here.rotate();

        assertThat(there.signing().getKeyID()).as("not yet reloaded").isNotEqualTo(rotated);
        clock.advance(SigningKeys.RELOAD_INTERVAL.plusSeconds(1));
        assertThat(there.signing().getKeyID()).isEqualTo(rotated);
    }

    @Test
    void twoNodesRotatingAtOnceAgreeOnOneKey() {
        SigningKeys here = new SigningKeys(database, sealer, clock);
        SigningKeys there = new SigningKeys(database, sealer, clock);

        String mine = here.rotate();
        String theirs = there.rotate();

        assertThat(theirs).isEqualTo(mine);
        assertThat(database.getCollection("signing_keys").countDocuments()).as("pointer, old key, new key")
                .isEqualTo(3);
    }

    @Test
    void aKeyOlderThanTheRotationPeriodIsReplacedAtStart() {
        String old = new SigningKeys(database, sealer, clock).signing().getKeyID();
        clock.advance(SigningKeys.ROTATION_PERIOD.plus(Duration.ofHours(1)));

        SigningKeys restarted = new SigningKeys(database, sealer, clock);

        assertThat(restarted.signing().getKeyID()).isNotEqualTo(old);
        assertThat(restarted.verifying()).extracting(JWK::getKeyID).contains(old);
    }

    @Test
    void aKeyIsStoredWithOnlyItsPublicPartInClear() {
        SigningKeys keys = new SigningKeys(database, sealer, clock);
        String kid = keys.signing().getKeyID();

        Document stored = database.getCollection("signing_keys").find(Filters.eq("_id", kid)).first();

        assertThat(stored).doesNotContainKey("jwk");
        assertThat(stored.getString("publicJwk")).doesNotContain("\"d\"", "\"p\"", "\"q\"");
        assertThat(stored.getString("privateJwk")).startsWith("sealed:1:")
                .doesNotContain(keys.signing().getPrivateExponent().toString());
    }

    @Test
    void aKeyAnEarlierVersionStoredInClearIsReplacedAtStartAndVerifiesNothing() throws Exception {
        RSAKey earlier = new RSAKeyGenerator(2048).keyID("kid-earlier").generate();
        database.getCollection("signing_keys").insertOne(new Document("_id", "kid-earlier")
                .append("jwk", earlier.toJSONString()).append("createdAt", Date.from(clock.instant())));
        database.getCollection("signing_keys").insertOne(new Document("_id", "signing").append("kid", "kid-earlier"));

        SigningKeys keys = new SigningKeys(database, sealer, clock);

        assertThat(keys.signing().getKeyID()).isNotEqualTo("kid-earlier");
        assertThat(keys.verifying()).extracting(JWK::getKeyID).containsExactly(keys.signing().getKeyID());
        assertThat(database.getCollection("signing_keys").find(Filters.exists("jwk")).first()).isNull();
        assertThat(database.getCollection("signing_keys").find(Filters.eq("_id", keys.signing().getKeyID())).first()
                .getString("privateJwk")).startsWith("sealed:1:");
    }

    @Test
    void aKeyWrittenInClearIntoTheDatabaseAfterwardsIsRefused() throws Exception {
        new SigningKeys(database, sealer, clock);
        RSAKey planted = new RSAKeyGenerator(2048).keyID("kid-planted").generate();
        database.getCollection("signing_keys").insertOne(new Document("_id", "kid-planted")
                .append("jwk", planted.toJSONString()).append("createdAt", Date.from(clock.instant())));
        database.getCollection("signing_keys").updateOne(Filters.eq("_id", "signing"),
                Updates.set("kid", "kid-planted"));

        assertThatThrownBy(() -> new SigningKeys(database, sealer, clock))
                .hasMessageContaining("someone wrote it into the database");
    }
}
