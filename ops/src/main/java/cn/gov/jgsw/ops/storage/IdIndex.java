package cn.gov.jgsw.ops.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A collection's {@code _id} index that also answers a look-up by {@code _id} with more conditions: a write that
 * holds only if the document is still as read ({@code {_id, claimToken}} of an idempotency claim, {@code {_id,
 * version}}) finds its one document by {@code _id}, and the server checks the rest on it. Likewise a look-up of
 * several by {@code _id $in} with more conditions (a bureau's orders named by its approvals, {@code {tenantId, _id
 * $in}}) finds each by {@code _id}.
 * <p>
 * mongo-java-server's unique index answers only a query on exactly its fields, so such a query read every document of
 * the collection: under the mobile benchmark, every mutation read all of a day's idempotency records twice, and every
 * approvals screen all of the orders. Everything else is the library's own index, unchanged.
 */
final class IdIndex<P> extends Index<P> {

    private static final String ID = "_id";

    private final Index<P> unique;

    IdIndex(Index<P> unique) {
        super(unique.getName(), unique.getKeys(), false);
        this.unique = unique;
    }

    /** Whether the index is a collection's {@code _id} index, which this one extends. */
    static boolean extendsIndexOn(List<IndexKey> keys) {
        return keys.size() == 1 && keys.get(0).getKey().equals(ID);
    }

    @Override
    public boolean canHandle(Document query) {
        return unique.canHandle(query) || QueryEqualities.of(query).containsKey(ID)
                || QueryEqualities.anyOf(query, ID) != null;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        if (unique.canHandle(query)) {
            return unique.getPositions(query);
        }
        Map<String, Object> equalities = QueryEqualities.of(query);
        if (equalities.containsKey(ID)) {
            return unique.getPositions(new Document(ID, equalities.get(ID)));
        }
        Set<P> positions = new LinkedHashSet<>();
        for (Object id : QueryEqualities.anyOf(query, ID)) {
            unique.getPositions(new Document(ID, id)).forEach(positions::add);
        }
        return positions;
    }

    @Override
    public P getPosition(Document document) {
        return unique.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        unique.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        unique.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return unique.remove(document);
    }

    @Override
    public long getCount() {
        return unique.getCount();
    }

    @Override
    public boolean isEmpty() {
        return unique.isEmpty();
    }

    @Override
    public long getDataSize() {
        return unique.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        unique.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position,
                              MongoCollection<P> collection) throws KeyConstraintError {
        unique.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public boolean isUnique() {
        return true;
    }

    @Override
    public void drop() {
        unique.drop();
    }
}
