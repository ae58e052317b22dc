package cn.gov.jgsw.ops.storage;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * H2's value type for the embedded store's documents: each document is written as BSON ({@link BsonForm}), the form
 * the wire protocol already uses, behind a tag of its own.
 * <p>
 * H2's default, {@link ObjectDataType}, writes a document it does not know with Java's object serialization, class
 * descriptions included, and reads it back the same way. Under the mobile API benchmark that was most of the time the
 * store spent committing, the largest single part of the platform's CPU (ADR 0023).
 * <p>
 * Documents written in the earlier form stay readable: no tag {@code ObjectDataType} writes is negative, and
 * {@link #BSON_TAG} is, so a value tells which form it has. An earlier store file needs no migration: its documents are
 * rewritten in BSON as they change or as {@link H2Housekeeping} moves their pages. A document BSON cannot carry (a Java
 * value no client could have sent) is still written in the earlier form rather than refused.
 */
final class DocumentValueType extends BasicDataType<Document> {

    /** Marks a value written as BSON; every tag {@link ObjectDataType} writes lies between 0 and 127. */
    static final byte BSON_TAG = (byte) 0xB0;

    /**
     * A decoded document takes about this many bytes of heap per byte of its BSON: each field is a map entry, a key
     * string and a boxed or string value, each with an object header. H2 sizes its page cache and splits its pages by
     * this estimate, so it should be near the heap the document really takes.
     */
    private static final int HEAP_BYTES_PER_BSON_BYTE = 4;

    private final ObjectDataType earlierForm = new ObjectDataType();

    /**
     * The estimate H2 asks for per document, a moving average over the documents written and read, as
     * {@code ObjectDataType} keeps it for serialized objects. Races between threads only blur the average.
     */
    private int averageHeapBytes = 2_048;

    @Override
    public int getMemory(Document document) {
        return averageHeapBytes;
    }

    @Override
    public void write(WriteBuffer buff, Document document) {
        int start = buff.position();
        try {
            BsonForm.write(buff.put(BSON_TAG), document);
        } catch (IllegalArgumentException notBson) {
            earlierForm.write(buff.position(start), document);
            return;
        }
        countSize(buff.position() - start - 1);
    }

    @Override
    public Document read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON_TAG) {
            return (Document) earlierForm.read(buff);
        }
        buff.get();
        int start = buff.position();
        Document document = BsonForm.read(buff);
        countSize(buff.position() - start);
        return document;
    }

    private void countSize(int bsonLength) {
        averageHeapBytes = (int) ((HEAP_BYTES_PER_BSON_BYTE * (long) bsonLength + 15L * averageHeapBytes) / 16);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
