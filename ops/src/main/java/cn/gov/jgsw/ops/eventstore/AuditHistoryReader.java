package cn.gov.jgsw.ops.eventstore;

import cn.gov.jgsw.domain.shared.api.AuditMetadataKeys;
import cn.gov.jgsw.projections.audit.api.AuditEventPage;
import cn.gov.jgsw.projections.audit.api.AuditEventView;
import cn.gov.jgsw.projections.audit.api.AuditFilter;
import cn.gov.jgsw.projections.audit.api.AuditHistory;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the event log for supervisors ({@link AuditHistory}): by bureau (index {@code tenant_position}), by object,
 * actor and type in the query, by time after reading (times are stored as text), in chunks, until a page is full.
 * Each event carries the hash of its canonical form as stored now; the ledger's check of it is the caller's.
 */
public class AuditHistoryReader implements AuditHistory {

    private static final int CHUNK = 500;

    private final MongoCollection<Document> log;

    public AuditHistoryReader(MongoDatabase database) {
        this.log = database.getCollection(EventLogStorageEngine.EVENT_LOG);
    }

    @Override
    public AuditEventPage events(String tenantId, AuditFilter filter, Long afterPosition, int pageSize) {
        List<Bson> conditions = new ArrayList<>(List.of(Filters.eq(EventDocument.TENANT_ID, tenantId),
                Filters.ne(EventDocument.TOMBSTONE, true)));
        if (filter.objectId() != null) {
            conditions.add(Filters.eq(EventDocument.AGGREGATE_IDENTIFIER, filter.objectId()));
        }
        if (filter.actorId() != null) {
            conditions.add(Filters.eq(EventDocument.META_DATA + "." + AuditMetadataKeys.USER_ID, filter.actorId()));
        }
        if (filter.eventType() != null) {
            conditions.add(Filters.regex(EventDocument.PAYLOAD_TYPE, "\\." + Pattern.quote(filter.eventType()) + "$"));
        }
        List<AuditEventView> page = new ArrayList<>();
        long after = afterPosition == null ? -1 : afterPosition;
        while (page.size() <= pageSize) {
            List<Bson> chunkConditions = new ArrayList<>(conditions);
            chunkConditions.add(Filters.gt(EventDocument.POSITION, after));
            List<Document> chunk = log.find(Filters.and(chunkConditions)).sort(Sorts.ascending(EventDocument.POSITION))
                    .limit(CHUNK).into(new ArrayList<>());
            for (Document stored : chunk) {
                AuditEventView event = view(stored);
                if ((filter.from() == null || !event.occurredAt().isBefore(filter.from()))
                        && (filter.to() == null || event.occurredAt().isBefore(filter.to()))) {
                    page.add(event);
                    if (page.size() > pageSize) {
                        break;
                    }
                }
                after = stored.getLong(EventDocument.POSITION);
            }
            if (chunk.size() < CHUNK) {
                break;
            }
        }
        boolean hasMore = page.size() > pageSize;
        return new AuditEventPage(hasMore ? page.subList(0, pageSize) : page, hasMore);
    }

    @Override
    public List<AuditEventView> history(String tenantId, String objectId) {
        return log.find(Filters.and(Filters.eq(EventDocument.TENANT_ID, tenantId),
                        Filters.eq(EventDocument.AGGREGATE_IDENTIFIER, objectId)))
                .sort(Sorts.ascending(EventDocument.SEQUENCE_NUMBER)).map(AuditHistoryReader::view)
                .into(new ArrayList<>());
    }

    private static AuditEventView view(Document stored) {
        Document metaData = stored.get(EventDocument.META_DATA, Document.class);
        Document payload = stored.get(EventDocument.PAYLOAD, Document.class);
        String type = stored.getString(EventDocument.PAYLOAD_TYPE);
        Map<String, Object> fields = new LinkedHashMap<>();
        if (payload != null) {
            fields.putAll(payload);
        }
        Number sequence = stored.get(EventDocument.SEQUENCE_NUMBER, Number.class);
        return new AuditEventView(stored.getString(EventDocument.EVENT_IDENTIFIER),
                stored.getString(EventDocument.TENANT_ID), stored.getLong(EventDocument.POSITION),
                stored.getString(EventDocument.AGGREGATE_TYPE), stored.getString(EventDocument.AGGREGATE_IDENTIFIER),
                sequence == null ? 0 : sequence.longValue(), type.substring(type.lastIndexOf('.') + 1),
                Instant.parse(stored.getString(EventDocument.TIMESTAMP)),
                metaData == null ? null : text(metaData.get(AuditMetadataKeys.USER_ID)),
                metaData == null ? null : text(metaData.get(AuditMetadataKeys.ROLES)),
                metaData == null ? null : text(metaData.get(AuditMetadataKeys.CLIENT)), fields,
                stored.getString(EventDocument.SM3), CanonicalEventForm.sm3(stored), null);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
