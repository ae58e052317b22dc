package cn.gov.jgsw.ops.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves Jackson's JSON into BSON and back without changing a value, so that events are readable documents in the
 * database and still deserialize exactly.
 * <p>
 * Numbers are the trap: a JSON {@code 12.50} read as a double becomes {@code 12.5}, and a money amount would come back
 * with another scale. Every non-integer number is therefore kept as an exact decimal (BSON Decimal128), integers as
 * int32 or int64. Binary floating point never enters the store, which also keeps the canonical form
 * ({@link CanonicalEventForm}) free of float formatting rules.
 */
final class JsonBson {

    private static final JsonNodeFactory EXACT = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper READER = new ObjectMapper()
            .setNodeFactory(EXACT)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonBson() {
    }

    /** The BSON value of serialized JSON bytes (a document for a JSON object). */
    static Object toBson(byte[] json) {
        try {
            return toBson(READER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("The serializer produced JSON that does not parse", e);
        }
    }

    static Object toBson(JsonNode node) {
        if (node.isObject()) {
            Document document = new Document();
            node.fields().forEachRemaining(field -> document.put(field.getKey(), toBson(field.getValue())));
            return document;
        }
        if (node.isArray()) {
            List<Object> values = new ArrayList<>(node.size());
            node.forEach(element -> values.add(toBson(element)));
            return values;
        }
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return new Decimal128(node.decimalValue());
        }
        return node.asText();
    }

    /** The JSON of a stored BSON value, for the serializer to read. */
    static JsonNode toJson(Object bson) {
        if (bson == null) {
            return EXACT.nullNode();
        }
        if (bson instanceof Map<?, ?> map) {
            ObjectNode object = EXACT.objectNode();
            map.forEach((key, value) -> object.set((String) key, toJson(value)));
            return object;
        }
        if (bson instanceof List<?> list) {
            ArrayNode array = EXACT.arrayNode(list.size());
            list.forEach(element -> array.add(toJson(element)));
            return array;
        }
        if (bson instanceof String text) {
            return EXACT.textNode(text);
        }
        if (bson instanceof Boolean bool) {
            return EXACT.booleanNode(bool);
        }
        if (bson instanceof Integer number) {
            return EXACT.numberNode(number);
        }
        if (bson instanceof Long number) {
            return EXACT.numberNode(number);
        }
        if (bson instanceof Decimal128 decimal) {
            return EXACT.numberNode(exact(decimal));
        }
        throw new IllegalArgumentException("An event field holds a " + bson.getClass().getSimpleName()
                + ", which the event store never writes");
    }

    static BigDecimal exact(Decimal128 decimal) {
        if (decimal.isNaN() || decimal.isInfinite()) {
            throw new IllegalArgumentException("An event field holds " + decimal + ", which is not a number");
        }
        return decimal.bigDecimalValue();
    }
}
