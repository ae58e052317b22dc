package cn.gov.jgsw.ops.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.nio.file.Path;

/**
 * The child process of {@link DurableWritesIT}. In {@code write} mode it starts the embedded server on a data
 * directory and inserts documents one by one through the real driver, printing {@code ACK n} after each
 * acknowledgement, until it is killed. In {@code count} mode it reopens the same directory and prints how many of a
 * round's documents are there.
 * <p>
 * Arguments: {@code write|count <dataDirectory> <round> <commitEveryRequest>}.
 */
public final class AcknowledgedWriter {

    public static void main(String[] args) {
        String mode = args[0];
        Path dataDirectory = Path.of(args[1]);
        String round = args[2];
        boolean commitEveryRequest = Boolean.parseBoolean(args[3]);
        EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory, commitEveryRequest);
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> writes = client.getDatabase("durability").getCollection("writes");
            if (mode.equals("write")) {
                for (int n = 0; ; n++) {
                    writes.insertOne(new Document("round", round).append("n", n));
                    System.out.println("ACK " + n);
                    System.out.flush();
                }
            }
            System.out.println("COUNT " + writes.countDocuments(new Document("round", round)));
            System.out.flush();
        } finally {
            server.close();
        }
    }

    private AcknowledgedWriter() {
    }
}
