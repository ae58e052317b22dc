package cn.gov.jgsw.ops.storage;

import de.bwaldvogel.mongo.exception.MongoServerError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The collections whose screens read them in pages, as the application declares them, for which the embedded store
 * keeps its list indexes in memory ({@link ListIndex}); every other collection's non-unique indexes are scanned, which
 * is right for small collections and wrong for a list a screen pages through.
 * <p>
 * A paged query (a find scoped by the application's owner field, with a sort and a limit of two or more: a page and
 * the look-ahead that tells whether there is another; the newest one of something is no page) of a collection not
 * declared would read the whole collection at every page, and nothing else would say so. It is logged at WARN once per collection, and
 * refused where the application asks for it (its tests), so that a new list screen without its declaration fails
 * there instead of slowing a node down.
 *
 * @param collections    the collections declared as lists
 * @param scanned        collections declared as paged but scanned on purpose (too large to keep as lists)
 * @param ownerField     the field every list query fixes first (the application's tenant)
 * @param refuseUnlisted whether a paged query of an undeclared collection is refused rather than logged
 */
public record StoreLists(Set<String> collections, Set<String> scanned, String ownerField, boolean refuseUnlisted) {

    private static final Logger log = LoggerFactory.getLogger(StoreLists.class);
    private static final Map<String, Boolean> WARNED = new ConcurrentHashMap<>();

    public StoreLists {
        collections = Set.copyOf(collections);
        scanned = Set.copyOf(scanned);
    }

    /** No list declared and nothing checked: a store for tools and tests of the store itself. */
    public static StoreLists none() {
        return new StoreLists(Set.of(), Set.of(), "", false);
    }

    boolean listed(String collection) {
        return collections.contains(collection);
    }

    /**
     * Looks at a find command as the client sent it; refuses or logs it if it pages through an undeclared collection.
     *
     * @throws UnlistedListQueryException if it does and such queries are refused
     */
    void check(de.bwaldvogel.mongo.bson.Document command) {
        if (ownerField.isEmpty() || !(command.get("find") instanceof String collection) || listed(collection)
                || scanned.contains(collection)) {
            return;
        }
        if (!(command.get("sort") instanceof de.bwaldvogel.mongo.bson.Document sort) || sort.isEmpty()
                || !(command.get("limit") instanceof Number limit) || Math.abs(limit.intValue()) < 2
                || !(command.get("filter") instanceof de.bwaldvogel.mongo.bson.Document filter)
                || !filter.containsKey(ownerField)) {
            return;
        }
        if (refuseUnlisted) {
            throw new UnlistedListQueryException(collection);
        }
        if (WARNED.putIfAbsent(collection, Boolean.TRUE) == null) {
            log.warn("A paged query of {} reads the whole collection on the embedded store: declare it as a list "
                    + "next to its read model", collection);
        }
    }

    /**
     * A paged query of a collection not declared as a list, where such queries are refused: answered to the client as
     * a server error of the command (code 2, BadValue), as the library answers what it refuses.
     */
    static final class UnlistedListQueryException extends MongoServerError {
        UnlistedListQueryException(String collection) {
            super(2, "BadValue", "paged query of " + collection + ", which is not declared as a list");
        }
    }
}
