package cn.gov.jgsw.ops.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A list index of the embedded store (列表索引), kept in memory: where a collection's documents are, by the values
 * of the index's first two fields. The platform's list indexes start with the tenant and the person or status a screen
 * lists by ({@code {tenantId, requesterId, orderedAt, _id}}, {@code {tenantId, waiting, submittedAt}}), so a screen
 * reads the documents of that person or status, not the whole collection of every bureau.
 * <p>
 * mongo-java-server ignores indexes that are not unique. It re-applies the whole query to every document an index
 * names, sorts and limits, so an index may name more documents than match, never fewer: this one answers a query
 * only if it fixes both fields to a plain value ({@link QueryEqualities}).
 * An array field counts each element, as MongoDB's multikey indexes do.
 * <p>
 * Nothing of it is written to the store file: the server builds it from the collection when the index is opened, at
 * every start. A position is the document's {@code _id}, as the H2 backend keeps its documents.
 */
final class ListIndex extends Index<Object> {

    private static final int FIELDS = 2;

    private final List<String> fields;
    private final Map<KeyValue, Set<Object>> positions = new ConcurrentHashMap<>();

    ListIndex(String name, List<IndexKey> keys) {
        // Sparse, as mongo-java-server's own placeholder for such indexes: a document without the fields is not in it.
        super(name, keys, true);
        this.fields = keys.stream().limit(FIELDS).map(IndexKey::getKey).toList();
    }

    /** Whether the index's first fields make a list index: two or more, the first of them the tenant. */
    static boolean fits(List<IndexKey> keys) {
        return keys.size() >= FIELDS && keys.get(0).getKey().equals("tenantId");
    }

    @Override
    public Object getPosition(Document document) {
        // The _id index answers where a document is; this one only which documents a list holds.
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // Not unique: nothing refused.
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        for (KeyValue key : keysOf(document)) {
            positions.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(position);
        }
    }

    @Override
    public Object remove(Document document) {
        Object position = document.get("_id");
        for (KeyValue key : keysOf(document)) {
            removePosition(key, position);
        }
        return null;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // Not unique: nothing refused.
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) {
        Set<KeyValue> before = keysOf(oldDocument);
        Set<KeyValue> after = keysOf(newDocument);
        for (KeyValue key : before) {
            if (!after.contains(key)) {
                removePosition(key, position);
            }
        }
        for (KeyValue key : after) {
            if (!before.contains(key)) {
                positions.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(position);
            }
        }
    }

    @Override
    public boolean canHandle(Document query) {
        return keyOf(query) != null;
    }

    /**
     * In {@code _id} order when the ids are strings, as the collection itself keeps them: a query without a sort
     * finds its documents in the same order with this index as without.
     */
    @Override
    public Iterable<Object> getPositions(Document query) {
        Set<Object> found = positions.get(keyOf(query));
        if (found == null) {
            return List.of();
        }
        List<Object> listed = new ArrayList<>(found);
        if (listed.stream().allMatch(String.class::isInstance)) {
            listed.sort(Comparator.comparing(String.class::cast));
        }
        return listed;
    }

    @Override
    public long getCount() {
        return positions.values().stream().mapToLong(Set::size).sum();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void drop() {
        positions.clear();
    }

    private void removePosition(KeyValue key, Object position) {
        positions.computeIfPresent(key, (k, held) -> {
            held.remove(position);
            return held.isEmpty() ? null : held;
        });
    }

    /** The values of the first fields, once per element where one of them is an array. */
    private Set<KeyValue> keysOf(Document document) {
        return getKeyValues(document).stream()
                .map(values -> new KeyValue(values.stream().limit(FIELDS).toList()))
                .collect(Collectors.toSet());
    }

    /** The key the query fixes the first fields to, or null if it does not fix both to a plain value. */
    private KeyValue keyOf(Document query) {
        Map<String, Object> equalities = QueryEqualities.of(query);
        List<Object> values = new ArrayList<>(FIELDS);
        for (String field : fields) {
            Object value = equalities.get(field);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return new KeyValue(values).normalized();
    }
}
