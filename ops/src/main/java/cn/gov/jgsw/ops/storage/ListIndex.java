package cn.gov.jgsw.ops.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;

/**
 * A list index of the embedded store (列表索引), kept in memory: the documents of each list, where a list is the
 * values of the index's first two fields, in the order of the index's other fields. The platform's list indexes start
 * with the tenant and the person or status a screen lists by ({@code {tenantId, requesterId, orderedAt, _id}},
 * {@code {tenantId, waiting, submittedAt}}), so a screen reads the documents of that person or status, not the whole
 * collection of every bureau; and when it asks for the index's order, it reads them in that order and stops after its
 * page ({@link #positionsInOrder}), as MongoDB does.
 * <p>
 * mongo-java-server ignores indexes that are not unique. It re-applies the whole query to every document an index
 * names, so an index may name more documents than match, never fewer: this one answers a query only if it fixes both
 * fields to a plain value ({@link QueryEqualities}). An array field counts each element, as MongoDB's multikey indexes
 * do; a document is named once all the same.
 * <p>
 * Nothing of it is written to the store file: the server builds it from the collection when the index is opened, at
 * every start. A position is the document's {@code _id}, as the H2 backend keeps its documents; within equal values of
 * the other fields, documents follow their {@code _id} in the direction of the last field, as MongoDB's record ids
 * follow an index's keys.
 */
final class ListIndex extends Index<Object> {

    private static final int FIELDS = 2;
    private static final String ID = "_id";

    private final List<String> fields;
    /** The fields after the list's two, then {@code _id}, each with its direction: the order within a list. */
    private final List<IndexKey> order;
    private final Comparator<Entry> entryOrder;
    private final Map<KeyValue, NavigableSet<Entry>> lists = new ConcurrentHashMap<>();

    ListIndex(String name, List<IndexKey> keys) {
        // Sparse, as mongo-java-server's own placeholder for such indexes: a document without the fields is not in it.
        super(name, keys, true);
        this.fields = keys.stream().limit(FIELDS).map(IndexKey::getKey).toList();
        List<IndexKey> within = new ArrayList<>(keys.subList(FIELDS, keys.size()));
        boolean lastAscending = within.isEmpty() || within.get(within.size() - 1).isAscending();
        within.add(new IndexKey(ID, lastAscending));
        this.order = List.copyOf(within);
        this.entryOrder = entryOrder(order);
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
        entriesOf(document, position).forEach(this::addEntry);
    }

    @Override
    public Object remove(Document document) {
        entriesOf(document, document.get(ID)).forEach(this::removeEntry);
        return null;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // Not unique: nothing refused.
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) {
        Set<Listed> before = entriesOf(oldDocument, position);
        Set<Listed> after = entriesOf(newDocument, position);
        before.stream().filter(entry -> !after.contains(entry)).forEach(this::removeEntry);
        after.stream().filter(entry -> !before.contains(entry)).forEach(this::addEntry);
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
        NavigableSet<Entry> list = lists.get(keyOf(query));
        if (list == null) {
            return List.of();
        }
        List<Object> listed = new ArrayList<>(list.stream().map(Entry::position).collect(Collectors.toSet()));
        if (listed.stream().allMatch(String.class::isInstance)) {
            listed.sort(Comparator.comparing(String.class::cast));
        }
        return listed;
    }

    /**
     * The positions of the query's list in the order asked, read lazily, or null if the index does not answer the
     * query or does not hold its list in that order. The order is held if it is the index's order within a list, or
     * exactly its reverse, from its first field up to any of them.
     */
    Iterable<Object> positionsInOrder(Document query, Document orderBy) {
        KeyValue key = keyOf(query);
        Boolean forward = key == null ? null : direction(orderBy);
        if (forward == null) {
            return null;
        }
        NavigableSet<Entry> list = lists.getOrDefault(key, new ConcurrentSkipListSet<>(entryOrder));
        NavigableSet<Entry> ordered = forward ? list : list.descendingSet();
        return () -> new OncePerDocument(ordered.iterator());
    }

    /** True if the order is the index's within a list, false if its reverse, null if neither. */
    private Boolean direction(Document orderBy) {
        if (orderBy == null || orderBy.isEmpty() || orderBy.size() > order.size()) {
            return null;
        }
        Boolean forward = null;
        int i = 0;
        for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
            IndexKey held = order.get(i++);
            if (!held.getKey().equals(sort.getKey()) || !(sort.getValue() instanceof Number direction)) {
                return null;
            }
            boolean same = (direction.intValue() > 0) == held.isAscending();
            if (forward == null) {
                forward = same;
            } else if (forward != same) {
                return null;
            }
        }
        return forward;
    }

    @Override
    public long getCount() {
        return lists.values().stream().mapToLong(Set::size).sum();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void drop() {
        lists.clear();
    }

    private void addEntry(Listed listed) {
        lists.computeIfAbsent(listed.list(), k -> new ConcurrentSkipListSet<>(entryOrder)).add(listed.entry());
    }

    private void removeEntry(Listed listed) {
        lists.computeIfPresent(listed.list(), (k, held) -> {
            held.remove(listed.entry());
            return held.isEmpty() ? null : held;
        });
    }

    /** One entry per list the document is in and element of an array among the other fields. */
    private Set<Listed> entriesOf(Document document, Object position) {
        Set<Listed> entries = new HashSet<>();
        for (KeyValue values : getKeyValues(document)) {
            Object[] within = new Object[order.size()];
            for (int i = 0; i < within.length - 1; i++) {
                within[i] = values.get(FIELDS + i);
            }
            within[within.length - 1] = position;
            entries.add(new Listed(new KeyValue(values.stream().limit(FIELDS).toList()), new Entry(within)));
        }
        return entries;
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

    private static Comparator<Entry> entryOrder(List<IndexKey> order) {
        return (a, b) -> {
            for (int i = 0; i < order.size(); i++) {
                int compared = ValueComparator.asc().compare(a.within[i], b.within[i]);
                if (compared != 0) {
                    return order.get(i).isAscending() ? compared : -compared;
                }
            }
            return 0;
        };
    }

    /**
     * A document in a list: the values it is ordered by within the list, ending with its position. Kept small, as
     * there is one per document and list.
     */
    private static final class Entry {

        private final Object[] within;

        Entry(Object[] within) {
            this.within = within;
        }

        Object position() {
            return within[within.length - 1];
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Entry entry && Arrays.equals(within, entry.within);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(within);
        }
    }

    /** An entry with the list it is in, while a document is added, changed or removed. */
    private record Listed(KeyValue list, Entry entry) {
    }

    /** Each position once, where an array among the ordering fields puts a document in a list more than once. */
    private static final class OncePerDocument implements Iterator<Object> {

        private final Iterator<Entry> entries;
        private final Set<Object> seen = new HashSet<>();
        private Object next;

        OncePerDocument(Iterator<Entry> entries) {
            this.entries = entries;
        }

        @Override
        public boolean hasNext() {
            while (next == null && entries.hasNext()) {
                Object position = entries.next().position();
                if (seen.add(position)) {
                    next = position;
                }
            }
            return next != null;
        }

        @Override
        public Object next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Object position = next;
            next = null;
            return position;
        }
    }
}
