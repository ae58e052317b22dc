package cn.gov.jgsw.ops.storage;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;

import java.util.List;

/**
 * mongo-java-server's H2 backend with one change: unique indexes compare their keys with {@link IndexKeyType}.
 * <p>
 * {@link H2Database} opens an index's map with H2's defaults. An MVStore hands out a map that is already open as it
 * is, so opening it first with the key type here makes the database use that type. The map's name follows
 * {@code H2Database}'s own naming; {@code EmbeddedH2BackendTest} fails if a new version of the library names them
 * otherwise.
 */
class EmbeddedH2Backend extends H2Backend {

    EmbeddedH2Backend(String storeFile) {
        super(storeFile);
    }

    /** The name {@link H2Database} gives the map of a collection's index. */
    static String indexMapName(String database, String collection, String index) {
        return database + "." + collection + "._index_" + index;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collection, String index, List<IndexKey> keys,
                                                        boolean sparse) {
            getMvStore().openMap(indexMapName(getDatabaseName(), collection, index),
                    new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
            return super.openOrCreateUniqueIndex(collection, index, keys, sparse);
        }
    }
}
