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
        return new GraphQlClient(baseUrl, TOKENS.computeIfAbsent(baseUrl + "|" + username,
                key -> MobileApp.accessTokenOf(baseUrl, username)));
    }
}
