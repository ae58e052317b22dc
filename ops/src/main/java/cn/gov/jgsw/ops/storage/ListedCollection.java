package cn.gov.jgsw.ops.storage;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A collection of the embedded store whose list indexes ({@link ListIndex}) hold the order a screen asks for: such a
 * query reads its list in that order and stops once it has its page. The library sorts every document a query names
 * before it skips and limits, so a list screen of 20 read all of a person's orders: 10,000 for a clerk with 10,000.
 * Any other query is the library's own.
 */
final class ListedCollection extends H2Collection {

    private final List<ListIndex> listIndexes = new CopyOnWriteArrayList<>();

    ListedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                     MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, documents, meta, cursorRegistry);
    }

    @Override
    public void addIndex(Index<Object> index) {
        super.addIndex(index);
        if (index instanceof ListIndex list && !listIndexes.contains(list)) {
            listIndexes.add(list);
        }
    }

    @Override
    public void dropIndex(String indexName) {
        super.dropIndex(indexName);
        listIndexes.removeIf(index -> index.getName().equals(indexName));
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        for (ListIndex index : listIndexes) {
            Iterable<Object> ordered = index.positionsInOrder(query, orderBy);
            if (ordered != null) {
                // Lazily, and already in order: the stream stops reading once skip and limit are met.
                Stream<Document> documents = StreamSupport.stream(ordered.spliterator(), false)
                        .map(this::getDocument).filter(Objects::nonNull);
                return matchDocumentsFromStream(query, documents, numberToSkip, limit, batchSize, null,
                        fieldSelector);
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }
}
