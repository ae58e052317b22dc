package cn.gov.jgsw.ops.eventstore;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalEventFormTest {

    /** A stored event as the engine writes it, fields deliberately out of order. */
    private static Document storedEvent() {
        return new Document("_id", 42L)
                .append("timestamp", "2026-11-26T02:30:00.123Z")
                .append("tenantId", "bureau-nanming")
                .append("payloadType", "cn.gov.jgsw.domain.vehicles.api.VehicleOrderedEvent")
                .append("payload", new Document("reason", "调研\n\"乡村振兴\"").append("distanceKm", new Decimal128(
                        new BigDecimal("12.50"))).append("passengers", 3).append("stops", List.of("南明", "云岩")))
                .append("metaData", new Document("userId", "u-7").append("correlationId", "c-1"))
                .append("sequenceNumber", 0L)
                .append("eventIdentifier", "e-1")
                .append("aggregateType", "VehicleOrder")
                .append("aggregateIdentifier", "order-1")
                .append("commitFirst", 42L)
                .append("sm3", "ignored");
    }

    @Test
    void writesTheDocumentedFormByteForByte() {
        assertThat(new String(CanonicalEventForm.of(storedEvent()), StandardCharsets.UTF_8)).isEqualTo(
                "{\"aggregateIdentifier\":\"order-1\",\"aggregateType\":\"VehicleOrder\",\"eventIdentifier\":\"e-1\","
                        + "\"metaData\":{\"correlationId\":\"c-1\",\"userId\":\"u-7\"},"
                        + "\"payload\":{\"distanceKm\":12.50,\"passengers\":3,"
                        + "\"reason\":\"调研\\n\\\"乡村振兴\\\"\",\"stops\":[\"南明\",\"云岩\"]},"
                        + "\"payloadRevision\":null,"
                        + "\"payloadType\":\"cn.gov.jgsw.domain.vehicles.api.VehicleOrderedEvent\","
                        + "\"sequenceNumber\":0,\"tenantId\":\"bureau-nanming\","
                        + "\"timestamp\":\"2026-11-26T02:30:00.123Z\"}");
    }

    /** The expected hash was computed independently: the bytes above through {@code openssl dgst -sm3}. */
    @Test
    void hashesTheCanonicalBytesWithSm3() {
        assertThat(CanonicalEventForm.sm3(storedEvent()))
                .isEqualTo("effe501142688180ba1fc8028631b1e81524a2dede23031d74fbfd9e64dc8072");
    }

    @Test
    void isTheSameWhateverTheOrderOfTheStoredFields() {
        Document reordered = new Document();
        List<String> keys = List.copyOf(storedEvent().keySet());
        for (int i = keys.size() - 1; i >= 0; i--) {
            reordered.append(keys.get(i), storedEvent().get(keys.get(i)));
        }
        Document payload = storedEvent().get("payload", Document.class);
        Document payloadReordered = new Document();
        List<String> payloadKeys = List.copyOf(payload.keySet());
        for (int i = payloadKeys.size() - 1; i >= 0; i--) {
            payloadReordered.append(payloadKeys.get(i), payload.get(payloadKeys.get(i)));
        }
        reordered.put("payload", payloadReordered);

        assertThat(CanonicalEventForm.of(reordered)).isEqualTo(CanonicalEventForm.of(storedEvent()));
    }

    @Test
    void escapesControlCharactersInLowercaseHex() {
        Document event = storedEvent().append("payload", new Document("note", "a\u0001b\tc\\"));

        assertThat(new String(CanonicalEventForm.of(event), StandardCharsets.UTF_8))
                .contains("\"payload\":{\"note\":\"a\\u0001b\\tc\\\\\"}");
    }

    @Test
    void refusesBinaryFloatingPoint() {
        Document event = storedEvent().append("payload", new Document("distance", 12.5d));

        assertThatThrownBy(() -> CanonicalEventForm.of(event)).isInstanceOf(IllegalArgumentException.class);
    }
}
