package cn.gov.jgsw.ops.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;
import java.util.Set;

/**
 * mongo-java-server's H2 backend with six changes: only the platform commits ({@link #openStore}); its store file
 * reuses dead space after five seconds, not 45 ({@link #RETENTION_MILLIS}); unique indexes compare their keys with
 * {@link IndexKeyType}; the {@code _id} index also answers a look-up by {@code _id} with more conditions
 * ({@link IdIndex}); the list indexes of the phone's screens are kept in memory ({@link ListIndex}), where the
 * library ignores them, and read in their order up to a screen's page ({@link ListedCollection}); and documents are
 * written as BSON, not with Java's object serialization ({@link DocumentValueType}).
 * <p>
 * {@link H2Database} opens its maps with H2's defaults. An MVStore hands out a map that is already open as it is, so
 * opening it first with the key or value type here makes the database use that type. The map's name follows
 * {@code H2Database}'s own naming; {@code EmbeddedH2BackendTest} fails if a new version of the library names them
 * otherwise.
 */
class EmbeddedH2Backend extends H2Backend {

    /**
     * How long a chunk of the store file is kept after it was written before its space may be written again, once
     * nothing in it is live. H2's default is 45 seconds, on the assumption that the operating system writes its
     * buffers to disk within that time. The platform commits after every group of requests, a chunk each time, and
     * most of a chunk is dead within milliseconds: with H2's default the file grew by gigabytes in minutes of load
     * (measured: BENCHMARKS.md). {@link StoreFileUpkeep} forces the file to disk every second, which makes the shorter time
     * as safe as H2's default.
     */
    static final int RETENTION_MILLIS = 5_000;

    /**
     * The collections whose list indexes the store keeps ({@link ListIndex}): the lists of the phone's screens, one
     * entry in memory per document and index, as the application declares them. Not every index: telemetry buckets,
     * for one, would hold millions of entries for a field no query fixes.
     */
    private final StoreLists lists;
    /**
     * The lists of the backend being constructed on this thread: the library's constructor opens the stored
     * collections, which asks {@link #listsInForce()} before this class's own fields are set.
     */
    private static final ThreadLocal<StoreLists> OPENING = new ThreadLocal<>();

    EmbeddedH2Backend(String storeFile, StoreLists lists) {
        super(openStore(storeFile, lists));
        this.lists = lists;
        OPENING.remove();
    }

    private StoreLists listsInForce() {
        return lists != null ? lists : OPENING.get();
    }

    /**
     * Opens the store without H2's background writer and without its commits on a full write buffer: either would
     * commit whatever the maps hold at that moment, half a request included. The platform commits whole requests
     * ({@link GroupCommit}), and {@link StoreFileUpkeep} does the writer's other work.
     */
    private static MVStore openStore(String storeFile, StoreLists lists) {
        OPENING.set(lists);
        MVStore store = new MVStore.Builder().fileName(storeFile)
                .autoCommitDisabled().autoCommitBufferSize(0).open();
        store.setRetentionTime(RETENTION_MILLIS);
        return store;
    }

    /** The name {@link H2Database} gives the map of a collection's index. */
    static String indexMapName(String database, String collection, String index) {
        return database + "." + collection + "._index_" + index;
    }

    /** The name {@link H2Database} gives the map of a collection's documents. */
    static String documentsMapName(String namespace) {
        return "databases." + namespace;
    }

    /** The name {@link H2Database} gives the map of a collection's own figures. */
    static String metaMapName(String namespace) {
        return "meta." + namespace;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        /**
         * Every collection's documents are kept as BSON ({@link DocumentValueType}).
         * A listed collection reads and writes the same maps as {@link H2Database} opens for it, under the same
         * names; {@code EmbeddedH2BackendTest} fails if a new version of the library names them otherwise.
         */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collection);
            MVMap<Object, Document> documents = getMvStore().openMap(documentsMapName(namespace),
                    new MVMap.Builder<Object, Document>().valueType(new DocumentValueType()));
            if (!listsInForce().listed(collection)) {
                return super.openOrCreateCollection(collection, options);
            }
            return new ListedCollection(this, collection, options,
                    documents, getMvStore().openMap(metaMapName(namespace)), cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collection, String index, List<IndexKey> keys,
                                                        boolean sparse) {
            getMvStore().openMap(indexMapName(getDatabaseName(), collection, index),
                    new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
            Index<Object> unique = super.openOrCreateUniqueIndex(collection, index, keys, sparse);
            return IdIndex.extendsIndexOn(keys) ? new IdIndex<>(unique) : unique;
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collection, String index, List<IndexKey> keys,
                                                           boolean sparse) {
            if (listsInForce().listed(collection) && ListIndex.fits(keys)) {
                return new ListIndex(index, keys);
            }
            return super.openOrCreateSecondaryIndex(collection, index, keys, sparse);
        }
    }
}
