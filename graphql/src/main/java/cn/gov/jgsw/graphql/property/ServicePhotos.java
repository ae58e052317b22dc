package cn.gov.jgsw.graphql.property;

import cn.gov.jgsw.tenants.api.TenantDocuments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.Optional;

/**
 * The bytes of service-request photos, in {@code service_photos}: one document per photo, {@code {_id: photoId,
 * tenantId, requestId, contentType, data, storedAt}}. A photo is at most 1 MiB, far below MongoDB's 16 MiB document
 * limit, so it is one document: one exact look-up by {@code _id} to read it. GridFS would split it into chunks read
 * by a sorted query, which the embedded server answers by scanning. Index: unique {@code {tenantId: 1, _id: 1}}.
 * A photo counts only once its request's record names it (the attach event); bytes of a refused attach are removed.
 */
@Component
public class ServicePhotos {

    /** A stored photo. */
    public record StoredPhoto(String requestId, String contentType, byte[] data) {
    }

    private final MongoCollection<Document> photos;

    public ServicePhotos(MongoDatabase platformDatabase) {
        this.photos = platformDatabase.getCollection("service_photos");
        photos.createIndex(Indexes.ascending("tenantId", "_id"), new IndexOptions().unique(true));
    }

    public void store(String tenantId, String requestId, String photoId, String contentType, byte[] data) {
        photos.replaceOne(Filters.eq("_id", photoId), new Document("_id", photoId)
                        .append("tenantId", tenantId)
                        .append("requestId", requestId)
                        .append("contentType", contentType)
                        .append("data", new Binary(data))
                        .append("storedAt", new Date()),
                new ReplaceOptions().upsert(true));
    }

    public void remove(String photoId) {
        photos.deleteOne(Filters.eq("_id", photoId));
    }

    /** The photo of the caller's bureau, or nothing: another bureau's photo is absent. */
    public Optional<StoredPhoto> find(String tenantId, String photoId) {
        return Optional.ofNullable(TenantDocuments.find(photos, tenantId, photoId))
                .map(found -> new StoredPhoto(found.getString("requestId"), found.getString("contentType"),
                        found.get("data", Binary.class).getData()));
    }
}
