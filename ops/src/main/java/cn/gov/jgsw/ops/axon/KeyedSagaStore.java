package cn.gov.jgsw.ops.axon;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.SagaEntry;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The state of processes (sagas, 流程) where every read and write is a look-up by {@code _id}, so that the cost of
 * routing one order does not grow with the number of approvals still open.
 * <p>
 * axon-mongo's store finds a saga by a field other than {@code _id} and its associations by a query into an array;
 * the embedded server answers both by reading the whole collection (it uses an index only for exact values of every
 * field of a unique index). Here a saga's document has its identifier as {@code _id}, in axon-mongo's format
 * otherwise, and each association value ({@code orderId}, {@code approvalId}) has a document of its own in
 * {@code saga_associations}, whose {@code _id} names the saga type, key and value and which lists the sagas
 * associated with it.
 * <p>
 * An association document is removed when its last saga leaves it. On the embedded store, which only this process
 * writes, the store reads the documents by {@code _id} and writes all changes in one request, under a lock; on a
 * shared MongoDB each removal itself checks that the list is still empty, which a real MongoDB answers from the
 * {@code _id} index.
 */
public final class KeyedSagaStore implements SagaStore<Object> {

    static final String ASSOCIATIONS_COLLECTION = "saga_associations";
    private static final String ID = "_id";
    private static final String SAGA_IDS = "sagaIds";
    private static final String SAGA_TYPE = "sagaType";
    private static final Logger log = LoggerFactory.getLogger(KeyedSagaStore.class);

    private final MongoCollection<Document> sagas;
    private final MongoCollection<Document> associations;
    private final Serializer serializer;
    private final boolean onlyWriter;
    private final Object associationWrites = new Object();

    /**
     * @param onlyWriter whether this process is the only one writing the database (the embedded store, whose file is
     *                   locked to it)
     */
    public KeyedSagaStore(MongoDatabase database, String sagaCollection, Serializer serializer, boolean onlyWriter) {
        this.sagas = database.getCollection(sagaCollection);
        this.associations = database.getCollection(ASSOCIATIONS_COLLECTION);
        this.serializer = serializer;
        this.onlyWriter = onlyWriter;
    }

