package cn.gov.jgsw.ops.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.lang.ref.ReferenceQueue;
import java.nio.ByteBuffer;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * H2's key type for the embedded store's unique indexes, whose keys are mongo-java-server's {@link KeyValue}s.
 * <p>
 * A {@code KeyValue} is not {@link Comparable}, so H2's {@link ObjectDataType} orders two of them by their Java
 * serialization, serializing both at every comparison of a B-tree search: a large share of the platform's CPU under
 * the mobile API benchmark (BENCHMARKS.md). This type orders by exactly the same bytes, so that index files
 * written before it stay valid, but serializes each key once: the form is kept as long as the key object lives (H2
 * keeps the keys of the pages it has cached).
 * <p>
 * Keys are read and written in exactly the form {@code ObjectDataType} uses, but with the bytes kept: a key read from
 * a page keeps the bytes it was read from, and a key whose bytes are known is written without serializing it again.
 */
final class IndexKeyType extends ObjectDataType {

    /** The tag {@code ObjectDataType} writes before a serialized object (its {@code TYPE_SERIALIZED_OBJECT}). */
    static final byte SERIALIZED_TAG = 19;

    private final SerializedForms forms = new SerializedForms();

    /**
     * H2's own estimate for a serialized object: a moving average of twice its length, starting at 10,000 bytes.
     * Kept the same so that pages split where they did; races between threads only blur the average.
     */
    private int averageKeyMemory = 10_000;

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue && b instanceof KeyValue) {
            // ObjectDataType's own rule for two serialized objects that are not Comparable, with the bytes kept.
            return a == b ? 0 : compareNotNull(forms.of(a), forms.of(b));
        }
        return super.compare(a, b);
    }

    @Override
    public int getMemory(Object key) {
        return key instanceof KeyValue ? averageKeyMemory : super.getMemory(key);
    }

    @Override
    public void write(WriteBuffer buff, Object key) {
        if (!(key instanceof KeyValue)) {
            super.write(buff, key);
            return;
        }
        byte[] form = forms.of(key);
        buff.put(SERIALIZED_TAG).putVarInt(form.length).put(form);
        countSize(form.length);
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != SERIALIZED_TAG) {
            return super.read(buff);
        }
        buff.get();
        byte[] form = new byte[DataUtils.readVarInt(buff)];
        buff.get(form);
        Object key = deserialize(form);
        if (key instanceof KeyValue) {
            forms.remember(key, form);
        }
        countSize(form.length);
        return key;
    }

    private void countSize(int serializedLength) {
        averageKeyMemory = (int) ((2L * serializedLength + 15L * averageKeyMemory) / 16);
    }

    /** Serialized forms by key identity; an entry goes when its key is collected. */
    private static final class SerializedForms {

        private final ConcurrentHashMap<Identity, byte[]> byKey = new ConcurrentHashMap<>();
        private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

        byte[] of(Object key) {
            forgetCollected();
            byte[] form = byKey.get(new Identity(key, null));
            if (form == null) {
                form = serialize(key);
                remember(key, form);
            }
            return form;
        }

        void remember(Object key, byte[] form) {
            forgetCollected();
            byKey.put(new Identity(key, collected), form);
        }

        private void forgetCollected() {
            for (Object gone = collected.poll(); gone != null; gone = collected.poll()) {
                byKey.remove(gone);
            }
        }
    }

    /** A weak reference equal to another only for the same, still living, object. */
    private static final class Identity extends WeakReference<Object> {

        private final int hash;

        Identity(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Identity identity)) {
                return false;
            }
            Object referent = get();
            return referent != null && referent == identity.get();
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
