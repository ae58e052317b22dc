package cn.gov.jgsw.tenants.api;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A tenant's document found by its id (按编号查本单位的文档): asked for by {@code _id} alone, its tenant checked here.
 * <p>
 * The embedded server answers from an index only a filter on exactly the fields of a unique index; a filter on
 * {@code tenantId} and {@code _id} together scans the whole collection. Measured on the mobile benchmark, those scans
 * were most of the platform's CPU (BENCHMARKS.md). Ids are unique across tenants, so a document of another tenant is
 * found by nobody else's id, and the check below keeps it out all the same.
 */
public final class TenantDocuments {

    private static final String TENANT_ID = "tenantId";
    private static final String VERSION = "version";

    private TenantDocuments() {
    }

    /** The tenant's document with this id, or null: also null when the id is another tenant's. */
    public static Document find(MongoCollection<Document> collection, String tenantId, String id) {
        Document found = collection.find(Filters.eq("_id", id)).first();
        return found != null && tenantId.equals(found.getString(TENANT_ID)) ? found : null;
    }

    /**
     * Applies the changes to the tenant's document if it reflects an older event than {@code version} (its
     * {@code version} field), so that an event delivered again changes nothing.
     * <p>
     * Read, then written by {@code _id}: safe for a projection, whose documents of one aggregate are written by one
     * thread only (one segment per aggregate, events in order).
     *
     * @return true if the document was changed
     */
    public static boolean updateIfOlder(MongoCollection<Document> collection, String tenantId, String id,
                                        long version, Bson changes) {
        Document current = find(collection, tenantId, id);
        Number applied = current == null ? null : current.get(VERSION, Number.class);
        if (current == null || applied != null && applied.longValue() >= version) {
            return false;
        }
        return collection.updateOne(Filters.eq("_id", id), changes).getModifiedCount() == 1;
    }
}
