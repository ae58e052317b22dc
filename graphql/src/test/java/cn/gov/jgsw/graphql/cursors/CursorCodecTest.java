package cn.gov.jgsw.graphql.cursors;

import cn.gov.jgsw.graphql.EmbeddedMongo;
import cn.gov.jgsw.graphql.errors.ApiErrorCode;
import cn.gov.jgsw.graphql.errors.ApiException;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.Role;
import cn.gov.jgsw.tenants.secrets.DataKeyring;
import cn.gov.jgsw.tenants.secrets.KeyEncryptionKey;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorCodecTest {

    private static final Caller NANMING_CLERK = caller("user-1", "bureau-nanming");
    private static EmbeddedMongo mongo;
    private static CursorCodec codec;
    private static final KeyEncryptionKey KEY_ENCRYPTION_KEY = KeyEncryptionKey.generate(new SecureRandom());

    @BeforeAll
    static void start() {
        mongo = new EmbeddedMongo();
        codec = new CursorCodec(mongo.database(), keyring());
    }

    /** A node's keyring: every node opens the same data key with the deployment's key-encryption key. */
    private static DataKeyring keyring() {
        return keyringOf(mongo.database());
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Test
    void aCursorGivesBackItsPositionToTheCallerItWasIssuedTo() {
        String cursor = codec.encode(NANMING_CLERK, "units", "bureau-nanming-office");
        assertThat(cursor).doesNotContain("bureau-nanming-office");
        assertThat(codec.decode(NANMING_CLERK, "units", cursor)).isEqualTo("bureau-nanming-office");
    }

    @Test
    void anotherNodeOnTheSameDatabaseAcceptsTheCursor() {
        String cursor = codec.encode(NANMING_CLERK, "units", "x");
        assertThat(new CursorCodec(mongo.database(), keyring()).decode(NANMING_CLERK, "units", cursor)).isEqualTo("x");
    }

    @Test
    void anotherPersonAnotherBureauOrAnotherListIsRefused() {
        String cursor = codec.encode(NANMING_CLERK, "units", "x");
        assertInvalid(() -> codec.decode(caller("user-2", "bureau-nanming"), "units", cursor));
        assertInvalid(() -> codec.decode(caller("user-1", "bureau-yunyan"), "units", cursor));
        assertInvalid(() -> codec.decode(NANMING_CLERK, "orders", cursor));
    }

    @Test
    void anAlteredOrMalformedCursorIsRefused() {
        String cursor = codec.encode(NANMING_CLERK, "units", "a");
        String otherPosition = codec.encode(NANMING_CLERK, "units", "b");
        String spliced = otherPosition.substring(0, otherPosition.indexOf('.')) + cursor.substring(cursor.indexOf('.'));
        assertInvalid(() -> codec.decode(NANMING_CLERK, "units", spliced));
        assertInvalid(() -> codec.decode(NANMING_CLERK, "units", "no-dot"));
        assertInvalid(() -> codec.decode(NANMING_CLERK, "units", "%%%.%%%"));
        assertInvalid(() -> codec.decode(NANMING_CLERK, "units", null));
    }

    @Test
    void theKeyIsStoredOnlySealed() {
        Document stored = mongo.database().getCollection("platform_secrets")
                .find(Filters.eq("_id", "cursor-hmac-key")).first();

        assertThat(stored.getString("key")).startsWith("sealed:1:");
    }

    @Test
    void aKeyAnEarlierVersionStoredInClearIsReplacedAndItsCursorsRefused() {
        byte[] earlierKey = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        DataKeyring reference = keyringOf(mongo.database("reference"));
        mongo.database("reference").getCollection("platform_secrets").insertOne(new Document("_id", "cursor-hmac-key")
                .append("key", reference.seal("platform_secrets/cursor-hmac-key/key", earlierKey)));
        String earlierCursor = new CursorCodec(mongo.database("reference"), reference)
                .encode(NANMING_CLERK, "units", "x");
        mongo.database("earlier").getCollection("platform_secrets").insertOne(new Document("_id", "cursor-hmac-key")
                .append("key", HexFormat.of().formatHex(earlierKey)));

        CursorCodec upgraded = new CursorCodec(mongo.database("earlier"), keyringOf(mongo.database("earlier")));

        assertInvalid(() -> upgraded.decode(NANMING_CLERK, "units", earlierCursor));
        assertThat(upgraded.decode(NANMING_CLERK, "units", upgraded.encode(NANMING_CLERK, "units", "x")))
                .isEqualTo("x");
        assertThat(mongo.database("earlier").getCollection("platform_secrets")
                .find(Filters.eq("_id", "cursor-hmac-key")).first().getString("key")).startsWith("sealed:1:");
    }

    @Test
    void aKeyWrittenInClearAfterwardsIsRefused() {
        new CursorCodec(mongo.database("planted"), keyringOf(mongo.database("planted")));
        mongo.database("planted").getCollection("platform_secrets").updateOne(Filters.eq("_id", "cursor-hmac-key"),
                Updates.set("key", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"));

        assertThatThrownBy(() -> new CursorCodec(mongo.database("planted"), keyringOf(mongo.database("planted"))))
                .hasMessageContaining("someone wrote it into the database");
    }

    private static DataKeyring keyringOf(MongoDatabase database) {
        return DataKeyring.open(database, KEY_ENCRYPTION_KEY, Clock.systemUTC());
    }

    private static void assertInvalid(Runnable decode) {
        assertThatThrownBy(decode::run)
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ApiErrorCode.INVALID_CURSOR));
    }

    private static Caller caller(String userId, String tenantId) {
        return new Caller(userId, tenantId, "unit", Set.of(Role.CIVIL_SERVANT), "test");
    }
}
