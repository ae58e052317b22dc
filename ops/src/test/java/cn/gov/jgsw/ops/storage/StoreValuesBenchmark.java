package cn.gov.jgsw.ops.storage;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How long writing and reading the documents of a store file take in each form, on one thread's CPU clock: H2's
 * default (Java's object serialization) and BSON ({@link DocumentValueType}). The documents are those of a real store,
 * the one a mobile API benchmark run kept with {@code --data-directory}, so the figures are for the platform's own
 * documents; they do not move with the load of the machine as a latency does.
 * <p>
 * Usage: {@code ops/bench/store-values.sh --data-directory D} (the platform must not be running on D).
 */
public final class StoreValuesBenchmark {

    private static final int ROUNDS = 10;

    public static void main(String[] args) {
        if (args.length != 2 || !args[0].equals("--data-directory")) {
            System.err.println("usage: store-values.sh --data-directory D");
            System.exit(2);
        }
        Path file = Path.of(args[1], "platform.mv");
        if (!Files.isRegularFile(file)) {
            System.err.println("no store file at " + file);
            System.exit(2);
        }
        Document[] documents = documentsOf(file);
        System.out.printf("%,d documents of %s; the best of %d rounds, each writing and reading all of them%n",
                documents.length, file, ROUNDS);
        measure("Java's object serialization (H2's default)", new ObjectDataType(), documents);
        measure("BSON (DocumentValueType)", new DocumentValueType(), documents);
    }

    private static Document[] documentsOf(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            List<Document> documents = new ArrayList<>();
            for (String name : store.getMapNames()) {
                if (name.startsWith(EmbeddedH2Backend.documentsMapName(""))) {
                    MVMap<Object, Document> map = store.openMap(name,
                            new MVMap.Builder<Object, Document>().valueType(new DocumentValueType()));
                    documents.addAll(map.values());
                }
            }
            return documents.toArray(new Document[0]);
        } finally {
            store.close();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void measure(String form, DataType type, Document[] documents) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long bestWrite = Long.MAX_VALUE;
        long bestRead = Long.MAX_VALUE;
        int bytes = 0;
        WriteBuffer written = new WriteBuffer();
        Object[] read = type.createStorage(documents.length);
        for (int round = 0; round < ROUNDS; round++) {
            written.clear();
            long start = threads.getCurrentThreadCpuTime();
            type.write(written, documents, documents.length);
            long between = threads.getCurrentThreadCpuTime();
            ByteBuffer page = written.getBuffer().flip();
            bytes = page.remaining();
            type.read(page, read, documents.length);
            long end = threads.getCurrentThreadCpuTime();
            bestWrite = Math.min(bestWrite, between - start);
            bestRead = Math.min(bestRead, end - between);
        }
        System.out.printf("%s: write %.2f µs, read %.2f µs, %,d bytes a document%n", form,
                bestWrite / 1000.0 / documents.length, bestRead / 1000.0 / documents.length,
                bytes / documents.length);
    }
}
