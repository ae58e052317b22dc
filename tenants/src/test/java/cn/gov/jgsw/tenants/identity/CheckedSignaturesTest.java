package cn.gov.jgsw.tenants.identity;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signature is checked once per token; the claims at every request. */
class CheckedSignaturesTest {

    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final AtomicBoolean clientEnabled = new AtomicBoolean(true);
    private Instant expiresAt = Instant.now().plusSeconds(600);

    private final JwtDecoder signatureOnly = token -> {
        signatureChecks.incrementAndGet();
        if (token.startsWith("forged")) {
            throw new BadJwtException("Signed JWT rejected: Invalid signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("clerk")
                .issuedAt(expiresAt.minusSeconds(900)).expiresAt(expiresAt).build();
    };
    private final OAuth2TokenValidator<Jwt> claims = jwt -> clientEnabled.get()
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The client is disabled", null));
    private final CheckedSignatures decoder = new CheckedSignatures(signatureOnly, claims);

    @Test
    void theSameTokenHasItsSignatureCheckedOnce() {
        assertThat(decoder.decode("token-a").getSubject()).isEqualTo("clerk");
        assertThat(decoder.decode("token-a").getSubject()).isEqualTo("clerk");
        decoder.decode("token-b");

        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void theClaimsAreValidatedAtEveryRequest() {
        decoder.decode("token-a");
        clientEnabled.set(false);

        assertThatThrownBy(() -> decoder.decode("token-a"))
                .isInstanceOf(JwtValidationException.class)
                .hasMessage("An error occurred while attempting to decode the Jwt: The client is disabled");
    }

    @Test
    void aTokenThatFailsItsSignatureIsRefusedEveryTimeAndNotKept() {
        assertThatThrownBy(() -> decoder.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged-1")).isInstanceOf(BadJwtException.class);

        assertThat(signatureChecks).hasValue(2);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void expiredTokensMakeRoomWhenFull() {
        expiresAt = Instant.now().minusSeconds(1);
        for (int i = 0; i < CheckedSignatures.CAPACITY; i++) {
            decoder.decode("expired-" + i);
        }
        expiresAt = Instant.now().plusSeconds(600);

        decoder.decode("fresh");

        assertThat(decoder.size()).isEqualTo(1);
    }
}
