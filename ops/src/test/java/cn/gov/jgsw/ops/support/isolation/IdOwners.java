package cn.gov.jgsw.ops.support.isolation;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bureau an id found in an answer belongs to, looked up where the platform keeps it: a bureau is its own owner;
 * any other object is a document with that {@code _id} and a {@code tenantId}, whatever its collection (so objects of
 * a new feature are found without changes here), or an object kept inside such a document.
 */
final class IdOwners {

    private static final Duration ASYNCHRONOUS_OBJECTS = Duration.ofSeconds(5);
    /**
     * Where an object's id is kept: a document's own {@code _id}, or an object kept inside its owner's document (a
     * vehicle's sealings), which belongs to the owner's bureau.
     */
    private static final List<String> ID_PATHS = List.of("_id", "sealings._id", "eventIdentifier");

    private final MongoDatabase database;
    private final Map<String, Optional<String>> owners = new ConcurrentHashMap<>();

    IdOwners(MongoDatabase database) {
        this.database = database;
    }

    /**
     * The owning bureau's id, or empty if no stored object has this id. An answer may name an object that a process
     * creates just after the mutation (a quoted cost names its approval before the approval is routed), so an id not
     * found is looked for again for a few seconds before it counts as of no known bureau.
     */
    Optional<String> ownerOf(String id) {
        Optional<String> known = owners.get(id);
        if (known != null) {
            return known;
        }
        long giveUpAt = System.nanoTime() + ASYNCHRONOUS_OBJECTS.toNanos();
        Optional<String> found = lookUp(id);
        while (found.isEmpty() && System.nanoTime() < giveUpAt) {
            sleep();
            found = lookUp(id);
        }
        owners.put(id, found);
        return found;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<String> lookUp(String id) {
        if (database.getCollection("tenants").find(Filters.eq("_id", id)).first() != null) {
            return Optional.of(id);
        }
        // Listed anew for each new id (owners are kept, so that is rare): a feature may create its collection late.
        for (String collection : database.listCollectionNames()) {
            for (String idPath : ID_PATHS) {
                Document found = database.getCollection(collection).find(Filters.eq(idPath, id)).first();
                if (found != null && found.get("tenantId") instanceof String tenantId) {
                    return Optional.of(tenantId);
                }
            }
        }
        return Optional.empty();
    }
}