    @Override
    public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        Document stored = sagas.find(Filters.eq(ID, sagaIdentifier)).first();
        if (stored == null) {
            return null;
        }
        SagaEntry<S> entry = new SagaEntry<>(stored);
        S saga = entry.getSaga(serializer);
        Set<AssociationValue> associationValues = entry.getAssociationValues();
        return new Entry<>() {
            @Override
            public Set<AssociationValue> associationValues() {
                return associationValues;
            }

            @Override
            public S saga() {
                return saga;
            }
        };
    }

    @Override
    public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
        String id = associationId(typeName(sagaType), associationValue);
        Document association = associations.find(Filters.eq(ID, id)).first();
        Set<String> found = new TreeSet<>();
        if (association != null) {
            found.addAll(association.getList(SAGA_IDS, String.class));
        }
        return found;
    }

    @Override
    public void insertSaga(Class<?> sagaType, String sagaIdentifier, Object saga,
                           Set<AssociationValue> associationValues) {
        sagas.insertOne(documentOf(sagaIdentifier, saga, associationValues));
        associate(typeName(sagaType), associationValues, sagaIdentifier);
    }

    @Override
    public void updateSaga(Class<?> sagaType, String sagaIdentifier, Object saga,
                           AssociationValues associationValues) {
        sagas.replaceOne(Filters.eq(ID, sagaIdentifier),
                documentOf(sagaIdentifier, saga, associationValues.asSet()));
        associate(typeName(sagaType), associationValues.addedAssociations(), sagaIdentifier);
        dissociate(typeName(sagaType), associationValues.removedAssociations(), sagaIdentifier);
    }

    @Override
    public void deleteSaga(Class<?> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
        dissociate(typeName(sagaType), associationValues, sagaIdentifier);
        sagas.deleteOne(Filters.eq(ID, sagaIdentifier));
    }

    /**
     * Gives sagas written by axon-mongo's store (an {@code ObjectId} as {@code _id}) their identifier as {@code _id}
     * and their association documents. Each saga is written anew before its old document is removed, so a run killed
     * half-way is finished by the next.
     *
     * @return how many sagas were moved
     */
    public int moveSagasOfEarlierFormat() {
        List<Document> earlier = sagas.find(Filters.type(ID, BsonType.OBJECT_ID)).into(new ArrayList<>());
        for (Document old : earlier) {
            SagaEntry<Object> entry = new SagaEntry<>(old);
            Document moved = new Document(old);
            moved.put(ID, entry.getSagaId());
            sagas.replaceOne(Filters.eq(ID, entry.getSagaId()), moved, new ReplaceOptions().upsert(true));
            associate(old.getString(SAGA_TYPE), entry.getAssociationValues(), entry.getSagaId());
            sagas.deleteOne(Filters.eq(ID, old.get(ID)));
        }
        if (!earlier.isEmpty()) {
            log.info("Moved {} process states of the earlier format to look-ups by identifier", earlier.size());
        }
        return earlier.size();
    }

    private Document documentOf(String sagaIdentifier, Object saga, Set<AssociationValue> associationValues) {
        Document document = new SagaEntry<>(sagaIdentifier, saga, associationValues, serializer).asDocument();
        document.put(ID, sagaIdentifier);
        return document;
    }

    /** One request for all the values: on the embedded store every write request waits for a commit of the file. */
    private void associate(String sagaType, Collection<AssociationValue> values, String sagaIdentifier) {
        if (values.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = values.stream()
                .map(value -> (WriteModel<Document>) new UpdateOneModel<Document>(
                        Filters.eq(ID, associationId(sagaType, value)), Updates.addToSet(SAGA_IDS, sagaIdentifier),
                        new UpdateOptions().upsert(true)))
                .toList();
        synchronized (associationWrites) {
            associations.bulkWrite(writes);
        }
    }

    private void dissociate(String sagaType, Collection<AssociationValue> values, String sagaIdentifier) {
        if (values.isEmpty()) {
            return;
        }
        List<String> ids = values.stream().map(value -> associationId(sagaType, value)).toList();
        if (!onlyWriter) {
            ids.forEach(id -> dissociateShared(id, sagaIdentifier));
            return;
        }
        // This process alone writes the store, and only under this lock: what it reads stays true until it writes.
        synchronized (associationWrites) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            for (Document association : associations.find(Filters.in(ID, ids))) {
                List<String> sagaIds = new ArrayList<>(association.getList(SAGA_IDS, String.class));
                if (!sagaIds.remove(sagaIdentifier)) {
                    continue;
                }
                Bson thisOne = Filters.eq(ID, association.get(ID));
                writes.add(sagaIds.isEmpty()
                        ? new DeleteOneModel<>(thisOne)
                        : new UpdateOneModel<>(thisOne, Updates.pull(SAGA_IDS, sagaIdentifier)));
            }
            if (!writes.isEmpty()) {
                associations.bulkWrite(writes);
            }
        }
    }

    /** Other processes may add a saga meanwhile: the removal itself checks that the list is still empty. */
    private void dissociateShared(String id, String sagaIdentifier) {
        Document left = associations.findOneAndUpdate(Filters.eq(ID, id), Updates.pull(SAGA_IDS, sagaIdentifier),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (left != null && left.getList(SAGA_IDS, String.class).isEmpty()) {
            associations.deleteOne(Filters.and(Filters.eq(ID, id), Filters.size(SAGA_IDS, 0)));
        }
    }

    private String typeName(Class<?> sagaType) {
        return serializer.typeForClass(sagaType).getName();
    }

    private static String associationId(String sagaType, AssociationValue value) {
        return sagaType + " " + value.getKey() + "=" + value.getValue();
    }
}
