package cn.gov.jgsw.ops.storage;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import org.h2.mvstore.WriteBuffer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * A document's BSON, written straight into H2's page buffer and read straight from it.
 * <p>
 * The bytes are those mongo-java-server's {@code BsonEncoder} writes, and the values read are those its
 * {@code BsonDecoder} gives ({@code BsonFormTest} holds both to it); a value's BSON type is the library's own choice
 * ({@link BsonEncoder#determineType}). The library's coders work on netty's buffers, whose checks on every byte took
 * two thirds of the time spent writing documents in the benchmark's profile.
 * <p>
 * BSON is little-endian and H2's buffers are big-endian, hence the reversed bytes.
 */
final class BsonForm {

    private BsonForm() {
    }

    /**
     * Writes the document, or throws {@link IllegalArgumentException} for a value BSON cannot carry, having written
     * part of it.
     */
    static void write(WriteBuffer out, Map<String, ?> document) {
        int start = out.position();
        out.putInt(0);
        for (Map.Entry<String, ?> field : document.entrySet()) {
            writeField(out, field.getKey(), field.getValue());
        }
        out.put(BsonConstants.TERMINATING_BYTE);
        out.putInt(start, Integer.reverseBytes(out.position() - start));
    }

    private static void writeArray(WriteBuffer out, Collection<?> values) {
        int start = out.position();
        out.putInt(0);
        int index = 0;
        for (Object value : values) {
            writeField(out, String.valueOf(index++), value);
        }
        out.put(BsonConstants.TERMINATING_BYTE);
        out.putInt(start, Integer.reverseBytes(out.position() - start));
    }

    private static void writeField(WriteBuffer out, String name, Object value) {
        byte type = BsonEncoder.determineType(value);
        out.put(type);
        writeCString(out, name);
        writeValue(out, type, value);
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(WriteBuffer out, byte type, Object value) {
        switch (type) {
            case BsonConstants.TYPE_DOUBLE ->
                    out.putLong(Long.reverseBytes(Double.doubleToRawLongBits((Double) value)));
            case BsonConstants.TYPE_UTF8_STRING -> writeString(out, value.toString());
            case BsonConstants.TYPE_EMBEDDED_DOCUMENT -> write(out, (Map<String, ?>) value);
            case BsonConstants.TYPE_ARRAY -> writeArray(out, (Collection<?>) value);
            case BsonConstants.TYPE_DATA -> writeBinary(out, value);
            case BsonConstants.TYPE_OBJECT_ID -> {
                byte[] bytes = ((ObjectId) value).toByteArray();
                if (bytes.length != BsonConstants.LENGTH_OBJECTID) {
                    throw new IllegalArgumentException("Illegal ObjectId: " + value);
                }
                out.put(bytes);
            }
            case BsonConstants.TYPE_BOOLEAN -> out.put((Boolean) value
                    ? BsonConstants.BOOLEAN_VALUE_TRUE : BsonConstants.BOOLEAN_VALUE_FALSE);
            case BsonConstants.TYPE_UTC_DATETIME -> out.putLong(Long.reverseBytes(((Instant) value).toEpochMilli()));
            case BsonConstants.TYPE_REGEX -> {
                BsonRegularExpression pattern = (BsonRegularExpression) value;
                writeCString(out, pattern.getPattern());
                writeCString(out, pattern.getOptions());
            }
            case BsonConstants.TYPE_INT32 -> out.putInt(Integer.reverseBytes((Integer) value));
            case BsonConstants.TYPE_TIMESTAMP -> out.putLong(Long.reverseBytes(((BsonTimestamp) value).getValue()));
            case BsonConstants.TYPE_INT64 -> out.putLong(Long.reverseBytes((Long) value));
            case BsonConstants.TYPE_DECIMAL128 -> {
                Decimal128 decimal = (Decimal128) value;
                out.putLong(Long.reverseBytes(decimal.getLow()));
                out.putLong(Long.reverseBytes(decimal.getHigh()));
            }
            case BsonConstants.TYPE_MAX_KEY, BsonConstants.TYPE_MIN_KEY, BsonConstants.TYPE_UNDEFINED,
                 BsonConstants.TYPE_NULL -> {
                // the type says it all
            }
            case BsonConstants.TYPE_JAVASCRIPT_CODE -> writeString(out, ((BsonJavaScript) value).getCode());
            default -> throw new IllegalArgumentException("no BSON for " + value.getClass());
        }
    }

    private static void writeBinary(WriteBuffer out, Object value) {
        if (value instanceof BinData binary) {
            byte[] data = binary.getData();
            out.putInt(Integer.reverseBytes(data.length));
            out.put(BsonConstants.BINARY_SUBTYPE_GENERIC);
            out.put(data);
        } else if (value instanceof LegacyUUID legacy) {
            out.putInt(Integer.reverseBytes(BsonConstants.LENGTH_UUID));
            out.put(BsonConstants.BINARY_SUBTYPE_OLD_UUID);
            out.putLong(Long.reverseBytes(legacy.getUuid().getMostSignificantBits()));
            out.putLong(Long.reverseBytes(legacy.getUuid().getLeastSignificantBits()));
        } else if (value instanceof UUID uuid) {
            // Subtype 4 is big-endian, as the library writes it.
            out.putInt(Integer.reverseBytes(BsonConstants.LENGTH_UUID));
            out.put(BsonConstants.BINARY_SUBTYPE_UUID);
            out.putLong(uuid.getMostSignificantBits());
            out.putLong(uuid.getLeastSignificantBits());
        } else {
            throw new IllegalArgumentException("no BSON for " + value.getClass());
        }
    }

    private static void writeCString(WriteBuffer out, String text) {
        out.put(text.getBytes(StandardCharsets.UTF_8));
        out.put(BsonConstants.STRING_TERMINATION);
    }

    private static void writeString(WriteBuffer out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.putInt(Integer.reverseBytes(bytes.length + 1));
        out.put(bytes);
        out.put(BsonConstants.STRING_TERMINATION);
    }

    /** Reads one document from the buffer's position and leaves the position after it. */
    static Document read(ByteBuffer in) {
        int start = in.position();
        int length = Integer.reverseBytes(in.getInt());
        Document document = new Document();
        for (byte type = in.get(); type != BsonConstants.TERMINATING_BYTE; type = in.get()) {
            String name = readCString(in);
            if (document.put(name, readValue(in, type)) != null) {
                throw new IllegalStateException("a stored document has the field '" + name + "' twice");
            }
        }
        if (in.position() - start != length) {
            throw new IllegalStateException("a stored document is " + (in.position() - start)
                    + " bytes long, and says " + length);
        }
        return document;
    }

    private static Object readValue(ByteBuffer in, byte type) {
        return switch (type) {
            case BsonConstants.TYPE_DOUBLE -> Double.longBitsToDouble(Long.reverseBytes(in.getLong()));
            case BsonConstants.TYPE_UTF8_STRING -> readString(in);
            case BsonConstants.TYPE_EMBEDDED_DOCUMENT -> read(in);
            case BsonConstants.TYPE_ARRAY -> new ArrayList<>(read(in).values());
            case BsonConstants.TYPE_DATA -> readBinary(in);
            case BsonConstants.TYPE_UNDEFINED, BsonConstants.TYPE_NULL -> null;
            case BsonConstants.TYPE_OBJECT_ID -> {
                byte[] bytes = new byte[BsonConstants.LENGTH_OBJECTID];
                in.get(bytes);
                yield new ObjectId(bytes);
            }
            case BsonConstants.TYPE_BOOLEAN -> readBoolean(in);
            case BsonConstants.TYPE_UTC_DATETIME -> Instant.ofEpochMilli(Long.reverseBytes(in.getLong()));
            case BsonConstants.TYPE_REGEX -> new BsonRegularExpression(readCString(in), readCString(in));
            case BsonConstants.TYPE_INT32 -> Integer.reverseBytes(in.getInt());
            case BsonConstants.TYPE_TIMESTAMP -> new BsonTimestamp(Long.reverseBytes(in.getLong()));
            case BsonConstants.TYPE_INT64 -> Long.reverseBytes(in.getLong());
            case BsonConstants.TYPE_DECIMAL128 -> {
                long low = Long.reverseBytes(in.getLong());
                yield new Decimal128(low, Long.reverseBytes(in.getLong()));
            }
            case BsonConstants.TYPE_MAX_KEY -> MaxKey.getInstance();
            case BsonConstants.TYPE_MIN_KEY -> MinKey.getInstance();
            case BsonConstants.TYPE_JAVASCRIPT_CODE -> new BsonJavaScript(readString(in));
            default -> throw new IllegalStateException("a stored document has a field of BSON type 0x"
                    + Integer.toHexString(type & 0xFF) + ", which the store never writes");
        };
    }

    private static Object readBinary(ByteBuffer in) {
        int length = Integer.reverseBytes(in.getInt());
        byte subtype = in.get();
        switch (subtype) {
            case BsonConstants.BINARY_SUBTYPE_GENERIC, BsonConstants.BINARY_SUBTYPE_USER_DEFINED -> {
                byte[] data = new byte[length];
                in.get(data);
                return new BinData(data);
            }
            case BsonConstants.BINARY_SUBTYPE_OLD_UUID -> {
                long most = Long.reverseBytes(in.getLong());
                return new LegacyUUID(most, Long.reverseBytes(in.getLong()));
            }
            case BsonConstants.BINARY_SUBTYPE_UUID -> {
                long most = in.getLong();
                return new UUID(most, in.getLong());
            }
            default -> throw new IllegalStateException("a stored document has binary data of subtype " + subtype
                    + ", which the store never writes");
        }
    }

    private static Boolean readBoolean(ByteBuffer in) {
        byte value = in.get();
        if (value == BsonConstants.BOOLEAN_VALUE_TRUE) {
            return Boolean.TRUE;
        }
        if (value == BsonConstants.BOOLEAN_VALUE_FALSE) {
            return Boolean.FALSE;
        }
        throw new IllegalStateException("a stored document has the boolean value " + value);
    }

    private static String readString(ByteBuffer in) {
        int length = Integer.reverseBytes(in.getInt()) - 1;
        String text = utf8(in, length);
        if (in.get() != BsonConstants.STRING_TERMINATION) {
            throw new IllegalStateException("a stored string does not end where it says");
        }
        return text;
    }

    private static String readCString(ByteBuffer in) {
        int length = 0;
        while (in.get(in.position() + length) != BsonConstants.STRING_TERMINATION) {
            length++;
        }
        String text = utf8(in, length);
        in.get();
        return text;
    }

    private static String utf8(ByteBuffer in, int length) {
        String text;
        if (in.hasArray()) {
            text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
            in.position(in.position() + length);
        } else {
            byte[] bytes = new byte[length];
            in.get(bytes);
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        return text;
    }
}
