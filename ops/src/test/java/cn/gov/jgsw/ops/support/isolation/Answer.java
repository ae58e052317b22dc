package cn.gov.jgsw.ops.support.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/** An answer of the API exactly as it came: HTTP status and the body's bytes. */
record Answer(int status, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ERROR_ID = Pattern.compile("\"errorId\":\"[0-9a-f-]{36}\"");

    /**
     * Same status and the same bytes, but for the error id of an internal error: a random UUID drawn per error for the
     * log (ApiExceptionResolver), so it differs between any two answers and says nothing about the tenant.
     */
    boolean sameAs(Answer other) {
        return status == other.status && Arrays.equals(withoutErrorId(), other.withoutErrorId());
    }

    private byte[] withoutErrorId() {
        return ERROR_ID.matcher(text()).replaceAll("\"errorId\":\"-\"").getBytes(StandardCharsets.UTF_8);
    }

    /** The first error's code, {@code ok} for an answer without errors: what the report counts. */
    String outcome() {
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            return errors.isEmpty() ? "ok" : errors.path(0).path("extensions").path("code").asText("?");
        } catch (IOException notJson) {
            return "HTTP " + status;
        }
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return status + " " + text();
    }
}
