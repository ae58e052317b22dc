package cn.gov.jgsw.graphql.cursors;

import cn.gov.jgsw.graphql.EmbeddedMongo;
import cn.gov.jgsw.graphql.errors.ApiErrorCode;
import cn.gov.jgsw.graphql.errors.ApiException;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorCodecTest {

    private static final Caller NANMING_CLERK = caller("user-1", "bureau-nanming");
    private static EmbeddedMongo mongo;
    private static CursorCodec codec;

    @BeforeAll
    static void start() {
        mongo = new EmbeddedMongo();
        codec = new CursorCodec(mongo.database());
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
        assertThat(new CursorCodec(mongo.database()).decode(NANMING_CLERK, "units", cursor)).isEqualTo("x");
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

    private static void assertInvalid(Runnable decode) {
        assertThatThrownBy(decode::run)
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ApiErrorCode.INVALID_CURSOR));
    }

    private static Caller caller(String userId, String tenantId) {
        return new Caller(userId, tenantId, "unit", Set.of(Role.CIVIL_SERVANT), "test");
    }
}
