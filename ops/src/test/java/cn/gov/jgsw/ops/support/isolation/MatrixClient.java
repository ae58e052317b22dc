package cn.gov.jgsw.ops.support.isolation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts the matrix's requests as the app does and keeps the answer's bytes, since "looks like not found" is judged
 * byte for byte. A person sending faster than the API allows is answered 429 with {@code Retry-After}; the client
 * waits that long and sends again, as the app does, so a refused request never counts as an answer.
 */
final class MatrixClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MOST_ATTEMPTS = 20;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI endpoint;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();

    MatrixClient(String baseUrl) {
        this.endpoint = URI.create(baseUrl + "/graphql");
    }

    Answer send(String accessToken, String document, Map<String, Object> variables) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .header("X-App-Version", "1.0.0-test")
                .header("Authorization", "Bearer " + accessToken)
                .POST(HttpRequest.BodyPublishers.ofString(body(document, variables)))
                .build();
        for (int attempt = 1; attempt <= MOST_ATTEMPTS; attempt++) {
            HttpResponse<byte[]> response = post(request);
            requests.incrementAndGet();
            if (response.statusCode() != 429) {
                return new Answer(response.statusCode(), response.body());
            }
            rateLimited.incrementAndGet();
            waitAsTold(response.headers().firstValue("Retry-After").orElse("1"));
        }
        throw new IllegalStateException("still rate limited after " + MOST_ATTEMPTS + " attempts");
    }

    /** Requests sent, the ones answered 429 included. */
    int requests() {
        return requests.get();
    }

    int rateLimited() {
        return rateLimited.get();
    }

    private HttpResponse<byte[]> post(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waiting is what 429 asks for: not polling for an effect, but keeping to the rate the API announced. */
    private static void waitAsTold(String retryAfterSeconds) {
        try {
            TimeUnit.SECONDS.sleep(Long.parseLong(retryAfterSeconds.trim()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String body(String document, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
