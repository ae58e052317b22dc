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
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store's BSON is the library's, byte for byte and value for value. */
class BsonFormTest {

    @Test
    void writesTheBytesTheLibraryWrites() {
        Document document = everyType();
        assertThat(written(document)).isEqualTo(byLibrary(document));
    }

    @Test
    void readsWhatTheLibraryReads() {
        byte[] bytes = byLibrary(everyType());
        ByteBuffer buffer = ByteBuffer.wrap(bytes);

        Document read = BsonForm.read(buffer);
        Document expected = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));

        assertThat(buffer.hasRemaining()).isFalse();
        // A regular expression has no equals of its own, so it is compared by what it says.
        assertThat(read.remove("pattern")).isInstanceOf(BsonRegularExpression.class)
                .hasToString(expected.remove("pattern").toString());
        assertThat(read).isEqualTo(expected);
        assertThat(read.get("stops")).isInstanceOf(List.class);
        assertThat(read.get("count")).isInstanceOf(Integer.class);
        assertThat(read.get("number")).isInstanceOf(Long.class);
    }

    @Test
    void readsFromWithinALargerBufferAndStopsAtTheDocumentsEnd() {
        byte[] document = byLibrary(everyType());
        ByteBuffer page = ByteBuffer.allocate(document.length + 10);
        page.put((byte) 7).put(document).put((byte) 9);
        ByteBuffer within = page.flip().position(1).slice();

        BsonForm.read(within);

        assertThat(within.get()).isEqualTo((byte) 9);
    }

    @Test
    void refusesAValueBsonCannotCarry() {
        Document unusual = new Document("_id", "x").append("amount", new BigDecimal("1.5"));
        assertThatThrownBy(() -> written(unusual)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] written(Document document) {
        WriteBuffer out = new WriteBuffer();
        BsonForm.write(out, document);
        ByteBuffer bytes = out.getBuffer().flip();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        return copy;
    }

    private static byte[] byLibrary(Document document) {
        ByteBuf buffer = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, buffer);
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return bytes;
    }

    private static Document everyType() {
        Set<Object> set = new LinkedHashSet<>(List.of("甲", "乙"));
        return new Document("_id", "order-1")
                .append("tenantId", "贵州省/贵阳市/县")
                .append("count", -3)
                .append("number", 9_000_000_000L)
                .append("distanceKm", -0.1)
                .append("urgent", true)
                .append("cancelled", false)
                .append("at", Instant.ofEpochMilli(1_790_000_000_123L))
                .append("eventId", new ObjectId("65f1c0de0000000000000001"))
                .append("cost", Decimal128.fromNumber(12.5))
                .append("signature", new BinData(new byte[] {1, 2, (byte) 0xFF}))
                .append("uuid", new UUID(0x0102030405060708L, 0x1112131415161718L))
                .append("legacyUuid", new LegacyUUID(new UUID(0x0102030405060708L, 0x1112131415161718L)))
                .append("timestamp", new BsonTimestamp(7L << 32 | 3))
                .append("pattern", new BsonRegularExpression("^order-", "i"))
                .append("code", new BsonJavaScript("function() {}"))
                .append("low", MinKey.getInstance())
                .append("high", MaxKey.getInstance())
                .append("cancelledAt", null)
                .append("", "an empty name")
                .append("stops", List.of(1, 2L, 3.0, "四", new Document("n", 5), List.of()))
                .append("passengers", set)
                .append("route", new Document("from", "机关事务管理局").append("nested", new Document()));
    }
}
