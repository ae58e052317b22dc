package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.projections.scheduling.PeriodicJob;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.time.Duration;

/** Signs a new tree head for every bureau whose ledger grew, every {@code jgsw.ledger.tree-head-interval}. */
public class TreeHeadJob extends PeriodicJob {

    private final TreeHeads heads;
    private final MongoCollection<Document> sizes;

    public TreeHeadJob(TreeHeads heads, MongoDatabase database, Duration interval) {
        super("ledger-tree-heads", interval);
        this.heads = heads;
        this.sizes = database.getCollection("ledger_sizes");
    }

    @Override
    protected void runOnce() {
        for (Document size : sizes.find()) {
            heads.issue(size.getString("_id"));
        }
    }
}
