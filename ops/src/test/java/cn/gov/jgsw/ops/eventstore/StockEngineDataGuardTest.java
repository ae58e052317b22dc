package cn.gov.jgsw.ops.eventstore;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StockEngineDataGuardTest {

    private final EventStoreServer server = new EventStoreServer();
    private final MongoDatabase database = server.database();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void refusesADatabaseWithEventsOfTheStockEngine() {
        database.getCollection("domainevents").insertOne(new Document("aggregateIdentifier", "order-1"));

        assertThatThrownBy(() -> StockEngineDataGuard.refuseStockEngineData(database))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stock MongoDB engine")
                .hasMessageContaining("domainevents")
                .hasMessageContaining("JGSW_DATA_DIR");
    }

    @Test
    void startsOnAnEmptyDatabaseAndOnItsOwnEvents() {
        assertThatCode(() -> StockEngineDataGuard.refuseStockEngineData(database)).doesNotThrowAnyException();
        server.engine().appendEvents(EventStoreServer.event("order-1", 0));
        database.createCollection("snapshotevents");

        assertThatCode(() -> StockEngineDataGuard.refuseStockEngineData(database)).doesNotThrowAnyException();
    }
}
