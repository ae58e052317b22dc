package cn.gov.jgsw.tenants.identity;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes a token, checking its signature only the first time the platform sees that exact token.
 * <p>
 * A phone sends the same access token with every request until it expires. Checking its RSA signature, and decoding
 * its Base64 parts, every time was a large share of the platform's CPU under the mobile API benchmark
 * (BENCHMARKS.md). A
 * token is kept here, by its exact text, once its signature checked out; its claims (issuer, audience, lifetime,
 * whatever the caller requires) are validated at every request all the same, so an expired token or a disabled
 * client is refused as before. At most {@link #CAPACITY} tokens are kept.
 */
final class CheckedSignatures implements JwtDecoder {

    static final int CAPACITY = 4096;

    private final JwtDecoder signatureOnly;
    private final OAuth2TokenValidator<Jwt> claims;
    private final Map<String, Jwt> checked = new ConcurrentHashMap<>();

    /**
     * @param signatureOnly checks the signature and decodes, validating no claim
     * @param claims        what every request's token must satisfy
     */
    CheckedSignatures(JwtDecoder signatureOnly, OAuth2TokenValidator<Jwt> claims) {
        this.signatureOnly = signatureOnly;
        this.claims = claims;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = checked.get(token);
        if (jwt == null) {
            jwt = signatureOnly.decode(token);
            keep(token, jwt);
        }
        OAuth2TokenValidatorResult result = claims.validate(jwt);
        if (result.hasErrors()) {
            // The message Spring's own decoder gives, so that the caller sees the same answer either way.
            OAuth2Error first = result.getErrors().iterator().next();
            String description = first.getDescription() == null || first.getDescription().isEmpty()
                    ? "Unable to validate Jwt" : first.getDescription();
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: " + description,
                    result.getErrors());
        }
        return jwt;
    }

    int size() {
        return checked.size();
    }

    private void keep(String token, Jwt jwt) {
        if (checked.size() >= CAPACITY) {
            Instant now = Instant.now();
            checked.values().removeIf(kept -> kept.getExpiresAt() == null || kept.getExpiresAt().isBefore(now));
            if (checked.size() >= CAPACITY) {
                // Full of live tokens: start over rather than keep an order of use; a forgotten token is only
                // checked again.
                checked.clear();
            }
        }
        checked.put(token, jwt);
    }
}
