package cn.gov.jgsw.ops.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One signed-in phone per demo login, signed in through the real PKCE flow and reused while its access token has
 * minutes left (tokens live 10 minutes; a slow run of the suite outlives one).
 */
public final class Phones {

    /** Signed in again when a token is older than this, well before it expires. */
    private static final Duration REUSE_FOR = Duration.ofMinutes(7);

    private record SignedIn(String accessToken, Instant at) {
    }

    private static final Map<String, SignedIn> TOKENS = new ConcurrentHashMap<>();

    private Phones() {
    }

    public static GraphQlClient of(String baseUrl, String username) {
        return new GraphQlClient(baseUrl, accessTokenOf(baseUrl, username));
    }

    /** The access token of that login's phone, for clients that need more of the answer than {@link GraphQlClient}. */
    public static String accessTokenOf(String baseUrl, String username) {
        return TOKENS.compute(baseUrl + "|" + username, (key, known) ->
                known != null && known.at().plus(REUSE_FOR).isAfter(Instant.now()) ? known
                        : new SignedIn(MobileApp.accessTokenOf(baseUrl, username), Instant.now())).accessToken();
    }
}
