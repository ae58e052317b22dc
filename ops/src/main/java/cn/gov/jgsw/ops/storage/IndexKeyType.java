package cn.gov.jgsw.ops.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * H2's key type for the embedded store's unique indexes, whose keys are mongo-java-server's {@link KeyValue}s.
 * <p>
 * A {@code KeyValue} is not {@link Comparable}, so H2's {@link ObjectDataType} orders two of them by their Java
 * serialization, serializing both at every comparison of a B-tree search. Measured under the mobile API benchmark, that
 * was 18% of the platform's CPU (128 of 724 samples). This type orders by exactly the same bytes, so that index files
 * written before it stay valid, but serializes each key once: the form is kept as long as the key object lives (H2
 * keeps the keys of the pages it has cached). Reading and writing keys is unchanged.
 */
final class IndexKeyType extends ObjectDataType {

    private final SerializedForms forms = new SerializedForms();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue && b instanceof KeyValue) {
            // ObjectDataType's own rule for two serialized objects that are not Comparable, with the bytes kept.
            return a == b ? 0 : compareNotNull(forms.of(a), forms.of(b));
        }
        return super.compare(a, b);
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
                byKey.put(new Identity(key, collected), form);
            }
            return form;
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
