package cn.gov.jgsw.graphql.runtime;

import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Duration;
import java.util.Optional;

/**
 * One rate budget per person (token subject) and per app (token client) for the whole API, whatever the door: HTTP
 * requests to {@code /graphql} and {@code /api/**}, and every operation sent over the subscriptions' socket. A script
 * that moves its requests onto a socket meets the same limits.
 */
public final class ApiRateBudget {

    private final TokenBuckets perPerson;
    private final TokenBuckets perClient;

    ApiRateBudget(TokenBuckets perPerson, TokenBuckets perClient) {
        this.perPerson = perPerson;
        this.perClient = perClient;
    }

    /** Takes one request of the token's person and app; empty if allowed, else how long until one is. */
    public Optional<Duration> take(Jwt token) {
        return perPerson.take("person:" + token.getSubject())
                .or(() -> perClient.take("client:" + token.getClaims().get("azp")));
    }

    /** Whole seconds to wait, at least one, as {@code Retry-After} and {@code extensions.retryAfterSeconds} say. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (long) Math.ceil(wait.toMillis() / 1000.0));
    }
}
