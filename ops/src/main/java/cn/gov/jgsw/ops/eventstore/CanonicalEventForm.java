package cn.gov.jgsw.ops.eventstore;

import org.bson.Document;
import org.bson.types.Decimal128;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form of a stored event (事件规范形式): the exact bytes its SM3 hash is taken over, which anyone can
 * recompute from the stored document (or an export) without trusting the platform.
 * <p>
 * It is the JSON object of the fields below, written by these rules (documented in {@code docs/event-store.md}):
 * keys sorted by UTF-16 code units at every level; no whitespace; strings with only {@code "}, {@code \} and the
 * control characters U+0000 to U+001F escaped ({@code \b \t \n \f \r}, else {@code \}{@code u00xx} in lowercase hex),
 * everything else as UTF-8; integers in plain decimal; decimals as stored, in plain notation ({@code 12.50} stays
 * {@code 12.50}); {@code true}, {@code false}, {@code null}. A missing field is {@code null}.
 * <p>
 * The global position is not part of it: it belongs to the store, not to the event, and a commit that has to be retried
 * gets new positions. The order of events is the ledger's business.
 */
final class CanonicalEventForm {

    /** The stored fields the canonical form covers. */
    static final List<String> FIELDS = List.of(
            EventDocument.AGGREGATE_IDENTIFIER, EventDocument.AGGREGATE_TYPE, EventDocument.EVENT_IDENTIFIER,
            EventDocument.META_DATA, EventDocument.PAYLOAD, EventDocument.PAYLOAD_REVISION, EventDocument.PAYLOAD_TYPE,
            EventDocument.SEQUENCE_NUMBER, EventDocument.TENANT_ID, EventDocument.TIMESTAMP);

    private CanonicalEventForm() {
    }

    /** The canonical bytes of a stored event; fields outside {@link #FIELDS} are ignored. */
    static byte[] of(Document storedEvent) {
        Map<String, Object> covered = new TreeMap<>();
        for (String field : FIELDS) {
            covered.put(field, storedEvent.get(field));
        }
        StringBuilder out = new StringBuilder(512);
        write(covered, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The SM3 hash of the canonical form, as stored beside the event. */
    static String sm3(Document storedEvent) {
        return Sm3.hex(of(storedEvent));
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map, out);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof String text) {
            writeString(text, out);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Decimal128 decimal) {
            out.append(JsonBson.exact(decimal).toPlainString());
        } else {
            throw new IllegalArgumentException("The canonical form has no representation for a "
                    + value.getClass().getSimpleName());
        }
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((key, fieldValue) -> sorted.put((String) key, fieldValue));
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> field : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(field.getKey(), out);
            out.append(':');
            write(field.getValue(), out);
        }
        out.append('}');
    }

    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
