package cn.gov.jgsw.graphql.updates;

import cn.gov.jgsw.graphql.persisted.PersistedOperationInterceptor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.web.socket.TextMessage;

/**
 * Over HTTP, Spring GraphQL accepts a request that names a persisted operation without a {@code query}; over the
 * socket it refuses a {@code subscribe} without one and closes the socket. So a subscribe that names an operation by
 * id only gets the same stand-in document HTTP gets, and {@link PersistedOperationInterceptor} replaces it with the
 * manifest's. Every other message passes unchanged.
 */
final class PersistedSubscribe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PersistedSubscribe() {
    }

    static TextMessage withDocumentMarker(TextMessage message) {
        String text = message.getPayload();
        if (!text.contains("\"subscribe\"") || !text.contains("persistedQuery")) {
            return message;
        }
        try {
            JsonNode parsed = JSON.readTree(text);
            JsonNode payload = parsed.path("payload");
            if (!"subscribe".equals(parsed.path("type").asText()) || !(payload instanceof ObjectNode object)
                    || object.hasNonNull("query") || !payload.path("extensions").has("persistedQuery")) {
                return message;
            }
            object.put("query", PersistedOperationInterceptor.NO_DOCUMENT);
            return new TextMessage(JSON.writeValueAsString(parsed));
        } catch (Exception unreadable) {
            // Spring's handler answers an unreadable message itself.
            return message;
        }
    }
}
