package cn.gov.jgsw.tenants.identity;

import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The authorization server's record of issued codes and tokens, in memory, forgetting each authorization once all of
 * its tokens have expired. Spring's in-memory store never forgets completed authorizations: with 10-minute tokens and
 * phones signing in all day, it would grow until the process ran out of memory.
 * <p>
 * Still node-local and lost at restart (an issued access token stays valid: the API verifies it by signature alone).
 * The identity-hardening issue replaces this by a MongoDB store.
 */
class ExpiringAuthorizationService implements OAuth2AuthorizationService {

    private static final Logger logger = LoggerFactory.getLogger(ExpiringAuthorizationService.class);

    /** How long an authorization request may wait for its sign-in before it is forgotten. */
    static final Duration PENDING_REQUEST_LIFETIME = Duration.ofMinutes(10);
    static final Duration SWEEP_INTERVAL = Duration.ofSeconds(30);

    private final InMemoryOAuth2AuthorizationService authorizations = new InMemoryOAuth2AuthorizationService();
    private final Map<String, Instant> forgetAfter = new ConcurrentHashMap<>();
    /** Refresh tokens replaced by rotation, and the sign-in (authorization) each belonged to. */
    private final Map<String, String> rotatedRefreshTokens = new ConcurrentHashMap<>();
    private final Map<String, List<String>> rotatedBySignIn = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Instant lastSweep = Instant.MIN;

    ExpiringAuthorizationService(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        if (clock.instant().isAfter(lastSweep.plus(SWEEP_INTERVAL))) {
            // A sweep looks at every authorization: at most every half minute, not on each token exchange.
            forgetExpired();
        }
        rememberRotatedRefreshToken(authorization);
        authorizations.save(authorization);
        forgetAfter.put(authorization.getId(), lastExpiry(authorization));
    }

    private void rememberRotatedRefreshToken(OAuth2Authorization authorization) {
        OAuth2Authorization previous = authorizations.findById(authorization.getId());
        String previousToken = refreshTokenOf(previous);
        if (previousToken != null && !previousToken.equals(refreshTokenOf(authorization))) {
            rotatedRefreshTokens.put(previousToken, authorization.getId());
            rotatedBySignIn.computeIfAbsent(authorization.getId(), id -> new CopyOnWriteArrayList<>()).add(previousToken);
        }
    }

    private static String refreshTokenOf(OAuth2Authorization authorization) {
        return authorization == null || authorization.getRefreshToken() == null ? null
                : authorization.getRefreshToken().getToken().getTokenValue();
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        authorizations.remove(authorization);
        forgetAfter.remove(authorization.getId());
        List<String> rotated = rotatedBySignIn.remove(authorization.getId());
        if (rotated != null) {
            rotated.forEach(rotatedRefreshTokens::remove);
        }
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return authorizations.findById(id);
    }

    /**
     * A refresh token that was already rotated away is presented again: either the app or a thief holds a copy. The
     * whole sign-in is revoked, its newest refresh token included (RFC 9700 §4.14.2), and the caller finds nothing.
     */
    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        if (tokenType == null || OAuth2TokenType.REFRESH_TOKEN.equals(tokenType)) {
            String reusedSignIn = rotatedRefreshTokens.get(token);
            if (reusedSignIn != null) {
                OAuth2Authorization signIn = authorizations.findById(reusedSignIn);
                if (signIn != null) {
                    remove(signIn);
                    logger.warn("A rotated refresh token was used again; sign-in {} of {} revoked", reusedSignIn,
                            signIn.getPrincipalName());
                }
                return null;
            }
        }
        return authorizations.findByToken(token, tokenType);
    }

    int size() {
        return forgetAfter.size();
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        lastSweep = now;
        forgetAfter.forEach((id, after) -> {
            if (after.isBefore(now)) {
                OAuth2Authorization expired = authorizations.findById(id);
                if (expired != null) {
                    remove(expired);
                }
                forgetAfter.remove(id, after);
            }
        });
    }

    private Instant lastExpiry(OAuth2Authorization authorization) {
        Instant pending = clock.instant().plus(PENDING_REQUEST_LIFETIME);
        return Stream.of(authorization.getToken(OAuth2AuthorizationCode.class), authorization.getAccessToken(),
                        authorization.getRefreshToken(), authorization.getToken(OidcIdToken.class))
                .filter(Objects::nonNull)
                .map(OAuth2Authorization.Token::getToken)
                .map(OAuth2Token::getExpiresAt)
                .filter(Objects::nonNull)
                .reduce(pending, (a, b) -> a.isAfter(b) ? a : b);
    }
}
