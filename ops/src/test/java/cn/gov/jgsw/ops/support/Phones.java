package cn.gov.jgsw.ops.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One signed-in phone per demo login, signed in once through the real PKCE flow and reused (tokens live 10 minutes,
 * far longer than the suite).
 */
public final class Phones {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Phones() {
    }

    public static GraphQlClient of(String baseUrl, String username) {
        return new GraphQlClient(baseUrl, accessTokenOf(baseUrl, username));
    }

    /** The access token of that login's phone, for clients that need more of the answer than {@link GraphQlClient}. */
    public static String accessTokenOf(String baseUrl, String username) {
        return TOKENS.computeIfAbsent(baseUrl + "|" + username, key -> MobileApp.accessTokenOf(baseUrl, username));
    }
}
