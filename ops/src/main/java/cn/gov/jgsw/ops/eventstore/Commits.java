package cn.gov.jgsw.ops.eventstore;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.mongodb.client.model.Filters.in;

/**
 * Makes a commit of several events visible whole or not at all, without a multi-document transaction.
 * <p>
 * The events of one commit are written with one ordered insert; each carries the commit's first position and size.
 * A reader treats the commit as committed only when every one of its positions holds one of its events. While a
 * position is still empty the commit is pending (its writer is busy, or dead); once any of its positions holds a
 * tombstone or someone else's event it is dead, and stays so: its events are never delivered and are removed by the
 * next writer that needs their aggregate sequence numbers.
 */
final class Commits {

    enum State {
        /** Every event is there: deliver. */
        COMMITTED,
        /** Some event is not there yet: wait, the position stays a gap. */
        PENDING,
        /** The commit can never complete (or the document is a tombstone): pass over, deliver nothing. */
        VOID
    }

    private final MongoCollection<Document> log;

    Commits(MongoCollection<Document> log) {
        this.log = log;
    }

    /**
     * The given documents by position, plus every other document of the commits they belong to, read with one more
     * query if some are missing.
     */
    Map<Long, Document> withFellowEvents(Collection<Document> documents) {
        Map<Long, Document> byPosition = new TreeMap<>();
        documents.forEach(document -> byPosition.put(EventDocument.position(document), document));
        List<Long> missing = new ArrayList<>();
        for (Document document : documents) {
            if (EventDocument.isTombstone(document) || EventDocument.commitSize(document) == 1) {
                continue;
            }
            long first = EventDocument.commitFirst(document);
            for (long position = first; position < first + EventDocument.commitSize(document); position++) {
                if (!byPosition.containsKey(position) && !missing.contains(position)) {
                    missing.add(position);
                }
            }
        }
        if (!missing.isEmpty()) {
            log.find(in(EventDocument.POSITION, missing))
                    .forEach(document -> byPosition.put(EventDocument.position(document), document));
        }
        return byPosition;
    }

    /** The state of the commit the document belongs to; {@code known} must hold its fellow events, if read. */
    static State stateOf(Document document, Map<Long, Document> known) {
        if (EventDocument.isTombstone(document)) {
            return State.VOID;
        }
        int size = EventDocument.commitSize(document);
        if (size == 1) {
            return State.COMMITTED;
        }
        long first = EventDocument.commitFirst(document);
        State state = State.COMMITTED;
        for (long position = first; position < first + size; position++) {
            Document fellow = known.get(position);
            if (fellow == null) {
                state = State.PENDING;
            } else if (EventDocument.isTombstone(fellow) || EventDocument.commitFirst(fellow) != first) {
                return State.VOID;
            }
        }
        return state;
    }
}
