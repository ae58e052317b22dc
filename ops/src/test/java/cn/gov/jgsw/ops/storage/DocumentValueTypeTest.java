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
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents are written as BSON and read back as they were, next to each other as H2 lays out a page's values; a value
 * in the earlier form (Java's object serialization) still reads.
 */
class DocumentValueTypeTest {

    private final DocumentValueType type = new DocumentValueType();

    @Test
    void aPageOfDocumentsOfEveryTypeReadsBackAsWritten() {
        Document[] page = {everyType(1), new Document(), everyType(2)};
        WriteBuffer written = new WriteBuffer();
        type.write(written, page, page.length);

        ByteBuffer bytes = written.getBuffer().flip();
        assertThat(bytes.get(0)).isEqualTo(DocumentValueType.BSON_TAG);
        Document[] read = type.createStorage(page.length);
        type.read(bytes, read, read.length);

        assertThat(read).containsExactly(page);
        assertThat(bytes.hasRemaining()).as("bytes left after the page's values").isFalse();
        assertThat(read[0].get("count")).isInstanceOf(Integer.class);
        assertThat(read[0].get("number")).isInstanceOf(Long.class);
    }

    /** Without MinKey and MaxKey: Java's serialization reads them back as new objects, equal to nothing. */
    @Test
    void aDocumentWrittenWithJavaSerializationStillReads() {
        Document earlier = everyType(3);
        earlier.keySet().removeAll(List.of("low", "high"));
        Document now = everyType(4);
        WriteBuffer written = new WriteBuffer();
        new ObjectDataType().write(written, earlier);
        type.write(written, now);

        ByteBuffer bytes = written.getBuffer().flip();
        assertThat(type.read(bytes)).isEqualTo(earlier);
        assertThat(type.read(bytes)).isEqualTo(now);
    }

    /** A regular expression has no equals of its own, so it is compared by what it says. */
    @Test
    void aRegularExpressionReadsBackAsWritten() {
        WriteBuffer written = new WriteBuffer();
        type.write(written, new Document("pattern", new BsonRegularExpression("^order-", "i")));

        Object read = type.read(written.getBuffer().flip()).get("pattern");
        assertThat(read).isInstanceOf(BsonRegularExpression.class)
                .hasToString(new BsonRegularExpression("^order-", "i").toString());
    }

    /** No client can send a {@code BigDecimal}; should one reach the store, it is kept, not refused. */
    @Test
    void aDocumentBsonCannotCarryIsWrittenInTheEarlierForm() {
        Document unusual = new Document("_id", "x").append("amount", new BigDecimal("12.30"));
        WriteBuffer written = new WriteBuffer();
        type.write(written, unusual);

        ByteBuffer bytes = written.getBuffer().flip();
        assertThat(bytes.get(0)).isNotEqualTo(DocumentValueType.BSON_TAG);
        assertThat(type.read(bytes)).isEqualTo(unusual);
    }

    private static Document everyType(int i) {
        return new Document("_id", "order-" + i)
                .append("tenantId", "贵州省/贵阳市/县" + i)
                .append("count", i)
                .append("number", 9_000_000_000L + i)
                .append("distanceKm", 0.1 * i)
                .append("urgent", true)
                .append("at", Instant.ofEpochMilli(1_790_000_000_000L + i))
                .append("eventId", new ObjectId("65f1c0de000000000000000" + i))
                .append("cost", Decimal128.fromNumber(12.5))
                .append("signature", new BinData(new byte[] {1, 2, (byte) i}))
                .append("uuid", new UUID(i, 42))
                .append("legacyUuid", new LegacyUUID(new UUID(42, i)))
                .append("timestamp", new BsonTimestamp(7L << 32 | i))
                .append("code", new BsonJavaScript("function() {}"))
                .append("low", MinKey.getInstance())
                .append("high", MaxKey.getInstance())
                .append("cancelledAt", null)
                .append("stops", List.of(1, 2L, 3.0, "四", new Document("n", 5)))
                .append("route", new Document("from", "机关事务管理局").append("nested", new Document("deep", i)));
    }
}
