package cn.gov.jgsw.ops.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs in the way the mobile app does (RFC 8252 with PKCE S256): the system browser opens the authorization
 * endpoint, the person signs in on the form, the browser is redirected to the app's loopback address with a code,
 * and the app exchanges the code and its verifier for tokens. Real HTTP against the real authorization server; each
 * instance is one fresh browser (own cookies).
 */
public final class MobileApp {

    public static final String CLIENT_ID = "mobile-app";
    public static final String LOOPBACK_REDIRECT = "http://127.0.0.1:49152/callback";
    public static final String DEMO_PASSWORD = "Demo@2026";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient browser;

    public MobileApp(String baseUrl) {
        this.baseUrl = baseUrl;
        this.browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Signs in as a demo person and answers the access token. */
    public static String accessTokenOf(String baseUrl, String username) {
        return new MobileApp(baseUrl).signIn(username, DEMO_PASSWORD, LOOPBACK_REDIRECT).get("access_token").asText();
    }

    /** The whole flow; answers the token response. */
    public JsonNode signIn(String username, String password, String redirectUri) {
        String verifier = codeVerifier();
        String authorizeUrl = authorizationUrl(redirectUri, challengeOf(verifier), "S256", "state-1");
        HttpResponse<String> toLogin = get(authorizeUrl);
        expectRedirect(toLogin, "/login");
        String csrf = csrfTokenOfLoginForm();
        HttpResponse<String> afterLogin = postForm(baseUrl + "/login",
                Map.of("username", username, "password", password, "_csrf", csrf));
        String continueUrl = location(afterLogin);
        if (continueUrl.contains("/login?error")) {
            throw new IllegalStateException("sign-in refused for " + username);
        }
        String callback = location(get(absolute(continueUrl)));
        if (!callback.startsWith(redirectUri)) {
            throw new IllegalStateException("not redirected to the app: " + callback);
        }
        String code = queryParameter(callback, "code");
        return exchange(code, verifier, redirectUri);
    }

    public JsonNode exchange(String code, String verifier, String redirectUri) {
        HttpResponse<String> tokenResponse = postForm(baseUrl + "/oauth2/token", Map.of(
                "grant_type", "authorization_code",
                "code", code,
                "redirect_uri", redirectUri,
                "client_id", CLIENT_ID,
                "code_verifier", verifier));
        if (tokenResponse.statusCode() != 200) {
            throw new IllegalStateException("token exchange failed: " + tokenResponse.statusCode() + " "
                    + tokenResponse.body());
        }
        try {
            return JSON.readTree(tokenResponse.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String authorizationUrl(String redirectUri, String challenge, String method, String state) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", CLIENT_ID);
        parameters.put("redirect_uri", redirectUri);
        parameters.put("scope", "openid profile");
        parameters.put("state", state);
        if (challenge != null) {
            parameters.put("code_challenge", challenge);
            parameters.put("code_challenge_method", method);
        }
        return baseUrl + "/oauth2/authorize?" + formEncode(parameters);
    }

    public String csrfTokenOfLoginForm() {
        HttpResponse<String> loginPage = get(baseUrl + "/login");
        Matcher matcher = CSRF.matcher(loginPage.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in form");
        }
        return matcher.group(1);
    }

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build());
    }

    /** The app trades its refresh token for new tokens, naming itself by client id (it has no secret). */
    public HttpResponse<String> refresh(String refreshToken) {
        return postForm(baseUrl + "/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", CLIENT_ID));
    }

    /** Signing out: the app revokes its refresh token (RFC 7009), naming itself by client id. */
    public HttpResponse<String> revoke(String token) {
        return postForm(baseUrl + "/oauth2/revoke", Map.of("token", token, "client_id", CLIENT_ID));
    }

    public HttpResponse<String> postForm(String url, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String codeVerifier() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    public static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("no redirect, status " + response.statusCode()));
    }

    public static String queryParameter(String url, String name) {
        String query = url.substring(url.indexOf('?') + 1);
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private String absolute(String url) {
        return url.startsWith("http") ? url : baseUrl + url;
    }

    private static void expectRedirect(HttpResponse<String> response, String pathPart) {
        if (response.statusCode() != 302 || !location(response).contains(pathPart)) {
            throw new IllegalStateException("expected redirect to " + pathPart + ", got " + response.statusCode()
                    + " " + response.headers().firstValue("Location").orElse(""));
        }
    }

    private static String formEncode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
