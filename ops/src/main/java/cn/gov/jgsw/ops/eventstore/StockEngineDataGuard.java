package cn.gov.jgsw.ops.eventstore;

import com.mongodb.client.MongoDatabase;

import java.util.List;

/**
 * Refuses to start on data written by Axon's stock MongoDB engine, whose events this store does not read. Nothing was
 * released with that engine, so there is no migration; starting anyway would show an empty history beside old read
 * models.
 */
public final class StockEngineDataGuard {

    static final List<String> STOCK_COLLECTIONS = List.of("domainevents", "snapshotevents");

    private StockEngineDataGuard() {
    }

    public static void refuseStockEngineData(MongoDatabase database) {
        for (String collection : database.listCollectionNames()) {
            if (STOCK_COLLECTIONS.contains(collection)
                    && database.getCollection(collection).find().limit(1).first() != null) {
                throw new IllegalStateException("The database '" + database.getName() + "' holds events written by "
                        + "Axon's stock MongoDB engine (collection '" + collection + "'), which this platform no longer "
                        + "reads. No release used that engine, so there is no migration: start on an empty data "
                        + "directory (JGSW_DATA_DIR) or database (MONGODB_URI / MONGODB_DATABASE).");
            }
        }
    }
}
