package cn.gov.jgsw.ops.support;

import cn.gov.jgsw.ops.support.contract.PersistedContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts GraphQL operations over real HTTP as the mobile app does, with a bearer token and optional language, and
 * answers status and JSON body as they came, so tests see exactly what the app sees. An operation of the mobile
 * contract ({@link #operation(String)}) goes by its persisted id, as the app sends it, and every successful answer is
 * checked against the operation's recorded shape ({@link PersistedContract}); any other document goes as it is (the
 * suite runs the demo profile, which accepts documents).
 */
public final class GraphQlClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FRAGMENT_SPREAD = Pattern.compile("\\.\\.\\.([A-Z][A-Za-z0-9]*)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String endpoint;
    private final String accessToken;
    private final String language;

    public GraphQlClient(String baseUrl, String accessToken, String language) {
        this.endpoint = baseUrl + "/graphql";
        this.accessToken = accessToken;
        this.language = language;
    }

    public GraphQlClient(String baseUrl, String accessToken) {
        this(baseUrl, accessToken, null);
    }

    public GraphQlClient inLanguage(String acceptLanguage) {
        return new GraphQlClient(endpoint.substring(0, endpoint.length() - "/graphql".length()), accessToken,
                acceptLanguage);
    }

    /**
     * The operation of that name: a persisted operation of the mobile contract (its document as the manifest holds
     * it), or else a test's own document from {@code operations/NAME.graphql} with the fragments it spreads appended
     * from {@code operations/fragments/FRAGMENT.graphql}.
     */
    public static String operation(String name) {
        Optional<PersistedContract.Operation> persisted = PersistedContract.named(name);
        if (persisted.isPresent()) {
            return persisted.get().body();
        }
        String document = resource("/operations/" + name + ".graphql");
        Matcher spread = FRAGMENT_SPREAD.matcher(document);
        StringBuilder withFragments = new StringBuilder(document);
        while (spread.find()) {
            if (withFragments.indexOf("fragment " + spread.group(1) + " ") < 0) {
                withFragments.append('\n').append(resource("/operations/fragments/" + spread.group(1) + ".graphql"));
            }
        }
        return withFragments.toString();
    }

    private static String resource(String path) {
        try (InputStream in = GraphQlClient.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no document " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response execute(String document, Map<String, Object> variables) {
        Optional<PersistedContract.Operation> persisted = PersistedContract.ofDocument(document);
        Map<String, Object> body;
        if (persisted.isPresent()) {
            body = persistedRequest(persisted.get(), variables);
        } else {
            body = new LinkedHashMap<>();
            body.put("query", document);
            body.put("variables", variables);
        }
        Response response;
        try {
            response = post(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (persisted.isPresent() && response.status() == 200 && !response.hasErrors()
                && response.data().isObject()) {
            PersistedContract.check(persisted.get().name(), response.data(), response.bytes());
        }
        return response;
    }

    /** The body of a request for a persisted operation, as the app sends it: no document, the id in extensions. */
    public static Map<String, Object> persistedRequest(PersistedContract.Operation operation,
                                                       Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("operationName", operation.name());
        body.put("variables", variables);
        body.put("extensions", persistedQuery(operation.id()));
        return body;
    }

    /** The extension by which the app names a persisted operation (Apollo's clients send the same). */
    public static Map<String, Object> persistedQuery(String id) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", id));
    }

    public Response execute(String document) {
        return execute(document, Map.of());
    }

    public Response post(String rawBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .header("X-App-Version", "1.0.0-test")
                .POST(HttpRequest.BodyPublishers.ofString(rawBody));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Response(response.statusCode(), text == null || text.isBlank() ? null : JSON.readTree(text),
                    response.headers().firstValue("WWW-Authenticate").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null),
                    text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status and body of one answer. */
    public record Response(int status, JsonNode body, String wwwAuthenticate, String retryAfter, int bytes) {

        public JsonNode data() {
            return body.path("data");
        }

        public JsonNode firstError() {
            return body.path("errors").path(0);
        }

        public String firstErrorCode() {
            return firstError().path("extensions").path("code").asText(null);
        }

        public boolean hasErrors() {
            return body.has("errors") && !body.get("errors").isEmpty();
        }
    }
}
