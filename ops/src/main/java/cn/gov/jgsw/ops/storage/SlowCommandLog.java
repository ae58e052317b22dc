package cn.gov.jgsw.ops.storage;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Logs every database command slower than a threshold (慢查询日志), with its collection and the shape of its filter
 * and sort: field names only, never values, so that the log holds nothing of the people's data. On the embedded server
 * a query that no unique index serves scans its collection (ARCHITECTURE.md); this is how the operator finds it.
 */
final class SlowCommandLog implements CommandListener {

    private static final Logger log = LoggerFactory.getLogger(SlowCommandLog.class);

    private final long thresholdNanos;
    /** What each running command is, by the driver's request id: the command document is gone once it has been sent. */
    private final Map<Integer, String> running = new ConcurrentHashMap<>();

    SlowCommandLog(Duration threshold) {
        this.thresholdNanos = threshold.toNanos();
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        running.put(event.getRequestId(), describe(event.getCommandName(), event.getCommand()));
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        finished(event.getRequestId(), event.getElapsedTime(TimeUnit.NANOSECONDS), "");
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        finished(event.getRequestId(), event.getElapsedTime(TimeUnit.NANOSECONDS), ", failed");
    }

    private void finished(int requestId, long elapsedNanos, String outcome) {
        String command = running.remove(requestId);
        if (command != null && elapsedNanos >= thresholdNanos) {
            log.warn("Slow database command ({} ms{}): {}", TimeUnit.NANOSECONDS.toMillis(elapsedNanos), outcome,
                    command);
        }
    }

    /**
     * The command's name, collection and the field names of its filter, sort or update target. The driver parses the
     * command document at every look-up, so only the parts this command has are looked up.
     */
    static String describe(String commandName, BsonDocument command) {
        StringBuilder description = new StringBuilder(commandName);
        BsonValue collection = command.get(commandName);
        if (collection != null && collection.isString()) {
            description.append(' ').append(collection.asString().getValue());
        }
        switch (commandName) {
            case "find" -> appendShapes(description, command, "filter", "sort");
            case "count", "findAndModify" -> appendShapes(description, command, "query");
            case "update" -> appendFirstStatement(description, command, "updates");
            case "delete" -> appendFirstStatement(description, command, "deletes");
            default -> {
            }
        }
        return description.toString();
    }

    private static void appendShapes(StringBuilder description, BsonDocument command, String... parts) {
        for (String part : parts) {
            BsonValue value = command.get(part);
            if (value != null && value.isDocument()) {
                description.append(' ').append(part).append(' ').append(shape(value.asDocument()));
            }
        }
    }

    private static void appendFirstStatement(StringBuilder description, BsonDocument command, String batch) {
        BsonValue statements = command.get(batch);
        if (statements != null && statements.isArray() && !statements.asArray().isEmpty()
                && statements.asArray().get(0).isDocument()) {
            BsonValue query = statements.asArray().get(0).asDocument().get("q");
            if (query != null && query.isDocument()) {
                description.append(' ').append(batch).append(" of ").append(shape(query.asDocument()));
            }
        }
    }

    /** Field names and operators, nested; values left out. */
    private static String shape(BsonDocument document) {
        StringBuilder shape = new StringBuilder("{");
        document.forEach((name, value) -> {
            if (shape.length() > 1) {
                shape.append(", ");
            }
            shape.append(name);
            if (value.isDocument()) {
                shape.append(' ').append(shape(value.asDocument()));
            } else if (value.isArray() && !value.asArray().isEmpty() && value.asArray().get(0).isDocument()) {
                shape.append(" [").append(shape(value.asArray().get(0).asDocument())).append(", …]");
            }
        });
        return shape.append('}').toString();
    }
}
