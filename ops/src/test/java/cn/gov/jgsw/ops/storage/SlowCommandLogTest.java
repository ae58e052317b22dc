package cn.gov.jgsw.ops.storage;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlowCommandLogTest {

    @Test
    void aCommandIsDescribedByItsCollectionAndTheFieldsItAsksForNeverByTheirValues() {
        BsonDocument find = BsonDocument.parse("{find: 'vehicle_orders', filter: {$and: [{tenantId: 'bureau-nanming'},"
                + " {requesterId: 'user-nanming-civil-servant'}]}, sort: {orderedAt: -1, _id: -1}, limit: 21}");
        assertThat(SlowCommandLog.describe("find", find))
                .isEqualTo("find vehicle_orders filter {$and [{tenantId}, …]} sort {orderedAt, _id}")
                .doesNotContain("nanming");

        BsonDocument update = BsonDocument.parse("{update: 'trackingtokens', updates: [{q: {processorName: 'fleet',"
                + " segment: 0}, u: {$set: {owner: 'node'}}}]}");
        assertThat(SlowCommandLog.describe("update", update))
                .isEqualTo("update trackingtokens updates of {processorName, segment}");
    }
}
